/**
 * The text edit behind "Snapshot Proposal Version": set `version:` in plan.yaml and append a
 * `history` entry `{ version, date, changes }`, touching nothing else. The edit is computed from
 * the `yaml` package's node offsets, so comments, blank lines, indentation, quoting, CRLF line
 * ends and a byte order mark stay as they are; it comes back as offset edits (UTF-16 code units,
 * JavaScript string indices) that an editor applies as one undoable change.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, stringify, visit, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { applyEdits, asRecord, bomLength, eolOf, LineIndex, shiftEdits, stripBom, t, type TextEdit } from '../common';
import { isNewestFirst } from './versions';

/** One entry of plan.yaml's `history` (FORMAT.md). */
export interface Revision {
  /** `major.minor`, written quoted (`"0.10"` must not become the number 0.1). */
  version: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** What changed, in the user's words (one line or more). */
  changes: string;
}

/** plan.yaml cannot be edited safely (syntax errors, not a mapping, `history` not a list). */
export class PlanEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanEditError';
  }
}

/** The `version` of a plan.yaml text as written (an unquoted number as its source text), or `undefined`. */
export function planVersion(text: string): string | undefined {
  const doc = parseDocument(stripBom(text), { version: '1.2', schema: 'core' });
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  const value = pairOf(root, 'version')?.value;
  if (!isScalar(value) || value.value === null) return undefined;
  return (value.source ?? String(value.value)).trim() || undefined;
}

/**
 * The edits that make `text` (a plan.yaml, possibly with a BOM) carry `revision.version` and end its
 * history with `revision`: at the end, or at the top of a history written newest first (the list's
 * own order, `isNewestFirst`). Offsets index into `text` as given. Sorted, non-overlapping.
 * Throws `PlanEditError` (message in the UI language) when the text has YAML errors or a shape
 * that cannot take the entry, and when the edited text would not read back as exactly the old
 * value plus the new version and entry (a safety net for layouts this code does not foresee).
 */
export function snapshotEdits(text: string, revision: Revision): TextEdit[] {
  const bom = bomLength(text);
  const body = text.slice(bom);
  const doc = parseDocument(body, { version: '1.2', schema: 'core' });
  if (doc.errors.length) throw new PlanEditError(t('plan.yaml has YAML errors; correct them first, then take the snapshot again.'));
  checkAliases(doc);
  const root = doc.contents as Node | null;
  if (root !== null && (!isMap(root) || root.flow)) throw new PlanEditError(t('plan.yaml does not hold a block mapping of fields, so the version cannot be added to it.'));
  const layout = new Layout(body);
  const edits = root ? mapEdits(root as YAMLMap, revision, layout) : [{ start: body.length, end: body.length, newText: emptyPlan(revision, layout) }];
  const result = shiftEdits(edits.sort((a, b) => a.start - b.start), bom);
  const history = root ? pairOf(root as YAMLMap, 'history')?.value : undefined;
  verify(text, result, revision, isSeq(history) && newestFirst(history));
  return result;
}

/** Throws `PlanEditError` naming the first alias (`*name`) whose anchor is not defined before it. */
function checkAliases(doc: Document.Parsed): void {
  let missing: string | undefined;
  visit(doc, {
    Alias(_, node) {
      if (isAlias(node) && node.resolve(doc) === undefined) {
        missing = node.source;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (missing !== undefined) throw new PlanEditError(t('plan.yaml uses *{0}, but no value is marked &{0} before it; correct it first, then take the snapshot again.', missing));
}

/** What the edit needs to know about the text's layout: line ends, columns, indentation. */
class Layout {
  readonly eol: string;
  readonly lines: LineIndex;
  constructor(readonly body: string) {
    this.eol = eolOf(body);
    this.lines = new LineIndex(body);
  }
  column(offset: number): number {
    return this.lines.positionAt(offset).character;
  }
  /** The end of the line that holds the last non-blank character at or before `offset`. */
  lineEndAfter(offset: number): number {
    let o = offset;
    while (o > 0 && /\s/.test(this.body[o - 1])) o--;
    return this.lines.lineEnd(this.lines.positionAt(Math.max(0, o - 1)).line);
  }
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === key) as Pair | undefined;
}

const spaces = (n: number): string => ' '.repeat(Math.max(0, n));

function quoted(version: string, like?: Scalar): string {
  return like?.type === 'QUOTE_SINGLE' ? `'${version}'` : `"${version}"`;
}

/** A single-line YAML scalar for the change note: plain when that reads back the same, else double-quoted. */
function noteScalar(changes: string): string {
  if (changes === '' || changes.trim() !== changes || /[\r\n\t\u2028\u2029]/.test(changes)) return JSON.stringify(changes);
  const out = stringify(changes, { lineWidth: 0, minContentWidth: 0 }).replace(/\r?\n$/, '');
  return out.includes('\n') ? JSON.stringify(changes) : out;
}

/** The lines of a new block-sequence item, starting with the dash (no leading line break). */
function itemLines(revision: Revision, dashCol: number, keyCol: number, eol: string): string {
  return [
    `${spaces(dashCol)}-${spaces(keyCol - dashCol - 1)}version: "${revision.version}"`,
    `${spaces(keyCol)}date: ${revision.date}`,
    `${spaces(keyCol)}changes: ${noteScalar(revision.changes)}`,
  ].join(eol);
}

function emptyPlan(revision: Revision, layout: Layout): string {
  const { body, eol } = layout;
  const lead = body.length && !/[\r\n]$/.test(body) ? eol : '';
  return `${lead}version: "${revision.version}"${eol}history:${eol}${itemLines(revision, 2, 4, eol)}${eol}`;
}

/** Indentation of block sequences under a key in this file (`stages:` then `  - id:`): 2 unless the file shows otherwise. */
function sequenceIndent(root: YAMLMap, layout: Layout): { dash: number; key: number } {
  for (const pair of root.items) {
    const value = pair.value as Node | null;
    const key = pair.key as Node | null;
    if (isSeq(value) && !value.flow && value.range && key?.range) {
      const keyCol = layout.column(key.range[0]);
      const dash = layout.column(value.range[0]) - keyCol;
      const first = value.items[0] as Node | undefined;
      const inner = isMap(first) && !first.flow && first.range ? layout.column(first.range[0]) - layout.column(value.range[0]) : 2;
      if (dash >= 0 && inner >= 2) return { dash, key: inner };
    }
  }
  return { dash: 2, key: 2 };
}

function mapEdits(root: YAMLMap, revision: Revision, layout: Layout): TextEdit[] {
  const { body, eol } = layout;
  const edits: TextEdit[] = [];
  const rootCol = layout.column(root.range?.[0] ?? 0);
  const indent = sequenceIndent(root, layout);

  // version: replace the value, fill an empty one, or add the key after `method` (else first).
  const versionPair = pairOf(root, 'version');
  const value = versionPair?.value as Node | null | undefined;
  if (versionPair && isScalar(value) && value.range && value.range[1] > value.range[0]) {
    edits.push({ start: value.range[0], end: value.range[1], newText: quoted(revision.version, value) });
  } else if (versionPair) {
    const colon = body.indexOf(':', (versionPair.key as Node).range?.[1] ?? 0);
    if (colon < 0 || (value && !isScalar(value))) throw new PlanEditError(t('The version in plan.yaml is not a single value; correct it first.'));
    edits.push({ start: colon + 1, end: colon + 1, newText: ` "${revision.version}"` });
  } else {
    const method = pairOf(root, 'method');
    const methodEnd = (method?.value as Node | null)?.range?.[1] ?? (method?.key as Node | undefined)?.range?.[1];
    if (method && methodEnd !== undefined) {
      const at = layout.lineEndAfter(methodEnd);
      edits.push({ start: at, end: at, newText: `${eol}${spaces(rootCol)}version: "${revision.version}"` });
    } else {
      const at = layout.lines.lineStart(layout.lines.positionAt(root.range?.[0] ?? 0).line);
      edits.push({ start: at, end: at, newText: `${spaces(rootCol)}version: "${revision.version}"${eol}` });
    }
  }

  // history: append after the last item, turn `[]` or an empty value into a block list, or add the key.
  const historyPair = pairOf(root, 'history');
  const history = historyPair?.value as Node | null | undefined;
  if (!historyPair) {
    const at = layout.lineEndAfter(root.range?.[1] ?? body.length);
    const dash = rootCol + indent.dash;
    edits.push({ start: at, end: at, newText: `${eol}${spaces(rootCol)}history:${eol}${itemLines(revision, dash, dash + indent.key, eol)}` });
  } else if (isSeq(history) && !history.flow && history.items.length && history.range) {
    edits.push(appendToBlock(history as YAMLSeq, revision, layout));
  } else if (isSeq(history) && history.flow && history.items.length && history.range) {
    const entry = `{ version: "${revision.version}", date: ${revision.date}, changes: ${noteScalar(revision.changes)} }`;
    const first = history.items[0] as Node;
    const last = history.items[history.items.length - 1] as Node;
    if (newestFirst(history as YAMLSeq) && first.range) {
      edits.push({ start: first.range[0], end: first.range[0], newText: `${entry}, ` });
    } else {
      const at = last.range?.[1] ?? history.range[1] - 1;
      edits.push({ start: at, end: at, newText: `, ${entry}` });
    }
  } else if (history === null || (isScalar(history) && history.value === null) || (isSeq(history) && history.flow && !history.items.length)) {
    const key = historyPair.key as Node;
    const colon = body.indexOf(':', key.range?.[1] ?? 0);
    const dash = layout.column(key.range?.[0] ?? 0) + indent.dash;
    const lines = `${eol}${itemLines(revision, dash, dash + indent.key, eol)}`;
    if (isSeq(history) && history.range) {
      // `history: []`: the list brackets (and the spaces before them) give way to the block list,
      // which starts on the next line; a comment after the brackets stays on the `history:` line.
      let start = history.range[0];
      while (start > colon + 1 && /[ \t]/.test(body[start - 1])) start--;
      const lineEnd = layout.lines.lineEnd(layout.lines.positionAt(history.range[0]).line);
      edits.push({ start, end: history.range[1], newText: '' });
      edits.push({ start: lineEnd, end: lineEnd, newText: lines });
    } else {
      const at = layout.lineEndAfter(Math.max(colon + 1, (history as Node | null)?.range?.[1] ?? 0));
      edits.push({ start: at, end: at, newText: lines });
    }
  } else {
    throw new PlanEditError(t('history in plan.yaml is not a list; correct it first, then take the snapshot again.'));
  }
  return edits;
}

/** The new entry after the last item of a block list, aligned with the list's own items. */
function appendToBlock(seq: YAMLSeq, revision: Revision, layout: Layout): TextEdit {
  const range = seq.range as [number, number, number];
  const dashCol = layout.column(range[0]);
  const first = seq.items[0] as Node | undefined;
  const firstStart = first?.range?.[0];
  const sameLine = firstStart !== undefined && layout.lines.positionAt(firstStart).line === layout.lines.positionAt(range[0]).line;
  const keyCol = isMap(first) && sameLine && firstStart !== undefined ? layout.column(firstStart) : dashCol + 2;
  const lines = itemLines(revision, dashCol, Math.max(keyCol, dashCol + 2), layout.eol);
  if (newestFirst(seq)) {
    const at = layout.lines.lineStart(layout.lines.positionAt(range[0]).line);
    return { start: at, end: at, newText: `${lines}${layout.eol}` };
  }
  const last = seq.items[seq.items.length - 1] as Node;
  const at = layout.lineEndAfter(last.range?.[1] ?? range[1]);
  return { start: at, end: at, newText: `${layout.eol}${lines}` };
}

/** Whether a history list is written newest first (by version comparison, `isNewestFirst`). */
function newestFirst(seq: YAMLSeq): boolean {
  return isNewestFirst(seq.items.map((item) => (isMap(item) ? versionOf(item) : undefined)));
}

/** An entry's version as written (an unquoted number by its source text, so `0.10` stays `0.10`). */
function versionOf(item: YAMLMap): string | undefined {
  const value = pairOf(item, 'version')?.value;
  return isScalar(value) ? (value.source ?? String(value.value)).trim() : undefined;
}

/** Keys sorted, so that two values compare equal whatever order their keys were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    asRecord(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

function verify(text: string, edits: readonly TextEdit[], revision: Revision, atTop: boolean): void {
  const read = (s: string): Record<string, unknown> => {
    const doc = parseDocument(stripBom(s), { version: '1.2', schema: 'core' });
    if (doc.errors.length) throw new PlanEditError(t('Adding the version would break plan.yaml; add it by hand, please.'));
    try {
      return (doc.toJS() as Record<string, unknown> | null) ?? {};
    } catch {
      throw new PlanEditError(t('Adding the version would break plan.yaml; add it by hand, please.'));
    }
  };
  const before = read(text);
  const after = read(applyEdits(text, edits));
  const history = Array.isArray(before.history) ? before.history : [];
  const entries = atTop ? [{ ...revision }, ...history] : [...history, { ...revision }];
  const expected = { ...before, version: revision.version, history: entries };
  if (canonical(after) !== canonical(expected)) throw new PlanEditError(t('Adding the version would break plan.yaml; add it by hand, please.'));
}
