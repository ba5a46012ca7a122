/**
 * Reads YAML with source positions using the `yaml` package, and turns its problems into
 * diagnostics at their real place. Rules this module encodes (docs/FORMAT.md):
 * - YAML 1.2 core schema always, also under a `%YAML 1.1` directive (`2025-05`, `no` stay strings);
 * - merge keys (`<<`) on; duplicate keys reported on the duplicate key;
 * - a tab used as indentation reported on the tab itself;
 * - an undefined alias is one error on the alias; aliases are bounded (`MAX_ALIAS_COUNT`).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, visit, type Document, type Node, type Pair, type YAMLError } from 'yaml';
import { type Diagnostic, LineIndex, shorten, stripBom, t } from '../common';

/**
 * Bound on alias expansion passed to `yaml`'s `toJS`. The library multiplies the uses of one
 * anchor by the size of what it points at; 10,000 lets a file with hundreds of merge keys pass
 * while a "billion laughs" file stops within milliseconds.
 */
export const MAX_ALIAS_COUNT = 10_000;

/** One YAML document of a file, with its plain JavaScript value when it could be built. */
export interface YamlDocument {
  doc: Document.Parsed;
  /** The value as JSON-like data; `undefined` when the document has errors that make it unreliable. */
  value: unknown;
  /** True when syntax errors (or alias problems) make the structure untrustworthy for schema checks. */
  broken: boolean;
}

/** Result of reading a YAML text. */
export interface YamlSource {
  /** The text as validated (BOM removed). Offsets of `doc` nodes index into it. */
  text: string;
  lines: LineIndex;
  documents: YamlDocument[];
  /** Syntax and alias problems, already at their ranges. */
  diagnostics: Diagnostic[];
}

/** Parses a YAML text (any line endings, optional BOM) into its documents. Never throws. */
export function readYaml(input: string, offsetBase = 0): YamlSource {
  const text = stripBom(input);
  const lines = new LineIndex(text);
  return readYamlPart(text, lines, offsetBase, text.length);
}

/**
 * Parses the part `[start, end)` of `text` (used for front matter); ranges refer to the whole text.
 * The part is padded, not sliced, so that node offsets are offsets of the whole text.
 */
export function readYamlPart(text: string, lines: LineIndex, start: number, end: number): YamlSource {
  // Replace everything outside the part by spaces/newlines so offsets keep their meaning.
  const source = start === 0 && end === text.length ? text : blankOutside(text, start, end);
  const diagnostics: Diagnostic[] = [];
  const docs = parseAllDocuments(source, {
    version: '1.2',
    // An explicit schema wins over a `%YAML 1.1` directive: dates and `no` stay strings.
    schema: 'core',
    merge: true,
    uniqueKeys: true,
    prettyErrors: false,
    keepSourceTokens: false,
  });
  const list = Array.isArray(docs) ? docs : [docs];
  const documents: YamlDocument[] = [];
  for (const doc of list) {
    let broken = false;
    for (const error of doc.errors) {
      diagnostics.push(syntaxDiagnostic(doc, source, lines, error));
      if (error.code !== 'DUPLICATE_KEY') broken = true;
    }
    let value: unknown;
    if (broken) {
      // No value to build; an alias without its anchor is still worth saying.
      checkAliases(doc, lines, diagnostics);
    } else {
      try {
        value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch (e) {
        broken = true;
        // Only a failed build can have an alias without anchor (toJS resolves every alias the way
        // checkAliases looks for it), so the extra pass over the document is only paid then.
        if (!checkAliases(doc, lines, diagnostics)) diagnostics.push(aliasBombDiagnostic(doc, lines, e));
      }
    }
    documents.push({ doc, value, broken });
  }
  return { text, lines, documents, diagnostics };
}

function blankOutside(text: string, start: number, end: number): string {
  // Whole runs at once: one replacement per line instead of one per character.
  const blank = (s: string) => s.replace(/[^\r\n]+/g, (run) => ' '.repeat(run.length));
  return blank(text.slice(0, start)) + text.slice(start, end) + blank(text.slice(end));
}

/** Codes of the `yaml` library mapped to our stable diagnostic codes. */
const SYNTAX_CODES: Record<string, string> = {
  DUPLICATE_KEY: 'yaml.duplicate-key',
  TAB_AS_INDENT: 'yaml.tab-indent',
};

function syntaxDiagnostic(doc: Document.Parsed, text: string, lines: LineIndex, error: YAMLError): Diagnostic {
  let [start, end] = error.pos;
  let message: string;
  if (error.code === 'TAB_AS_INDENT') {
    // The library's range covers the whole indentation; point at the tab itself.
    const tab = text.indexOf('\t', start);
    if (tab >= 0 && tab < Math.max(end, start + 1)) {
      start = tab;
      end = tab + 1;
    }
    message = t('A tab is used for indentation here; YAML allows only spaces. Replace the tab with spaces.');
  } else if (error.code === 'DUPLICATE_KEY') {
    // The library marks only the key's first character; widen to the whole key node.
    const keyNode = keyNodeAt(doc, start);
    if (keyNode?.range) end = keyNode.range[1];
    const key = text.slice(start, end);
    message = t('The key "{0}" appears twice in this mapping; keep one (YAML keeps only the last).', key);
  } else {
    message = t('YAML syntax error: {0}', firstLine(error.message));
  }
  return {
    range: lines.visibleRange(start, end),
    severity: 'error',
    code: SYNTAX_CODES[error.code] ?? `yaml.${error.code.toLowerCase().replace(/_/g, '-')}`,
    message,
  };
}

/** The mapping key node that starts at an offset, if any. */
function keyNodeAt(doc: Document.Parsed, offset: number): Node | undefined {
  let found: Node | undefined;
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key as Node | null;
      if (key?.range?.[0] === offset) {
        found = key;
        return visit.BREAK;
      }
    },
  });
  return found;
}

/** Longest library message shown; longer ones (which quote the source text) are cut with an ellipsis. */
export const MAX_SYNTAX_MESSAGE = 80;

function firstLine(message: string): string {
  const line = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').trim();
  // Cut on grapheme boundaries, so neither a surrogate pair nor an emoji sequence is split.
  return shorten(line, MAX_SYNTAX_MESSAGE);
}

/**
 * Reports aliases whose anchor is not defined before them. Returns true when one was found.
 * One pass in document order (an alias refers to an anchor defined earlier); asking each alias to
 * resolve itself would search the whole document per alias.
 */
function checkAliases(doc: Document.Parsed, lines: LineIndex, out: Diagnostic[]): boolean {
  let found = false;
  const anchors = new Set<string>();
  visit(doc, (_, node) => {
    if (isAlias(node)) {
      if (anchors.has(node.source)) return;
      found = true;
      const [start, end] = node.range ?? [0, 0];
      out.push({
        range: lines.visibleRange(start, end),
        severity: 'error',
        code: 'yaml.undefined-alias',
        message: t('The alias *{0} refers to an anchor &{0} that is not defined before it.', node.source),
      });
    } else if (node && typeof node === 'object' && 'anchor' in node && typeof node.anchor === 'string') {
      anchors.add(node.anchor);
    }
  });
  return found;
}

function aliasBombDiagnostic(doc: Document.Parsed, lines: LineIndex, error: unknown): Diagnostic {
  let first: Node | undefined;
  visit(doc, {
    Alias(_, alias) {
      first = alias;
      return visit.BREAK;
    },
  });
  const [start, end] = first?.range ?? doc.range;
  const tooMany = error instanceof ReferenceError && /alias count/i.test(error.message);
  return {
    range: lines.visibleRange(start, end),
    severity: 'error',
    code: tooMany ? 'yaml.alias-limit' : 'yaml.invalid',
    message: tooMany
      ? t('Aliases in this document expand to more than {0} nodes; the document is not read. Write the values out or use fewer aliases.', MAX_ALIAS_COUNT)
      : t('This document cannot be read: {0}', error instanceof Error ? error.message : String(error)),
  };
}

/** A path into a YAML value as JSON Schema validators report it (`instancePath` split). */
export type ValuePath = ReadonlyArray<string | number>;

/** The pair holding a key, and the node found at a path (following aliases and merge keys). */
export interface PathTarget {
  /** The node at the path; may be `null` for `key:` without a value. */
  node: Node | null | undefined;
  /** The pair whose key is the last path segment, when the last segment is a mapping key. */
  pair?: Pair;
}

/**
 * Finds the node of a document at a path, following aliases and merge keys (`<<`), as the value
 * built by `toJS` would see it. Returns `undefined` when the path does not exist.
 */
export function nodeAtPath(doc: Document.Parsed, path: ValuePath): PathTarget | undefined {
  let target: PathTarget = { node: doc.contents as Node | null };
  for (const segment of path) {
    const node = resolve(doc, target.node);
    if (isMap(node)) {
      const pair = findPair(doc, node, String(segment), 0);
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

function resolve(doc: Document.Parsed, node: Node | null | undefined): Node | null | undefined {
  let current = node;
  for (let i = 0; i < 100 && isAlias(current); i++) current = current.resolve(doc) as Node | undefined;
  return current;
}

function findPair(doc: Document.Parsed, map: Node, key: string, depth: number): Pair | undefined {
  if (!isMap(map) || depth > 20) return undefined;
  let merged: Pair | undefined;
  for (const item of map.items) {
    if (!isPair(item)) continue;
    const k = isScalar(item.key) ? item.key.value : item.key;
    if (k === '<<' || (isScalar(item.key) && item.key.source === '<<')) {
      // Own keys win over merged ones, so look at merges only when the key is not found directly.
      const sources = isSeq(resolve(doc, item.value as Node)) ? (resolve(doc, item.value as Node) as { items: Node[] }).items : [item.value as Node];
      for (const src of sources) merged ??= findPair(doc, resolve(doc, src) as Node, key, depth + 1);
    } else if (String(k) === key) {
      return item as Pair;
    }
  }
  return merged;
}
