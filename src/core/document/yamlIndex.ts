/**
 * One index per parsed YAML document, built in one pass in document order and kept for the
 * document's life (`YamlIndex.of`): which anchor each alias refers to, the key nodes by offset,
 * and (built per mapping on its first lookup) the pairs of a mapping by key. Every lookup the
 * checks make (duplicate keys, unknown keys, aliases in merge keys, `nodeAtPath` for ranges) goes
 * through it, so validating a file costs time linear in its size. The `yaml` package's own
 * `Alias.resolve` searches the whole document on every call, which made those lookups quadratic.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, stringify, type Alias, type Document, type Node, type Pair, type YAMLMap } from 'yaml';

/** A path into a YAML value as JSON Schema validators report it (`instancePath` split). */
export type ValuePath = ReadonlyArray<string | number>;

/** The pair holding a key, and the node found at a path (following aliases and merge keys). */
export interface PathTarget {
  /** The node at the path; may be `null` for `key:` without a value. */
  node: Node | null | undefined;
  /** The pair whose key is the last path segment, when the last segment is a mapping key. */
  pair?: Pair;
}

/** How deep merge keys are followed (a merge of a merge of ...); deeper ones are ignored. */
const MAX_MERGE_DEPTH = 20;

/** The own pairs of one mapping by key (the first of duplicates, as the checks report), and its merge sources. */
interface MapEntry {
  own: Map<string, Pair>;
  merges: Node[];
}

const indexes = new WeakMap<Document.Parsed, YamlIndex>();

/** See the module comment. Read-only once built; never throws on a parsed document. */
export class YamlIndex {
  /** The anchored node each alias refers to (the last anchor of that name before it); absent: undefined. */
  private readonly targets = new Map<Alias, Node | undefined>();
  /** Aliases in document order. */
  readonly aliases: Alias[] = [];
  /** Mapping keys by the offset they start at. */
  private readonly keysAt = new Map<number, Node>();
  private readonly maps = new Map<YAMLMap, MapEntry>();

  /** The index of `doc`, built on the first call and kept as long as `doc` lives. */
  static of(doc: Document.Parsed): YamlIndex {
    let index = indexes.get(doc);
    if (!index) {
      index = new YamlIndex(doc);
      indexes.set(doc, index);
    }
    return index;
  }

  private constructor(readonly doc: Document.Parsed) {
    // `visit` goes in document order and enters a node before its children, the order in which
    // `Alias.resolve` looks for "the last anchor before the alias".
    // A plain recursive walk in that order: the `yaml` package's `visit` costs several times more
    // (a frozen path per node), which showed in the benchmark of a thousand projects.
    const anchors = new Map<string, Node>();
    const walk = (node: unknown): void => {
      if (isAlias(node)) {
        this.aliases.push(node);
        this.targets.set(node, anchors.get(node.source));
        return;
      }
      if (isPair(node)) {
        const key = node.key as Node | null;
        if (key && typeof key === 'object' && key.range) this.keysAt.set(key.range[0], key);
        walk(node.key);
        walk(node.value);
        return;
      }
      if (!node || typeof node !== 'object') return;
      const anchor = (node as { anchor?: unknown }).anchor;
      if (typeof anchor === 'string') anchors.set(anchor, node as Node);
      if (isMap(node) || isSeq(node)) for (const item of node.items) walk(item);
    };
    walk(doc.contents);
  }

  /** The anchored node an alias refers to; `undefined` when no anchor of its name comes before it. */
  target(alias: Alias): Node | undefined {
    return this.targets.get(alias);
  }

  /** Aliases whose anchor is not defined before them, in document order. */
  undefinedAliases(): Alias[] {
    return this.aliases.filter((a) => this.targets.get(a) === undefined);
  }

  /** The mapping key node starting at `offset`, if any. */
  keyAt(offset: number): Node | undefined {
    return this.keysAt.get(offset);
  }

  /** `node`, or what it refers to when it is an alias (chains followed, at most 100 steps). */
  resolve(node: Node | null | undefined): Node | null | undefined {
    let current = node;
    for (let i = 0; i < 100 && isAlias(current); i++) current = this.targets.get(current);
    return current;
  }

  /**
   * Finds the node at a path, following aliases and merge keys (`<<`), as the value built from
   * the document sees it; own keys win over merged ones. `undefined` when the path does not exist.
   */
  nodeAtPath(path: ValuePath): PathTarget | undefined {
    let target: PathTarget = { node: this.doc.contents as Node | null };
    for (const segment of path) {
      const node = this.resolve(target.node);
      if (isMap(node)) {
        const pair = this.pair(node, String(segment), 0);
        if (!pair) return undefined;
        target = { node: pair.value as Node | null, pair };
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)];
        if (item === undefined) return undefined;
        target = { node: item as Node | null };
      } else {
        return undefined;
      }
    }
    return target;
  }

  private pair(map: YAMLMap, key: string, depth: number): Pair | undefined {
    if (depth > MAX_MERGE_DEPTH) return undefined;
    const entry = this.entry(map);
    const own = entry.own.get(key);
    if (own) return own;
    for (const source of entry.merges) {
      const resolved = this.resolve(source);
      const found = isMap(resolved) ? this.pair(resolved, key, depth + 1) : undefined;
      if (found) return found;
    }
    return undefined;
  }

  private entry(map: YAMLMap): MapEntry {
    let entry = this.maps.get(map);
    if (entry) return entry;
    entry = { own: new Map(), merges: [] };
    for (const item of map.items) {
      if (!isPair(item)) continue;
      if (isMergeKey(item.key)) {
        const value = this.resolve(item.value as Node | null);
        if (isSeq(value)) for (const source of value.items as Node[]) entry.merges.push(source);
        else if (value) entry.merges.push(item.value as Node);
      } else {
        const key = keyString(item.key);
        if (!entry.own.has(key)) entry.own.set(key, item as Pair);
      }
    }
    this.maps.set(map, entry);
    return entry;
  }
}

/** True for a merge key: a plain `<<` (the `yaml` package reads it as a symbol when `merge` is on). */
export function isMergeKey(key: unknown): boolean {
  if (!isScalar(key)) return false;
  const value = key.value;
  if (typeof value === 'symbol') return value.description === '<<';
  return value === '<<' && (key.type === undefined || key.type === 'PLAIN');
}

/**
 * The property name a key becomes in the built value, as the `yaml` package's `toJS` makes it:
 * a scalar's value as text (`null` as ""), a collection written in flow style (`[ a, b ]`).
 */
export function keyString(key: unknown): string {
  if (key === null || key === undefined) return '';
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  if (isMap(key) || isSeq(key)) {
    const flow = key.clone();
    flow.flow = true;
    return stringify(flow).trimEnd();
  }
  return String(key);
}
