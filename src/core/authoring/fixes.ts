/**
 * Quick fixes as plain text edits, keyed on diagnostic codes (docs/authoring.md). Each fix touches
 * only the characters it must: comments, indentation and the rest of the file stay as they are;
 * inserted lines use the text's own line ending; a BOM is never touched (edits are shifted past
 * it). Offsets are UTF-16 code units of the text as given, `[start, end)`.
 */
import { isMap, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, visit, type YAMLMap } from 'yaml';
import { bomLength, DAY_PATTERN, type Diagnostic, type DiagnosticCode, type DocumentKind, eolOf, type Language, LineIndex, shiftEdits, t, type TextEdit, thousandsReading } from '../common';
import { contentText } from './contentText';
import { placeholderBlock } from './placeholders';
import { nodeAtPath, schemaAt, validateDocument, type ValuePath } from '../document';

/** One quick fix: a title for the light bulb and its edits (non-overlapping). */
export interface QuickFix {
  title: string;
  edits: TextEdit[];
  /** The fix to apply with "auto fix" / Ctrl+. Enter: the first of its diagnostic. */
  isPreferred?: boolean;
}

/** Options of `quickFixes`. */
export interface FixOptions {
  /** Language of text the fix writes into the document (the project's `language`); default `en`. */
  language?: Language;
  /** Line ending of inserted lines; default the text's first line ending (VS Code: `document.eol`). */
  eol?: string;
}

/** Most alternatives offered for an unknown reference besides the suggestion. */
const MAX_REFERENCES = 8;

interface Context {
  kind: DocumentKind;
  text: string;
  lines: LineIndex;
  doc: Document.Parsed;
  eol: string;
  diagnostic: Diagnostic;
  language: Language;
  /** The diagnostic's `data` (`{}` when it has none). */
  data: Record<string, unknown>;
  /** `data.path`: where the value is, when the diagnostic says. */
  path?: ValuePath;
}

/** Makes the fixes of one diagnostic; `[]` when its place no longer matches the text. */
type Fixer = (ctx: Context) => QuickFix[];

/**
 * The quick fixes, one per diagnostic code that has any: the keys are the fixable codes
 * (`FIXABLE_CODES`), so a fix cannot be added without being offered.
 */
const FIXERS = {
  'schema.required': (ctx) => (ctx.path && typeof ctx.data.property === 'string' ? addProperty(ctx, ctx.path, ctx.data.property) : []),
  'schema.enum': (ctx) => {
    const node = ctx.path ? scalarAt(ctx, ctx.path) : undefined;
    const allowed = Array.isArray(ctx.data.allowed) ? ctx.data.allowed.map(String) : [];
    return node ? allowed.map((v, i) => ({ title: t('Change to "{0}"', v), edits: [replaceScalar(ctx, node, v)], isPreferred: i === 0 })) : [];
  },
  'schema.additionalProperties': (ctx) => {
    const { path, data } = ctx;
    return path && typeof data.property === 'string' && typeof data.suggestion === 'string' ? renameKey(ctx, path, data.property, data.suggestion) : [];
  },
  'schema.type': (ctx) => {
    const node = ctx.path && typeof ctx.data.quote === 'string' ? scalarAt(ctx, ctx.path) : undefined;
    if (!node?.range) return [];
    const end = valueEnd(ctx, node);
    const source = ctx.text.slice(node.range[0], end);
    return [{ title: t('Put {0} in quotes', source), edits: [{ start: node.range[0], end, newText: JSON.stringify(source) }], isPreferred: true }];
  },
  'plan.day-instead-of-month': (ctx) => {
    const month = typeof ctx.data.month === 'string' ? ctx.data.month : undefined;
    const at = rangeOffsets(ctx);
    if (!month || !DAY_PATTERN.test(unquoted(ctx.text.slice(at.start, at.end)))) return [];
    return [{ title: t('Write the month {0}', month), edits: [replaceKeepingQuotes(ctx, at, month)], isPreferred: true }];
  },
  'plan.number-looks-like-thousands': (ctx) => {
    const at = rangeOffsets(ctx);
    const integer = thousandsReading(ctx.text.slice(at.start, at.end));
    return integer === undefined ? [] : [{ title: t('Write {0}', String(integer)), edits: [{ start: at.start, end: at.end, newText: String(integer) }], isPreferred: true }];
  },
  'plan.unknown-owner': (ctx) => replaceReference(ctx),
  'plan.unknown-stage': (ctx) => replaceReference(ctx),
  'scope.no-out-of-scope': (ctx) => addOutOfScopeStub(ctx),
} satisfies { readonly [C in DiagnosticCode]?: Fixer };

/** A diagnostic code that has quick fixes. */
export type FixableCode = keyof typeof FIXERS;

/** The diagnostic codes that have quick fixes. */
export const FIXABLE_CODES = Object.freeze(Object.keys(FIXERS) as FixableCode[]);

/** True when diagnostics with `code` have quick fixes. */
export function isFixable(code: string): code is FixableCode {
  return Object.hasOwn(FIXERS, code);
}

/**
 * The fixes for one diagnostic of a document of `kind` with the current `text` (which may have a
 * BOM and any line endings). The diagnostic's `data` says what to do (see `docs/method-rules.md`).
 * The diagnostic is checked against the current text first, as it may be older than the text (an
 * editor re-validates after a pause): a schema diagnostic must still be reported at the same range,
 * a rule diagnostic's range must still be exactly one value that still breaks the rule. When it is
 * gone, there is no fix, so applying a fix a second time changes nothing. Never throws.
 */
export function quickFixes(kind: DocumentKind, text: string, diagnostic: Diagnostic, options: FixOptions = {}): QuickFix[] {
  if (!isFixable(diagnostic.code)) return [];
  const shift = bomLength(text);
  const body = text.slice(shift);
  const doc = validateDocument(kind, body).yaml?.doc;
  if (!doc) return [];
  const data = diagnostic.data ?? {};
  const path = Array.isArray(data.path) ? (data.path as ValuePath) : undefined;
  const ctx: Context = { kind, text: body, lines: new LineIndex(body), doc, eol: options.eol ?? eolOf(body), diagnostic, language: options.language ?? 'en', data, path };
  let fixes: QuickFix[];
  try {
    fixes = stillThere(ctx) ? FIXERS[diagnostic.code](ctx) : [];
  } catch {
    fixes = [];
  }
  return shift ? fixes.map((f) => ({ ...f, edits: shiftEdits(f.edits, shift) })) : fixes;
}

/** Whether the diagnostic still describes the current text (see `quickFixes`). */
function stillThere(ctx: Context): boolean {
  const { code, range } = ctx.diagnostic;
  if (code.startsWith('schema.')) {
    const same = (a: Diagnostic['range']) => a.start.line === range.start.line && a.start.character === range.start.character && a.end.line === range.end.line && a.end.character === range.end.character;
    return validateDocument(ctx.kind, ctx.text).diagnostics.some((d) => d.code === code && same(d.range));
  }
  if (code === 'scope.no-out-of-scope') {
    const value = nodeAtPath(ctx.doc, ['out_of_scope'])?.node;
    return value === undefined || value === null || (isScalar(value) && value.value === null) || (isSeq(value) && value.items.length === 0);
  }
  // A reference or a month: the range is still exactly one value, and that value still breaks the rule.
  const node = scalarCovering(ctx, rangeOffsets(ctx));
  if (!node) return false;
  const current = String(node.value);
  if (code === 'plan.day-instead-of-month') return DAY_PATTERN.test(current);
  // Still an unquoted number whose source has points as thousands separators.
  if (code === 'plan.number-looks-like-thousands') return node.type === 'PLAIN' && typeof node.value === 'number' && thousandsReading(ctx.text.slice(node.range![0], valueEnd(ctx, node))) !== undefined;
  const known = Array.isArray(ctx.data.known) ? ctx.data.known.map(String) : [];
  return !known.includes(current);
}

/** The scalar whose source (quotes included, trailing line breaks not) is exactly `at`. */
function scalarCovering(ctx: Context, at: { start: number; end: number }): Scalar | undefined {
  let found: Scalar | undefined;
  visit(ctx.doc, {
    Scalar(_, node) {
      if (node.range && node.range[0] === at.start && valueEnd(ctx, node) === at.end) {
        found = node;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * Where a node's own text ends: before the line break and indentation a block scalar (`>-` with
 * its lines) or a plain multi-line value carries in its range, so an edit never takes the next key.
 */
function valueEnd(ctx: Context, node: Node): number {
  const [start, end] = node.range!;
  let at = end;
  while (at > start && /\s/.test(ctx.text[at - 1])) at--;
  return at;
}

/** A scalar's source without the quotes around it, if it has them. */
function unquoted(source: string): string {
  return source.replace(/^(["'])(.*)\1$/s, '$2');
}

function rangeOffsets(ctx: Context): { start: number; end: number } {
  const { start, end } = ctx.diagnostic.range;
  return { start: ctx.lines.lineStart(start.line) + start.character, end: ctx.lines.lineStart(end.line) + end.character };
}

function scalarAt(ctx: Context, path: ValuePath): Node | undefined {
  const node = nodeAtPath(ctx.doc, path)?.node;
  return isScalar(node) && node.range && node.range[1] > node.range[0] ? node : undefined;
}

function replaceScalar(ctx: Context, node: Node, value: string): TextEdit {
  return replaceKeepingQuotes(ctx, { start: node.range![0], end: valueEnd(ctx, node) }, value);
}

/** Replaces a scalar's text by `value`, in the same quotes when it was quoted. */
function replaceKeepingQuotes(ctx: Context, at: { start: number; end: number }, value: string): TextEdit {
  const old = ctx.text.slice(at.start, at.end);
  const quote = /^(["']).*\1$/s.test(old) ? old[0] : '';
  return { start: at.start, end: at.end, newText: quote ? `${quote}${value}${quote}` : value };
}

function addProperty(ctx: Context, path: ValuePath, property: string): QuickFix[] {
  const map = nodeAtPath(ctx.doc, path)?.node;
  const schema = schemaAt(ctx.kind, [...path, property]);
  if (!isMap(map) || !schema || map.items.some((p) => keyOf(p) === property)) return [];
  // An `end` next to a `start` starts out equal to it, rather than the schema's example date,
  // which could lie before the start and raise a new error.
  const start = map.items.find((p) => keyOf(p) === 'start')?.value;
  const block =
    property === 'end' && isScalar(start) && typeof start.value === 'string'
      ? [`end: ${ctx.text.slice(start.range![0], start.range![1])}`]
      : placeholderBlock(property, ctx.kind, [...path, property]);
  const edit = insertIntoMap(ctx, map, block);
  return edit ? [{ title: t('Add the missing property "{0}"', property), edits: [edit], isPreferred: true }] : [];
}

/**
 * Inserts YAML lines (`block`, relative indentation, first line `key: value`) as the last entry of
 * a mapping: after its last line for a block mapping, before the `}` for a flow mapping.
 */
function insertIntoMap(ctx: Context, map: YAMLMap, block: string[]): TextEdit | undefined {
  const last = map.items[map.items.length - 1] as Pair<Node, Node | null> | undefined;
  if (map.flow) {
    const close = map.range ? ctx.text.lastIndexOf('}', map.range[1] - 1) : -1;
    if (close < 0 || block.length !== 1) return undefined;
    const end = last ? (last.value ?? last.key).range?.[1] : undefined;
    return end !== undefined ? { start: end, end, newText: `, ${block[0]}` } : { start: close, end: close, newText: block[0] };
  }
  const firstKey = (map.items[0] as Pair<Node> | undefined)?.key;
  if (!firstKey?.range || !last) return undefined;
  const indent = ' '.repeat(ctx.lines.positionAt(firstKey.range[0]).character);
  let end = (last.value ?? last.key).range?.[1] ?? firstKey.range[1];
  while (end > 0 && /\s/.test(ctx.text[end - 1])) end--;
  const at = ctx.lines.lineEnd(ctx.lines.positionAt(end).line);
  return { start: at, end: at, newText: block.map((line) => ctx.eol + indent + line).join('') };
}

function keyOf(pair: unknown): string | undefined {
  const key = (pair as Pair).key;
  return isScalar(key) ? String(key.value) : undefined;
}

function renameKey(ctx: Context, path: ValuePath, property: string, suggestion: string): QuickFix[] {
  const target = nodeAtPath(ctx.doc, [...path, property]);
  const parent = nodeAtPath(ctx.doc, path)?.node;
  const key = target?.pair?.key as Node | undefined;
  if (!key?.range || !isMap(parent) || parent.items.some((p) => keyOf(p) === suggestion)) return [];
  return [{ title: t('Rename "{0}" to "{1}"', property, suggestion), edits: [replaceKeepingQuotes(ctx, { start: key.range[0], end: key.range[1] }, suggestion)], isPreferred: true }];
}

function replaceReference(ctx: Context): QuickFix[] {
  const { data } = ctx;
  const at = rangeOffsets(ctx);
  const current = unquoted(ctx.text.slice(at.start, at.end));
  const suggestion = typeof data.suggestion === 'string' ? data.suggestion : undefined;
  const known = Array.isArray(data.known) ? data.known.map(String) : [];
  const ids = [...new Set([suggestion, ...known].filter((id): id is string => !!id && id !== current))].slice(0, MAX_REFERENCES + (suggestion ? 1 : 0));
  return ids.map((id) => ({ title: t('Change to "{0}"', id), edits: [replaceKeepingQuotes(ctx, at, id)], isPreferred: id === suggestion }));
}

function addOutOfScopeStub(ctx: Context): QuickFix[] {
  const target = nodeAtPath(ctx.doc, ['out_of_scope']);
  const key = target?.pair?.key as Node | undefined;
  const value = target?.node;
  if (!key?.range) return [];
  const ids = new Set<string>();
  const data = ctx.doc.toJS() as Record<string, unknown> | null;
  for (const column of ['in_scope', 'out_of_scope', 'later']) {
    const list = data?.[column];
    if (Array.isArray(list)) for (const item of list) if (item && typeof item.id === 'string') ids.add(item.id);
  }
  let n = 1;
  while (ids.has(`out-of-scope-${n}`)) n++;
  const text = contentText(ctx.language);
  const indent = ' '.repeat(ctx.lines.positionAt(key.range[0]).character + 2);
  const item = [`- id: out-of-scope-${n}`, `  title: ${text.outOfScopeTitle}`, `  reason: ${text.outOfScopeReason}`];
  const lineEnd = ctx.lines.lineEnd(ctx.lines.positionAt(key.range[0]).line);
  const edits: TextEdit[] = [];
  // `out_of_scope: []` becomes a block list; the `[]` goes, a comment after it stays.
  if (value?.range && value.range[1] > value.range[0]) {
    let start = value.range[0];
    while (start > key.range[1] && /[ \t]/.test(ctx.text[start - 1])) start--;
    const colon = ctx.text.indexOf(':', key.range[1]);
    edits.push({ start: Math.max(start, colon + 1), end: value.range[1], newText: '' });
  }
  edits.push({ start: lineEnd, end: lineEnd, newText: item.map((line) => ctx.eol + indent + line).join('') });
  return [{ title: t('Add an out-of-scope item'), edits, isPreferred: true }];
}
