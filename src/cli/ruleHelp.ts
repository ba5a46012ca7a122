/**
 * What each diagnostic code means, for the rule metadata of the SARIF output (code-scanning
 * tools show it next to each finding). The method rules follow `docs/method-rules.md`; schema,
 * YAML and document checks share one entry per family (`docs/FORMAT.md`).
 */
import type { MethodRuleCode, Severity } from '../core/common';
import { RULES } from '../core/rules';

/** Where the rules are explained; `helpUri` of every rule. */
export const DOCS_BASE = 'https://github.com/msp-docs/msp-project-docs/blob/main/docs/';

/** One rule's metadata: a one-line summary, the longer explanation and its page. */
export interface RuleHelp {
  short: string;
  full: string;
  helpUri: string;
  defaultSeverity: Severity;
}

const METHOD: Record<MethodRuleCode, [short: string, full: string]> = {
  'intake.theme-missing': ['The intake does not cover a theme yet.', 'An intake covers the business goals, the current situation and earlier attempts: under each heading stands what the client said, not only the questions.'],
  'scope.no-out-of-scope': ['The Scope Canvas says nothing about what is out of scope.', 'Say what you will not do, so that nobody finds out later that something "was also supposed to be in".'],
  'scope.duplicate-item': ['An item appears in two places of the Scope Canvas.', 'An item belongs in one column: in scope, out of scope or later.'],
  'scope.duplicate-id': ['Two Scope Canvas items share an id.', 'Ids are unique within scope.yaml.'],
  'scope.later-without-trigger': ['A "later" item has a trigger that says nothing.', '"Later" needs a moment or a condition that brings the item back on the table.'],
  'stakeholders.no-decision-maker': ['The stakeholder register has no decision maker.', 'The steering group needs the people who decide.'],
  'stakeholders.steering-group-without-decision-maker': ['No decision maker sits in the steering group.', 'There are decision makers, but none of them is in the steering group.'],
  'stakeholders.no-critical-voice': ['The stakeholder register has no critical voice.', 'Do not forget the opponents of the project: they matter as much as its supporters.'],
  'stakeholders.high-power-without-communication': ['A stakeholder with high power has no communication agreed.', 'Short updates, demos or a phone call for the people with power.'],
  'stakeholders.duplicate-id': ['Two stakeholders share an id.', 'plan.yaml refers to stakeholders by id, so ids are unique.'],
  'plan.stage-ends-before-start': ['A stage ends before it starts.', 'The end month of a stage is not before its start month.'],
  'plan.implausible-month': ['A month has an implausible year.', 'A year before 2000, after 2099 or more than 10 years from the rest of the plan is almost always a typing error; it would stretch the timeline over decades.'],
  'plan.stage-outside-project': ['A stage starts before the project does.', 'A stage starts in or after the month project.yaml gives as the project\'s start.'],
  'plan.day-instead-of-month': ['A date is given as a day instead of a month.', 'Plan on month level first (YYYY-MM), not on days.'],
  'plan.milestone-outside-stages': ['A milestone falls outside its stage.', 'A milestone lies within the months of its stage (or of some stage).'],
  'plan.unknown-owner': ['A stage owner is not in the stakeholder register.', 'Each owner is the id of a stakeholder in stakeholders.yaml.'],
  'plan.unknown-stage': ['A milestone names a stage that does not exist.', 'Each milestone\'s stage is the id of a stage in plan.yaml.'],
  'plan.version-not-in-history': ['The plan\'s version is not in its history.', 'Record each version of the proposal in its history: the proposal goes back and forth.'],
  'plan.overflows-a4': ['The A4 proposal does not fit on one page.', 'The proposal fits on one A4 page; measured by the A4 preview and msp-docs render.'],
  'plan.number-looks-like-thousands': ['A budget number uses points as thousands separators.', 'YAML reads 48.300 as 48.3 (a point is a decimal point), so the A4 would show a budget a thousand times too small; write 48300.'],
  'handover.shadow-period-reversed': ['The shadow period ends before it starts.', 'The end of the shadow period is not before its start.'],
  'handover.no-service-desk-how': ['The handover does not say how to reach the service desk.', 'Users must know how to reach the service desk after the handover.'],
  'handover.no-lessons-learned': ['The handover has no lessons learned.', 'A lessons-learned session is due from the delivery phase on.'],
  'handover.no-evaluation': ['The closed project has no evaluation.', 'Talk with the client: what went well, what could be better, what next.'],
  'project.phase-ahead-of-documents': ['The project\'s phase is ahead of its documents.', 'A phase builds on the documents of the phases before it.'],
  'project.glyphs-missing': ['A text of the A4 proposal has characters its fonts lack.', 'The proposal\'s bundled fonts print Latin, Greek, Cyrillic, Hebrew, Vietnamese and Arabic; other characters (CJK, emoji) print only where the machine has a font for them, else as empty boxes. Reported in the document that holds the text.'],
};

const FAMILIES: Array<[prefix: string, short: string, full: string, page: string]> = [
  ['schema.', 'A value does not match the document\'s format.', 'The document does not follow its JSON Schema (schemas/): a missing, unknown or wrongly typed field, or a value outside the allowed ones.', 'FORMAT.md'],
  ['yaml.', 'The YAML cannot be read as written.', 'A YAML syntax problem: the document cannot be parsed, or is ambiguous (a duplicate key, an undefined alias).', 'FORMAT.md'],
  ['document.', 'The file cannot be checked.', 'The file is not text, or cannot be read (a folder or pipe of a document\'s name, no permission, a link out of the folder checked).', 'FORMAT.md'],
  ['intake.', 'The intake document is not in its format.', 'intake.md starts with YAML front matter between two --- lines.', 'FORMAT.md'],
];

/** The metadata of a diagnostic code; unknown families get a generic entry pointing at the format. */
export function ruleHelp(code: string): RuleHelp {
  const rule = RULES.find((r) => r.code === code);
  if (rule) {
    const [short, full] = METHOD[rule.code];
    return { short, full, helpUri: `${DOCS_BASE}method-rules.md`, defaultSeverity: rule.defaultSeverity };
  }
  const family = FAMILIES.find(([prefix]) => code.startsWith(prefix));
  const [, short, full, page] = family ?? ['', 'A finding of msp-docs.', 'See the file format.', 'FORMAT.md'];
  return { short, full, helpUri: `${DOCS_BASE}${page}`, defaultSeverity: 'error' };
}
