/**
 * The method rules (docs/method-rules.md) and how to run them. Codes and default severities:
 *
 * | code | default |
 * | --- | --- |
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
 * | `plan.milestone-outside-stages` | warning |
 * | `plan.unknown-owner` | error |
 * | `plan.unknown-stage` | error |
 * | `plan.version-not-in-history` | info |
 * | `handover.shadow-period-reversed` | error |
 * | `handover.no-service-desk-how` | error |
 * | `handover.no-lessons-learned` | warning |
 * | `handover.no-evaluation` | warning |
 * | `project.phase-ahead-of-documents` | info |
 * | `plan.overflows-a4` | warning (made by the A4 preview's one-page check, not by `checkProject`) |
 */
import { OVERFLOW_CODE } from '../render';
import type { Diagnostic, DocumentKind } from '../common';
import type { RuleConfig } from './config';
import { runRules, type Rule, type RuleDocuments, type RunRulesOptions } from './framework';
import { HANDOVER_RULES } from './handover';
import { PLAN_RULES } from './plan';
import { PROJECT_RULES } from './project';
import { SCOPE_RULES } from './scope';
import { STAKEHOLDER_RULES } from './stakeholders';

export { CONFIG_FILE_NAME, RULE_SEVERITIES, findConfigFile, mergeRuleConfigs, parseConfigFile, parseRuleConfig } from './config';
export type { ConfigFileHost, ParsedRuleConfig, RuleConfig, RuleSeverity } from './config';
export type { Rule, RuleDocument, RuleDocuments, RuleFinding } from './framework';

/** Every method rule, in the order they run: per document, the project rules last (they read the others' findings). */
export const RULES: readonly Rule[] = [...SCOPE_RULES, ...STAKEHOLDER_RULES, ...PLAN_RULES, ...HANDOVER_RULES, ...PROJECT_RULES];

/**
 * Codes of checks that run outside `checkProject` but are configured like method rules: the one-page
 * check needs a laid-out page, so the A4 preview makes it (`overflowDiagnostic`).
 */
export const MEASURED_RULE_CODES: readonly string[] = [OVERFLOW_CODE];

/** The codes of all method rules, for configuration checks and the settings schema. */
export const RULE_CODES: readonly string[] = [...RULES.map((r) => r.code), ...MEASURED_RULE_CODES];

/**
 * Runs every method rule over a project's documents with a configuration (severity per code, or
 * `off`) and returns each existing document's final diagnostics, sorted. Never throws.
 */
export function checkProject(documents: RuleDocuments, config?: RuleConfig, onRuleError?: RunRulesOptions['onRuleError']): Partial<Record<DocumentKind, Diagnostic[]>> {
  return runRules(documents, RULES, { config, onRuleError });
}
export { asList, asRecord, asText, saysNothing } from './nodes';
