/**
 * The method-rule framework. The schema says what is well-formed; a method rule says what a good
 * MSP project manager would check (docs/method-rules.md). A rule:
 * - has a stable `code` (`<document>.<name>`) that configuration, quick fixes and tests match on;
 * - reports in one document (`document`), with a default severity that `RuleConfig` can change (a
 *   finding may name another document of the project, `RuleFinding.document`, for a rule about text
 *   that several documents hold);
 * - reads the parsed data of ALL the project's documents, and takes ranges from their YAML nodes;
 * - skips what it cannot check (a missing document, a value of the wrong type) instead of guessing,
 *   so that a schema error never cascades into rule noise; the runner also catches a rule that throws
 *   and says so on the document (`document.internal-error`).
 */
import type { Document } from 'yaml';
import { sortDiagnostics } from '../document';
import { t, type A4Measurement, type Diagnostic, type DocumentKind, type LineIndex, type MethodRuleCode, type Range, type Severity } from '../common';
import type { RuleConfig } from './config';

/** One document of the project as the rules see it. */
export interface RuleDocument {
  kind: DocumentKind;
  /** The parsed value (front matter for `intake.md`); `undefined` when the document could not be read. */
  data: unknown;
  /**
   * For `intake.md`: the Markdown body after the front matter, which is the end of `yaml.lines.text`
   * (so its offsets plus `yaml.lines.text.length - body.length` are offsets of the document).
   */
  body?: string;
  /** The YAML document and line index the ranges come from; absent when there is no YAML at all. */
  yaml?: { doc: Document.Parsed; lines: LineIndex };
  /**
   * The document's findings so far: syntax and schema, then those of the rules that ran before
   * (rules run in `RULES` order, so the project rules, which run last, see every other finding).
   */
  diagnostics: readonly Diagnostic[];
}

/** The documents of one project that exist; a kind that is absent is a missing document. */
export type RuleDocuments = Partial<Record<DocumentKind, RuleDocument>>;

/**
 * What the rules know about a project beyond its documents' texts: facts that only a laid-out page
 * can tell, handed in by whoever validates (the extension's A4 preview; the command line has none).
 */
export interface RuleContext {
  /**
   * The latest one-page check of the project's A4 proposal (`src/core/render/measure.ts`), or
   * `undefined` when there is none: no preview of the project is open, or it has not measured yet.
   */
  measurement?: A4Measurement;
}

/** What a rule reports: where, what to do, and data for a quick fix. Severity and code come from the rule. */
export interface RuleFinding {
  range: Range;
  /** Readable message in the UI language (through `t()`), saying what to do. */
  message: string;
  data?: Record<string, unknown>;
  /**
   * A generic diagnostic this finding says better (e.g. `schema.pattern` for a day where a month is
   * asked): a diagnostic of that code on exactly the same range is dropped, so that the user reads one
   * message per problem. When the rule is switched off, the generic diagnostic stays.
   */
  replaces?: string;
  /**
   * The document the finding is reported in, when not the rule's own `document` (a rule about text
   * that several documents print, e.g. `project.glyphs-missing`); a finding for a document the
   * project does not have is dropped.
   */
  document?: DocumentKind;
}

/**
 * A method rule. `Code` is its code's type: one of `METHOD_RULE_CODES` (`src/core/common/codes.ts`)
 * for the product's rules; `runRules` takes any (`Rule<string>`).
 */
export interface Rule<Code extends string = MethodRuleCode> {
  /** Stable id, `<document>.<name>`, e.g. `scope.no-out-of-scope`. */
  code: Code;
  /** The document the findings are reported in (and the only one whose absence skips the rule). */
  document: DocumentKind;
  defaultSeverity: Severity;
  /**
   * True for a rule that also runs when its document has no YAML at all (an empty file); it must
   * then place its findings without nodes. Other rules are skipped for such a document.
   */
  withoutYaml?: boolean;
  /**
   * Returns the findings. `doc` is `documents[rule.document]`, given for convenience; `context` holds
   * what is known beyond the texts. Must not mutate anything; must skip values of unexpected types
   * (the schema reports those).
   */
  check(doc: RuleDocument, documents: RuleDocuments, context: RuleContext): RuleFinding[];
}

/** Options of `runRules`; the `RuleContext` the rules see. */
export interface RunRulesOptions extends RuleContext {
  /** Severity per rule code; `off` skips a rule. Codes not listed keep their default severity. */
  config?: RuleConfig;
  /**
   * Called when a rule throws (a bug); the rule's findings are then left out and the document gets
   * a `document.internal-error` warning naming the rule. Default: only the warning.
   */
  onRuleError?: (code: string, error: unknown) => void;
}

/**
 * Runs `rules` in order over a project's documents and returns, per document that exists, its
 * final diagnostics: the given ones, minus those a finding `replaces`, plus the findings with
 * their code and configured severity, sorted by position. Never throws.
 */
export function runRules(documents: RuleDocuments, rules: readonly Rule<string>[], options: RunRulesOptions = {}): Partial<Record<DocumentKind, Diagnostic[]>> {
  // Private copies, updated as rules run, so later rules see earlier findings.
  const docs: RuleDocuments = {};
  const lists: Partial<Record<DocumentKind, Diagnostic[]>> = {};
  for (const [kind, doc] of Object.entries(documents) as Array<[DocumentKind, RuleDocument]>) {
    const list = [...doc.diagnostics];
    lists[kind] = list;
    docs[kind] = { ...doc, diagnostics: list };
  }
  const context: RuleContext = { measurement: options.measurement };
  for (const rule of rules) {
    const severity = options.config?.[rule.code] ?? rule.defaultSeverity;
    const doc = docs[rule.document];
    const list = lists[rule.document];
    if (severity === 'off' || !doc || !list || (!doc.yaml && !rule.withoutYaml)) continue;
    let findings: RuleFinding[];
    try {
      findings = rule.check(doc, docs, context);
    } catch (error) {
      options.onRuleError?.(rule.code, error);
      // Said on the document, so that nobody reads a report with a check silently missing.
      const start = doc.yaml ? doc.yaml.doc.range[0] : 0;
      list.push({
        range: doc.yaml ? doc.yaml.lines.visibleRange(start, start) : { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
        severity: 'warning',
        code: 'document.internal-error',
        message: t('The check {0} could not run on this document (an internal error occurred); its findings are missing.', rule.code),
      });
      continue;
    }
    const seen = new Set<string>();
    for (const finding of findings) {
      const target = finding.document ? lists[finding.document] : list;
      if (!target) continue;
      // A node reached through several aliases is reported once.
      const key = `${finding.document ?? rule.document}|${rangeKey(finding.range)}|${finding.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (finding.replaces) {
        for (let i = target.length - 1; i >= 0; i--) {
          if (target[i].code === finding.replaces && sameRange(target[i].range, finding.range)) target.splice(i, 1);
        }
      }
      target.push({ range: finding.range, severity, code: rule.code, message: finding.message, ...(finding.data ? { data: finding.data } : {}) });
    }
  }
  for (const list of Object.values(lists)) sortDiagnostics(list);
  return lists;
}

function rangeKey(r: Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

function sameRange(a: Range, b: Range): boolean {
  return rangeKey(a) === rangeKey(b);
}
