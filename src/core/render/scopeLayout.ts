/**
 * Column widths of the Scope Canvas. The three columns keep their meaning and order; their
 * widths are chosen from a few presets so that the longest column is as short as possible (a
 * canvas with six long "will do" items and three short "later" ones should not waste a third of
 * the page). Presets are classes, not inline styles, because the webview's CSP allows no style
 * attributes.
 */
import type { ScopeItem } from '../project';
import { PRINTABLE_WIDTH_MM } from './page';

export const SCOPE_PRESETS: ReadonlyArray<[string, readonly [number, number, number]]> = [
  ['cols-even', [1, 1, 1]],
  ['cols-in', [1.5, 1, 1]],
  ['cols-in-wide', [2, 1.05, 0.95]],
  ['cols-in-wider', [2.4, 1.1, 0.85]],
  ['cols-in-widest', [2.9, 1.2, 0.9]],
  ['cols-out', [1, 1.5, 1]],
  ['cols-later', [1, 1, 1.5]],
];

/** Gap between the columns (CSS `gap` of `.scope-canvas`). */
export const SCOPE_GAP_MM = 4;
/** Characters per millimetre of line at the item font size (7.8 pt sans-serif), an estimate. */
const CHARS_PER_MM = 0.7;
/** Narrowest a column may get before its words stop fitting. */
const MIN_COLUMN_MM = 30;

/** Estimated height of a column, in lines, at a width in millimetres. */
function estimatedLines(items: readonly ScopeItem[], widthMm: number): number {
  const perLine = Math.max(1, Math.floor(widthMm * CHARS_PER_MM));
  // Per item: title (bold, ~10 % wider) and text flow on; the badge and "When:" add a few characters.
  return items.reduce((n, i) => n + 0.35 + Math.ceil(((i.title?.length ?? 8) * 1.1 + 8 + (i.text?.length ?? 0)) / perLine), 1);
}

/** The preset class whose longest column is estimated shortest (ties: the earlier, more even preset). */
export function scopeColumnsClass(inScope: readonly ScopeItem[], outOfScope: readonly ScopeItem[], later: readonly ScopeItem[]): string {
  const columns = [inScope, outOfScope, later];
  const width = PRINTABLE_WIDTH_MM - 2 * SCOPE_GAP_MM;
  let best = SCOPE_PRESETS[0][0];
  let bestLines = Infinity;
  for (const [name, fr] of SCOPE_PRESETS) {
    const sum = fr[0] + fr[1] + fr[2];
    const widths = fr.map((x) => (width * x) / sum);
    if (widths.some((w) => w < MIN_COLUMN_MM)) continue;
    const lines = Math.max(...columns.map((items, i) => estimatedLines(items, widths[i])));
    if (lines < bestLines - 0.01) [best, bestLines] = [name, lines];
  }
  return best;
}
