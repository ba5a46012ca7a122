/**
 * The diagnostic codes: the stable `Diagnostic.code` of every finding, which configuration,
 * quick fixes, the command line's output formats and tests match on. The method rules are listed
 * here (`docs/method-rules.md`); a `Rule` may only carry one of these codes, and
 * `test/unit/codes.test.ts` checks that every listed code has its rule.
 */

/** Codes of the method rules, `<document>.<name>`, in the order they run (`src/core/rules/index.ts`). */
export const METHOD_RULE_CODES = [
  'intake.theme-missing',
  'scope.no-out-of-scope',
  'scope.duplicate-item',
  'scope.duplicate-id',
  'scope.later-without-trigger',
  'stakeholders.no-decision-maker',
  'stakeholders.steering-group-without-decision-maker',
  'stakeholders.no-critical-voice',
  'stakeholders.high-power-without-communication',
  'stakeholders.duplicate-id',
  'plan.stage-ends-before-start',
  'plan.day-instead-of-month',
  'plan.implausible-month',
  'plan.stage-outside-project',
  'plan.milestone-outside-stages',
  'plan.unknown-owner',
  'plan.unknown-stage',
  'plan.version-not-in-history',
  /** Only with a measurement of the laid-out page (the A4 preview's one-page check). */
  'plan.overflows-a4',
  'plan.number-looks-like-thousands',
  'handover.shadow-period-reversed',
  'handover.no-service-desk-how',
  'handover.no-lessons-learned',
  'handover.no-evaluation',
  'project.phase-ahead-of-documents',
  /** Reported in every document whose text prints on the A4 (`src/core/rules/glyphs.ts`). */
  'project.glyphs-missing',
] as const;

/**
 * Codes of the house style's problems in `.msp-docs.json` (`src/core/render/houseStyle.ts`): a value
 * of the `style` section that is left out of the exports.
 */
export const STYLE_CODES = ['style.bad-value', 'style.bad-color', 'style.logo-missing', 'style.logo-unreadable', 'style.logo-too-large'] as const;

/** A house style problem's code, e.g. `style.bad-color`. */
export type StyleCode = (typeof STYLE_CODES)[number];

/** A method rule's code, e.g. `scope.no-out-of-scope`. */
export type MethodRuleCode = (typeof METHOD_RULE_CODES)[number];

/** `schema.<keyword>`: a JSON Schema keyword the value fails (`schema.required`, `schema.enum`), or `schema.empty`. */
export type SchemaCode = `schema.${string}`;

/** `yaml.<error>`: a YAML syntax problem, e.g. `yaml.duplicate-key`, `yaml.undefined-alias` (`src/core/document/yamlSource.ts`). */
export type YamlCode = `yaml.${string}`;

/** Codes of the document checks that are neither schema nor YAML (`src/core/document/validate.ts`; `document.unreadable` from `src/core/project/workspace.ts`). */
export type DocumentCheckCode = 'document.not-text' | 'document.internal-error' | 'document.unreadable' | 'intake.no-front-matter';

/** Every code a diagnostic of the product can carry. */
export type DiagnosticCode = MethodRuleCode | SchemaCode | YamlCode | DocumentCheckCode;
