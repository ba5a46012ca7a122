/**
 * The month timeline of the proposal: stages as bars and milestones as diamonds on a month axis,
 * drawn as inline SVG. Month level only (method step 3, docs/method-rules.md: no day-level Gantt).
 * One SVG unit is one CSS pixel at the printable width, so its text has the size of the body text
 * around it.
 */
import type { ProposalLabels } from './labels';
import { escapeHtml } from './html';
import type { Milestone, Stage } from '../project';
import { PRINTABLE_WIDTH_PX } from './page';
import { monthFromIndex, monthIndex } from '../common';
import { fitText } from './textWidth';

/** Fewest months on the axis: a one-month plan still gets a readable axis. */
export const MIN_TIMELINE_MONTHS = 3;

const LABEL_WIDTH = 196;
const RIGHT_PAD = 2;
const YEAR_ROW = 12;
const MONTH_ROW = 14;
const HEADER = YEAR_ROW + MONTH_ROW + 2;
const ROW = 19.5;
const BAR = 10.5;
/** Narrowest month in which agile stages are drawn as one block per month; below it, one bar. */
const AGILE_BLOCK_MIN_PX = 6;
/** Narrowest bar drawn, px: a one-month stage of a decades-long axis stays visible. */
const MIN_BAR_PX = 1;
/** Width a month label (`Jan`, `mrt`) needs, margins included, at 8.4 px. */
const MONTH_LABEL_PX = 19;
/** Width a quarter label (`Q1`, `K1`) needs. */
const QUARTER_LABEL_PX = 16;
/** Width a year label (`2026`) needs, in the bottom row or the (bold) year row. */
const YEAR_LABEL_PX = 26;

/**
 * The axis units from fine to coarse, in months: a month, a quarter, then one, 2, 5, 10, 20, 50,
 * 100... years. The axis uses the finest whose cells are wide enough for their labels.
 */
const UNITS: readonly number[] = [1, 3, ...[1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000].map((y) => y * 12)];

/** The earliest and the latest month of a plan, as `YYYY-MM`. */
export interface PlanPeriod {
  first: string;
  last: string;
}

/**
 * The period the plan covers: from the earliest to the latest month of the stages, the
 * milestones and the project start, without any padding of the axis. `undefined` when no stage
 * or milestone has a valid month. A stage ending before it starts counts as its start month only
 * (validation reports it).
 */
export function planPeriod(stages: readonly Stage[], milestones: readonly Milestone[], projectStart?: string): PlanPeriod | undefined {
  const points: number[] = [];
  for (const s of stages) {
    if (s.start) points.push(monthIndex(s.start));
    if (s.end && (!s.start || s.end >= s.start)) points.push(monthIndex(s.end));
  }
  for (const m of milestones) if (m.month) points.push(monthIndex(m.month));
  if (!points.length) return undefined;
  if (projectStart) points.push(monthIndex(projectStart));
  let first = points[0];
  let last = points[0];
  for (const p of points) {
    if (p < first) first = p;
    if (p > last) last = p;
  }
  return { first: monthFromIndex(first), last: monthFromIndex(last) };
}

/**
 * The months of the plan's period (`planPeriod`), at least `MIN_TIMELINE_MONTHS`. Empty when
 * nothing has a valid month. The drawn axis may start and end a little wider, on whole quarters
 * or years (`renderTimeline`).
 */
export function timelineMonths(stages: readonly Stage[], milestones: readonly Milestone[], projectStart?: string): string[] {
  const period = planPeriod(stages, milestones, projectStart);
  if (!period) return [];
  const first = monthIndex(period.first);
  const last = Math.max(first + MIN_TIMELINE_MONTHS - 1, monthIndex(period.last));
  return Array.from({ length: last - first + 1 }, (_, i) => monthFromIndex(first + i));
}

/** One cell of the axis: `months` months from month index `from`, labelled `label`. */
interface AxisCell {
  from: number;
  months: number;
  label: string;
}

/**
 * The axis for the month indexes `first`..`last` over `width` px: the finest unit of `UNITS`
 * whose cells fit their labels, the axis widened to whole units (quarters from January, April...;
 * n years from a year divisible by n), and its cells. At most about `width / 16` cells, whatever
 * the span, so any plan draws in bounded time.
 */
export function timelineAxis(first: number, last: number, width: number, labels: ProposalLabels): { unit: number; start: number; end: number; cells: AxisCell[] } {
  const need = (unit: number) => (unit === 1 ? MONTH_LABEL_PX : unit === 3 ? QUARTER_LABEL_PX : YEAR_LABEL_PX);
  let unit = UNITS[UNITS.length - 1];
  let start = first;
  let end = last + 1;
  for (const u of UNITS) {
    const s = Math.floor(first / u) * u;
    const e = Math.ceil((last + 1) / u) * u;
    if ((width / (e - s)) * u >= need(u)) {
      unit = u;
      start = s;
      end = e;
      break;
    }
  }
  if (unit === UNITS[UNITS.length - 1]) {
    start = Math.floor(first / unit) * unit;
    end = Math.max(start + unit, Math.ceil((last + 1) / unit) * unit);
  }
  const cells: AxisCell[] = [];
  for (let from = start; from < end; from += unit) {
    const label = unit === 1 ? labels.monthsShort[from % 12] : unit === 3 ? labels.quartersShort[Math.floor((from % 12) / 3)] : String(Math.floor(from / 12));
    cells.push({ from, months: unit, label });
  }
  return { unit, start, end, cells };
}


const f = (n: number): string => String(Math.round(n * 10) / 10);

export interface TimelineInput {
  stages: readonly Stage[];
  milestones: readonly Milestone[];
  projectStart?: string;
  /** Display name of a stage owner (a stakeholder id), when known. */
  ownerName: (id: string) => string | undefined;
  labels: ProposalLabels;
}

export interface Timeline {
  /** The SVG markup, or `undefined` when no stage or milestone has a valid month. */
  svg?: string;
  months: string[];
  /** The milestones in the order they are numbered on the drawing. */
  milestones: Array<Milestone & { number: number }>;
}

/** Draws the timeline. Stages without valid months are listed by name without a bar. */
export function renderTimeline(input: TimelineInput): Timeline {
  const { stages, labels } = input;
  const months = timelineMonths(stages, input.milestones, input.projectStart);
  const numbered = [...input.milestones]
    .map((m, i) => ({ ...m, i }))
    .sort((a, b) => (a.month ?? '9999-99').localeCompare(b.month ?? '9999-99') || a.i - b.i)
    .map(({ i: _i, ...m }, n) => ({ ...m, number: n + 1 }));
  if (!months.length) return { months, milestones: numbered };

  const chartX = LABEL_WIDTH;
  const chartRight = PRINTABLE_WIDTH_PX - RIGHT_PAD;
  const axis = timelineAxis(monthIndex(months[0]), monthIndex(months[months.length - 1]), chartRight - chartX, labels);
  const first = axis.start;
  /** Width of one month on the axis, px (below 1 px for plans of decades). */
  const col = (chartRight - chartX) / (axis.end - axis.start);
  const xOf = (index: number) => chartX + (index - first) * col;
  const stageRow = new Map<string, number>();
  stages.forEach((s, i) => s.id && !stageRow.has(s.id) && stageRow.set(s.id, i));
  const loose = numbered.filter((m) => m.month && !(m.stage && stageRow.has(m.stage)));
  const rows = stages.length + (loose.length ? 1 : 0);
  const height = HEADER + rows * ROW + 2;
  const out: string[] = [];

  // Axis cells (months, quarters or years): light zebra, a grid line at each cell's start that
  // stops below the labels, stronger lines at year boundaries. Labels sit in the middle of their
  // cell, which is at least as wide as the label.
  const cellClass = axis.unit === 1 ? 'tl-month' : axis.unit === 3 ? 'tl-quarter' : 'tl-years';
  axis.cells.forEach((cell, i) => {
    const x = xOf(cell.from);
    const w = cell.months * col;
    const newYear = cell.from % 12 === 0;
    if (i % 2 === 1) out.push(`<rect class="tl-zebra" x="${f(x)}" y="${HEADER}" width="${f(w)}" height="${rows * ROW}"/>`);
    const yearLine = axis.unit < 12 && (i === 0 || newYear);
    out.push(`<line class="${yearLine && i > 0 ? 'tl-year-line' : 'tl-grid'}" x1="${f(x)}" y1="${yearLine ? 0 : YEAR_ROW}" x2="${f(x)}" y2="${height}"/>`);
    out.push(`<text class="${cellClass}" data-month="${monthFromIndex(cell.from)}" x="${f(x + w / 2)}" y="${YEAR_ROW + 10}" text-anchor="middle">${escapeHtml(cell.label)}</text>`);
  });
  // Years above month and quarter cells: at each January, and at the axis start when there is
  // room before the next January (and before the axis ends), so no year label overlaps another
  // or runs off the drawing.
  if (axis.unit < 12) {
    for (let m = axis.start; m < axis.end; m++) {
      if (m !== axis.start && m % 12 !== 0) continue;
      const nextYear = (Math.floor(m / 12) + 1) * 12;
      const room = (Math.min(nextYear, axis.end) - m) * col;
      if (room < YEAR_LABEL_PX) continue;
      out.push(`<text class="tl-year" x="${f(xOf(m) + 3)}" y="9">${String(Math.floor(m / 12)).padStart(4, '0')}</text>`);
    }
  }
  out.push(`<line class="tl-axis" x1="${chartX}" y1="${HEADER - 1}" x2="${chartRight}" y2="${HEADER - 1}"/>`);

  // Stage rows.
  stages.forEach((s, i) => {
    const top = HEADER + i * ROW;
    const name = s.name ?? s.id ?? '…';
    const meta = [s.approach && labels.stageApproach[s.approach], s.type && labels.stageType[s.type], s.owner && input.ownerName(s.owner)].filter(Boolean).join(' · ');
    out.push(`<g class="tl-stage" data-stage="${escapeHtml(s.id ?? '')}">`);
    out.push(`<title>${escapeHtml(s.deliverables.length ? `${name}: ${s.deliverables.join('; ')}` : name)}</title>`);
    out.push(`<text class="tl-name" x="0" y="${top + 8.8}">${escapeHtml(fitText(name, LABEL_WIDTH - 8, 10, 700))}</text>`);
    if (meta) out.push(`<text class="tl-meta" x="0" y="${top + 17.2}">${escapeHtml(fitText(meta, LABEL_WIDTH - 8, 8.4, 400))}</text>`);
    if (s.start) {
      const a = monthIndex(s.start);
      const b = Math.max(a, s.end ? monthIndex(s.end) : a);
      const y = top + (ROW - BAR) / 2;
      // A gap of up to 3 px between neighbouring bars, less when a month is narrow; never a
      // negative width (a month of a 50-year axis is under 1 px).
      const inset = Math.min(1.5, col * 0.15);
      if (s.approach === 'agile' && col >= AGILE_BLOCK_MIN_PX) {
        // Agile delivery: one block per month, the rhythm of short delivery cycles.
        for (let m = a; m <= b; m++) out.push(`<rect class="tl-bar tl-agile" x="${f(xOf(m) + inset)}" y="${y}" width="${f(col - 2 * inset)}" height="${BAR}" rx="2"/>`);
      } else {
        const cls = s.approach === 'agile' ? 'tl-agile' : 'tl-prince2';
        out.push(`<rect class="tl-bar ${cls}" x="${f(xOf(a) + inset)}" y="${y}" width="${f(Math.max(MIN_BAR_PX, (b - a + 1) * col - 2 * inset))}" height="${BAR}" rx="${f(Math.min(2, col / 2))}"/>`);
      }
    }
    out.push('</g>');
  });
  if (loose.length) {
    const top = HEADER + stages.length * ROW;
    out.push(`<text class="tl-name" x="0" y="${top + 13}">${escapeHtml(labels.milestones)}</text>`);
  }

  // Milestones: diamonds at the middle of their month, side by side when several share a cell.
  const cells = new Map<string, typeof numbered>();
  for (const m of numbered) {
    if (!m.month) continue;
    const row = m.stage && stageRow.has(m.stage) ? (stageRow.get(m.stage) as number) : stages.length;
    const key = `${row}:${m.month}`;
    cells.set(key, [...(cells.get(key) ?? []), m]);
  }
  for (const [key, group] of cells) {
    const row = Number(key.split(':')[0]);
    const cy = HEADER + row * ROW + ROW / 2;
    const spacing = Math.max(0, Math.min(13, (col - 4) / group.length));
    group.forEach((m, j) => {
      const cx = xOf(monthIndex(m.month as string)) + col / 2 + (j - (group.length - 1) / 2) * spacing;
      const r = 6.5;
      out.push(
        `<g class="tl-milestone" data-milestone="${m.number}"><title>${escapeHtml(m.name ?? '')}</title>` +
          `<path d="M${f(cx)} ${f(cy - r)}L${f(cx + r)} ${f(cy)}L${f(cx)} ${f(cy + r)}L${f(cx - r)} ${f(cy)}Z"/>` +
          `<text x="${f(cx)}" y="${f(cy + 2.6)}" text-anchor="middle">${m.number}</text></g>`,
      );
    });
  }

  const svg =
    `<svg class="timeline" role="img" aria-label="${escapeHtml(labels.approach)}" viewBox="0 0 ${PRINTABLE_WIDTH_PX} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">` +
    out.join('') +
    '</svg>';
  return { svg, months, milestones: numbered };
}
