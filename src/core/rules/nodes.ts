/**
 * Helpers the rules share: ranges of YAML nodes by value path (following aliases and merge keys,
 * like `nodeAtPath`). A rule never trusts a value's type: it reads the parsed data with the
 * value helpers of `../common` (`asRecord`, `asList`, `asText`) and `rootOf`.
 */
import { isMap, isPair, isSeq, type Node, type Pair } from 'yaml';
import { asRecord, type Range } from '../common';
import { nodeAtPath, type ValuePath } from '../document';
import type { RuleDocument } from './framework';

/** Range of a node's value, when it has a visible one. */
function nodeRange(doc: RuleDocument, node: Node | null | undefined): Range | undefined {
  const range = node?.range;
  if (!doc.yaml || !range || range[1] <= range[0]) return undefined;
  return doc.yaml.lines.visibleRange(range[0], range[1]);
}

/**
 * Range of the value at `path` (the same range the schema mapper uses for it); for a key without a
 * value, the key. `undefined` when the path does not exist in the YAML.
 */
export function valueRange(doc: RuleDocument, path: ValuePath): Range | undefined {
  if (!doc.yaml) return undefined;
  const target = nodeAtPath(doc.yaml.doc, path);
  if (!target) return undefined;
  return nodeRange(doc, target.node) ?? keyRange(doc, path);
}

/**
 * Range of the key that holds the value at `path`; for a list item (or the document itself), its
 * first key, or the start of the item. `undefined` when the path does not exist.
 */
export function keyRange(doc: RuleDocument, path: ValuePath): Range | undefined {
  if (!doc.yaml) return undefined;
  const target = nodeAtPath(doc.yaml.doc, path);
  if (!target) return undefined;
  const key = nodeRange(doc, target.pair?.key as Node | undefined);
  if (key) return key;
  const node = target.node;
  if (isMap(node)) {
    const first = node.items.find(isPair) as Pair | undefined;
    const r = nodeRange(doc, first?.key as Node | undefined);
    if (r) return r;
  }
  const start = node?.range?.[0];
  return start === undefined ? undefined : doc.yaml.lines.visibleRange(start, start);
}

/**
 * Offsets of the items of the list at `path`, by index (`undefined` where an item has no node):
 * one lookup for the whole list instead of one per item.
 */
export function itemOffsets(doc: RuleDocument, path: ValuePath): Array<number | undefined> {
  if (!doc.yaml) return [];
  const list = nodeAtPath(doc.yaml.doc, path)?.node;
  return isSeq(list) ? list.items.map((item) => (item as Node | null)?.range?.[0]) : [];
}

/** Range of the first top-level key: where a "nothing in the file" finding goes when its own key is absent. */
export function firstKeyRange(doc: RuleDocument): Range | undefined {
  return keyRange(doc, []);
}

/** 1-based line of a range, for messages that point at another place ("already on line 12"). */
export function lineOf(range: Range): number {
  return range.start.line + 1;
}

/** The root mapping of a document's data. */
export function rootOf(doc: RuleDocument | undefined): Record<string, unknown> | undefined {
  return asRecord(doc?.data);
}

/**
 * True for text that says nothing: empty, only whitespace or punctuation, or a placeholder such
 * as `TBD`, `todo`, `n/a`, `later`, `nvt`, `ntb` (English and Dutch).
 */
export function saysNothing(value: string): boolean {
  const s = value.trim().toLowerCase();
  if (!/[\p{L}\p{N}]/u.test(s)) return true;
  return /^(tbd|tbc|todo|to do|n\/?a|later|unknown|nvt|n\.v\.t\.?|ntb|n\.t\.b\.?|nader te bepalen|onbekend|volgt|\?+)$/.test(s.replace(/[.!]+$/, ''));
}
