/**
 * The method rules (docs/method-rules.md) and how to run them. Codes and default severities:
 *
 * | code | default |
 * | --- | --- |
 * | `intake.theme-missing` | info |
 * | `scope.no-out-of-scope` | warning |
 * | `scope.duplicate-item` | error |
 * | `scope.duplicate-id` | error |
 * | `scope.later-without-trigger` | info |
 * | `stakeholders.no-decision-maker` | warning |
 * | `stakeholders.steering-group-without-decision-maker` | warning |
 * | `stakeholders.no-critical-voice` | info |
 * | `stakeholders.high-power-without-communication` | warning |
 * | `stakeholders.duplicate-id` | error |
 * | `plan.stage-ends-before-start` | error |
 * | `plan.day-instead-of-month` | warning |
 * | `plan.implausible-month` | warning |
 * | `plan.stage-outside-project` | warning |
 * | `plan.milestone-outside-stages` | warning |
 * | `plan.unknown-owner` | error |
 * | `plan.unknown-stage` | error |
 * | `plan.version-not-in-history` | info |
 * | `plan.overflows-a4` | warning (only with a measurement of the laid-out page, `RuleContext.measurement`) |
 * | `plan.number-looks-like-thousands` | warning |
 * | `handover.shadow-period-reversed` | error |
 * | `handover.no-service-desk-how` | error |
 * | `handover.no-lessons-learned` | warning |
 * | `handover.no-evaluation` | warning |
 * | `project.phase-ahead-of-documents` | info |
 * | `project.glyphs-missing` | warning (reported in the document that holds the text) |
 */
import type { Diagnostic, DocumentKind } from '../common';
import { runRules, type Rule, type RuleDocuments, type RunRulesOptions } from './framework';
import { BUDGET_RULES } from './budget';
import { HANDOVER_RULES } from './handover';
import { INTAKE_RULES } from './intake';
import { PLAN_RULES } from './plan';
import { PROJECT_RULES } from './project';
import { SCOPE_RULES } from './scope';
import { STAKEHOLDER_RULES } from './stakeholders';

export { CONFIG_FILE_NAME, RULE_SEVERITIES, findConfigFile, mergeRuleConfigs, parseConfigFile, parseRuleConfig } from './config';
export type { ConfigFileHost, ParsedRuleConfig, RuleConfig, RuleSeverity } from './config';
export type { Rule, RuleContext, RuleDocument, RuleDocuments, RuleFinding, RunRulesOptions } from './framework';
export { OVERFLOW_CODE } from './plan';
export { fontsCover, missingGlyphs, type MissingRun } from './glyphs';
export { INTAKE_THEMES, intakeUnanswered, readIntakeBody } from './intake';
export type { IntakeBody, IntakeSection, IntakeTheme } from './intake';

/** Every method rule, in the order they run: per document, the project rules last (they read the others' findings). */
export const RULES: readonly Rule[] = [...INTAKE_RULES, ...SCOPE_RULES, ...STAKEHOLDER_RULES, ...PLAN_RULES, ...BUDGET_RULES, ...HANDOVER_RULES, ...PROJECT_RULES];

/** The codes of all method rules, for configuration checks and the settings schema. */
export const RULE_CODES: readonly string[] = RULES.map((r) => r.code);

/**
 * Runs every method rule over a project's documents with a configuration (`options.config`: severity
 * per code, or `off`) and what is known beyond the texts (`options.measurement`, the one-page check),
 * and returns each existing document's final diagnostics, sorted. Never throws.
 */
export function checkProject(documents: RuleDocuments, options: RunRulesOptions = {}): Partial<Record<DocumentKind, Diagnostic[]>> {
  return runRules(documents, RULES, options);
}
export { saysNothing } from './nodes';
