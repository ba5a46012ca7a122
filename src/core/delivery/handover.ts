/**
 * The handover checklist of the Delivery phase, derived from `handover.yaml` (docs/delivery.md).
 * Method step 5 (docs/method-rules.md): a clear handover to operations with everything they need, a
 * shadow period in which the project team backs operations up, user instructions saying how users
 * reach the service desk, a lessons-learned session and an evaluation talk with the client.
 * Aftercare is the business card for the next project.
 *
 * Labels and details are in the UI language (`t()`): the checklist is the consultant's own to-do
 * list in the tree, not a text for the client.
 */
import { asList, asRecord, asText, daysBetween, isDay, shorten, t } from '../common';
import { saysNothing } from '../rules';
import type { ProjectReport } from '../project';

/** The checklist's items, in the order the tree shows them. */
export const CHECKLIST_IDS = ['operations-team', 'documents', 'open-items', 'shadow-period', 'service-desk', 'user-instructions', 'lessons-learned', 'evaluation'] as const;

/** Stable id of a checklist item (tree ids and tests use it). */
export type ChecklistId = (typeof CHECKLIST_IDS)[number];

/** One item of the handover checklist. */
export interface ChecklistItem {
  id: ChecklistId;
  /** What is checked, in the UI language. */
  label: string;
  done: boolean;
  /** What was found (or what is missing), in the UI language; short enough for a tree description. */
  detail: string;
  /** The top-level key of handover.yaml the item reads, to open the file there. */
  key: string;
}

/** Where the shadow period stands on a day. `invalid`: dates that are not days, or an end before the start. */
export type ShadowState = 'unplanned' | 'invalid' | 'planned' | 'running' | 'over';

/** The state of a shadow period `{ start, end }` (days, both counted) on `today` (`YYYY-MM-DD`). */
export function shadowPeriodState(period: unknown, today: string): ShadowState {
  const p = asRecord(period);
  if (!p || (p.start === undefined && p.end === undefined)) return 'unplanned';
  const start = asText(p.start);
  const end = asText(p.end);
  if (!isDay(start) || !isDay(end) || end < start) return 'invalid';
  if (today < start) return 'planned';
  return today <= end ? 'running' : 'over';
}

const MAX_DETAIL = 60;

/** A detail on one line, at most `MAX_DETAIL` characters (graphemes: an emoji is never cut in half). */
function short(text: string): string {
  return shorten(text.replace(/\s+/g, ' ').trim(), MAX_DETAIL);
}

function texts(value: unknown): string[] {
  return (asList(value) ?? []).flatMap((v) => (asText(v)?.trim() ? [(v as string).trim()] : []));
}

/**
 * The handover checklist of a project on `today` (`YYYY-MM-DD`). Decisions:
 * - "No open items" is done when `operations.open_items` is absent or empty: open items are work
 *   operations would inherit, so recording them is not enough; the detail names them so they are
 *   not forgotten.
 * - "Shadow period planned" is done when it has a valid start and end; the detail says whether it
 *   is still to come, running (day n of m) or over.
 * - "Evaluation held" is done when `evaluation.date` is today or earlier, or, without a date,
 *   when any point (went well, could be better, next steps) is recorded; a future date is "planned".
 * Without handover.yaml (or with one that cannot be read) every item is open. Never throws.
 */
export function handoverChecklist(project: ProjectReport, today: string): ChecklistItem[] {
  const root = asRecord(project.documents.handover?.data);
  const notRecorded = t('not recorded');
  const operations = asRecord(root?.operations);
  const items: ChecklistItem[] = [];

  const team = asText(operations?.team)?.trim();
  const contact = asText(operations?.contact)?.trim();
  const named = !!team && !saysNothing(team);
  items.push({
    id: 'operations-team',
    key: 'operations',
    label: t('Operations team named'),
    done: named,
    detail: named ? short([team, contact].filter(Boolean).join(' · ')) : notRecorded,
  });

  const documents = texts(operations?.documents);
  items.push({
    id: 'documents',
    key: 'operations',
    label: t('Documents listed'),
    done: documents.length > 0,
    detail: documents.length === 0 ? notRecorded : documents.length === 1 ? t('1 document') : t('{0} documents', documents.length),
  });

  const open = texts(operations?.open_items);
  items.push({
    id: 'open-items',
    key: 'operations',
    label: t('No open items'),
    done: open.length === 0,
    detail: open.length === 0 ? t('none') : open.length === 1 ? short(t('1 open: {0}', open[0])) : short(t('{0} open, first: {1}', open.length, open[0])),
  });

  const period = asRecord(root?.shadow_period);
  const state = shadowPeriodState(period, today);
  const start = asText(period?.start) ?? '';
  const end = asText(period?.end) ?? '';
  const shadowDetail: Record<ShadowState, () => string> = {
    unplanned: () => notRecorded,
    invalid: () => t('the dates are not valid days, or the end is before the start'),
    planned: () => t('{0} to {1}, starts in {2} days', start, end, daysBetween(today, start)),
    running: () => t('{0} to {1}, running: day {2} of {3}', start, end, daysBetween(start, today) + 1, daysBetween(start, end) + 1),
    over: () => t('{0} to {1}, over', start, end),
  };
  items.push({ id: 'shadow-period', key: 'shadow_period', label: t('Shadow period planned'), done: state === 'planned' || state === 'running' || state === 'over', detail: shadowDetail[state]() });

  const desk = asRecord(root?.service_desk);
  const how = asText(desk?.how)?.trim();
  const hours = asText(desk?.hours)?.trim();
  const reachable = !!how && !saysNothing(how);
  items.push({
    id: 'service-desk',
    key: 'service_desk',
    label: t('Service desk reachable'),
    done: reachable,
    detail: reachable ? short([how, hours].filter(Boolean).join(' · ')) : notRecorded,
  });

  const instructions = asList(root?.user_instructions)?.filter((i) => asText(asRecord(i)?.title)?.trim()).length ?? 0;
  items.push({
    id: 'user-instructions',
    key: 'user_instructions',
    label: t('User instructions'),
    done: instructions > 0,
    detail: instructions === 0 ? notRecorded : instructions === 1 ? t('1 instruction') : t('{0} instructions', instructions),
  });

  const lessons = (asList(root?.lessons_learned) ?? []).map(asRecord).filter((l) => asText(l?.observation)?.trim());
  const wentWell = lessons.filter((l) => l?.kind === 'went-well').length;
  items.push({
    id: 'lessons-learned',
    key: 'lessons_learned',
    label: t('Lessons learned'),
    done: lessons.length > 0,
    detail: lessons.length ? t('{0} went well, {1} to improve', wentWell, lessons.length - wentWell) : notRecorded,
  });

  const evaluation = asRecord(root?.evaluation);
  const date = asText(evaluation?.date);
  const points = ['went_well', 'could_be_better', 'next_steps'].reduce((n, k) => n + texts(evaluation?.[k]).length, 0);
  let held: boolean;
  let evaluationDetail: string;
  if (isDay(date)) {
    held = date <= today;
    evaluationDetail = held ? t('held on {0}', date) : t('planned for {0}', date);
  } else {
    held = points > 0;
    evaluationDetail = held ? t('{0} points recorded', points) : notRecorded;
  }
  items.push({ id: 'evaluation', key: 'evaluation', label: t('Evaluation held'), done: held, detail: evaluationDetail });
  return items;
}
