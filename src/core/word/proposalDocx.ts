/**
 * The proposal as a Word document (`.docx`), built with the `docx` package from the same proposal
 * model and labels as the A4 (`src/core/project/model.ts`, `src/core/render/labels.ts`), not from its
 * HTML: the same sections in the same order, with native tables the client can edit (the Scope Canvas
 * in three columns, the plan as a month table, the stakeholders with their power/interest quadrant,
 * the risks and revisions) and Word's own heading styles (Title, Heading1, Heading2), so the
 * navigation pane and a table of contents work. The page is A4, the text in the project's language,
 * the font the A4's Arimo with Arial as the fallback named in the font table (`package.ts`).
 *
 * Not one page: where the A4 counts the rest ("and 3 more"), the Word document lists everything.
 *
 * This module and `docx` are a bundle of their own, `dist/word.js`, loaded only when a Word export
 * runs (`load.ts`).
 */
import { AlignmentType, Document, Footer, Header, HeadingLevel, ImageRun, Paragraph, PageNumber, type ParagraphChild, Table, TextRun } from 'docx';
import { formatDate, type Language, todayIso } from '../common';
import { type ProjectReport, proposalModel, type ProposalModel, type ScopeItem, type Stakeholder } from '../project';
import { budgetLine, exportFileName, type HouseStyle, proposalLabels, type ProposalLabels, quadrantOf, timelineMonths } from '../render';
import { cell, COLOURS, monthTable, PAGE, table, text, TEXT_WIDTH } from './tables';
import { markdownParagraphs, markdownRuns } from './markdown';
import { packDocument } from './package';
import { documentStyles } from './styles';

export { redlineDocx } from './redline';
export type { DocxRedline, RedlineOptions } from './redline';

/** Options of `proposalDocx`. */
export interface DocxOptions {
  /** The date (`YYYY-MM-DD`) when the plan's history has no entry for its version; default today. */
  date?: string;
  /** The MSP's house style (logo and company in the header, accent colour, footer text). */
  style?: HouseStyle;
}

/** A Word proposal: its bytes and its file name, `<id>-v<version>.docx`. */
export interface DocxProposal {
  data: Uint8Array;
  fileName: string;
}

type Block = Paragraph | Table;

interface Ctx {
  model: ProposalModel;
  labels: ProposalLabels;
  language: Language;
  accent: string;
}

/** Builds the project's proposal as a `.docx`. Never throws for odd documents (placeholders, as on the A4). */
export async function proposalDocx(project: ProjectReport, options: DocxOptions = {}): Promise<DocxProposal> {
  const model = proposalModel(project);
  const labels = proposalLabels(model.language);
  const accent = options.style?.accentColor?.slice(1).toUpperCase() ?? COLOURS.accent;
  const ctx: Ctx = { model, labels, language: model.language, accent };
  const revision = model.plan.history.find((h) => h.version === model.plan.version && h.date);
  const date = formatDate(revision?.date ?? options.date ?? todayIso(), model.language);
  const body: Block[] = [...titleBlock(ctx, date), ...background(ctx), ...scope(ctx), ...approach(ctx), ...stakeholders(ctx), ...risks(ctx), ...revisions(ctx)];
  const document = new Document({
    creator: options.style?.company ?? '',
    title: [model.client, model.title ?? labels.missing.title].filter(Boolean).join(' – '),
    description: labels.documentKind,
    styles: documentStyles(model.language, accent),
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: 500, footer: 500 },
          },
        },
        headers: { default: header(options.style) },
        footers: { default: footer(ctx, options.style, date) },
        children: body,
      },
    ],
  });
  return { data: await packDocument(document), fileName: exportFileName(model.id, model.plan.version).replace(/\.html$/, '.docx') };
}


function header(style: HouseStyle | undefined): Header {
  const children: ParagraphChild[] = [];
  const logo = style?.logo;
  if (logo) {
    // 12 mm high at most (45 px), 60 mm wide at most (227 px), aspect kept.
    const scale = Math.min(45 / logo.height, 227 / logo.width, 1);
    const transformation = { width: Math.round(logo.width * scale), height: Math.round(logo.height * scale) };
    children.push(
      logo.type === 'png'
        ? new ImageRun({ type: 'png', data: logo.data, transformation })
        : new ImageRun({ type: 'svg', data: logo.data, transformation, fallback: { type: 'png', data: TRANSPARENT_PNG } }),
    );
  }
  if (style?.company) children.push(new TextRun({ text: `${logo ? '  ' : ''}${style.company}`, bold: true, color: COLOURS.navy }));
  return new Header({ children: children.length ? [new Paragraph({ alignment: AlignmentType.RIGHT, children })] : [] });
}

/** The page footer: the house footer text, the version, the date and `page n/total`. */
function footer({ model, labels }: Ctx, style: HouseStyle | undefined, date: string): Footer {
  const parts = [style?.footer, model.plan.version && `${labels.version} ${model.plan.version}`, date].filter(Boolean).join(' · ');
  const run = { size: 15, color: COLOURS.muted };
  return new Footer({
    children: [
      new Paragraph({
        children: [
          new TextRun({ ...run, text: `${parts} · ${labels.page} ` }),
          new TextRun({ ...run, children: [PageNumber.CURRENT] }),
          new TextRun({ ...run, text: '/' }),
          new TextRun({ ...run, children: [PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
}

/**
 * A 1 × 1 PNG, one fully transparent RGBA pixel: the fallback Word wants beside an SVG picture. A
 * reader without SVG support (Word before 2016, LibreOffice 7.4) draws it, so it must show nothing.
 */
const TRANSPARENT_PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVR42mNgAAIAAAUAAen63NgAAAAASUVORK5CYII='),
  (c) => c.charCodeAt(0),
);

function placeholder(value: string): Paragraph {
  return text(value, { italics: true, color: COLOURS.muted });
}

function heading(value: string, level: 1 | 2 = 1): Paragraph {
  return new Paragraph({ heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, children: [new TextRun(value)] });
}

/** The placeholder of a missing or unreadable document, or `undefined` when it is there. */
function missingDocument({ labels }: Ctx, state: ProposalModel['scope']['state'], file: string, missingText: string): Paragraph | undefined {
  if (state === 'missing') return placeholder(`${missingText} ${labels.missing.notYet(file)}`);
  if (state === 'unreadable') return placeholder(labels.missing.unreadable(file));
  return undefined;
}

function titleBlock({ model, labels, language, accent }: Ctx, date: string): Block[] {
  const months = timelineMonths(model.plan.stages, model.plan.milestones, model.start);
  const month = (m: string | undefined) => (m ? formatDate(m, language, true) : undefined);
  const period = months.length ? `${month(months[0])} – ${month(months[months.length - 1])}` : month(model.start);
  const meta: Array<[string, string | undefined]> = [
    [labels.client, model.client],
    [labels.version, model.plan.version],
    [labels.date, date],
    [labels.projectManager, model.projectManager],
    [labels.period, period],
  ];
  const budget = budgetLine(model.plan.budget, language);
  if (budget) meta.push([labels.budget, budget]);
  return [
    text(labels.documentKind.toUpperCase(), { bold: true, size: 16, color: accent }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(model.title ?? labels.missing.title)] }),
    text(model.client ?? labels.missing.client, { size: 24 }),
    table(
      meta.map(([k]) => k),
      meta.map(() => Math.floor(TEXT_WIDTH / meta.length)),
      [meta.map(([, v]) => cell([v ? text(v) : placeholder(labels.missing.notSet)], Math.floor(TEXT_WIDTH / meta.length)))],
      COLOURS.navy,
    ),
  ];
}

function background(ctx: Ctx): Block[] {
  const { model, labels } = ctx;
  const out: Block[] = [heading(labels.background)];
  if (model.intake.request) {
    out.push(new Paragraph({ style: 'Quote', children: markdownRuns(model.intake.request, { italics: true }) }));
    if (model.intake.contact) out.push(text(`– ${model.intake.contact}`, { color: COLOURS.muted }));
  }
  if (model.plan.summary) out.push(...markdownParagraphs(model.plan.summary));
  if (out.length === 1) out.push(missingDocument(ctx, model.intake.state, model.files.intake, labels.missing.intake) ?? placeholder(labels.missing.intake));
  out.push(heading(labels.goal));
  out.push(
    ...(model.plan.goal
      ? markdownParagraphs(model.plan.goal, { bold: true, color: COLOURS.navy })
      : [missingDocument(ctx, model.plan.state, model.files.plan, labels.missing.goal) ?? placeholder(labels.missing.goal)]),
  );
  return out;
}

function scopeItems(items: readonly ScopeItem[], labels: ProposalLabels, later: boolean): Paragraph[] {
  if (!items.length) return [placeholder(labels.missing.scopeColumn)];
  return items.flatMap((item) => [
    new Paragraph({
      spacing: { before: 60, after: 0 },
      children: [
        new TextRun({ text: item.title ?? item.id ?? labels.missing.notSet, bold: true }),
        ...(item.priority ? [new TextRun({ text: `  ${labels.priority[item.priority].toUpperCase()}`, size: 13, bold: true, color: COLOURS.muted })] : []),
      ],
    }),
    ...(item.text ? [new Paragraph({ children: [...(later ? [new TextRun({ text: `${labels.when}: `, size: 17 })] : []), ...markdownRuns(item.text, { size: 17, color: '38444F' })] })] : []),
  ]);
}

function scope(ctx: Ctx): Block[] {
  const { model, labels } = ctx;
  const missing = missingDocument(ctx, model.scope.state, model.files.scope, labels.missing.scope);
  if (missing) return [heading(labels.scope), missing];
  const width = Math.floor(TEXT_WIDTH / 3);
  const headings = [labels.willDo, labels.willNotDo, labels.maybeLater];
  const columns = [model.scope.inScope, model.scope.outOfScope, model.scope.later];
  return [
    heading(labels.scope),
    table(headings, [width, width, width], [columns.map((items, i) => cell(scopeItems(items, labels, i === 2), width))], COLOURS.navy, true),
  ];
}

function approach(ctx: Ctx): Block[] {
  const { model, labels } = ctx;
  const { plan } = model;
  const missing = missingDocument(ctx, plan.state, model.files.plan, labels.missing.plan);
  if (missing) return [heading(labels.approach), missing];
  const out: Block[] = [heading(labels.approach)];
  if (plan.method) out.push(text(labels.method[plan.method]));
  const months = timelineMonths(plan.stages, plan.milestones, model.start);
  const numbered = [...plan.milestones]
    .map((m, i) => ({ ...m, i }))
    .sort((a, b) => (a.month ?? '9999-99').localeCompare(b.month ?? '9999-99') || a.i - b.i)
    .map(({ i: _i, ...m }, n) => ({ ...m, number: n + 1 }));
  if (!months.length) {
    out.push(placeholder(labels.missing.stages));
    return out;
  }
  const month = (m: string) => formatDate(m, ctx.language, true);
  out.push(text(labels.timelineCaption(months.length, month(months[0]), month(months[months.length - 1])), { size: 16, color: COLOURS.muted }));
  const people = new Map(model.stakeholders.list.filter((s) => s.id).map((s) => [s.id as string, s.name]));
  out.push(monthTable({ months, stages: plan.stages, milestones: numbered, ownerName: (id) => people.get(id), labels, accent: ctx.accent === COLOURS.accent ? undefined : ctx.accent }));
  const withDeliverables = plan.stages.filter((s) => s.deliverables.length);
  if (withDeliverables.length) {
    out.push(heading(labels.deliverables, 2));
    for (const stage of withDeliverables) {
      out.push(new Paragraph({ children: [new TextRun({ text: `${stage.name ?? stage.id ?? ''}: `, bold: true }), new TextRun(stage.deliverables.join('; '))] }));
    }
  }
  return out;
}

const LEVEL_WEIGHT = { low: 0, medium: 1, high: 2 } as const;

function stakeholderTable({ labels }: Ctx, people: readonly Stakeholder[]): Table {
  const widths = [2200, 2000, 1600, 2066, 2000];
  const level = (l: Stakeholder['power']) => (l ? labels.level[l] : '–');
  return table(
    [labels.table.name, labels.table.role, labels.table.organisation, labels.table.quadrant, labels.table.communication],
    widths,
    people.map((s) => {
      const quadrant = labels.quadrant[quadrantOf(s.power, s.interest)];
      const how = [s.channel && labels.channel[s.channel], s.frequency && labels.frequency[s.frequency]].filter(Boolean).join(', ');
      return [
        cell([new Paragraph({ children: [new TextRun({ text: s.name ?? s.id ?? '', bold: true }), ...(s.decisionMaker ? [new TextRun({ text: ` (${labels.decisionMaker})`, color: COLOURS.muted })] : [])] })], widths[0]),
        cell(s.role ? [text(s.role)] : [], widths[1]),
        cell(s.organisation ? [text(labels.organisation[s.organisation])] : [], widths[2]),
        cell([text(quadrant, { bold: true }), text(`${labels.power}: ${level(s.power)} · ${labels.interest}: ${level(s.interest)}`, { size: 15, color: COLOURS.muted })], widths[3]),
        cell(how ? [text(how)] : [], widths[4]),
      ];
    }),
  );
}

function stakeholders(ctx: Ctx): Block[] {
  const { model, labels } = ctx;
  const missing = missingDocument(ctx, model.stakeholders.state, model.files.stakeholders, labels.missing.stakeholders);
  if (missing) return [heading(labels.stakeholders), missing];
  const all = model.stakeholders.list;
  if (!all.length) return [heading(labels.stakeholders), placeholder(labels.missing.stakeholders)];
  // As on the A4: the steering group (deciders first), then the people around the project outside
  // it, weightiest first; the MSP's own team outside the steering group is not listed.
  const steering = all.filter((s) => s.steeringGroup).sort((a, b) => Number(b.decisionMaker) - Number(a.decisionMaker));
  const weight = (s: Stakeholder) => LEVEL_WEIGHT[s.power ?? 'low'] + LEVEL_WEIGHT[s.interest ?? 'low'];
  const others = all.filter((s) => !s.steeringGroup && s.organisation !== 'msp').sort((a, b) => weight(b) - weight(a));
  const out: Block[] = [heading(labels.stakeholders), heading(labels.steeringGroup, 2)];
  out.push(steering.length ? stakeholderTable(ctx, steering) : placeholder(labels.missing.steeringGroup));
  if (others.length) out.push(heading(labels.keyStakeholders, 2), stakeholderTable(ctx, others));
  return out;
}

function risks({ model, labels }: Ctx): Block[] {
  const { plan } = model;
  if (plan.state !== 'ok' || !plan.risks.length) return [];
  const widths = [Math.floor(TEXT_WIDTH / 2), TEXT_WIDTH - Math.floor(TEXT_WIDTH / 2)];
  return [
    heading(labels.risks),
    table(
      [labels.risk, labels.mitigation],
      widths,
      plan.risks.map((r) => [cell(r.risk ? markdownParagraphs(r.risk) : [], widths[0]), cell(r.mitigation ? markdownParagraphs(r.mitigation) : [], widths[1])]),
    ),
  ];
}

function revisions({ model, labels, language }: Ctx): Block[] {
  const history = model.plan.history.filter((h) => h.version || h.changes);
  if (!history.length) return [];
  const widths = [1200, 1800, TEXT_WIDTH - 3000];
  return [
    heading(labels.revisions),
    table(
      [labels.version, labels.date, labels.table.changes],
      widths,
      history.map((h) => [
        cell([text(h.version ? `v${h.version}` : '', { bold: true })], widths[0]),
        cell([text(h.date ? formatDate(h.date, language, true) : '')], widths[1]),
        cell(h.changes ? markdownParagraphs(h.changes) : [], widths[2]),
      ]),
    ),
  ];
}
