/**
 * Characters the A4 proposal cannot print with its own fonts. The proposal (preview, HTML, PDF) is
 * set in bundled fonts only (`src/core/render/fonts.ts`: Arimo with its Latin, Greek, Cyrillic,
 * Hebrew and Vietnamese subsets, Noto Sans Arabic); a character none of them has (CJK, emoji, …)
 * prints only where the machine has a font for it, else as an empty box. The rule
 * `project.glyphs-missing` names such characters in every document whose text prints on the A4,
 * so that nobody finds the boxes on the client's copy.
 *
 * What the fonts hold is `fontCoverage.json`, generated at build time from the bundled files'
 * character maps (`scripts/fontCoverage.cjs`).
 */
import { isScalar, type Node } from 'yaml';
import { asList, asRecord, asText, graphemeSegmenter, t, type DocumentKind, type Range } from '../common';
import { valueNodeAtPath, type ValuePath } from '../document';
import coverage from './fontCoverage.json';
import type { Rule, RuleDocument, RuleDocuments, RuleFinding } from './framework';

/** Sorted, disjoint `[lo, hi]` code point ranges the text fonts print. */
const RANGES: ReadonlyArray<readonly number[]> = coverage.ranges;

/** Whitespace, controls, format characters (ZWJ, ZWNJ, bidi marks) and variation selectors: no glyph of their own. */
const NO_GLYPH = /^[\p{White_Space}\p{Cc}\p{Cf}\p{Variation_Selector}]$/u;

/** True when the bundled text fonts have a glyph for `cp`, by binary search in `RANGES`. */
export function fontsCover(cp: number): boolean {
  let lo = 0;
  let hi = RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = RANGES[mid];
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * Matches a text made only of characters below U+0800 that print (`prints`): one native scan
 * answers for almost every text (Latin, Greek, Cyrillic, Hebrew, Arabic), so only a text with
 * anything else is walked code point by code point. Built from `RANGES` (clipped at U+07FF) plus
 * the common whitespace and the line-break controls.
 */
const ALL_PRINT = new RegExp(
  `^[\\t\\n\\r${RANGES.filter(([a]) => a < 0x800)
    .map(([a, b]) => `\\u{${a.toString(16)}}-\\u{${Math.min(b, 0x7ff).toString(16)}}`)
    .join('')}]*$`,
  'u',
);

/** True when `cp` prints with the bundled fonts, or needs no glyph (whitespace, control, format, variation selector). */
function prints(cp: number): boolean {
  if (cp >= 0x20 && cp < 0x7f) return true;
  return fontsCover(cp) || NO_GLYPH.test(String.fromCodePoint(cp));
}

/** A run of adjacent characters the proposal's fonts lack: the text and where it is. */
export interface MissingRun {
  /** The characters, whole graphemes (an emoji ZWJ sequence, a letter with its accents). */
  text: string;
  /** UTF-16 offsets in the checked text, `[start, end)`. */
  start: number;
  end: number;
}

/**
 * Code points between which a grapheme boundary always falls, whatever follows (Unicode's grapheme
 * rules, UAX #29: both are "Other", neither extends, joins nor prepends): printable ASCII, CJK
 * ideographs, kana, Hangul syllables and the ideographic space and stops.
 */
function simple(cp: number): boolean {
  return (
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x3041 && cp <= 0x3096) ||
    (cp >= 0x30a1 && cp <= 0x30fa) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0x3000 && cp <= 0x3002)
  );
}

/** True when a grapheme boundary certainly falls between `prev` and `cp` (two simple code points; around a line feed). */
function certainBreak(prev: number, cp: number): boolean {
  return (simple(prev) && simple(cp)) || prev === 0x0a || (cp === 0x0a && prev !== 0x0d);
}

/**
 * The longest piece segmented at once. `Intl.Segmenter` takes time that grows faster than the text
 * (measured in Node 20: 40,000 characters in about 2 s), so the text is segmented in pieces cut at
 * certain boundaries; a stretch without one (a long run of emoji) is cut here, which may split a
 * grapheme longer than this.
 */
const MAX_PIECE = 256;

/** Appends the missing graphemes of `text[start, end)` (cut at certain boundaries) to `runs`, joining adjacent ones. */
function segmentPiece(text: string, start: number, end: number, runs: MissingRun[]): void {
  for (const { segment, index } of graphemeSegmenter().segment(text.slice(start, end))) {
    let missing = false;
    for (const ch of segment) {
      if (!prints(ch.codePointAt(0) as number)) {
        missing = true;
        break;
      }
    }
    if (!missing) continue;
    const at = start + index;
    const last = runs[runs.length - 1];
    if (last && last.end === at) {
      last.text += segment;
      last.end = at + segment.length;
    } else {
      runs.push({ text: segment, start: at, end: at + segment.length });
    }
  }
}

/**
 * The runs of graphemes (`Intl.Segmenter`) of `text` that hold a character the bundled text fonts
 * lack, in text order; adjacent such graphemes form one run. A grapheme counts when any of its code
 * points has no glyph and needs one. Linear in the text: one pass over the code points, and only
 * the pieces around a missing character (bounded by certain grapheme boundaries, at most
 * `MAX_PIECE` units) are segmented.
 */
export function missingGlyphs(text: string): MissingRun[] {
  const runs: MissingRun[] = [];
  if (ALL_PRINT.test(text)) return runs;
  let pieceStart = 0;
  let prev = -1;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) as number;
    if (i > pieceStart && (certainBreak(prev, cp) || i - pieceStart >= MAX_PIECE)) pieceStart = i;
    if (prints(cp)) {
      prev = cp;
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    // The piece runs on to the next certain boundary after this character.
    let end = i + (cp > 0xffff ? 2 : 1);
    let last = cp;
    while (end < text.length) {
      const next = text.codePointAt(end) as number;
      if (certainBreak(last, next) || end - pieceStart >= MAX_PIECE) break;
      last = next;
      end += next > 0xffff ? 2 : 1;
    }
    if (pieceStart === i && end === i + (cp > 0xffff ? 2 : 1)) {
      // The piece is this one character (a CJK ideograph between others): no segmenting needed.
      const run = runs[runs.length - 1];
      if (run && run.end === i) {
        run.text += text.slice(i, end);
        run.end = end;
      } else {
        runs.push({ text: text.slice(i, end), start: i, end });
      }
    } else {
      segmentPiece(text, pieceStart, end, runs);
    }
    pieceStart = end;
    prev = last;
    i = end;
  }
  return runs;
}

/** `*` stands for every item of a list. */
type Pattern = ReadonlyArray<string | '*'>;

/**
 * The fields each document prints on the A4 (`src/core/project/model.ts`, `src/core/render/`):
 * `[field, fallback]` where the fallback (an `id`) prints only when the field is absent.
 */
const PRINTED: Partial<Record<DocumentKind, ReadonlyArray<readonly [Pattern, Pattern?]>>> = {
  project: [[['title']], [['client']], [['project_manager']]],
  intake: [[['client']], [['request']], [['contact']]],
  scope: (['in_scope', 'out_of_scope', 'later'] as const).flatMap((column) => [
    [[column, '*']] as const,
    [[column, '*', 'title'], [column, '*', 'id']] as const,
    [[column, '*', column === 'in_scope' ? 'description' : column === 'out_of_scope' ? 'reason' : 'trigger']] as const,
  ]),
  plan: [
    [['version']],
    [['goal']],
    [['summary']],
    [['stages', '*', 'name'], ['stages', '*', 'id']],
    [['milestones', '*', 'name']],
    [['risks', '*']],
    [['risks', '*', 'risk']],
    [['risks', '*', 'mitigation']],
    [['history', '*', 'version']],
    [['history', '*', 'changes']],
  ],
  stakeholders: [
    [['stakeholders', '*', 'name'], ['stakeholders', '*', 'id']],
    [['stakeholders', '*', 'role']],
  ],
};

/** The concrete paths of `pattern` in `data`, in list order. */
function expand(data: unknown, pattern: Pattern, prefix: ValuePath = []): ValuePath[] {
  if (pattern.length === 0) return [prefix];
  const [head, ...rest] = pattern;
  if (head === '*') return (asList(data) ?? []).flatMap((item, i) => expand(item, rest, [...prefix, i]));
  const record = asRecord(data);
  return record && head in record ? expand(record[head], rest, [...prefix, head]) : [];
}

/**
 * The printed text values of a document with their value paths, a field's fallback only where the
 * field is absent. The paths are resolved to YAML nodes only for the few values that need it (see
 * `findingFor`): a node lookup per printed value would cost more than the check itself.
 */
function printedValues(data: unknown, kind: DocumentKind): Array<{ text: string; path: ValuePath }> {
  const out: Array<{ text: string; path: ValuePath }> = [];
  for (const [field, fallback] of PRINTED[kind] ?? []) {
    const paths = expand(data, field);
    for (const path of paths) out.push({ text: valueText(data, path), path });
    if (!fallback) continue;
    // An id prints where its item has no name or title.
    const named = new Set(paths.map((p) => JSON.stringify(p.slice(0, -1))));
    for (const path of expand(data, fallback)) {
      if (!named.has(JSON.stringify(path.slice(0, -1)))) out.push({ text: valueText(data, path), path });
    }
  }
  return out.filter((v) => v.text !== '');
}

/** The text of the value at `path` (strings only: numbers and booleans print as ASCII). */
function valueText(data: unknown, path: ValuePath): string {
  let value = data;
  for (const key of path) value = typeof key === 'number' ? asList(value)?.[key] : asRecord(value)?.[key];
  return asText(value) ?? '';
}

/** How many runs a message names; more are summed up with `…`. */
const MAX_NAMED = 8;

/** The finding of one document: on the first run as written in the YAML, naming every distinct run. */
function findingFor(doc: RuleDocument, kind: DocumentKind): RuleFinding | undefined {
  const yaml = doc.yaml;
  if (!yaml) return undefined;
  // Every value is written in the source: when all of it prints and nothing is escaped (`"\u65E5"`),
  // no value can hold a character the fonts lack, and the values need not be walked.
  if (!yaml.lines.text.includes('\\') && ALL_PRINT.test(yaml.lines.text)) return undefined;
  const names = new Set<string>();
  let first: { offset: number; range: Range } | undefined;
  for (const { text, path } of printedValues(doc.data, kind)) {
    const runs = missingGlyphs(text);
    if (!runs.length) continue;
    for (const run of runs) names.add(run.text);
    const node: Node | null | undefined = valueNodeAtPath(yaml.doc, path);
    const [start, end] = node?.range ?? [0, 0];
    // Where the first run is written: in the node's source (plain, quoted or block scalar); an
    // escape (`"\u65E5"`) writes it in ASCII, so the whole value is the range then.
    const source = isScalar(node) && end > start ? yaml.lines.text.slice(start, end) : '';
    const inSource = missingGlyphs(source)[0];
    const at = inSource ? { offset: start + inSource.start, range: yaml.lines.visibleRange(start + inSource.start, start + inSource.end) } : { offset: start, range: yaml.lines.visibleRange(start, Math.max(start, end)) };
    if (!first || at.offset < first.offset) first = at;
  }
  if (!first) return undefined;
  const named = [...names];
  const shown = named.slice(0, MAX_NAMED).join(', ') + (named.length > MAX_NAMED ? ', …' : '');
  return {
    document: kind,
    range: first.range,
    message: t("The proposal's fonts do not contain {0}: on the A4 these characters print only where the machine has a font for them, else as empty boxes.", shown),
    data: { characters: named },
  };
}

/**
 * `project.glyphs-missing`: a printed text (see `PRINTED`) holds characters the bundled fonts lack.
 * One finding per document that has any, on the first such run as written (its exact UTF-16
 * range in the YAML), naming every distinct run (`data.characters`). Reported in the document that
 * holds the text; the rule belongs to `project.yaml`, which every project has.
 */
export const glyphsMissing: Rule = {
  code: 'project.glyphs-missing',
  document: 'project',
  defaultSeverity: 'warning',
  check(_doc, documents: RuleDocuments) {
    const findings: RuleFinding[] = [];
    for (const kind of Object.keys(PRINTED) as DocumentKind[]) {
      const doc = documents[kind];
      const finding = doc && findingFor(doc, kind);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};
