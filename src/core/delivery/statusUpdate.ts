/**
 * A draft status update from the plan (docs/delivery.md). Method steps 3 and 4
 * (docs/method-rules.md): over-communication does not exist; short updates to the steering group,
 * the stakeholders and the users. The draft is Markdown in the project's language for the user to
 * edit and send; nothing is sent from here.
 */
import { addMonths, asList, asRecord, asText, formatDay, formatMonth, type Language, monthOfDay, monthSpan, newestIndex, type Phase } from '../common';
import { PHASES } from '../document';
import { type ProjectReport, proposalModel, type Stage } from '../project';
import { reportWords, type Audience, type ProjectStatus, type ReportWords } from './reportWords';

export type { Audience } from './reportWords';

/** The audiences in the order a picker offers them. */
export const AUDIENCES: readonly Audience[] = ['steering-group', 'stakeholders', 'users'];

/** Most risks listed in an update; the full log is in plan.yaml. */
export const MAX_RISKS = 3;

/** A stage running in a month, with how far it is: `month` of `total` months. */
export interface RunningStage {
  stage: Stage;
  month: number;
  total: number;
}

/** The stages of the plan running in `month` (`YYYY-MM`), in plan order. */
export function runningStages(stages: readonly Stage[], month: string): RunningStage[] {
  return stages.flatMap((stage) =>
    stage.start && stage.end && stage.start <= month && month <= stage.end
      ? [{ stage, month: monthSpan(stage.start, month), total: monthSpan(stage.start, stage.end) }]
      : [],
  );
}

/** The first milestone in or after `month` (the earliest month; plan order among equals). */
export function nextMilestone<M extends { month?: string }>(milestones: readonly M[], month: string): M | undefined {
  return milestones
    .filter((m) => m.month && m.month >= month)
    .reduce<M | undefined>((best, m) => (!best || (m.month as string) < (best.month as string) ? m : best), undefined);
}

/** The decisions the steering group is asked for, as sentences in the project's language. */
export function decisionsNeeded(project: ProjectReport, today: string, words: ReportWords = reportWords(project.language)): string[] {
  const model = proposalModel(project);
  const next = addMonths(monthOfDay(today), 1);
  const decisions = model.plan.stages
    .filter((s) => s.start === next)
    .map((s) => words.goNoGo(s.name ?? s.id ?? '', formatMonth(next, model.language)));
  const operations = asRecord(asRecord(project.documents.handover.data)?.operations);
  for (const item of asList(operations?.open_items) ?? []) if (asText(item)?.trim()) decisions.push(words.openItem((item as string).trim()));
  const phase = project.phase;
  const index = PHASES.indexOf(phase as (typeof PHASES)[number]);
  if (index >= 0 && project.phases[PHASES[index]] === 'ok') {
    decisions.push(index + 1 < PHASES.length ? words.advancePhase(words.phase[PHASES[index + 1]], words.phase[PHASES[index]]) : words.closeProject);
  }
  return decisions;
}

/**
 * The status update of `project` for `audience` as Markdown, written for `today` (`YYYY-MM-DD`)
 * in `language` (default: the project's). What each audience gets:
 * - steering group: where the project stands, this month's stages and their progress, the next
 *   milestone, the decisions needed, the top risks, and what changed since the last proposal version;
 * - all stakeholders: the same without the decisions;
 * - users: what happens this month and next, and how to reach the service desk.
 * Never throws: missing documents leave their sections short.
 */
export function statusUpdate(project: ProjectReport, audience: Audience, today: string, language: Language = project.language): string {
  const words = reportWords(language);
  const model = proposalModel(project);
  const month = monthOfDay(today);
  const title = model.title ?? project.id ?? '';
  const out: string[] = [];
  out.push(`# ${audience === 'users' ? words.usersTitle(title) : words.statusTitle(title)}`, '');
  out.push([model.client, formatMonth(month, language), words.forAudience(words.audience[audience])].filter(Boolean).join(' · '), '');

  if (audience !== 'users') {
    const status = asText(asRecord(project.documents.project.data)?.status) as ProjectStatus | undefined;
    out.push(`## ${words.whereWeAre}`, '');
    if (project.phase) out.push(`- ${words.phaseLine(words.phase[project.phase as Phase] ?? project.phase)}`);
    if (status && words.status[status]) out.push(`- ${words.statusLine(words.status[status])}`);
    out.push('');
  }

  out.push(`## ${words.thisMonth}`, '');
  const running = runningStages(model.plan.stages, month);
  if (!running.length) out.push(words.noStagesThisMonth);
  for (const r of running) {
    const progress = words.stageProgress(r.month, r.total, formatMonth(r.stage.start, language, true), formatMonth(r.stage.end, language, true));
    out.push(`- **${r.stage.name ?? r.stage.id ?? ''}**: ${progress}`);
    if (audience === 'users' && r.stage.deliverables.length) for (const d of r.stage.deliverables) out.push(`  - ${d}`);
  }
  out.push('');

  out.push(`## ${words.nextMilestone}`, '');
  const milestone = nextMilestone(model.plan.milestones, month);
  if (milestone) {
    const stage = model.plan.stages.find((s) => s.id && s.id === milestone.stage);
    const when = milestone.month === month ? words.milestoneThisMonth : formatMonth(milestone.month, language);
    out.push(`**${milestone.name ?? ''}**: ${when}${stage?.name ? ` (${stage.name})` : ''}`, '');
  } else {
    out.push(words.noMilestoneAhead, '');
  }

  if (audience === 'steering-group') {
    const decisions = decisionsNeeded(project, today, words);
    out.push(`## ${words.decisions}`, '', ...(decisions.length ? decisions.map((d) => `- ${d}`) : [words.noDecisions]), '');
  }

  if (audience !== 'users' && model.plan.risks.length) {
    out.push(`## ${words.topRisks}`, '');
    model.plan.risks.slice(0, MAX_RISKS).forEach((r, i) => out.push(`${i + 1}. ${flat(r.risk)}${r.mitigation ? ` → ${flat(r.mitigation)}` : ''}`));
    out.push('');
  }

  if (audience !== 'users') {
    // The newest by version comparison, not the last in the list (a history may run newest first).
    const history = model.plan.history;
    const newest = newestIndex(history.map((h) => h.version));
    const last = history[newest >= 0 ? newest : history.length - 1];
    out.push(`## ${words.changedSince}`, '');
    out.push(last ? `v${last.version ?? '?'}${last.date ? ` (${formatDay(last.date, language)})` : ''}: ${flat(last.changes)}` : words.noVersionYet, '');
  }

  if (audience === 'users') {
    const desk = asRecord(asRecord(project.documents.handover.data)?.service_desk);
    const how = asText(desk?.how)?.trim();
    if (how) {
      const hours = asText(desk?.hours)?.trim();
      out.push(`## ${words.questions}`, '', `${how}${hours ? ` ${words.serviceDeskHours(hours)}` : ''}`, '');
    }
  }

  out.push(words.regards, '', model.projectManager ?? '');
  return out.join('\n').trimEnd() + '\n';
}

function flat(text: string | undefined): string {
  return (text ?? '').replace(/\s*\r?\n\s*/g, ' ').trim();
}
