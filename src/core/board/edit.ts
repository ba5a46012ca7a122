/**
 * From a board operation to the smallest text edits on `scope.yaml` or `stakeholders.yaml`: the
 * item's lines move or change, every other byte (comments, blank lines, key order, quoting, line
 * endings, BOM, indentation) stays as it was. What the engine does not understand (flow style,
 * anchors, syntax errors in a list it would touch, an item that is not where the board says) it
 * refuses with a message and no edits. After computing the edits it reads the result back and
 * refuses when the result is not what the operation asked for.
 */
import { isScalar, type Document, type Pair } from 'yaml';
import { applyEdits, bomLength, eolOf, LineIndex, shiftEdits, stripBom, t, type TextEdit } from '../common';
import { validateDocument } from '../document';
import { BOARD_LISTS, fieldAllowed, type BoardKind, type BoardOperation, type FieldValue, type ItemRef } from '../webview';
import { blockText, fieldEdits, formatValue, insertItemEdit, reindent, removeItemEdit } from './itemEdit';
import { BoardEditError, seqLayout, type ItemLayout, type SeqLayout } from './layout';

/** The edits for the text as given (BOM included), or why there are none; `missing` names required fields not given. */
export type BoardEditResult = { ok: true; edits: TextEdit[] } | { ok: false; error: string; missing?: string[] };

/**
 * The text edits that carry out `op` on `text` (the whole document, optionally with a BOM, any
 * line endings). Offsets of the edits are UTF-16 code units of `text` as given. Never throws.
 */
export function boardEdits(kind: BoardKind, text: string, op: BoardOperation): BoardEditResult {
  try {
    const edits = computeEdits(kind, text, op);
    check(kind, text, edits, op);
    return { ok: true, edits };
  } catch (e) {
    if (e instanceof MissingFields) return { ok: false, error: e.message, missing: e.missing };
    if (e instanceof BoardEditError) return { ok: false, error: e.message };
    return { ok: false, error: t('The board cannot make this change: {0}', e instanceof Error ? e.message : String(e)) };
  }
}

class MissingFields extends BoardEditError {
  constructor(readonly missing: string[]) {
    super(t('This column needs: {0}.', missing.join(', ')));
  }
}

interface Parsed {
  doc: Document.Parsed;
  body: string;
  lines: LineIndex;
  eol: string;
  list(key: string): SeqLayout | undefined;
}

function parse(kind: BoardKind, text: string, touched: readonly string[]): Parsed {
  const result = validateDocument(kind, text);
  const doc = result.yaml?.doc;
  if (!doc) throw new BoardEditError(t('The document is empty or cannot be read; edit it as text.'));
  const body = stripBom(text);
  const lines = result.yaml?.lines ?? new LineIndex(body);
  const syntax = result.diagnostics.filter((d) => d.code.startsWith('yaml.'));
  const lists = new Map<string, SeqLayout | undefined>();
  const list = (key: string) => {
    if (!lists.has(key)) lists.set(key, seqLayout(doc, lines, key));
    return lists.get(key);
  };
  for (const key of touched) {
    const layout = list(key);
    const from = layout ? lines.positionAt((layout.pair.key as { range: number[] }).range[0]).line : 0;
    const last = layout?.items[layout.items.length - 1];
    const to = last ? lines.positionAt(last.end).line : lines.lineCount;
    if (syntax.some((d) => d.range.end.line >= from && d.range.start.line <= to)) {
      throw new BoardEditError(t('"{0}" has a YAML syntax error; fix it in the text first.', key));
    }
  }
  return { doc, body, lines, eol: eolOf(body), list };
}

function idOf(item: ItemLayout): string | undefined {
  const pair = (item.map.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === 'id');
  return pair && isScalar(pair.value) ? String(pair.value.value) : undefined;
}

function findItem(p: Parsed, ref: ItemRef): { list: SeqLayout; item: ItemLayout } {
  const list = p.list(ref.list);
  const item = list?.items[ref.index];
  if (!list || !item || idOf(item) !== ref.id) throw new BoardEditError(t('The item "{0}" is no longer at that place; the board shows the document again.', ref.id));
  return { list, item };
}

function checkFields(kind: BoardKind, list: string, fields: Record<string, FieldValue>): void {
  for (const [key, value] of Object.entries(fields)) {
    if (!fieldAllowed(kind, list, key, value)) throw new BoardEditError(t('The field "{0}" cannot take this value in "{1}".', key, list));
  }
}

function computeEdits(kind: BoardKind, text: string, op: BoardOperation): TextEdit[] {
  const lists = BOARD_LISTS[kind];
  const listsOf = op.type === 'move' ? [op.item.list, op.to] : op.type === 'add' ? [op.list] : [op.item.list];
  for (const key of listsOf) if (!Object.prototype.hasOwnProperty.call(lists, key)) throw new BoardEditError(t('Unknown list "{0}".', key));
  const p = parse(kind, text, listsOf);
  let edits: TextEdit[];
  if (op.type === 'edit') {
    const { item } = findItem(p, op.item);
    checkFields(kind, op.item.list, op.fields);
    if ('id' in op.fields && op.fields.id !== op.item.id) uniqueId(p, kind, String(op.fields.id));
    edits = fieldEdits(p.body, item, op.fields, p.eol);
  } else if (op.type === 'remove') {
    const { list } = findItem(p, op.item);
    edits = [removeItemEdit(p.body, list, op.item.index)];
  } else if (op.type === 'add') {
    checkFields(kind, op.list, op.fields);
    const id = op.fields.id;
    if (typeof id !== 'string') throw new BoardEditError(t('A new item needs an id.'));
    uniqueId(p, kind, id);
    const missing = lists[op.list].required.filter((f) => typeof op.fields[f] !== 'string' && typeof op.fields[f] !== 'boolean');
    if (missing.length) throw new MissingFields(missing);
    edits = addEdits(p, kind, op.list, op.index, op.fields);
  } else {
    edits = moveEdits(p, kind, op);
  }
  return shiftEdits(edits, bomLength(text));
}

/** Refuses `id` when an item of any list has it; reads every list, also one the board cannot edit (flow style). */
function uniqueId(p: Parsed, kind: BoardKind, id: string): void {
  const data = p.doc.toJS() as Record<string, unknown> | null;
  for (const key of Object.keys(BOARD_LISTS[kind])) {
    const items = data?.[key];
    if (Array.isArray(items) && items.some((item) => typeof item === 'object' && item !== null && String((item as { id?: unknown }).id) === id)) {
      throw new BoardEditError(t('The id "{0}" is already used in this file.', id));
    }
  }
}

/** The layout of list `key` when the board can edit it; undefined when it is missing or cannot be edited. */
function editableList(p: Parsed, key: string): SeqLayout | undefined {
  try {
    return p.list(key);
  } catch {
    return undefined;
  }
}

/**
 * Dash and key columns for a new item of `key`: as its items, else as another list's (one the
 * board can edit: a list in flow style elsewhere does not stop an edit here), else 2 and 4.
 */
function columnsFor(p: Parsed, kind: BoardKind, key: string): { dash: number; key: number } {
  const sample = [key, ...Object.keys(BOARD_LISTS[kind])].map((k) => (k === key ? p.list(k) : editableList(p, k))?.items[0]).find(Boolean);
  return sample ? { dash: sample.dashColumn, key: sample.keyColumn } : { dash: 2, key: 4 };
}

function addEdits(p: Parsed, kind: BoardKind, key: string, index: number | undefined, fields: Record<string, FieldValue>): TextEdit[] {
  const cols = columnsFor(p, kind, key);
  const order = Object.keys(BOARD_LISTS[kind][key].fields).filter((f) => fields[f] !== null && fields[f] !== undefined);
  const block = order
    .map((f, i) => (i === 0 ? ' '.repeat(cols.dash) + '-' + ' '.repeat(cols.key - cols.dash - 1) : ' '.repeat(cols.key)) + f + ': ' + formatValue(fields[f] as string | boolean, cols.key, p.eol) + p.eol)
    .join('');
  return [insertInto(p, key, index, block)];
}

function insertInto(p: Parsed, key: string, index: number | undefined, block: string, skip = -1): TextEdit {
  const list = p.list(key);
  if (!list) {
    const end = p.body.length;
    const lead = end === 0 || /(\r\n|\r|\n)$/.test(p.body) ? '' : p.eol;
    return { start: end, end, newText: lead + key + ':' + p.eol + block };
  }
  const count = list.items.length - (skip >= 0 ? 1 : 0);
  const at = index === undefined ? count : Math.max(0, Math.min(index, count));
  return insertItemEdit(p.body, list, at, block, p.eol, skip);
}

function moveEdits(p: Parsed, kind: BoardKind, op: Extract<BoardOperation, { type: 'move' }>): TextEdit[] {
  const { list: from, item } = findItem(p, op.item);
  const fields = op.fields ?? {};
  checkFields(kind, op.to, fields);
  if (op.to === op.item.list) {
    const count = from.items.length - 1;
    const at = Math.max(0, Math.min(op.index, count));
    if (at === op.item.index && Object.keys(fields).length === 0) return [];
    const block = applyEdits(blockText(p.body, item, p.eol), fieldEdits(p.body, item, fields, p.eol).map((e) => ({ ...e, start: e.start - item.start, end: e.end - item.start })));
    return [removeItemEdit(p.body, from, op.item.index), insertInto(p, op.to, at, block, op.item.index)];
  }
  const target = BOARD_LISTS[kind][op.to];
  const present = new Set((item.map.items as Pair[]).map((pair) => (isScalar(pair.key) ? String(pair.key.value) : '')));
  const changes: Record<string, FieldValue> = {};
  for (const key of present) if (!key.startsWith('x-') && !(key in target.fields)) changes[key] = null;
  Object.assign(changes, fields);
  const missing = target.required.filter((f) => !(typeof changes[f] === 'string' || (present.has(f) && changes[f] === undefined)));
  if (missing.length) throw new MissingFields(missing);
  const inner = fieldEdits(p.body, item, changes, p.eol).map((e) => ({ ...e, start: e.start - item.start, end: e.end - item.start }));
  const block = applyEdits(blockText(p.body, item, p.eol), inner);
  const targetList = p.list(op.to);
  const dash = targetList?.items[0]?.dashColumn ?? columnsFor(p, kind, op.to).dash;
  return [removeItemEdit(p.body, from, op.item.index), insertInto(p, op.to, op.index, reindent(block, dash - item.dashColumn))];
}

/** Reads the result back: no new syntax errors, and the item is where the operation put it. */
function check(kind: BoardKind, text: string, edits: TextEdit[], op: BoardOperation): void {
  if (edits.length === 0) return;
  const before = validateDocument(kind, text).diagnostics.filter((d) => d.code.startsWith('yaml.')).length;
  const out = applyEdits(text, edits);
  const result = validateDocument(kind, out);
  const after = result.diagnostics.filter((d) => d.code.startsWith('yaml.')).length;
  const fail = () => new BoardEditError(t('The board could not make this change safely; edit the text instead.'));
  if (after > before || !result.yaml?.doc) throw fail();
  const data = result.yaml.doc.toJS() as Record<string, unknown> | null;
  const list = (key: string) => (Array.isArray(data?.[key]) ? (data?.[key] as Array<Record<string, unknown>>) : []);
  if (op.type === 'move') {
    const target = list(op.to);
    const at = Math.min(op.index, target.length - 1);
    if (target[at]?.id !== op.item.id) throw fail();
  } else if (op.type === 'add') {
    if (!list(op.list).some((i) => i?.id === op.fields.id)) throw fail();
  } else if (op.type === 'remove') {
    if (list(op.item.list).some((i) => i?.id === op.item.id)) throw fail();
  } else {
    const id = typeof op.fields.id === 'string' ? op.fields.id : op.item.id;
    const item = list(op.item.list)[op.item.index];
    if (item?.id !== id) throw fail();
    for (const [key, value] of Object.entries(op.fields)) if ((value === null ? undefined : value) !== item[key]) throw fail();
  }
}
