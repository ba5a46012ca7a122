/**
 * Method rules of the approach (`plan.yaml`). Method step 3 (docs/method-rules.md): plan on month
 * level first, not on days; stages with clear phasing; the proposal goes back and forth with the
 * client a few times, and over-communication does not exist (a plan revised three times beats
 * silence).
 */
import { closest, distance } from 'fastest-levenshtein';
import { asList, asRecord, asText, isDayShaped, monthOf, monthOfDay, overflowFinding, t } from '../common';
import type { Rule, RuleDocument, RuleFinding } from './framework';
import { keyRange, rootOf, valueRange } from './nodes';

/** A stage as the rules read it; months are `undefined` when not a month (or a day) string. */
interface Stage {
  index: number;
  id?: string;
  start?: string;
  end?: string;
}

/**
 * The stages that are mappings. `complete` is false when some item is not a mapping, lacks an id or
 * valid months, or ends before it starts: then "outside every stage" cannot be judged.
 */
function stagesOf(doc: RuleDocument): { stages: Stage[]; complete: boolean } | undefined {
  const list = asList(rootOf(doc)?.stages);
  if (!list) return undefined;
  let complete = true;
  const stages: Stage[] = [];
  list.forEach((value, index) => {
    const stage = asRecord(value);
    if (!stage) {
      complete = false;
      return;
    }
    const s: Stage = { index, id: asText(stage.id), start: monthOf(stage.start), end: monthOf(stage.end) };
    if (!s.id || !s.start || !s.end || s.end < s.start) complete = false;
    stages.push(s);
  });
  return { stages, complete };
}

/** Ids of a list's items, or `undefined` when some item is not a mapping with a text id (then a reference cannot be judged). */
function idsOf(list: readonly unknown[] | undefined): string[] | undefined {
  if (!list) return undefined;
  const ids: string[] = [];
  for (const value of list) {
    const id = asText(asRecord(value)?.id);
    if (id === undefined) return undefined;
    ids.push(id);
  }
  return ids;
}

/**
 * The known id closest to `value`, when it is close enough to be a typo: one edit for short ids, up
 * to three for long ones (a swap of two letters counts as two edits).
 */
function suggestion(value: string, known: readonly string[]): string | undefined {
  if (!known.length) return undefined;
  const best = closest(value, [...known]);
  const limit = Math.max(1, Math.min(3, Math.floor(Math.min(value.length, best.length) / 2)));
  return distance(value, best) <= limit ? best : undefined;
}

/** A stage whose `end` month is before its `start` month. Reported on the `end` value. */
export const stageEndsBeforeStart: Rule = {
  code: 'plan.stage-ends-before-start',
  document: 'plan',
  defaultSeverity: 'error',
  check(doc) {
    const out: RuleFinding[] = [];
    for (const stage of stagesOf(doc)?.stages ?? []) {
      if (!stage.start || !stage.end || stage.end >= stage.start) continue;
      const range = valueRange(doc, ['stages', stage.index, 'end']);
      if (range) out.push({ range, message: t('This stage ends ({0}) before it starts ({1}). Swap the months or correct one of them.', stage.end, stage.start) });
    }
    return out;
  },
};

/**
 * A day (`2026-09-15`) where a month is asked: a stage's `start`/`end`, a milestone's `month`.
 * Reported on the value, instead of the generic `schema.pattern` error there (`replaces`); with the
 * rule off, the schema error comes back. `data.month` is the month to write (for the quick fix).
 */
export const dayInsteadOfMonth: Rule = {
  code: 'plan.day-instead-of-month',
  document: 'plan',
  defaultSeverity: 'warning',
  check(doc) {
    const root = rootOf(doc);
    const places: Array<[string, number, string]> = [];
    asList(root?.stages)?.forEach((s, i) => places.push(['stages', i, 'start'], ['stages', i, 'end']));
    asList(root?.milestones)?.forEach((_, i) => places.push(['milestones', i, 'month']));
    const out: RuleFinding[] = [];
    for (const [list, index, key] of places) {
      const value = asRecord(asList(root?.[list])?.[index])?.[key];
      if (!isDayShaped(value)) continue;
      const month = monthOfDay(value);
      const range = valueRange(doc, [list, index, key]);
      if (range) {
        out.push({
          range,
          message: t('Plan on month level: write the month {0} instead of the day {1}. Days come later, in the detailed planning of a stage.', month, value),
          data: { month },
          replaces: 'schema.pattern',
        });
      }
    }
    return out;
  },
};

/**
 * A milestone whose month is outside its stage (when it names one) or outside every stage (when it
 * names none). Reported on the milestone's `month` value.
 */
export const milestoneOutsideStages: Rule = {
  code: 'plan.milestone-outside-stages',
  document: 'plan',
  defaultSeverity: 'warning',
  check(doc) {
    const found = stagesOf(doc);
    if (!found) return [];
    const out: RuleFinding[] = [];
    asList(rootOf(doc)?.milestones)?.forEach((value, index) => {
      const milestone = asRecord(value);
      const month = monthOf(milestone?.month);
      if (!milestone || !month) return;
      const range = () => valueRange(doc, ['milestones', index, 'month']);
      if (milestone.stage !== undefined) {
        const stage = typeof milestone.stage === 'string' ? found.stages.find((s) => s.id === milestone.stage) : undefined;
        // An unknown stage is `plan.unknown-stage`; a stage without valid months cannot be judged.
        if (!stage?.start || !stage.end || stage.end < stage.start || (month >= stage.start && month <= stage.end)) return;
        const r = range();
        if (r) {
          out.push({
            range: r,
            message: t('This milestone ({0}) falls outside its stage "{1}" ({2} to {3}). Move the milestone or extend the stage.', month, stage.id ?? '', stage.start, stage.end),
          });
        }
        return;
      }
      if (!found.complete || !found.stages.length) return;
      if (found.stages.some((s) => s.start && s.end && month >= s.start && month <= s.end)) return;
      const r = range();
      if (r) out.push({ range: r, message: t('This milestone ({0}) falls outside every stage. Move it into a stage, or extend or add a stage.', month) });
    });
    return out;
  },
};

/**
 * A stage `owner` that is not a stakeholder id in `stakeholders.yaml` (across files). Skipped when
 * the register is missing or has an item without a text id. Reported on the `owner` value;
 * `data.suggestion` is the closest id.
 */
export const unknownOwner: Rule = {
  code: 'plan.unknown-owner',
  document: 'plan',
  defaultSeverity: 'error',
  check(doc, documents) {
    const known = idsOf(asList(rootOf(documents.stakeholders)?.stakeholders));
    if (!known) return [];
    const out: RuleFinding[] = [];
    asList(rootOf(doc)?.stages)?.forEach((value, index) => {
      const owner = asText(asRecord(value)?.owner);
      if (owner === undefined || known.includes(owner)) return;
      const range = valueRange(doc, ['stages', index, 'owner']);
      if (!range) return;
      const best = suggestion(owner, known);
      const message = best
        ? t('No stakeholder has the id "{0}"; did you mean "{1}"? The owner is an id from stakeholders.yaml.', owner, best)
        : known.length
          ? t('No stakeholder has the id "{0}". Add them to stakeholders.yaml, or use one of: {1}.', owner, known.join(', '))
          : t('No stakeholder has the id "{0}". Add them to stakeholders.yaml first.', owner);
      out.push({ range, message, data: { suggestion: best, known } });
    });
    return out;
  },
};

/** A milestone `stage` that is not a stage id of the plan. Reported on the `stage` value; `data.suggestion` is the closest id. */
export const unknownStage: Rule = {
  code: 'plan.unknown-stage',
  document: 'plan',
  defaultSeverity: 'error',
  check(doc) {
    const root = rootOf(doc);
    const known = idsOf(asList(root?.stages));
    if (!known) return [];
    const out: RuleFinding[] = [];
    asList(root?.milestones)?.forEach((value, index) => {
      const stage = asText(asRecord(value)?.stage);
      if (stage === undefined || known.includes(stage)) return;
      const range = valueRange(doc, ['milestones', index, 'stage']);
      if (!range) return;
      const best = suggestion(stage, known);
      const message = best
        ? t('No stage has the id "{0}"; did you mean "{1}"?', stage, best)
        : known.length
          ? t('No stage has the id "{0}". Use one of: {1}.', stage, known.join(', '))
          : t('No stage has the id "{0}". Add the stage first.', stage);
      out.push({ range, message, data: { suggestion: best, known } });
    });
    return out;
  },
};

const VERSION = /^\d+\.\d+$/;

/** The current `version` has no entry in `history`. Reported on the `version` value. */
export const versionNotInHistory: Rule = {
  code: 'plan.version-not-in-history',
  document: 'plan',
  defaultSeverity: 'info',
  check(doc) {
    const root = rootOf(doc);
    const version = asText(root?.version);
    if (!version || !VERSION.test(version)) return [];
    const history = root?.history === undefined ? [] : asList(root.history);
    if (!history) return [];
    const versions: string[] = [];
    for (const entry of history) {
      const v = asRecord(entry)?.version;
      // An unquoted 0.10 is the number 0.1: the schema reports it, and it may be the current version.
      if (typeof v !== 'string') return [];
      versions.push(v);
    }
    if (versions.includes(version)) return [];
    const range = valueRange(doc, ['version']);
    return range
      ? [{ range, message: t('Version {0} is not in history yet. Add it with the date and what changed, so that the client can follow how the proposal evolved.', version), data: { version } }]
      : [];
  },
};

/** Code of the one-page warning (`overflowsA4`). */
export const OVERFLOW_CODE = 'plan.overflows-a4';

/**
 * The A4 proposal does not fit on one page, by the latest measurement of a laid-out page
 * (`RuleContext.measurement`: the editor's A4 preview measures; without a measurement, or when it
 * fits, nothing is reported; too long, too wide or both). Reported on the top-level `stages` key, where most shortening happens,
 * else at the start of the file. `data` holds `overflowMm`, `overflowPercent` and `sections` of
 * the measurement (and `overflowWidthMm`, `widestSection` when it is too wide) of
 * the measurement. Method: the proposal fits on one A4 (`docs/method-rules.md`).
 */
export const overflowsA4: Rule = {
  code: OVERFLOW_CODE,
  document: 'plan',
  defaultSeverity: 'warning',
  withoutYaml: true,
  check(doc, _documents, { measurement }) {
    if (!measurement || measurement.fits) return [];
    const start = { line: 0, character: 0 };
    const range = keyRange(doc, ['stages']) ?? doc.yaml?.lines.visibleRange(0, 0) ?? { start, end: { line: 0, character: 1 } };
    return [
      {
        range,
        message: overflowFinding(measurement),
        data: {
          overflowMm: measurement.overflowMm,
          overflowPercent: measurement.overflowPercent,
          ...(measurement.overflowWidthMm > 0 ? { overflowWidthMm: measurement.overflowWidthMm, widestSection: measurement.widestSection } : {}),
          sections: measurement.sections,
        },
      },
    ];
  },
};

/** Earliest and latest plausible year of a month in a plan. */
export const PLAUSIBLE_YEARS = { first: 2000, last: 2099 } as const;
/** Most years a month may lie from the plan's middle year (the median of its plausible months' years). */
export const PLAUSIBLE_SPREAD_YEARS = 10;

/**
 * A month (stage `start`/`end`, milestone `month`) whose year is surely a typo: before 2000 or
 * after 2099 (`0026-09`, `9999-12`), or more than ten years from the plan's middle year, the
 * median year of its months in that range (`2072-03` in a plan of 2026). Such a month passes the
 * schema and stretches the A4's timeline over decades. Reported on the month value.
 */
export const implausibleMonth: Rule = {
  code: 'plan.implausible-month',
  document: 'plan',
  defaultSeverity: 'warning',
  check(doc) {
    const root = rootOf(doc);
    const places: Array<{ path: Array<string | number>; month: string }> = [];
    const collect = (list: string, keys: string[]) =>
      asList(root?.[list])?.forEach((value, index) => {
        const item = asRecord(value);
        for (const key of keys) {
          const month = monthOf(item?.[key]);
          if (month) places.push({ path: [list, index, key], month });
        }
      });
    collect('stages', ['start', 'end']);
    collect('milestones', ['month']);
    const year = (month: string) => Number(month.slice(0, 4));
    const inRange = places.map((p) => year(p.month)).filter((y) => y >= PLAUSIBLE_YEARS.first && y <= PLAUSIBLE_YEARS.last).sort((a, b) => a - b);
    const middle = inRange.length ? inRange[Math.floor((inRange.length - 1) / 2)] : undefined;
    const out: RuleFinding[] = [];
    for (const place of places) {
      const y = year(place.month);
      const outside = y < PLAUSIBLE_YEARS.first || y > PLAUSIBLE_YEARS.last;
      if (!outside && (middle === undefined || Math.abs(y - middle) <= PLAUSIBLE_SPREAD_YEARS)) continue;
      const range = valueRange(doc, place.path);
      if (!range) continue;
      out.push({
        range,
        message: outside
          ? t('The year of {0} cannot be right: months lie between {1} and {2}. Check the year for a typo.', place.month, PLAUSIBLE_YEARS.first, PLAUSIBLE_YEARS.last)
          : t('{0} lies more than {1} years from the rest of the plan (around {2}). Check the year for a typo.', place.month, PLAUSIBLE_SPREAD_YEARS, middle ?? ''),
        data: { month: place.month },
      });
    }
    return out;
  },
};

/**
 * A stage that starts before the project does: its `start` month lies before project.yaml's
 * `start` (the project has no end month in the format, so only the start can be judged). Reported
 * on the stage's `start` value.
 */
export const stageOutsideProject: Rule = {
  code: 'plan.stage-outside-project',
  document: 'plan',
  defaultSeverity: 'warning',
  check(doc, documents) {
    const projectStart = monthOf(rootOf(documents.project)?.start);
    if (!projectStart) return [];
    const out: RuleFinding[] = [];
    asList(rootOf(doc)?.stages)?.forEach((value, index) => {
      const start = monthOf(asRecord(value)?.start);
      if (!start || start >= projectStart) return;
      const range = valueRange(doc, ['stages', index, 'start']);
      if (range) out.push({ range, message: t('This stage starts in {0}, before the project starts ({1} in project.yaml). Move the stage or the project start.', start, projectStart) });
    });
    return out;
  },
};

/** The plan rules, in the order they run. */
export const PLAN_RULES: readonly Rule[] = [stageEndsBeforeStart, dayInsteadOfMonth, implausibleMonth, stageOutsideProject, milestoneOutsideStages, unknownOwner, unknownStage, versionNotInHistory, overflowsA4];
