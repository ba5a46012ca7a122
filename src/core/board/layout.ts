/**
 * Where the items of a top-level block sequence sit in the text, line by line, so that an item
 * can be cut out and pasted elsewhere without touching a byte around it. Works on the text
 * without BOM (`stripBom`); offsets are UTF-16 code units of that text.
 *
 * An item's block is whole lines: from the comment lines directly above its `-` (no blank line in
 * between) to its last line, including comment lines that follow it before the blank lines in
 * front of the next item. The blank lines between two items are the sequence's gap.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { t, type LineIndex } from '../common';

/** Why an edit is refused; the message is in the UI language (`t()`). */
export class BoardEditError extends Error {}

/** One item of a block sequence: its map and the whole lines it occupies. */
export interface ItemLayout {
  map: YAMLMap;
  /** Column of the item's `-`. */
  dashColumn: number;
  /** Column of the item's first key (after `- `). */
  keyColumn: number;
  /** `[start, end)`: whole lines, `end` at the start of the line after the item (or the end of the text). */
  start: number;
  end: number;
}

/** A top-level key whose value is (or should become) a list of maps. */
export interface SeqLayout {
  pair: Pair;
  /** Offset just after the `:` of the key. */
  colonEnd: number;
  /** The sequence, or `undefined` when the value is empty (`key:`) or an empty flow list (`[]`). */
  seq?: YAMLSeq;
  /** `[start, end)` of the value to replace when the list is empty (`[]`, or an empty range after the colon). */
  emptyValue?: [number, number];
  items: ItemLayout[];
  /** The blank lines between the first two items (`''` when there are none or fewer than two items). */
  gap: string;
}

/** The top-level map of a document; refuses a flow map or anything else. */
export function topMap(doc: Document.Parsed): YAMLMap {
  const contents = doc.contents;
  if (!isMap(contents)) throw new BoardEditError(t('The document is not a mapping of keys.'));
  if (contents.flow) throw new BoardEditError(t('The document is written in flow style ({ ... }); edit it as text.'));
  return contents;
}

/** The top-level pair of `key`, if any. */
export function topPair(doc: Document.Parsed, key: string): Pair | undefined {
  return topMap(doc).items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key) as Pair | undefined;
}

/** Offset after the last non-whitespace character before `end` (not before `floor`). */
export function trimEnd(text: string, end: number, floor = 0): number {
  let e = end;
  while (e > floor && /\s/.test(text[e - 1])) e--;
  return e;
}

/** Offset of the start of the line after the one holding `offset` (or the end of the text). */
export function nextLineStart(lines: LineIndex, offset: number): number {
  const line = lines.positionAt(offset).line;
  return line + 1 < lines.lineCount ? lines.lineStart(line + 1) : lines.text.length;
}

/** End of a node's content: its last character that is not whitespace, comments included. */
export function contentEnd(text: string, range: readonly number[] | null | undefined): number {
  if (!range) throw new BoardEditError(t('A value has no position in the text.'));
  return trimEnd(text, range[2] ?? range[1], range[0]);
}

function isBlank(lines: LineIndex, line: number): boolean {
  return lines.text.slice(lines.lineStart(line), lines.lineEnd(line)).trim() === '';
}

function isComment(lines: LineIndex, line: number): boolean {
  return lines.text.slice(lines.lineStart(line), lines.lineEnd(line)).trimStart().startsWith('#');
}

/**
 * Why the board leaves list `key` alone when it is a flow sequence with items (`key: [{...}, ...]`),
 * and what to do, in plain words (the UI language). The board shows it in the list's column.
 */
export function flowListMessage(key: string): string {
  return t('The list "{0}" is written in YAML flow style ([ ... ]), which the board does not change. Edit it in the text, or put each item on its own lines starting with "- " so the board can edit it.', key);
}

/** The same for a list of `key` with an item written as a flow mapping (`- {id: a, title: A}`). */
export function flowItemMessage(key: string): string {
  return t('An item of the list "{0}" is written in YAML flow style ({ ... }), which the board does not change. Edit it in the text, or put each field of the item on its own line so the board can edit it.', key);
}

/**
 * The layout of the block sequence under top-level `key`. Throws `BoardEditError` for what it
 * cannot edit safely: a flow list that is not empty, an item that is not a block map, anchors,
 * aliases or tags on an item.
 */
export function seqLayout(doc: Document.Parsed, lines: LineIndex, key: string): SeqLayout | undefined {
  const text = lines.text;
  const pair = topPair(doc, key);
  if (!pair) return undefined;
  const keyNode = pair.key as { range?: number[] };
  const keyEnd = keyNode.range?.[1];
  if (keyEnd === undefined) throw new BoardEditError(t('The key "{0}" has no position in the text.', key));
  const colon = text.indexOf(':', keyEnd);
  if (colon < 0) throw new BoardEditError(t('The key "{0}" has no colon.', key));
  const colonEnd = colon + 1;
  const value = pair.value;
  if (value === null || value === undefined || (isScalar(value) && (value.value === null || value.value === ''))) {
    const range = (value as { range?: number[] } | null)?.range;
    const end = range && range[1] > colonEnd ? range[1] : colonEnd;
    return { pair, colonEnd, emptyValue: [colonEnd, end], items: [], gap: '' };
  }
  if (!isSeq(value)) throw new BoardEditError(t('"{0}" is not a list.', key));
  if (value.anchor || value.tag) throw new BoardEditError(t('"{0}" has an anchor or tag; edit it as text.', key));
  if (value.flow) {
    if (value.items.length === 0 && value.range) return { pair, colonEnd, emptyValue: [trimEnd(text, value.range[0], colonEnd), value.range[1]], items: [], gap: '' };
    throw new BoardEditError(flowListMessage(key));
  }
  const keyLine = lines.positionAt(keyEnd).line;
  const items: ItemLayout[] = [];
  let floorLine = keyLine;
  for (const node of value.items) {
    if (isMap(node) && node.flow) throw new BoardEditError(flowItemMessage(key));
    if (!isMap(node)) throw new BoardEditError(t('An item of "{0}" is not a set of fields (key: value); edit it in the text.', key));
    if (node.anchor || node.tag || !node.range) throw new BoardEditError(t('An item of "{0}" has an anchor or tag; edit it as text.', key));
    const first = node.range[0];
    let dash = first - 1;
    while (dash >= 0 && text[dash] === ' ') dash--;
    const dashLine = lines.positionAt(dash).line;
    const lineStart = lines.lineStart(dashLine);
    if (text[dash] !== '-' || text.slice(lineStart, dash).trim() !== '' || lines.positionAt(first).line !== dashLine) {
      throw new BoardEditError(t('An item of "{0}" does not start with "- key:" on one line; edit it as text.', key));
    }
    let startLine = dashLine;
    while (startLine - 1 > floorLine && isComment(lines, startLine - 1)) startLine--;
    const lastLine = lines.positionAt(Math.max(first, contentEnd(text, node.range) - 1)).line;
    items.push({ map: node, dashColumn: dash - lineStart, keyColumn: first - lineStart, start: lines.lineStart(startLine), end: nextLineStart(lines, lines.lineStart(lastLine)) });
    floorLine = lastLine;
  }
  // Comment lines after an item (before the blank lines in front of the next item) belong to it.
  for (let i = 0; i + 1 < items.length; i++) {
    let line = lines.positionAt(items[i + 1].start).line - 1;
    while (line >= lines.positionAt(items[i].end).line && isBlank(lines, line)) line--;
    items[i].end = nextLineStart(lines, lines.lineStart(line));
  }
  const gapText = items.length > 1 ? text.slice(items[0].end, items[1].start) : '';
  return { pair, colonEnd, seq: value, items, gap: gapText.trim() === '' ? gapText : '' };
}
