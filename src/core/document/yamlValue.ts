/**
 * Builds the plain JavaScript value of a parsed YAML document that uses aliases, with the same
 * result as the `yaml` package's `toJS` (core schema, merge keys on, keys as object properties),
 * in time linear in the document: aliases are resolved through the document's `YamlIndex`
 * instead of `Alias.resolve`, which searches the whole document on every call (and twice per
 * merge key), so that 5,000 merges took minutes. Documents without aliases still go through
 * `toJS` (`yamlSource.ts`); `test/unit/yamlProperties.test.ts` holds both to the same values.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import { isMergeKey, keyString, YamlIndex } from './yamlIndex';

/** What is known about one anchored node while building: its value and how often it is used. */
interface AnchorUse {
  value: unknown;
  /** Uses: 1 for the anchor itself, plus one per alias. */
  count: number;
  /** How many nodes one use stands for (aliases inside it multiply), computed on the first alias. */
  aliasCount: number;
}

/**
 * The value of `doc`. Throws a `ReferenceError` for an alias without anchor or when the aliases
 * expand beyond `maxAliasCount` (uses of an anchor times the nodes one use stands for, as `toJS`
 * counts, except that a merge key counts its alias once), and an `Error` for a merge key whose
 * value is not a mapping (or a list of mappings).
 */
export function buildValue(doc: Document.Parsed, maxAliasCount: number): unknown {
  const index = YamlIndex.of(doc);
  const anchors = new Map<Node, AnchorUse>();

  const aliasCount = (node: unknown): number => {
    if (isAlias(node)) {
      const target = index.target(node);
      const use = target ? anchors.get(target) : undefined;
      return use ? use.count * use.aliasCount : 0;
    }
    if (isPair(node)) return Math.max(aliasCount(node.key), aliasCount(node.value));
    if (isMap(node) || isSeq(node)) {
      let count = 0;
      for (const item of node.items) count = Math.max(count, aliasCount(item));
      return count;
    }
    return 1;
  };

  /** The node an alias refers to, counted as one use. */
  const resolve = (node: unknown): unknown => {
    if (!isAlias(node)) return node;
    const target = index.target(node);
    if (!target) throw new ReferenceError(`Unresolved alias (the anchor must be set before the alias): ${node.source}`);
    if (!anchors.has(target)) build(target);
    const use = anchors.get(target)!;
    use.count += 1;
    if (use.aliasCount === 0) use.aliasCount = aliasCount(target);
    if (maxAliasCount >= 0 && use.count * use.aliasCount > maxAliasCount) {
      throw new ReferenceError('Excessive alias count indicates a resource exhaustion attack');
    }
    return target;
  };

  const define = (target: object, key: string, value: unknown): void => {
    // defineProperty, not assignment: a key `__proto__` becomes an ordinary property.
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  };

  const merge = (target: object, value: unknown): void => {
    const source = resolve(value);
    const sources = isSeq(source) ? source.items.map(resolve) : [source];
    for (const item of sources) {
      if (!isMap(item)) throw new Error('Merge sources must be maps or map aliases');
      const built = (anchors.get(item as Node)?.value ?? build(item as Node)) as Record<string, unknown>;
      for (const key of Object.keys(built)) if (!Object.prototype.hasOwnProperty.call(target, key)) define(target, key, built[key]);
    }
  };

  const build = (node: Node | null | undefined): unknown => {
    if (node === null || node === undefined) return null;
    if (isAlias(node)) return anchors.get(resolve(node) as Node)!.value;
    const anchor = (node as { anchor?: unknown }).anchor;
    const use: AnchorUse | undefined = typeof anchor === 'string' ? { value: undefined, count: 1, aliasCount: 0 } : undefined;
    if (use) anchors.set(node, use);
    if (isScalar(node)) {
      if (use) use.value = node.value;
      return node.value;
    }
    if (isSeq(node)) {
      const list: unknown[] = [];
      if (use) use.value = list;
      for (const item of node.items) list.push(build(item as Node | null));
      return list;
    }
    if (isMap(node)) {
      const map: Record<string, unknown> = {};
      if (use) use.value = map;
      for (const pair of node.items) {
        if (isMergeKey(pair.key)) merge(map, pair.value);
        else define(map, keyString(pair.key), build(pair.value as Node | null));
      }
      return map;
    }
    return null;
  };

  return build(doc.contents as Node | null);
}
