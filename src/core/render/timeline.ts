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

/** Fewest months on the axis: a one-month plan still gets a readable axis. */
export const MIN_TIMELINE_MONTHS = 3;

const LABEL_WIDTH = 196;
const RIGHT_PAD = 2;
const YEAR_ROW = 12;
const MONTH_ROW = 14;
const HEADER = YEAR_ROW + MONTH_ROW + 2;
const ROW = 19.5;
const BAR = 10.5;
/** Width a three-letter month label needs at 7.5 px before labels are thinned out. */
const MONTH_LABEL_PX = 19;

/**
 * The months on the axis: from the earliest to the latest month of the stages (and the
 * milestones and the project start), at least `MIN_TIMELINE_MONTHS`. Empty when nothing has a
 * valid month. A stage ending before it starts counts as its start month only (validation
 * reports it).
 */
export function timelineMonths(stages: readonly Stage[], milestones: readonly Milestone[], projectStart?: string): string[] {
  const points: number[] = [];
  for (const s of stages) {
    if (s.start) points.push(monthIndex(s.start));
    if (s.end) points.push(monthIndex(s.end));
  }
  for (const m of milestones) if (m.month) points.push(monthIndex(m.month));
  if (!points.length) return [];
  if (projectStart) points.push(monthIndex(projectStart));
  const first = Math.min(...points);
  const last = Math.max(first + MIN_TIMELINE_MONTHS - 1, ...points);
  return Array.from({ length: last - first + 1 }, (_, i) => monthFromIndex(first + i));
}

/** Cuts a text to fit `maxPx` at `fontPx` (an estimate for sans-serif fonts), adding an ellipsis. */
function fit(text: string, maxPx: number, fontPx: number): string {
  const max = Math.floor(maxPx / (fontPx * 0.54));
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
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

  const first = monthIndex(months[0]);
  const chartX = LABEL_WIDTH;
  const col = (PRINTABLE_WIDTH_PX - RIGHT_PAD - chartX) / months.length;
  const xOf = (index: number) => chartX + (index - first) * col;
  const stageRow = new Map<string, number>();
  stages.forEach((s, i) => s.id && !stageRow.has(s.id) && stageRow.set(s.id, i));
  const loose = numbered.filter((m) => m.month && !(m.stage && stageRow.has(m.stage)));
  const rows = stages.length + (loose.length ? 1 : 0);
  const height = HEADER + rows * ROW + 2;
  const out: string[] = [];

  // Month columns: light zebra, year boundaries stronger.
  const step = [1, 2, 3, 6, 12].find((n) => n * col >= MONTH_LABEL_PX) ?? 12;
  months.forEach((m, i) => {
    const x = xOf(first + i);
    const mi = Number(m.slice(5, 7)) - 1;
    if (i % 2 === 1) out.push(`<rect class="tl-zebra" x="${f(x)}" y="${HEADER}" width="${f(col)}" height="${rows * ROW}"/>`);
    if (i === 0 || mi === 0) {
      out.push(`<line class="${i === 0 ? 'tl-grid' : 'tl-year-line'}" x1="${f(x)}" y1="0" x2="${f(x)}" y2="${height}"/>`);
      out.push(`<text class="tl-year" x="${f(x + 3)}" y="9">${m.slice(0, 4)}</text>`);
    } else {
      out.push(`<line class="tl-grid" x1="${f(x)}" y1="${YEAR_ROW}" x2="${f(x)}" y2="${height}"/>`);
    }
    const labelled = i % step === 0;
    out.push(
      `<text class="tl-month" data-month="${m}" x="${f(x + col / 2)}" y="${YEAR_ROW + 10}" text-anchor="middle">${labelled ? escapeHtml(labels.monthsShort[mi]) : ''}</text>`,
    );
  });
  out.push(`<line class="tl-axis" x1="${chartX}" y1="${HEADER - 1}" x2="${PRINTABLE_WIDTH_PX - RIGHT_PAD}" y2="${HEADER - 1}"/>`);

  // Stage rows.
  stages.forEach((s, i) => {
    const top = HEADER + i * ROW;
    const name = s.name ?? s.id ?? '…';
    const meta = [s.approach && labels.stageApproach[s.approach], s.type && labels.stageType[s.type], s.owner && input.ownerName(s.owner)].filter(Boolean).join(' · ');
    out.push(`<g class="tl-stage" data-stage="${escapeHtml(s.id ?? '')}">`);
    out.push(`<title>${escapeHtml(s.deliverables.length ? `${name}: ${s.deliverables.join('; ')}` : name)}</title>`);
    out.push(`<text class="tl-name" x="0" y="${top + 8.8}">${escapeHtml(fit(name, LABEL_WIDTH - 8, 10))}</text>`);
    if (meta) out.push(`<text class="tl-meta" x="0" y="${top + 17.2}">${escapeHtml(fit(meta, LABEL_WIDTH - 8, 8.4))}</text>`);
    if (s.start) {
      const a = monthIndex(s.start);
      const b = Math.max(a, s.end ? monthIndex(s.end) : a);
      const y = top + (ROW - BAR) / 2;
      if (s.approach === 'agile') {
        // Agile delivery: one block per month, the rhythm of short delivery cycles.
        for (let m = a; m <= b; m++) out.push(`<rect class="tl-bar tl-agile" x="${f(xOf(m) + 1.5)}" y="${y}" width="${f(col - 3)}" height="${BAR}" rx="2"/>`);
      } else {
        out.push(`<rect class="tl-bar tl-prince2" x="${f(xOf(a) + 1.5)}" y="${y}" width="${f((b - a + 1) * col - 3)}" height="${BAR}" rx="2"/>`);
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
    const spacing = Math.min(13, (col - 4) / group.length);
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
