/**
 * The one-page A4 proposal: one function, `renderProposal`, turns a project into the sheet's
 * markup and its CSS. The webview preview and the exported HTML/PDF both embed this same output
 * (see `embed.ts`), so what the user previews is what the client gets.
 *
 * Safety: every value from the documents is escaped (`escapeHtml`) or goes through the
 * restricted Markdown renderer (`markdown.ts`); the markup has no inline `style` attributes, no
 * scripts and no event handlers, so it runs under a strict CSP.
 */
import { PROPOSAL_CSS } from './css';
import { initials, renderGrid } from './grid';
import { budgetLine, proposalLabels, type ProposalLabels } from './labels';
import { chronological, formatDate, type Language, todayIso } from '../common';
import { exportFileName } from './exportName';
import { escapeHtml } from './html';
import { markdown, withImages, type ImageResolver } from './markdown';
import { type Availability, type ProjectReport, proposalModel, type ProposalModel, type ScopeItem, type Stakeholder } from '../project';
import { A4, PRINTABLE_HEIGHT_MM, PRINTABLE_WIDTH_MM } from './page';
import { type HouseStyle, houseStyleCss, logoDataUrl } from './houseStyle';
import { scopeColumnsClass } from './scopeLayout';
import { planPeriod, renderTimeline } from './timeline';
import { timelineRows } from './timelineRows';

/** The sections of the sheet, top to bottom; the one-page check reports heights by these ids. */
export const SECTION_IDS = ['title', 'background', 'scope', 'approach', 'stakeholders', 'risks', 'revisions'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** Most risks printed; the rest are counted. */
export const MAX_RISKS = 4;
/** Most key stakeholders (outside the steering group) printed; the rest are counted. */
export const MAX_KEY_STAKEHOLDERS = 4;
/** Most revisions printed in the revision line (the latest ones). */
export const MAX_REVISIONS = 4;

export interface RenderOptions {
  /**
   * The proposal's date as `YYYY-MM-DD` when the plan's history has no entry for its version;
   * default today. Tests pass a fixed date.
   */
  date?: string;
  /** The MSP's house style (`.msp-docs.json`): logo and company above the title, accent colour, page footer. */
  style?: HouseStyle;
  /**
   * Shows the local images of Markdown fields (`embeddedImages` for the export); without it every
   * image is a placeholder with its text. Remote images are never loaded.
   */
  images?: ImageResolver;
}

/** A rendered proposal: everything an embedding needs. */
export interface RenderedProposal {
  /** The document language (from project.yaml), for `<html lang>`. */
  language: Language;
  /** Text for the `<title>` of a page: client, project title and version. */
  title: string;
  /** The sheet: one `<main class="sheet">` element, the same in every embedding. */
  html: string;
  /** The proposal's CSS (screen and print), the same in every embedding. */
  css: string;
  /** Export file name, `<project id>-v<version>.html` (`exportName.ts`). */
  fileName: string;
  /** The plan's version, or `undefined` when plan.yaml has none. */
  version?: string;
}

/** Renders the project's one-page proposal. Never throws: a broken part renders a placeholder. */
export function renderProposal(project: ProjectReport, options: RenderOptions = {}): RenderedProposal {
  const model = proposalModel(project);
  const labels = proposalLabels(model.language);
  const ctx: Ctx = { model, labels, options };
  const sections = SECTION_BUILDERS.map(([id, build]) => {
    try {
      return withImages(options.images, () => build(ctx));
    } catch {
      // A bug must not take the whole preview down; the user still sees the rest of the page.
      return `<section class="sec" data-section="${id}">${placeholder(labels.missing.notSet)}</section>`;
    }
  });
  const version = model.plan.version;
  const style = options.style;
  const footer = style && [style.footer, version && `${labels.version} ${version}`, dateText(proposalDate(ctx), model.language)].filter(Boolean).join(' · ');
  // On screen the footer is drawn in the sheet's bottom margin (`houseStyleCss`); in print the
  // `@page` footer (with the page numbers) takes its place.
  const screenFooter = footer ? `<div class="house-footer">${e(footer)}</div>` : '';
  const html =
    `<main class="sheet" lang="${model.language}" data-page-width-mm="${A4.widthMm}" data-page-height-mm="${A4.heightMm}" ` +
    `data-printable-width-mm="${PRINTABLE_WIDTH_MM}" data-printable-height-mm="${PRINTABLE_HEIGHT_MM}">` +
    `<div class="sheet-content">${sections.join('')}</div>${screenFooter}</main>`;
  return {
    language: model.language,
    title: [model.client, model.title ?? labels.missing.title, version && `v${version}`].filter(Boolean).join(' – '),
    html,
    css: style ? PROPOSAL_CSS + houseStyleCss(style, footer ?? '', labels.page) : PROPOSAL_CSS,
    fileName: exportFileName(model.id, version),
    version,
  };
}

interface Ctx {
  model: ProposalModel;
  labels: ProposalLabels;
  options: RenderOptions;
}

const SECTION_BUILDERS: ReadonlyArray<[SectionId, (ctx: Ctx) => string]> = [
  ['title', titleBlock],
  ['background', background],
  ['scope', scope],
  ['approach', approach],
  ['stakeholders', stakeholders],
  ['risks', risks],
  ['revisions', revisions],
];

const e = escapeHtml;

function placeholder(text: string): string {
  return `<p class="placeholder">${e(text)}</p>`;
}

/** The placeholder for a document that is missing or unreadable, or `undefined` when it is fine. */
function documentPlaceholder(state: Availability, file: string, labels: ProposalLabels, missingText: string): string | undefined {
  if (state === 'missing') return placeholder(`${missingText} ${labels.missing.notYet(file)}`);
  if (state === 'unreadable') return placeholder(labels.missing.unreadable(file));
  return undefined;
}

function section(id: SectionId, heading: string | undefined, body: string, extraClass = ''): string {
  return `<section class="sec sec-${id}${extraClass ? ` ${extraClass}` : ''}" data-section="${id}">${heading ? `<h2>${e(heading)}</h2>` : ''}${body}</section>`;
}

/** A day or month in the proposal's language (`formatDate` of `../common`); no value stays `undefined`. */
function dateText(value: string | undefined, language: Language, short = false): string | undefined {
  return value ? formatDate(value, language, short) : undefined;
}

/** The proposal's date: its version's entry in the history, else the option, else today. */
function proposalDate({ model, options }: Ctx): string {
  const revision = model.plan.history.find((h) => h.version === model.plan.version && h.date);
  return revision?.date ?? options.date ?? todayIso();
}

/** The house style's logo and company, in the eyebrow line above the title. */
function houseMark(style: HouseStyle | undefined): string {
  if (!style?.logo && !style?.company) return '';
  const logo = style.logo ? `<img class="house-logo" src="${logoDataUrl(style.logo)}" alt="${e(style.company ?? '')}">` : '';
  return `<span class="house">${logo}${style.company ? `<span class="house-name">${e(style.company)}</span>` : ''}</span>`;
}

function titleBlock(ctx: Ctx): string {
  const { model, labels, options } = ctx;
  const version = model.plan.version;
  const date = proposalDate(ctx);
  // The plan's own period (not the timeline's axis, which may be padded): one month reads as one.
  const planned = planPeriod(model.plan.stages, model.plan.milestones, model.start);
  const period = !planned
    ? dateText(model.start, model.language, true)
    : planned.first === planned.last
      ? dateText(planned.first, model.language, true)
      : `${dateText(planned.first, model.language, true)} – ${dateText(planned.last, model.language, true)}`;
  const meta: Array<[string, string | undefined, boolean]> = [
    [labels.version, version, true],
    [labels.date, dateText(date, model.language), true],
    [labels.projectManager, model.projectManager, true],
    [labels.period, period, true],
  ];
  const budget = budgetLine(model.plan.budget, model.language);
  if (budget) meta.push([labels.budget, budget, true]);
  const dl = meta
    .filter(([, v, required]) => v || required)
    .map(([k, v]) => `<div><dt>${e(k)}</dt><dd${v ? '' : ' class="placeholder"'}>${e(v ?? labels.missing.notSet)}</dd></div>`)
    .join('');
  return (
    `<header class="sec sec-title" data-section="title">` +
    `<div class="title-main"><p class="eyebrow">${houseMark(options.style)}${e(labels.documentKind)}</p>` +
    `<h1${model.title ? '' : ' class="placeholder"'}>${e(model.title ?? labels.missing.title)}</h1>` +
    `<p class="client${model.client ? '' : ' placeholder'}">${e(model.client ?? labels.missing.client)}</p></div>` +
    `<dl class="title-meta">${dl}</dl></header>`
  );
}

function background({ model, labels }: Ctx): string {
  const left: string[] = [];
  if (model.intake.request) {
    const who = model.intake.contact ? `<figcaption>${e(model.intake.contact)}</figcaption>` : '';
    left.push(`<figure class="request"><blockquote>${markdown(model.intake.request)}</blockquote> ${who}</figure>`);
  }
  if (model.plan.summary) left.push(`<div class="md summary">${markdown(model.plan.summary)}</div>`);
  if (!left.length) left.push(documentPlaceholder(model.intake.state, model.files.intake, labels, labels.missing.intake) ?? placeholder(labels.missing.intake));
  const goal = model.plan.goal
    ? `<div class="md">${markdown(model.plan.goal)}</div>`
    : (documentPlaceholder(model.plan.state, model.files.plan, labels, labels.missing.goal) ?? placeholder(labels.missing.goal));
  return section(
    'background',
    undefined,
    `<div class="bg-text"><h2>${e(labels.background)}</h2>${left.join('')}</div>` + `<div class="goal"><h2>${e(labels.goal)}</h2>${goal}</div>`,
  );
}

function scopeColumn(kind: 'in' | 'out' | 'later', heading: string, items: readonly ScopeItem[], labels: ProposalLabels): string {
  const body = items.length
    ? `<ul>${items
        .map((item) => {
          const badge = item.priority ? ` <span class="prio prio-${item.priority}">${e(labels.priority[item.priority])}</span>` : '';
          const title = `<strong${item.title ? '' : ' class="placeholder"'}>${e(item.title ?? item.id ?? labels.missing.notSet)}</strong>${badge}`;
          const text = item.text ? `<span class="md item-text">${kind === 'later' ? `${e(labels.when)}: ` : ''}${markdown(item.text)}</span>` : '';
          return `<li>${title}${text ? ` ${text}` : ''}</li>`;
        })
        .join('')}</ul>`
    : placeholder(labels.missing.scopeColumn);
  return `<div class="scope-col scope-${kind}"><h3>${e(heading)}</h3>${body}</div>`;
}

function scope({ model, labels }: Ctx): string {
  const missing = documentPlaceholder(model.scope.state, model.files.scope, labels, labels.missing.scope);
  if (missing) return section('scope', labels.scope, missing);
  return section(
    'scope',
    labels.scope,
    `<div class="scope-canvas ${scopeColumnsClass(model.scope.inScope, model.scope.outOfScope, model.scope.later)}">` +
      scopeColumn('in', labels.willDo, model.scope.inScope, labels) +
      scopeColumn('out', labels.willNotDo, model.scope.outOfScope, labels) +
      scopeColumn('later', labels.maybeLater, model.scope.later, labels) +
      `</div>`,
  );
}

function approach({ model, labels }: Ctx): string {
  const { plan } = model;
  const missing = documentPlaceholder(plan.state, model.files.plan, labels, labels.missing.plan);
  if (missing) return section('approach', labels.approach, missing);
  const people = new Map(model.stakeholders.list.filter((s) => s.id).map((s) => [s.id as string, s.name]));
  const timeline = renderTimeline({
    stages: plan.stages,
    milestones: plan.milestones,
    projectStart: model.start,
    ownerName: (id) => people.get(id),
    labels,
  });
  const parts: string[] = [];
  const method = plan.method ? `<span class="method">${e(labels.method[plan.method])}</span>` : '';
  if (timeline.svg) {
    const hasAgile = plan.stages.some((s) => s.approach === 'agile');
    const hasPrince2 = plan.stages.some((s) => s.approach !== 'agile');
    const legend = [
      hasPrince2 ? `<span class="lg lg-prince2">${e(labels.legendPrince2)}</span>` : '',
      hasAgile ? `<span class="lg lg-agile">${e(labels.legendAgile)}</span>` : '',
      timeline.milestones.length ? `<span class="lg lg-milestone">${e(labels.milestone)}</span>` : '',
    ].join('');
    // One row per stage, and one for the milestones that belong to no stage (as `renderTimeline` draws them).
    const stageIds = new Set(plan.stages.map((s) => s.id).filter(Boolean));
    const rows = plan.stages.length + (timeline.milestones.some((m) => m.month && !(m.stage && stageIds.has(m.stage))) ? 1 : 0);
    const drawing = timelineRows(timeline.svg, rows, labels.approach);
    parts.push(`<figure class="timeline-figure">${drawing}<figcaption class="legend">${method}<span class="legend-items">${legend}</span></figcaption></figure>`);
  } else {
    if (method) parts.push(`<p>${method}</p>`);
    parts.push(placeholder(labels.missing.stages));
  }
  const details: string[] = [];
  if (timeline.milestones.length) {
    details.push(
      `<div class="milestones"><h3>${e(labels.milestones)}</h3><ol>${timeline.milestones
        .map((m) => `<li><span class="ms-num">${m.number}</span><span class="ms-text">${e(m.name ?? '')} <span class="ms-month">${e(dateText(m.month, model.language, true) ?? '')}</span></span></li>`)
        .join('')}</ol></div>`,
    );
  }
  if (details.length) parts.push(`<div class="approach-details">${details.join('')}</div>`);
  return section('approach', labels.approach, parts.join(''));
}

const LEVEL_WEIGHT = { low: 0, medium: 1, high: 2 } as const;

function communication(s: Stakeholder, labels: ProposalLabels): string {
  const channel = s.channel && labels.channel[s.channel];
  const frequency = s.frequency && labels.frequency[s.frequency];
  return [channel, frequency].filter(Boolean).join(', ');
}

function stakeholders({ model, labels }: Ctx): string {
  const missing = documentPlaceholder(model.stakeholders.state, model.files.stakeholders, labels, labels.missing.stakeholders);
  if (missing) return section('stakeholders', labels.stakeholders, missing);
  const all = model.stakeholders.list;
  if (!all.length) return section('stakeholders', labels.stakeholders, placeholder(labels.missing.stakeholders));
  // The grid shows the people around the project; the MSP's own team is not plotted.
  const plotted = all.filter((s) => s.organisation !== 'msp');
  const onGrid = new Set(plotted);
  const steering = all.filter((s) => s.steeringGroup).sort((a, b) => Number(b.decisionMaker) - Number(a.decisionMaker));
  const weight = (s: Stakeholder) => LEVEL_WEIGHT[s.power ?? 'low'] + LEVEL_WEIGHT[s.interest ?? 'low'];
  // Everyone on the grid gets a name on the page: the rest of the plotted people, weightiest first.
  const candidates = plotted.filter((s) => !s.steeringGroup).sort((a, b) => weight(b) - weight(a));
  const key = candidates.slice(0, MAX_KEY_STAKEHOLDERS);
  const person = (s: Stakeholder) => {
    const badge = onGrid.has(s) ? `<span class="badge org-${s.organisation ?? 'other'}">${e(initials(s.name))}</span>` : '<span class="badge badge-none"></span>';
    const decides = s.decisionMaker ? `<span class="tag">${e(labels.decisionMaker)}</span> ` : '';
    const how = communication(s, labels);
    return (
      `<li>${badge}<span class="who"><strong>${e(s.name ?? s.id ?? '')}</strong>${s.role ? `<span class="role">, ${e(s.role)}</span>` : ''}` +
      `${how || decides ? `<span class="how">${decides}${how ? e(how) : ''}</span>` : ''}</span></li>`
    );
  };
  const steeringList = steering.length ? `<ul class="people">${steering.map(person).join('')}</ul>` : placeholder(labels.missing.steeringGroup);
  const more = candidates.length - key.length;
  const keyList = key.length
    ? `<ul class="people">${key.map(person).join('')}</ul>${more > 0 ? `<p class="more">${e(labels.moreStakeholders(more))}</p>` : ''}`
    : '';
  return section(
    'stakeholders',
    labels.stakeholders,
    `<div class="stakeholders-row">` +
      (plotted.length ? `<figure class="grid-figure">${renderGrid(plotted, labels)}</figure>` : '') +
      `<div class="people-group steering"><h3>${e(labels.steeringGroup)}</h3>${steeringList}</div>` +
      (keyList ? `<div class="people-group key"><h3>${e(labels.keyStakeholders)}</h3>${keyList}</div>` : '') +
      `</div>`,
  );
}

/** The arrow between a risk and its mitigation, drawn: "→" is not in the bundled fonts (`fonts.ts`). */
const RISK_ARROW = '<svg class="arrow" viewBox="0 0 10 7" aria-hidden="true"><path d="M0.5 3.5H9M6.2 0.8l2.8 2.7-2.8 2.7"/></svg>';

function risks({ model, labels }: Ctx): string {
  const { plan } = model;
  if (plan.state !== 'ok' || !plan.risks.length) return '';
  const shown = plan.risks.slice(0, MAX_RISKS);
  const more = plan.risks.length - shown.length;
  const items = shown
    .map(
      (r) =>
        `<li><span class="md risk">${r.risk ? markdown(r.risk) : ''}</span>` +
        `${r.mitigation ? ` <span class="md mitigation">${RISK_ARROW} ${markdown(r.mitigation)}</span>` : ''}</li>`,
    )
    .join('');
  return section('risks', labels.risks, `<ol>${items}</ol>${more > 0 ? `<p class="more">${e(labels.moreRisks(more))}</p>` : ''}`);
}

function revisions({ model, labels }: Ctx): string {
  // Oldest first by version, whatever order the file lists them in: the latest ones are printed.
  const history = chronological(model.plan.history.filter((h) => h.version || h.changes)).slice(-MAX_REVISIONS);
  if (!history.length) return '';
  const items = history
    .map(
      (h) =>
        `<li><span class="rev-version">${e(h.version ? `v${h.version}` : '')}</span>` +
        `<span class="rev-date">${e(dateText(h.date, model.language, true) ?? '')}</span><span class="md rev-changes">${h.changes ? markdown(h.changes) : ''}</span></li>`,
    )
    .join('');
  return `<footer class="sec sec-revisions" data-section="revisions"><h2>${e(labels.revisions)}</h2><ul>${items}</ul></footer>`;
}
