/**
 * Helpers the rules share: ranges of YAML nodes by value path (following aliases and merge keys,
 * like `nodeAtPath`), and type-safe reads of the parsed data (a rule never trusts a value's type).
 */
import { isMap, isPair, type Node, type Pair } from 'yaml';
import type { Range } from '../common';
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

/** Offset in the text where the value at `path` starts (for ordering by what the reader sees first). */
export function offsetAt(doc: RuleDocument, path: ValuePath): number | undefined {
  if (!doc.yaml) return undefined;
  return nodeAtPath(doc.yaml.doc, path)?.node?.range?.[0];
}

/** Range of the first top-level key: where a "nothing in the file" finding goes when its own key is absent. */
export function firstKeyRange(doc: RuleDocument): Range | undefined {
  return keyRange(doc, []);
}

/** 1-based line of a range, for messages that point at another place ("already on line 12"). */
export function lineOf(range: Range): number {
  return range.start.line + 1;
}

/** The value as a plain mapping, or `undefined` for anything else (lists, scalars, null). */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The value as a list, or `undefined`. */
export function asList(value: unknown): readonly unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** The value as text, or `undefined` (numbers and booleans are not text: the schema reports them). */
export function asText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The root mapping of a document's data. */
export function rootOf(doc: RuleDocument | undefined): Record<string, unknown> | undefined {
  return asRecord(doc?.data);
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY_SHAPE = /^(\d{4})-(0[1-9]|1[0-2])-(\d{2})$/;

/**
 * The month (`YYYY-MM`) a value stands for: a month itself, or the month of a day written where a
 * month is asked (`plan.day-instead-of-month` reports that; the other plan rules still understand
 * it). `undefined` for anything else. `YYYY-MM` strings compare correctly as strings.
 */
export function monthOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (MONTH.test(value)) return value;
  const day = DAY_SHAPE.exec(value);
  return day ? `${day[1]}-${day[2]}` : undefined;
}

/** True for a day (`YYYY-MM-DD` shape, even an impossible one like `2026-02-30`) where a month is asked. */
export function isDayShaped(value: unknown): value is string {
  return typeof value === 'string' && DAY_SHAPE.test(value);
}

/** The value when it is a real calendar day `YYYY-MM-DD` (so `2027-02-30` is not); compares as a string. */
export function realDay(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = DAY_SHAPE.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? value : undefined;
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
