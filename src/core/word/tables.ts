/**
 * Building blocks of the Word proposal: colours, cells, tables and the month table (one column per
 * month, each stage a row with its months shaded: the A4's timeline as a table the client can edit).
 * Widths in twips (1/1440 inch, 1 mm = 56.7 twips); run sizes in half-points.
 */
import { BorderStyle, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { monthIndex } from '../common';
import type { Milestone, Stage } from '../project';
import type { ProposalLabels } from '../render';

/** The A4's colours (`src/core/render/css.ts`), as Word wants them: hex without `#`. */
export const COLOURS = {
  ink: '1B2632',
  muted: '56626E',
  rule: 'D5DCE3',
  tint: 'F2F5F8',
  navy: '1C3A5E',
  accent: '2C6AA0',
  prince2: '2F5B8A',
  agile: '13857A',
  milestone: 'C25710',
  in: '1E7048',
  out: '9D3A36',
  later: '8A6410',
} as const;

/** A4 in twips (210 × 297 mm) and the Word document's margins (18 mm). */
export const PAGE = { width: 11906, height: 16838, margin: 1020 } as const;
/** The width between the margins, in twips. */
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

const rule = { style: BorderStyle.SINGLE, size: 4, color: COLOURS.rule };
const BORDERS = { top: rule, bottom: rule, left: rule, right: rule, insideHorizontal: rule, insideVertical: rule };

/** A cell of `width` twips holding paragraphs (a cell must hold at least one). */
export function cell(children: Paragraph[], width: number, options: { fill?: string; columnSpan?: number } = {}): TableCell {
  return new TableCell({
    children: children.length ? children : [new Paragraph({})],
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.TOP,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(options.columnSpan ? { columnSpan: options.columnSpan } : {}),
    ...(options.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } } : {}),
  });
}

/** A paragraph of one run. */
export function text(value: string, run: { bold?: boolean; italics?: boolean; size?: number; color?: string } = {}, style?: string): Paragraph {
  return new Paragraph({ style, children: [new TextRun({ ...run, text: value })] });
}

/**
 * A table over the text width with a header row (repeated on each page) and fixed column widths;
 * rows split across pages only when `split` (a long Scope Canvas row must).
 */
export function table(headings: readonly string[], widths: readonly number[], rows: TableCell[][], headingColour: string = COLOURS.navy, split = false): Table {
  const header = new TableRow({
    tableHeader: true,
    children: headings.map((h, i) => cell([text(h, { bold: true, color: 'FFFFFF' })], widths[i], { fill: headingColour })),
  });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows: [header, ...rows.map((children) => new TableRow({ children, cantSplit: !split }))],
  });
}

const LABEL_WIDTH = 3000;

/**
 * The month table: a year row and a month row, then one row per stage (its months shaded in the
 * colour of its approach) and one per milestone (its month marked ◆ n). `months` are `YYYY-MM`,
 * in order (`timelineMonths` of `src/core/render/timeline.ts`).
 */
export function monthTable(input: {
  months: readonly string[];
  stages: readonly Stage[];
  milestones: ReadonlyArray<Milestone & { number: number }>;
  ownerName: (id: string) => string | undefined;
  labels: ProposalLabels;
  accent?: string;
}): Table {
  const { months, labels } = input;
  const monthWidth = Math.floor((TEXT_WIDTH - LABEL_WIDTH) / months.length);
  const widths = [LABEL_WIDTH, ...months.map(() => monthWidth)];
  const small = { size: 14, color: COLOURS.muted };
  const years: TableCell[] = [cell([text(labels.table.stage, { bold: true, color: 'FFFFFF' })], LABEL_WIDTH, { fill: COLOURS.navy })];
  for (let i = 0; i < months.length; ) {
    const year = months[i].slice(0, 4);
    let span = 1;
    while (i + span < months.length && months[i + span].startsWith(year)) span++;
    years.push(cell([text(year, { bold: true, size: 16, color: 'FFFFFF' })], monthWidth * span, { fill: COLOURS.navy, columnSpan: span > 1 ? span : undefined }));
    i += span;
  }
  const monthRow = [cell([], LABEL_WIDTH), ...months.map((m) => cell([text(labels.monthsShort[Number(m.slice(5)) - 1], small)], monthWidth))];
  const first = months.length ? monthIndex(months[0]) : 0;
  const at = (month: string | undefined) => (month ? monthIndex(month) - first : -1);
  const stageRows = input.stages.map((stage) => {
    const from = at(stage.start);
    const to = Math.max(from, at(stage.end ?? stage.start));
    const fill = stage.approach === 'agile' ? COLOURS.agile : (input.accent ?? COLOURS.prince2);
    const owner = stage.owner ? (input.ownerName(stage.owner) ?? stage.owner) : undefined;
    const meta = [stage.approach && labels.stageApproach[stage.approach], stage.type && labels.stageType[stage.type], owner].filter(Boolean).join(' · ');
    const label = [text(stage.name ?? stage.id ?? labels.missing.notSet, { bold: true }), ...(meta ? [text(meta, small)] : [])];
    return [cell(label, LABEL_WIDTH), ...months.map((_, i) => cell([], monthWidth, from >= 0 && i >= from && i <= to ? { fill } : {}))];
  });
  const milestoneRows = input.milestones.map((m) => {
    const index = at(m.month);
    return [
      cell([text(`◆ ${m.number}  ${m.name ?? ''}`.trimEnd(), { color: COLOURS.milestone })], LABEL_WIDTH),
      ...months.map((_, i) => cell(i === index ? [text(`◆ ${m.number}`, { bold: true, size: 14, color: COLOURS.milestone })] : [], monthWidth)),
    ];
  });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows: [
      new TableRow({ tableHeader: true, children: years }),
      new TableRow({ tableHeader: true, children: monthRow }),
      ...[...stageRows, ...milestoneRows].map((children) => new TableRow({ children, cantSplit: true })),
    ],
  });
}
