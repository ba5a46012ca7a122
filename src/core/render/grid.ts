/**
 * The power/interest grid of the proposal (Mendelow): four quadrants, each stakeholder a dot
 * with initials. The register has three levels; the grid two halves. `high` is the upper half,
 * `low` and `medium` the lower half, with `medium` drawn close to the middle line so the reader
 * sees it is a borderline case.
 */
import type { ProposalLabels } from './labels';
import { escapeHtml } from './html';
import type { Level, Stakeholder } from '../project';

export type Quadrant = 'manageClosely' | 'keepSatisfied' | 'keepInformed' | 'monitor';

/** The quadrant of a power/interest pair; a missing level counts as `low`. */
export function quadrantOf(power: Level | undefined, interest: Level | undefined): Quadrant {
  const p = power === 'high';
  const i = interest === 'high';
  return p ? (i ? 'manageClosely' : 'keepSatisfied') : i ? 'keepInformed' : 'monitor';
}

/** Position of a level along an axis, 0 (none) to 1 (most). */
const POSITION: Record<Level, number> = { low: 0.2, medium: 0.4, high: 0.74 };

/** Initials for a dot: first letters of the first and last word ("Annemiek de Wit" → "AW"). */
export function initials(name: string | undefined): string {
  const words = (name ?? '').split(/[\s-]+/).filter((w) => /\p{L}/u.test(w));
  if (!words.length) return '?';
  const letter = (w: string) => [...w].find((c) => /\p{L}/u.test(c)) ?? '';
  const chars = words.length === 1 ? [...words[0]].filter((c) => /\p{L}/u.test(c)).slice(0, 2).join('') : letter(words[0]) + letter(words[words.length - 1]);
  return chars.toUpperCase();
}

const W = 206;
const H = 142;
const PLOT = { x: 16, y: 2, w: W - 18, h: H - 18 };
const DOT = 7.5;
const f = (n: number): string => String(Math.round(n * 10) / 10);

export interface GridDot {
  stakeholder: Stakeholder;
  quadrant: Quadrant;
  x: number;
  y: number;
}

/** Places the stakeholders on the grid; people with the same levels sit side by side. */
export function placeOnGrid(people: readonly Stakeholder[]): GridDot[] {
  const cells = new Map<string, Stakeholder[]>();
  for (const s of people) {
    const key = `${s.power ?? 'low'}/${s.interest ?? 'low'}`;
    cells.set(key, [...(cells.get(key) ?? []), s]);
  }
  const dots: GridDot[] = [];
  for (const [key, group] of cells) {
    const [power, interest] = key.split('/') as [Level, Level];
    const cx = PLOT.x + POSITION[interest] * PLOT.w;
    const cy = PLOT.y + (1 - POSITION[power]) * PLOT.h;
    const perRow = 4;
    group.forEach((s, i) => {
      const row = Math.floor(i / perRow);
      const inRow = Math.min(perRow, group.length - row * perRow);
      const j = i % perRow;
      dots.push({ stakeholder: s, quadrant: quadrantOf(s.power, s.interest), x: cx + (j - (inRow - 1) / 2) * (DOT * 2 + 1.5), y: cy + row * (DOT * 2 + 1.5) });
    });
  }
  return dots;
}

/** Length of an axis arrow, SVG units. */
const ARROW = 6;
/** Where the power label ends, along its (upward) line from the middle of the axis. */
const POWER_LABEL_END = 12;

/** A right-pointing arrow `ARROW` long starting at (x, y), as path data. */
function arrow(x: number, y: number): string {
  return `M${f(x)} ${f(y)}h${ARROW}m-2.2 -2.2l2.2 2.2l-2.2 2.2`;
}

/** Draws the grid as inline SVG. */
export function renderGrid(people: readonly Stakeholder[], labels: ProposalLabels): string {
  const midX = PLOT.x + PLOT.w / 2;
  const midY = PLOT.y + PLOT.h / 2;
  const out: string[] = [];
  const quadrants: Array<[Quadrant, number, number]> = [
    ['keepSatisfied', PLOT.x, PLOT.y],
    ['manageClosely', midX, PLOT.y],
    ['monitor', PLOT.x, midY],
    ['keepInformed', midX, midY],
  ];
  for (const [q, x, y] of quadrants) {
    // Labels sit at the outer edge (top of the upper, bottom of the lower quadrants): the dots
    // gather near the middle line and the levels' positions keep them clear of the labels.
    const labelY = y === PLOT.y ? y + 9 : y + PLOT.h / 2 - 3.5;
    out.push(`<rect class="grid-q grid-q-${q}" data-quadrant="${q}" x="${f(x)}" y="${f(y)}" width="${f(PLOT.w / 2)}" height="${f(PLOT.h / 2)}"/>`);
    out.push(`<text class="grid-q-label" x="${f(x + 4)}" y="${f(labelY)}">${escapeHtml(labels.quadrant[q])}</text>`);
  }
  // Axis arrows are drawn, not typed: "→" is not in the bundled fonts (`fonts.ts`), and a
  // machine font would draw it differently everywhere.
  const right = PLOT.x + PLOT.w;
  out.push(`<text class="grid-axis" x="${f(right - ARROW - 2)}" y="${H - 3}" text-anchor="end">${escapeHtml(labels.interest)}</text>`);
  out.push(`<path class="grid-arrow" d="${arrow(right - ARROW, H - 5.6)}"/>`);
  // Legend of the dot colours, on the axis line's left so the figure needs no caption row.
  let lx = PLOT.x + 4;
  for (const org of ['client', 'supplier', 'other'] as const) {
    if (!people.some((s) => (s.organisation ?? 'other') === org)) continue;
    const text = labels.organisation[org];
    out.push(`<g class="grid-legend org-${org}"><circle cx="${f(lx)}" cy="${H - 5.6}" r="2.6"/><text x="${f(lx + 4.5)}" y="${H - 3}">${escapeHtml(text)}</text></g>`);
    lx += 4.5 + text.length * 4 + 8;
  }
  // The power label runs upwards, its arrow after it; together they are about centred on the axis.
  out.push(
    `<g transform="translate(10 ${f(midY)}) rotate(-90)"><text class="grid-axis" x="${f(POWER_LABEL_END)}" y="0" text-anchor="end">${escapeHtml(labels.power)}</text>` +
      `<path class="grid-arrow" d="${arrow(POWER_LABEL_END + 2, -2.6)}"/></g>`,
  );
  for (const dot of placeOnGrid(people)) {
    const s = dot.stakeholder;
    out.push(
      `<g class="grid-dot org-${s.organisation ?? 'other'}" data-stakeholder="${escapeHtml(s.id ?? '')}" data-quadrant="${dot.quadrant}">` +
        `<title>${escapeHtml([s.name, s.role].filter(Boolean).join(', '))}</title>` +
        `<circle cx="${f(dot.x)}" cy="${f(dot.y)}" r="${DOT}"/>` +
        `<text x="${f(dot.x)}" y="${f(dot.y + 2.4)}" text-anchor="middle">${escapeHtml(initials(s.name))}</text></g>`,
    );
  }
  return (
    `<svg class="grid" role="img" aria-label="${escapeHtml(`${labels.power} / ${labels.interest}`)}" viewBox="0 0 ${W} ${H}" width="${W}" preserveAspectRatio="xMinYMin meet">` +
    out.join('') +
    '</svg>'
  );
}
