/**
 * Where the cursor is in terms of the schemas: the value path of the mapping whose key is being
 * typed, or of the value being typed, found with the YAML parser rather than by counting spaces.
 *
 * While the user types, the line under the cursor is often not valid YAML yet (`  att`, `- `). So
 * the line is replaced by a probe (`__msp_probe__: 0` for a key, `- __msp_probe__` for a new list
 * item, or the probe as the value) and the text is parsed again: where the parser puts the probe is
 * where the schema applies. A probe that adds parse errors (a key where only a list item fits) is
 * rejected and the next one is tried.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { bomLength, LineIndex } from '../common';
import { frontMatterBounds } from './validate';
import { commentStart } from './yamlErrors';
import { readYamlPart, type ValuePath } from './yamlSource';

/** The cursor's place for completion and hover. Offsets index the text as given. */
export interface SchemaLocation {
  /**
   * `key`: where a key of a mapping goes (an existing key, or a new one being typed);
   * `value`: on the value of `path` (after `key: `, or a new list item on a line of its own).
   */
  on: 'key' | 'value';
  /** For `key`: the path of the mapping; for `value`: the path of the value itself. */
  path: ValuePath;
  /** For `key` on an existing `key:`: that key. */
  key?: string;
  /** `[start, end)` of the word under the cursor, which a completion replaces. */
  word: { start: number; end: number };
  /** For `key`: the other keys already in the mapping. */
  siblings: string[];
  /** For `key`: true on the first key of a list item (`- |`), whose next lines indent past the dash. */
  itemStart?: boolean;
  /** For `value`: true on a line of its own where a new list item goes (a `- ` is still to be typed). */
  newItem?: boolean;
  /** For `value`: the cursor is right after the colon, so an inserted value needs a space first. */
  needsSpace?: boolean;
  /** Columns the continuation lines of an insertion need beyond the line's own indentation (the `- `). */
  extraIndent: number;
}

const PROBE = '__msp_probe__';

/**
 * The schema location at `offset` in a YAML text; for `intake.md` (`frontMatter`), only inside the
 * front matter. `undefined` in comments, on document markers, outside the front matter, or where
 * no probe fits. Never throws.
 */
export function schemaPathAt(input: string, offset: number, options: { frontMatter?: boolean } = {}): SchemaLocation | undefined {
  const window = yamlWindow(input, offset, options);
  if (!window) return undefined;
  const { shift, text, at, bounds } = window;
  const location = locate(text, at, bounds);
  if (!location || !shift) return location;
  return { ...location, word: { start: location.word.start + shift, end: location.word.end + shift } };
}

/**
 * The YAML a cursor is in: `text` is `input` without its BOM (`shift` code units, 0 or 1), `at` the
 * cursor's offset in it, `bounds` the YAML part (the whole text, or for `frontMatter` the front
 * matter). `undefined` when `frontMatter` is asked and the cursor is outside it.
 */
function yamlWindow(input: string, offset: number, options: { frontMatter?: boolean }): { shift: number; text: string; at: number; bounds: { start: number; end: number } } | undefined {
  const shift = bomLength(input);
  const text = input.slice(shift);
  const at = offset - shift;
  if (!options.frontMatter) return { shift, text, at, bounds: { start: 0, end: text.length } };
  const fm = frontMatterBounds(text);
  return fm && at >= fm.start && at <= fm.end ? { shift, text, at, bounds: fm } : undefined;
}

function locate(text: string, offset: number, bounds: { start: number; end: number }): SchemaLocation | undefined {
  const lines = new LineIndex(text);
  const { line } = lines.positionAt(offset);
  const ls = lines.lineStart(line);
  const le = lines.lineEnd(line);
  const lineText = text.slice(ls, le);
  const col = offset - ls;
  if (/^(---|\.\.\.)(\s|$)/.test(lineText)) return undefined;
  const comment = commentStart(lineText);
  if (comment >= 0 && col > comment) return undefined;
  const code = comment >= 0 ? lineText.slice(0, comment) : lineText;
  const lead = /^([ \t]*)((?:-[ \t]+)*)/.exec(code)!;
  const indent = lead[1].length;
  const contentStart = lead[0].length;
  const rest = code.slice(contentStart);
  if (col < contentStart && rest.trim()) return undefined;
  const parse = (replacement: string): { found?: Found; errors: number } => probeLine(text, ls, le, replacement, bounds);
  const extraIndent = contentStart - indent;
  const keyMatch = /^("[^"]*"|'[^']*'|[^\s#'"{[\]},][^#]*?)[ \t]*:(?=[ \t]|$)/.exec(rest);

  if (keyMatch) {
    const keyEnd = contentStart + keyMatch[1].length;
    if (col <= keyEnd) {
      const { found } = parse(code.slice(0, contentStart) + PROBE + code.slice(keyEnd));
      if (found?.on !== 'key') return undefined;
      return { on: 'key', path: found.path, key: unquote(keyMatch[1]), word: { start: ls + contentStart, end: ls + keyEnd }, siblings: found.siblings, itemStart: extraIndent > 0 && found.first, extraIndent };
    }
    const colon = contentStart + keyMatch[0].length;
    const valueStart = colon + (/^[ \t]*/.exec(code.slice(colon))?.[0].length ?? 0);
    const valueEnd = code.trimEnd().length;
    const { found } = parse(code.slice(0, colon) + ' ' + PROBE);
    if (found?.on !== 'value') return undefined;
    // An empty value: the completion goes where the cursor is.
    const word = valueEnd > valueStart ? { start: ls + valueStart, end: ls + valueEnd } : { start: offset, end: offset };
    return { on: 'value', path: found.path, word, siblings: [], needsSpace: col === colon, extraIndent };
  }

  // No `key:` on the line: a new key being typed, a new list item, or a list item's value.
  const word = { start: ls + contentStart, end: ls + Math.max(contentStart, code.trimEnd().length) };
  const padding = rest.trim() ? code.slice(0, contentStart) : code.slice(0, Math.min(col, code.length)).replace(/[^ \t-]/g, ' ');
  const wordOnBlank = rest.trim() ? word : { start: offset, end: offset };
  const baseline = parse('').errors;
  const asKey = parse(padding + PROBE + ': 0');
  if (asKey.found?.on === 'key' && asKey.errors <= baseline) {
    const extra = padding.length - padding.trimStart().length === padding.length ? 0 : extraIndent;
    return { on: 'key', path: asKey.found.path, word: wordOnBlank, siblings: asKey.found.siblings, itemStart: extra > 0 && asKey.found.first, extraIndent: extra };
  }
  if (!/-/.test(padding)) {
    const asItem = parse(padding + '- ' + PROBE);
    if (asItem.found?.on === 'value' && asItem.errors <= baseline) {
      return { on: 'value', path: asItem.found.path, word: wordOnBlank, siblings: [], newItem: true, extraIndent: 0 };
    }
  }
  return undefined;
}

/**
 * The path of the list that a new item (`- …`) would join if it started on the cursor's line at
 * the line's indentation, when that line holds nothing but the word being typed up to the cursor
 * (`  msp-st|`). `undefined` when the line holds more, when the item would not land in a list, or
 * when it would add parse errors. For `intake.md` (`frontMatter`), only inside the front matter.
 * Never throws.
 */
export function newListItemAt(input: string, offset: number, options: { frontMatter?: boolean } = {}): ValuePath | undefined {
  const window = yamlWindow(input, offset, options);
  if (!window) return undefined;
  const { text, at, bounds } = window;
  const lines = new LineIndex(text);
  const { line } = lines.positionAt(at);
  const ls = lines.lineStart(line);
  const le = lines.lineEnd(line);
  const before = /^([ \t]*)[A-Za-z0-9_-]*$/.exec(text.slice(ls, at));
  if (!before || text.slice(at, le).trim() || /^[ \t]*-/.test(text.slice(ls, at))) return undefined;
  const baseline = probeLine(text, ls, le, '', bounds).errors;
  const probe = probeLine(text, ls, le, `${before[1]}- ${PROBE}`, bounds);
  if (probe.found?.on !== 'value' || probe.errors > baseline) return undefined;
  const path = probe.found.path;
  return typeof path[path.length - 1] === 'number' ? path.slice(0, -1) : undefined;
}

/** Parses `text` with the line `[ls, le)` replaced and finds the probe in it. */
function probeLine(text: string, ls: number, le: number, replacement: string, bounds: { start: number; end: number }): { found?: Found; errors: number } {
  const probeText = text.slice(0, ls) + replacement + text.slice(le);
  const delta = replacement.length - (le - ls);
  const source = readYamlPart(probeText, new LineIndex(probeText), bounds.start, bounds.end + delta);
  let found: Found | undefined;
  for (const d of source.documents) found ??= findProbe(d.doc.contents as Node | null, []);
  return { found, errors: source.diagnostics.length };
}

type Found = { on: 'key'; path: ValuePath; siblings: string[]; first: boolean } | { on: 'value'; path: ValuePath; siblings?: undefined; first?: undefined };

function findProbe(node: Node | null | undefined, path: ValuePath): Found | undefined {
  if (isMap(node)) {
    for (const [index, pair] of node.items.entries()) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (key === PROBE) {
        const siblings = node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')).filter((k) => k && k !== PROBE);
        return { on: 'key', path, siblings, first: index === 0 };
      }
      if (isScalar(pair.value) && pair.value.value === PROBE) return { on: 'value', path: [...path, String(key)] };
      const found = findProbe(pair.value as Node | null, [...path, String(key)]);
      if (found) return found;
    }
  } else if (isSeq(node)) {
    for (const [index, item] of node.items.entries()) {
      if (isScalar(item) && item.value === PROBE) return { on: 'value', path: [...path, index] };
      const found = findProbe(item as Node | null, [...path, index]);
      if (found) return found;
    }
  }
  return undefined;
}

function unquote(key: string): string {
  return /^(["']).*\1$/.test(key) ? key.slice(1, -1) : key;
}
