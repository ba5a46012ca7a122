/**
 * Method rules of the stakeholder register (`stakeholders.yaml`). Method step 4
 * (docs/method-rules.md): the steering group needs the decision makers, and do not forget your
 * opponents: they matter as much; short updates, demos and a phone call keep the people with power
 * on board.
 */
import { asList, asRecord, asText, t } from '../common';
import type { Rule, RuleDocument, RuleFinding } from './framework';
import { keyRange, lineOf, rootOf, valueRange } from './nodes';

/** The attitudes that count as a critical voice. */
const CRITICAL = new Set(['critical', 'opponent']);
const ATTITUDES = new Set(['champion', 'supporter', 'neutral', 'critical', 'opponent']);

/** The register's items that are mappings, with their index in the list. */
function people(doc: RuleDocument): Array<{ index: number; person: Record<string, unknown> }> | undefined {
  const list = asList(rootOf(doc)?.stakeholders);
  if (!list) return undefined;
  const out: Array<{ index: number; person: Record<string, unknown> }> = [];
  list.forEach((value, index) => {
    const person = asRecord(value);
    if (person) out.push({ index, person });
  });
  return out;
}

/**
 * A flag (`decision_maker`, `steering_group`) of every person, or `undefined` when some value is
 * not a boolean (a schema error): the rule then cannot tell and stays silent.
 */
function flags(list: ReturnType<typeof people>, key: string): boolean[] | undefined {
  if (!list) return undefined;
  const out: boolean[] = [];
  for (const { person } of list) {
    const v = person[key];
    if (v === undefined) out.push(false);
    else if (typeof v === 'boolean') out.push(v);
    else return undefined;
  }
  return out;
}

function nameOf(person: Record<string, unknown>, index: number): string {
  return asText(person.name) ?? asText(person.id) ?? `#${index + 1}`;
}

/** Nobody has `decision_maker: true`. Reported on the `stakeholders` key. */
export const noDecisionMaker: Rule = {
  code: 'stakeholders.no-decision-maker',
  document: 'stakeholders',
  defaultSeverity: 'warning',
  check(doc) {
    const deciders = flags(people(doc), 'decision_maker');
    if (!deciders || deciders.some(Boolean)) return [];
    const range = keyRange(doc, ['stakeholders']);
    return range ? [{ range, message: t('Nobody in the register is a decision maker. Mark who decides (decision_maker: true) and put them in the steering group.') }] : [];
  },
};

/**
 * There is a steering group, there are decision makers, but none of them sits in it. (Without any
 * decision maker, `no-decision-maker` says it.) Reported on the first member's `steering_group` value.
 */
export const steeringGroupWithoutDecisionMaker: Rule = {
  code: 'stakeholders.steering-group-without-decision-maker',
  document: 'stakeholders',
  defaultSeverity: 'warning',
  check(doc) {
    const list = people(doc);
    const deciders = flags(list, 'decision_maker');
    const members = flags(list, 'steering_group');
    if (!list || !deciders || !members) return [];
    if (!members.some(Boolean) || !deciders.some(Boolean)) return [];
    if (list.some((_, i) => members[i] && deciders[i])) return [];
    const first = list.find((_, i) => members[i]);
    const range = first && valueRange(doc, ['stakeholders', first.index, 'steering_group']);
    if (!range) return [];
    const names = list.filter((_, i) => deciders[i]).map(({ person, index }) => nameOf(person, index));
    return [
      {
        range,
        message: t('The steering group has no decision maker. Add {0} to it (steering_group: true), or make a member a decision maker.', names.join(', ')),
        data: { decisionMakers: list.filter((_, i) => deciders[i]).map(({ person }) => asText(person.id)).filter((id) => id !== undefined) },
      },
    ];
  },
};

/** Nobody is `critical` or `opponent`: who might resist? Reported on the `stakeholders` key. */
export const noCriticalVoice: Rule = {
  code: 'stakeholders.no-critical-voice',
  document: 'stakeholders',
  defaultSeverity: 'info',
  check(doc) {
    const list = people(doc);
    if (!list) return [];
    const attitudes = list.map(({ person }) => person.attitude);
    // An attitude the schema rejects (say "hostile") may well be the critical voice: do not guess.
    if (attitudes.some((a) => typeof a !== 'string' || !ATTITUDES.has(a))) return [];
    if (attitudes.some((a) => CRITICAL.has(a as string))) return [];
    const range = keyRange(doc, ['stakeholders']);
    return range ? [{ range, message: t('Nobody here is critical or an opponent. Who might resist this change? Add them: opponents matter as much as decision makers.') }] : [];
  },
};

/** A `power: high` stakeholder without a `communication` channel or frequency. Reported on the `power` value. */
export const highPowerWithoutCommunication: Rule = {
  code: 'stakeholders.high-power-without-communication',
  document: 'stakeholders',
  defaultSeverity: 'warning',
  check(doc) {
    const out: RuleFinding[] = [];
    for (const { person, index } of people(doc) ?? []) {
      if (person.power !== 'high') continue;
      const communication = person.communication;
      if (communication !== undefined && communication !== null && !asRecord(communication)) continue; // wrong type: the schema says so
      const c = asRecord(communication);
      if (c && (c.channel !== undefined || c.frequency !== undefined)) continue;
      const range = valueRange(doc, ['stakeholders', index, 'power']);
      if (range) {
        out.push({
          range,
          message: t('{0} has high power but no communication plan. Add communication with a channel and a frequency: short updates, a demo, a phone call.', nameOf(person, index)),
        });
      }
    }
    return out;
  },
};

/** Two stakeholders with the same id (plan.yaml refers to them by id). Reported on the second id value. */
export const duplicateStakeholderId: Rule = {
  code: 'stakeholders.duplicate-id',
  document: 'stakeholders',
  defaultSeverity: 'error',
  check(doc) {
    const out: RuleFinding[] = [];
    const seen = new Map<string, number>();
    for (const { person, index } of people(doc) ?? []) {
      const id = asText(person.id);
      if (id === undefined) continue;
      const first = seen.get(id);
      if (first === undefined) {
        seen.set(id, index);
        continue;
      }
      const range = valueRange(doc, ['stakeholders', index, 'id']);
      const firstRange = valueRange(doc, ['stakeholders', first, 'id']);
      if (range && firstRange) {
        out.push({ range, message: t('The id "{0}" is already used on line {1}. Give each stakeholder their own id: plan.yaml refers to them by id.', id, lineOf(firstRange)), data: { id } });
      }
    }
    return out;
  },
};

/** The stakeholder rules, in the order they run. */
export const STAKEHOLDER_RULES: readonly Rule[] = [noDecisionMaker, steeringGroupWithoutDecisionMaker, noCriticalVoice, highPowerWithoutCommunication, duplicateStakeholderId];
