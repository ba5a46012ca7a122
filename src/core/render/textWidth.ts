/**
 * Widths of text in the proposal's font (Arimo, Arial's metrics, `fonts.ts`), for the texts the
 * renderer draws in SVG, where the browser cannot wrap them: the timeline's stage labels
 * (`timeline.ts`) are shortened to fit their column by these widths, not by a count of characters
 * (40 capitals are twice as wide as 40 lower-case letters).
 *
 * The table holds the advance widths, in thousandths of an em rounded up, of printable ASCII,
 * Latin-1 and a few punctuation marks, as Chromium measures them in the bundled Arimo
 * (`test/browser/fixtures.browser.test.ts` checks them against it). A character not in the table
 * counts as its base letter (`é` as `e`, by canonical decomposition) or, failing that, as one em,
 * wider than any Latin letter, so a text is never estimated narrower than it prints (kerning only
 * narrows it).
 */
import { shortenToWidth } from '../common';

const CHARS = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u00a0¡¢£¤¥¦§¨©ª«¬\u00ad®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ–—‘’“”•…€";
const REGULAR = [278, 278, 355, 557, 557, 890, 667, 191, 334, 334, 390, 584, 278, 334, 278, 278, 557, 557, 557, 557, 557, 557, 557, 557, 557, 557, 278, 278, 584, 584, 584, 557, 1016, 667, 667, 723, 723, 667, 611, 778, 723, 278, 500, 667, 557, 834, 723, 778, 667, 778, 723, 667, 611, 723, 667, 944, 667, 667, 611, 278, 278, 278, 470, 557, 334, 557, 557, 500, 557, 557, 278, 557, 557, 223, 223, 500, 223, 834, 557, 557, 557, 557, 334, 500, 278, 557, 500, 723, 500, 500, 500, 334, 260, 334, 584, 278, 334, 557, 557, 557, 557, 260, 557, 334, 737, 371, 557, 584, 0, 737, 553, 400, 549, 334, 334, 334, 577, 538, 334, 334, 334, 366, 557, 834, 834, 834, 611, 667, 667, 667, 667, 667, 667, 1000, 723, 667, 667, 667, 667, 278, 278, 278, 278, 723, 723, 778, 778, 778, 778, 778, 584, 778, 723, 723, 723, 723, 667, 667, 611, 557, 557, 557, 557, 557, 557, 890, 500, 557, 557, 557, 557, 278, 278, 278, 278, 557, 557, 557, 557, 557, 557, 557, 549, 611, 557, 557, 557, 557, 500, 557, 500, 557, 1000, 223, 223, 334, 334, 351, 1000, 557];
const BOLD = [278, 334, 475, 557, 557, 890, 723, 238, 334, 334, 390, 584, 278, 334, 278, 278, 557, 557, 557, 557, 557, 557, 557, 557, 557, 557, 334, 334, 584, 584, 584, 611, 976, 723, 723, 723, 723, 667, 611, 778, 723, 278, 557, 723, 611, 834, 723, 778, 667, 778, 723, 667, 611, 723, 667, 944, 667, 667, 611, 334, 278, 334, 584, 557, 334, 557, 611, 557, 611, 557, 334, 611, 611, 278, 278, 557, 278, 890, 611, 611, 611, 611, 390, 557, 334, 611, 557, 778, 557, 557, 500, 390, 280, 390, 584, 278, 334, 557, 557, 557, 557, 280, 557, 334, 737, 371, 557, 584, 0, 737, 553, 400, 549, 334, 334, 334, 601, 557, 334, 334, 334, 366, 557, 834, 834, 834, 611, 723, 723, 723, 723, 723, 723, 1000, 723, 667, 667, 667, 667, 278, 278, 278, 278, 723, 723, 778, 778, 778, 778, 778, 584, 778, 723, 723, 723, 723, 667, 667, 611, 557, 557, 557, 557, 557, 557, 890, 557, 557, 557, 557, 557, 278, 278, 278, 278, 611, 611, 611, 611, 611, 611, 611, 549, 611, 611, 611, 611, 611, 557, 611, 557, 557, 1000, 278, 278, 500, 500, 351, 1000, 557];

/**
 * Width taken for a character not in the table, in thousandths of an em: more than one em, since
 * it prints in a font of the machine (an emoji is about 1.25 em, a CJK character 1 em).
 */
const UNKNOWN = 1250;

let regular: Map<string, number> | undefined;
let bold: Map<string, number> | undefined;

/**
 * Width of one user-perceived character (grapheme), in thousandths of an em, in Arimo of
 * `weight` (700 and above bold, anything else regular): from the table, else as its base letter,
 * else `UNKNOWN`.
 */
export function graphemeWidth(grapheme: string, weight: number): number {
  const table = weight >= 700 ? (bold ??= new Map(Array.from(CHARS, (c, i) => [c, BOLD[i]]))) : (regular ??= new Map(Array.from(CHARS, (c, i) => [c, REGULAR[i]])));
  return table.get(grapheme) ?? table.get(grapheme.normalize('NFD')[0]) ?? UNKNOWN;
}

/**
 * `text` shortened with an ellipsis (whole graphemes, `shortenToWidth`) so that it is at most
 * `maxPx` CSS px wide at `fontPx` px in Arimo of `weight`; returned as is when it fits.
 */
export function fitText(text: string, maxPx: number, fontPx: number, weight: number): string {
  return shortenToWidth(text, (maxPx * 1000) / fontPx, (g) => graphemeWidth(g, weight));
}
