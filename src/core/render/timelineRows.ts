/**
 * The timeline as a table of horizontal slices of one drawing, so that a plan too long for one
 * page still prints readably: the PDF may break between two stage rows (never inside one), and the
 * month axis, the table's `<thead>`, is repeated at the top of the continuation page. On screen and
 * on a page that fits, the slices stack to exactly the drawing's height, so the layout (and the
 * one-page check) is the same as with the single SVG.
 *
 * The drawing (`renderTimeline` in `timeline.ts`) is kept once, in a zero-size SVG; each slice is
 * an SVG whose `viewBox` is a band of it, showing it through `<use>`. The drawing's geometry is
 * read from its markup: the `viewBox` (width and height), the axis line (`tl-axis`, one unit
 * above the end of the header), and the rows of equal height below the header, with a small
 * margin at the bottom that goes with the last row.
 */
import { escapeHtml } from './html';

/** The id of the drawing the slices show: one timeline per page. */
export const TIMELINE_DRAWING_ID = 'msp-timeline-drawing';

/** Bottom margin of the drawing below its last row, in SVG units (see `renderTimeline`). */
const BOTTOM = 2;

const num = (n: number): string => String(Math.round(n * 1000) / 1000);

/**
 * The timeline's SVG (`svg`, from `renderTimeline`) with `rows` rows (stages, plus the row of
 * milestones without a stage) as the sliced table described above, under `label` for assistive
 * technology. Returns `svg` unchanged when its geometry cannot be read or there are no rows.
 */
export function timelineRows(svg: string, rows: number, label: string): string {
  const box = /^<svg\b[^>]*\bviewBox="0 0 ([\d.]+) ([\d.]+)"[^>]*>([\s\S]*)<\/svg>$/.exec(svg);
  const axis = /<line class="tl-axis"[^>]*\by1="([\d.]+)"/.exec(svg);
  if (!box || !axis || rows < 1) return svg;
  const width = Number(box[1]);
  const height = Number(box[2]);
  const header = Number(axis[1]) + 1;
  const row = (height - BOTTOM - header) / rows;
  if (!(width > 0 && header > 0 && row > 0)) return svg;
  const slice = (top: number, h: number): string =>
    `<svg class="timeline-slice" viewBox="0 ${num(top)} ${num(width)} ${num(h)}" width="100%" preserveAspectRatio="xMinYMin meet" aria-hidden="true"><use href="#${TIMELINE_DRAWING_ID}"/></svg>`;
  const body = Array.from({ length: rows }, (_, i) => {
    const top = header + i * row;
    const h = i === rows - 1 ? height - top : row;
    return `<tr><td>${slice(top, h)}</td></tr>`;
  }).join('');
  return (
    `<div class="timeline-rows" role="img" aria-label="${escapeHtml(label)}">` +
    `<svg class="timeline timeline-drawing" width="0" height="0" aria-hidden="true"><g id="${TIMELINE_DRAWING_ID}">${box[3]}</g></svg>` +
    `<table class="timeline-table"><thead><tr><td>${slice(0, header)}</td></tr></thead><tbody>${body}</tbody></table></div>`
  );
}
