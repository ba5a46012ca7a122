/**
 * Method rules of the delivery (`handover.yaml`). Method step 5 (docs/method-rules.md): a clear
 * handover to operations, a shadow period in which the project team backs operations up,
 * instructions saying how and where users reach the service desk, a lessons-learned session, and an
 * evaluation talk with the client. Aftercare is the business card for the next project.
 */
import { asList, asRecord, asText, isDay, t } from '../common';
import type { Rule } from './framework';
import { firstKeyRange, keyRange, rootOf, saysNothing, valueRange } from './nodes';
import { projectPhase } from './project';

/** The shadow period's `end` is before its `start` (both real days). Reported on the `end` value. */
export const shadowPeriodReversed: Rule = {
  code: 'handover.shadow-period-reversed',
  document: 'handover',
  defaultSeverity: 'error',
  check(doc) {
    const period = asRecord(rootOf(doc)?.shadow_period);
    const start = period?.start;
    const end = period?.end;
    if (!isDay(start) || !isDay(end) || end >= start) return [];
    const range = valueRange(doc, ['shadow_period', 'end']);
    return range ? [{ range, message: t('The shadow period ends ({0}) before it starts ({1}). Correct one of the dates.', end, start) }] : [];
  },
};

/**
 * `service_desk.how` says nothing (empty, `TBD`). A missing `how` is already a schema error
 * (FORMAT.md requires it); this rule covers what the schema lets through. Reported on the value.
 */
export const noServiceDeskHow: Rule = {
  code: 'handover.no-service-desk-how',
  document: 'handover',
  defaultSeverity: 'error',
  check(doc) {
    const how = asText(asRecord(rootOf(doc)?.service_desk)?.how);
    if (how === undefined || !saysNothing(how)) return [];
    const range = valueRange(doc, ['service_desk', 'how']);
    return range ? [{ range, message: t('Say how users reach the service desk: a phone number, portal, e-mail address or chat. Users need it from the first day.') }] : [];
  },
};

/**
 * Phase `delivery` or `closed` (project.yaml) without any lesson learned. Reported on the
 * `lessons_learned` key, or on the first key when it is absent.
 */
export const noLessonsLearned: Rule = {
  code: 'handover.no-lessons-learned',
  document: 'handover',
  defaultSeverity: 'warning',
  check(doc, documents) {
    const phase = projectPhase(documents);
    if (phase !== 'delivery' && phase !== 'closed') return [];
    const root = rootOf(doc);
    if (!root) return [];
    const lessons = root.lessons_learned;
    if (lessons !== undefined && lessons !== null && !asList(lessons)) return []; // wrong type: the schema says so
    if (asList(lessons)?.length) return [];
    const range = lessons === undefined ? firstKeyRange(doc) : keyRange(doc, ['lessons_learned']);
    return range
      ? [{ range, message: t('The project is in phase "{0}" but has no lessons learned. Hold a lessons-learned session and write down what went well and what to improve.', phase) }]
      : [];
  },
};

/**
 * Phase `closed` without an evaluation (no `evaluation`, or one without date and without any
 * point). Reported on the `evaluation` key, or on the first key when it is absent.
 */
export const noEvaluation: Rule = {
  code: 'handover.no-evaluation',
  document: 'handover',
  defaultSeverity: 'warning',
  check(doc, documents) {
    if (projectPhase(documents) !== 'closed') return [];
    const root = rootOf(doc);
    if (!root) return [];
    const evaluation = root.evaluation;
    if (evaluation !== undefined && evaluation !== null && !asRecord(evaluation)) return [];
    const e = asRecord(evaluation);
    if (e) {
      if (e.date !== undefined) return [];
      const lists = [e.went_well, e.could_be_better, e.next_steps];
      if (lists.some((l) => l !== undefined && l !== null && !asList(l))) return [];
      if (lists.some((l) => asList(l)?.length)) return [];
    }
    const range = evaluation === undefined ? firstKeyRange(doc) : keyRange(doc, ['evaluation']);
    return range
      ? [{ range, message: t('The project is closed but has no evaluation. Talk with the client about what went well, what could be better and what comes next, and record it under evaluation.') }]
      : [];
  },
};

/** The handover rules, in the order they run. */
export const HANDOVER_RULES: readonly Rule[] = [shadowPeriodReversed, noServiceDeskHow, noLessonsLearned, noEvaluation];
