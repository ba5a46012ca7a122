/**
 * Plain text as the core handles it: offsets are UTF-16 code units (JavaScript string indices,
 * as VS Code counts them); line/column positions through `LineIndex`; a leading byte order mark
 * is read past (`stripBom`) and never touched by an edit (`bomLength`, `shiftEdits`).
 */
import type { Position, Range } from './types';

/** The UTF-8 byte order mark as a JavaScript string sees it. */
export const BOM = '\uFEFF';

/**
 * Removes a leading byte order mark. VS Code's `TextDocument.getText()` never contains it, so
 * the core always works on text without it: a file with a BOM gives the same columns as without.
 */
export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/**
 * Length of `text`'s leading byte order mark: 1 or 0. Edits computed on `stripBom(text)` are
 * moved by this much (`shiftEdits`) to apply to `text` itself, so writing keeps the BOM.
 */
export function bomLength(text: string): 0 | 1 {
  return text.startsWith(BOM) ? 1 : 0;
}

/**
 * Replace `[start, end)` of a text by `newText`; an insertion has `start === end`. Offsets are
 * UTF-16 code units of the text the edit was computed for (the extension turns them into a
 * `WorkspaceEdit` with `TextDocument.positionAt`).
 */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** The same edits `by` code units further on (for a text that has `by` more characters in front). */
export function shiftEdits(edits: readonly TextEdit[], by: number): TextEdit[] {
  return edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by }));
}

/**
 * Applies non-overlapping edits to `text` at once: every offset refers to `text` as given, in any
 * order; insertions at the same offset keep their order. Overlapping edits are not supported.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, e.start) + e.newText;
    at = Math.max(at, e.end);
  }
  return out + text.slice(at);
}

/** The text's line ending: the first one in it, `\n` when there is none. */
export function eolOf(text: string): string {
  const m = /\r\n|\n|\r/.exec(text);
  return m ? m[0] : '\n';
}

/**
 * Converts offsets of one text to positions and back. Offsets and characters are UTF-16 code
 * units (JavaScript string indices), as VS Code counts them; `\r\n`, `\n` and `\r` end a line,
 * so CRLF files give the same line/column as LF files.
 */
export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      } else if (c === 10 /* \n */) {
        this.lineStarts.push(i + 1);
      }
    }
  }

  /** Number of lines (an empty text has one). */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Position of an offset; offsets beyond the text are clamped to its end. */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo] };
  }

  /**
   * Range of two offsets, widened so that it never splits a character: a start or end between
   * the two halves of a surrogate pair (an emoji) moves to before or after the whole pair.
   */
  rangeAt(start: number, end: number): Range {
    const s = this.splitsPair(start) ? start - 1 : start;
    const e = this.splitsPair(end) ? end + 1 : end;
    return { start: this.positionAt(s), end: this.positionAt(Math.max(s, e)) };
  }

  /** True when `offset` lies between a high and a low surrogate. */
  private splitsPair(offset: number): boolean {
    const low = this.text.charCodeAt(offset);
    const high = this.text.charCodeAt(offset - 1);
    return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  }

  /** Offset of the start of a line (clamped). */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** Offset just after the last character of a line, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    let end = this.lineStarts[line + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /**
   * A range that is visible in an editor: `[start, end)` when it is not empty; otherwise the
   * rest of the line from `start` (or the character before, at the end of a line). An empty
   * text gives `0:0-0:1`, which editors show as a mark on the first line.
   */
  visibleRange(start: number, end: number): Range {
    if (end > start) return this.rangeAt(start, end);
    const pos = this.positionAt(start);
    const lineEnd = this.lineEnd(pos.line);
    if (lineEnd > start) return this.rangeAt(start, lineEnd);
    const lineStart = this.lineStart(pos.line);
    if (start > lineStart) return this.rangeAt(start - 1, start); // rangeAt widens over a whole emoji
    return { start: pos, end: { line: pos.line, character: pos.character + 1 } };
  }
}

/**
 * Splits text into user-perceived characters (extended grapheme clusters, Unicode UAX #29). Made on
 * the first `shorten` that needs it: creating a segmenter loads ICU data (about 10 ms), which the
 * extension would otherwise pay while VS Code loads it (docs/benchmarks.md, "Activation").
 */
let graphemes: Intl.Segmenter | undefined;

/** The one grapheme segmenter (`Intl.Segmenter`, user-perceived characters), made on first use. */
export function graphemeSegmenter(): Intl.Segmenter {
  graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return graphemes;
}

/**
 * Shortens `text` to at most `maxGraphemes` user-perceived characters (grapheme clusters, by
 * `Intl.Segmenter`), the last of them an ellipsis `…` when anything was cut; trailing spaces
 * before the ellipsis go. Never splits a surrogate pair, an emoji sequence (👩‍👩‍👧, 🇳🇱, 👍🏽)
 * or a letter from its combining accents. Text that fits is returned as is. Reads no further than
 * it needs, so a long text costs no more than a short one. `maxGraphemes` below 1 counts as 1.
 */
export function shorten(text: string, maxGraphemes: number): string {
  const max = Math.max(1, Math.floor(maxGraphemes));
  // Quick exit: a text of at most `max` UTF-16 units has at most `max` graphemes.
  if (text.length <= max) return text;
  let count = 0;
  let cut = 0;
  for (const { index } of graphemeSegmenter().segment(text)) {
    if (count === max - 1) cut = index;
    if (count === max) return `${text.slice(0, cut).trimEnd()}…`;
    count++;
  }
  return text;
}

/**
 * Shortens `text` to a width of at most `maxWidth`, the width of each user-perceived character
 * given by `widthOf` (any unit, the same as `maxWidth`): as `shorten`, whole graphemes, the last an
 * ellipsis `…` (its width counted) when anything was cut, trailing spaces before it dropped. Text
 * that fits is returned as is; when not even the ellipsis fits, the result is `…`.
 */
export function shortenToWidth(text: string, maxWidth: number, widthOf: (grapheme: string) => number): string {
  const segmenter = graphemeSegmenter();
  const room = maxWidth - widthOf('…');
  let width = 0;
  let cut = -1;
  for (const { segment, index } of segmenter.segment(text)) {
    width += widthOf(segment);
    if (cut < 0 && width > room) cut = index;
    if (width > maxWidth) return `${text.slice(0, cut).trimEnd()}…`;
  }
  return text;
}
