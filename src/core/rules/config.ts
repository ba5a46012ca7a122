/**
 * Rule configuration: a severity (or `off`) per method-rule code. The same configuration serves the
 * editor and the command line (docs/method-rules.md, "Configuration"):
 * - a file `.msp-docs.json` (`CONFIG_FILE_NAME`), `{ "rules": { "scope.no-out-of-scope": "off" } }`,
 *   found in the project folder or the nearest ancestor that has one; the command line also takes
 *   `--config FILE`;
 * - the editor setting `mspDocs.rules`, an object of the same shape as `rules`.
 * When both apply, the file wins per code (`mergeRuleConfigs(setting, file)`): it is versioned with
 * the projects, so the editor agrees with CI. Only method-rule codes can be configured; `schema.*`
 * and `yaml.*` findings are the public format and stay errors.
 */
import { closest, distance } from 'fastest-levenshtein';
import { asRecord, type Severity, stripBom, t } from '../common';

/** A configured severity: one of the diagnostic severities, or `off` to switch the rule off. */
export type RuleSeverity = Severity | 'off';

/** Severity per rule code, e.g. `{ "scope.no-out-of-scope": "off", "plan.day-instead-of-month": "error" }`. */
export type RuleConfig = Readonly<Record<string, RuleSeverity>>;

/** Name of the configuration file searched in a project folder and its ancestors. */
export const CONFIG_FILE_NAME = '.msp-docs.json';

/** The values a rule can be set to, in the order messages list them. */
export const RULE_SEVERITIES: readonly RuleSeverity[] = ['error', 'warning', 'info', 'hint', 'off'];

/** A configuration read from a setting or a file, with readable problems (already translated). */
export interface ParsedRuleConfig {
  rules: RuleConfig;
  /** Entries that were ignored, and why: unknown codes (with the closest known code), bad severities. */
  problems: string[];
  /** Set when a file could not be used at all (not JSON, not an object): the command line stops on it. */
  error?: string;
  /**
   * `ignore` of the configuration file: gitignore-style patterns, relative to the file's folder,
   * of paths the command line does not check (the editor checks every project it shows).
   */
  ignore?: string[];
}

/**
 * Checks the `rules` object of a configuration (the `mspDocs.rules` setting, or `rules` in the file)
 * against the known rule codes. Entries with an unknown code or an invalid severity are left out and
 * described in `problems`; never throws.
 */
export function parseRuleConfig(value: unknown, knownCodes: readonly string[]): ParsedRuleConfig {
  if (value === undefined || value === null) return { rules: {}, problems: [] };
  const entries = asRecord(value);
  if (!entries) {
    return { rules: {}, problems: [t('"rules" must map rule codes to one of: {0}.', RULE_SEVERITIES.join(', '))] };
  }
  const rules: Record<string, RuleSeverity> = {};
  const problems: string[] = [];
  for (const [code, severity] of Object.entries(entries)) {
    if (!knownCodes.includes(code)) {
      problems.push(unknownCodeMessage(code, knownCodes));
    } else if (typeof severity !== 'string' || !(RULE_SEVERITIES as readonly string[]).includes(severity)) {
      problems.push(t('Rule "{0}": {1} is not a severity; use one of: {2}. The entry is ignored.', code, String(JSON.stringify(severity)), RULE_SEVERITIES.join(', ')));
    } else {
      rules[code] = severity as RuleSeverity;
    }
  }
  return { rules, problems };
}

function unknownCodeMessage(code: string, knownCodes: readonly string[]): string {
  if (/^(schema|yaml)\./.test(code)) {
    return t('"{0}" is a format check, not a method rule; only method rules can be configured. The entry is ignored.', code);
  }
  const best = knownCodes.length ? closest(code, [...knownCodes]) : undefined;
  if (best && distance(code, best) <= Math.max(3, Math.ceil(code.length / 4))) {
    return t('Unknown rule "{0}"; did you mean "{1}"? The entry is ignored.', code, best);
  }
  return t('Unknown rule "{0}"; the entry is ignored. Known rules: {1}.', code, knownCodes.join(', '));
}

/**
 * Reads the text of a configuration file (`.msp-docs.json`): a JSON object with `rules`. Invalid
 * JSON or a non-object sets `error`; unknown keys and entries become `problems`. Never throws.
 */
export function parseConfigFile(text: string, knownCodes: readonly string[]): ParsedRuleConfig {
  let value: unknown;
  try {
    value = JSON.parse(stripBom(text));
  } catch (e) {
    return { rules: {}, problems: [], error: t('The configuration is not valid JSON: {0}', e instanceof Error ? e.message : String(e)) };
  }
  const record = asRecord(value);
  if (!record) {
    return { rules: {}, problems: [], error: t('The configuration must be a JSON object such as {0}.', '{ "rules": { "scope.no-out-of-scope": "off" } }') };
  }
  const { rules, ignore, ...rest } = record;
  const parsed = parseRuleConfig(rules, knownCodes);
  for (const key of Object.keys(rest)) {
    // `style` is the house style, read by `src/core/render/houseStyleFile.ts`.
    if (key !== '$schema' && key !== 'style') parsed.problems.unshift(t('Unknown key "{0}" in the configuration; only "rules", "ignore" and "style" are read. It is ignored.', key));
  }
  if (ignore !== undefined) {
    if (Array.isArray(ignore) && ignore.every((p) => typeof p === 'string')) parsed.ignore = ignore;
    else parsed.problems.push(t('"ignore" must be a list of path patterns such as {0}; it is ignored.', '["archive/", "**/drafts/"]'));
  }
  return parsed;
}

/** Merges configurations; a later one wins per code (e.g. `mergeRuleConfigs(setting, file)`). */
export function mergeRuleConfigs(...configs: ReadonlyArray<RuleConfig | undefined>): RuleConfig {
  return Object.assign({}, ...configs.filter(Boolean)) as RuleConfig;
}

/** The file access `findConfigFile` needs: the workspace host's `readFile` and `join`, and a parent function. */
export interface ConfigFileHost {
  /** Text of a file, or `undefined` when it does not exist. */
  readFile(file: string): Promise<string | undefined>;
  join(dir: string, name: string): string;
  /** The folder above `dir`, or `undefined` (or `dir` itself) at the top. */
  parentOf(dir: string): string | undefined;
}

/**
 * Finds the nearest `.msp-docs.json`: in `dir`, else in its ancestors (at most `maxLevels` folders,
 * `dir` included). Returns its path and text, or `undefined` when there is none. Used by the command
 * line; the extension can use it too, with a host over `vscode.workspace.fs`, so that both honour the
 * same file. The candidates are read at once rather than one after the other: on a busy extension
 * host each read waits its turn, and a project a few folders deep would wait several turns before
 * its first validation (docs/benchmarks.md, "Activation").
 */
export async function findConfigFile(host: ConfigFileHost, dir: string, maxLevels = 64): Promise<{ path: string; text: string } | undefined> {
  const files: string[] = [];
  let current: string | undefined = dir;
  while (current !== undefined && files.length < maxLevels) {
    files.push(host.join(current, CONFIG_FILE_NAME));
    const parent = host.parentOf(current);
    current = parent === current ? undefined : parent;
  }
  // Settled in order, so a read error beyond the nearest file does not count, as before.
  const reads = await Promise.allSettled(files.map((file) => host.readFile(file)));
  for (const [i, read] of reads.entries()) {
    if (read.status === 'rejected') throw read.reason;
    if (read.value !== undefined) return { path: files[i], text: read.value };
  }
  return undefined;
}
