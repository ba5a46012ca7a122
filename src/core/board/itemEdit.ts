/**
 * The text edits behind a board operation on one item of a block sequence: change fields in
 * place, cut the item's lines, paste lines elsewhere. Every edit touches only the item's own
 * lines (and, for a list that becomes empty or is created, the list's own value). Offsets are
 * UTF-16 code units of the text without BOM.
 */
import { isScalar, stringify, type Pair, type Scalar } from 'yaml';
import { t, type TextEdit } from '../common';
import type { FieldValue } from '../webview';
import { BoardEditError, contentEnd, trimEnd, type ItemLayout, type SeqLayout } from './layout';

/**
 * A scalar as YAML text for a key at column `keyColumn`: `true`/`false`; one line as `yaml` writes
 * it (plain when that reads back as the same string, quoted otherwise); several lines as a literal
 * block (`|-`) indented two more than the key, or double-quoted when a block cannot hold it.
 */
export function formatValue(value: string | boolean, keyColumn: number, eol: string): string {
  if (typeof value === 'boolean') return String(value);
  if (!/[\r\n]/.test(value)) return stringify(value, { lineWidth: 0, minContentWidth: 0 }).replace(/\r?\n$/, '');
  const parts = value.split(/\r\n|\r|\n/);
  const blockable = parts.every((p) => !/^\s/.test(p) && !/\s$/.test(p) && !/\t/.test(p)) && parts[0] !== '' && parts[parts.length - 1] !== '';
  if (!blockable) return JSON.stringify(value);
  const indent = ' '.repeat(keyColumn + 2);
  return '|-' + parts.map((p) => eol + (p ? indent + p : '')).join('');
}

function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : '';
}

function pairsOf(item: ItemLayout): Pair[] {
  return item.map.items as Pair[];
}

/**
 * Edits that set (or, with `null`, remove) fields of one item, in place. A field that exists and
 * holds a scalar gets a new value (its comment after it stays); a missing field is added after
 * the item's last line; a removed field takes its lines with it. Refuses a field whose value is
 * not a plain scalar (a map, a list, an alias, an anchored or tagged value).
 */
export function fieldEdits(text: string, item: ItemLayout, fields: Readonly<Record<string, FieldValue>>, eol: string): TextEdit[] {
  const pairs = pairsOf(item);
  const edits: TextEdit[] = [];
  const removed = new Set<number>();
  let appended = '';
  for (const [key, value] of Object.entries(fields)) {
    const index = pairs.findIndex((p) => keyOf(p) === key);
    const pair = pairs[index];
    if (value === null) {
      if (pair) removed.add(index);
      continue;
    }
    const formatted = formatValue(value, item.keyColumn, eol);
    if (!pair) {
      appended += eol + ' '.repeat(item.keyColumn) + stringify(key).trim() + ': ' + formatted;
      continue;
    }
    const node = pair.value as Scalar | null;
    const keyRange = (pair.key as { range?: number[] }).range;
    if (!keyRange) throw new BoardEditError(t('The field "{0}" has no position in the text.', key));
    if (node && (!isScalar(node) || node.anchor || node.tag || !node.range)) throw new BoardEditError(t('The field "{0}" is not a simple value; edit it as text.', key));
    if (!node || !node.range || node.range[1] === node.range[0]) {
      const colon = text.indexOf(':', keyRange[1]);
      edits.push({ start: colon + 1, end: colon + 1, newText: ' ' + formatted });
    } else {
      edits.push({ start: node.range[0], end: trimEnd(text, node.range[1], node.range[0]), newText: formatted });
    }
  }
  if (removed.size >= pairs.length) throw new BoardEditError(t('An item cannot lose all its fields; remove the item instead.'));
  edits.push(...removeFieldEdits(text, pairs, removed));
  if (appended) {
    const last = pairs[pairs.length - 1];
    const at = contentEnd(text, ((last.value ?? last.key) as { range: number[] }).range);
    edits.push({ start: at, end: at, newText: appended });
  }
  return edits;
}

/**
 * The edits that remove the pairs `removed` of an item, run by run: a run followed by a kept pair
 * goes from its first key to that pair's key; a run at the end goes from the end of the pair before
 * it to the end of the last pair, so no empty line is left behind.
 */
function removeFieldEdits(text: string, pairs: Pair[], removed: ReadonlySet<number>): TextEdit[] {
  const start = (p: Pair) => (p.key as { range: number[] }).range[0];
  const end = (p: Pair) => contentEnd(text, ((p.value ?? p.key) as { range: number[] }).range);
  const edits: TextEdit[] = [];
  for (let i = 0; i < pairs.length; i++) {
    if (!removed.has(i)) continue;
    let j = i;
    while (j + 1 < pairs.length && removed.has(j + 1)) j++;
    if (j + 1 < pairs.length) edits.push({ start: start(pairs[i]), end: start(pairs[j + 1]), newText: '' });
    else edits.push({ start: end(pairs[i - 1]), end: end(pairs[j]), newText: '' });
    i = j;
  }
  return edits;
}

/** The item's lines as text, always ending with a line break. */
export function blockText(text: string, item: ItemLayout, eol: string): string {
  const block = text.slice(item.start, item.end);
  return /(\r\n|\r|\n)$/.test(block) ? block : block + eol;
}

/** The lines of `block` moved `delta` columns right (or left, when negative); blank lines stay. */
export function reindent(block: string, delta: number): string {
  if (delta === 0) return block;
  return block.replace(/^[^\r\n]*/gm, (line) => {
    if (line.trim() === '') return line;
    if (delta > 0) return ' '.repeat(delta) + line;
    if (!line.startsWith(' '.repeat(-delta))) throw new BoardEditError(t('The item cannot be moved to a less indented list.'));
    return line.slice(-delta);
  });
}

/**
 * The edit that removes item `index` with one gap next to it: the blank lines after it, or for
 * the last item those before it. The only item of a list leaves `[]` so the list stays a list.
 */
export function removeItemEdit(text: string, list: SeqLayout, index: number): TextEdit {
  const item = list.items[index];
  if (list.items.length === 1) {
    const before = text.slice(list.colonEnd, item.start);
    if (before.trim() === '') return { start: list.colonEnd, end: trimEnd(text, item.end, item.start), newText: ' []' };
    return { start: item.start, end: trimEnd(text, item.end, item.start), newText: ' '.repeat(item.dashColumn) + '[]' };
  }
  if (index + 1 < list.items.length) return { start: item.start, end: list.items[index + 1].start, newText: '' };
  return { start: list.items[index - 1].end, end: item.end, newText: '' };
}

/**
 * The edit that puts `block` (whole lines, ending with a line break, already indented for the
 * list) at position `index` of `list`, among the items not in `skip` (the item being moved within
 * the same list). Uses the list's gap between items.
 */
export function insertItemEdit(text: string, list: SeqLayout, index: number, block: string, eol: string, skip = -1): TextEdit {
  const others = list.items.filter((_, i) => i !== skip);
  if (list.emptyValue) {
    const [start, end] = list.emptyValue;
    return { start, end, newText: eol + block.replace(/(\r\n|\r|\n)$/, '') };
  }
  if (others.length === 0) {
    // The list holds only the item that moves within it: nothing to do.
    throw new BoardEditError(t('Nothing to move.'));
  }
  if (index < others.length) return { start: others[index].start, end: others[index].start, newText: block + list.gap };
  const last = others[others.length - 1];
  if (last.end === text.length && !/(\r\n|\r|\n)$/.test(text)) return { start: last.end, end: last.end, newText: eol + list.gap + block.replace(/(\r\n|\r|\n)$/, '') };
  return { start: last.end, end: last.end, newText: list.gap + block };
}
