/**
 * The proposal as readable Markdown text, for comparing two versions line by line (VS Code's diff
 * editor) and for the `.md` that "Snapshot Proposal Version" stores beside each HTML export. It
 * reads the same model and labels as the A4 (`render/model.ts`, `render/labels.ts`), in the
 * project's language, but prints everything (no one-page limits) with one fact per line, so a
 * diff shows what changed and nothing else.
 */
import { formatDay, formatMonth, todayIso } from '../common';
import { budgetLine, proposalLabels } from '../render';
import { type ProjectReport, proposalModel, type ScopeItem, type Stakeholder } from '../project';

/** Options of `proposalText`. */
export interface ProposalTextOptions {
  /** Date (`YYYY-MM-DD`) printed when the history has no entry for the plan's version; default today. */
  date?: string;
}

/** One line per fact; a blank value leaves its line out. */
function line(label: string, value: string | undefined): string[] {
  return value ? [`- ${label}: ${value}`] : [];
}

/** Collapses line breaks inside a value, so every list item stays on one line of the diff. */
function flat(text: string | undefined): string {
  return (text ?? '').replace(/\s*\r?\n\s*/g, ' ').trim();
}

/** The project's proposal as Markdown in the project's language. Never throws. */
export function proposalText(project: ProjectReport, options: ProposalTextOptions = {}): string {
  const model = proposalModel(project);
  const labels = proposalLabels(model.language);
  const lang = model.language;
  const plan = model.plan;
  const revision = plan.history.find((h) => h.version === plan.version && h.date);
  const out: string[] = [`# ${model.title ?? labels.missing.title}`, ''];
  out.push(
    ...line(labels.client, model.client),
    ...line(labels.projectManager, model.projectManager),
    ...line(labels.version, plan.version),
    ...line(labels.date, formatDay(revision?.date ?? options.date ?? todayIso(), lang)),
    ...line(labels.start, formatMonth(model.start, lang)),
    ...line(labels.budget, budgetLine(model.plan.budget, model.language)),
    '',
  );
  out.push(`## ${labels.background}`, '');
  if (model.intake.request) out.push(`> ${flat(model.intake.request)}${model.intake.contact ? ` (${model.intake.contact})` : ''}`, '');
  if (plan.summary) out.push(flat(plan.summary), '');
  out.push(`## ${labels.goal}`, '', flat(plan.goal) || labels.missing.goal, '');
  out.push(`## ${labels.scope}`, '');
  const column = (heading: string, items: readonly ScopeItem[], prefix = '') => {
    out.push(`### ${heading}`, '');
    if (!items.length) out.push(labels.missing.scopeColumn);
    for (const item of items) {
      const priority = item.priority ? ` (${labels.priority[item.priority]})` : '';
      out.push(`- **${item.title ?? item.id ?? ''}**${priority}${item.text ? `: ${prefix}${flat(item.text)}` : ''}`);
    }
    out.push('');
  };
  column(labels.willDo, model.scope.inScope);
  column(labels.willNotDo, model.scope.outOfScope);
  column(labels.maybeLater, model.scope.later, `${labels.when}: `);
  out.push(`## ${labels.approach}`, '');
  if (plan.method) out.push(labels.method[plan.method], '');
  const people = new Map(model.stakeholders.list.filter((s) => s.id).map((s) => [s.id as string, s.name ?? s.id]));
  if (!plan.stages.length) out.push(labels.missing.stages, '');
  for (const stage of plan.stages) {
    const facts = [
      [...new Set([stage.start, stage.end])].filter(Boolean).map((m) => formatMonth(m, lang, true)).join(' – '),
      stage.approach && labels.stageApproach[stage.approach],
      stage.type && labels.stageType[stage.type],
      stage.owner && (people.get(stage.owner) ?? stage.owner),
    ].filter(Boolean);
    out.push(`- **${stage.name ?? stage.id ?? ''}** (${facts.join(', ')})`);
    if (stage.deliverables.length) out.push(`  - ${labels.deliverables}: ${stage.deliverables.map(flat).join('; ')}`);
  }
  if (plan.stages.length) out.push('');
  if (plan.milestones.length) {
    out.push(`### ${labels.milestones}`, '');
    for (const m of plan.milestones) out.push(`- ${formatMonth(m.month, lang, true)}: ${m.name ?? ''}`);
    out.push('');
  }
  out.push(`## ${labels.stakeholders}`, '');
  const person = (s: Stakeholder) => {
    const how = [s.channel && labels.channel[s.channel], s.frequency && labels.frequency[s.frequency]].filter(Boolean).join(', ');
    return `- ${s.name ?? s.id ?? ''}${s.role ? `, ${s.role}` : ''}${s.decisionMaker ? ` (${labels.decisionMaker})` : ''}${how ? `: ${how}` : ''}`;
  };
  const steering = model.stakeholders.list.filter((s) => s.steeringGroup);
  const others = model.stakeholders.list.filter((s) => !s.steeringGroup);
  out.push(`### ${labels.steeringGroup}`, '', ...(steering.length ? steering.map(person) : [labels.missing.steeringGroup]), '');
  if (others.length) out.push(`### ${labels.keyStakeholders}`, '', ...others.map(person), '');
  if (plan.risks.length) {
    out.push(`## ${labels.risks}`, '');
    plan.risks.forEach((r, i) => out.push(`${i + 1}. ${flat(r.risk)}${r.mitigation ? ` → ${flat(r.mitigation)}` : ''}`));
    out.push('');
  }
  if (plan.history.length) {
    out.push(`## ${labels.revisions}`, '');
    for (const h of plan.history) out.push(`- ${h.version ? `v${h.version}` : ''}${h.date ? ` (${formatDay(h.date, lang)})` : ''}: ${flat(h.changes)}`);
    out.push('');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Readable text of an exported proposal page (`standaloneHtml`), for exports that have no `.md`
 * beside them (made by "Export A4 Plan" or by an older version): headings and list items on lines
 * of their own, styles and drawings (SVG) left out, entities decoded. Not a general HTML converter.
 */
export function htmlToText(html: string): string {
  const body = html
    .replace(/<(head|style|script|svg)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<h([1-6])\b[^>]*>/gi, (_, n: string) => `\n\n${'#'.repeat(Number(n))} `)
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<(br|hr)\b[^>]*>/gi, '\n')
    .replace(/<\/(p|div|section|header|footer|ul|ol|dl|figure|blockquote|h[1-6])>/gi, '\n\n')
    .replace(/<\/(dt|dd|figcaption)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
      if (e[0] === '#') {
        const code = e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[e.toLowerCase()] ?? whole;
    });
  return (
    body
      .split('\n')
      .map((l) => l.replace(/[ \t]+/g, ' ').trim())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n'
  );
}
