import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { findConfigFile, parseConfigFile, RULE_CODES, type RuleConfig } from '../core/rules';
import { nodeHost } from './nodeHost';
import { RunError } from './usage';

/** `ignore` patterns of a configuration file and the folder they are relative to (the file's). */
export interface IgnoreList {
  base: string;
  patterns: string[];
}

/** The rule configuration of a `msp-docs validate` run, and what was wrong with it. */
export interface RuleConfigSource {
  /** The configuration for a project folder: `--config FILE`, else the nearest `.msp-docs.json` from `dir` up, else `{}`. */
  rulesFor(dir: string): Promise<RuleConfig>;
  /** The `ignore` patterns of the same file, or `undefined` when it has none. */
  ignoreFor(dir: string): Promise<IgnoreList | undefined>;
  /** Ignored entries (unknown codes, bad severities), as `file: message` lines, once per file. */
  warnings: string[];
}

interface Parsed {
  rules: RuleConfig;
  ignore?: IgnoreList;
}

/**
 * Reads the rule configuration of the command line. With `explicit` (`--config FILE`) that file
 * serves every project; without, each project uses the nearest `.msp-docs.json` in its folder or an
 * ancestor, the same file the editor reads. A file that cannot be read or is not a JSON object
 * throws `RunError` (exit 2): a CI run must not silently ignore its configuration.
 */
export async function ruleConfigSource(explicit: string | undefined): Promise<RuleConfigSource> {
  const warnings: string[] = [];
  const cache = new Map<string, Parsed>();
  const parse = (file: string, text: string): Parsed => {
    const cached = cache.get(file);
    if (cached) return cached;
    const shown = path.relative(process.cwd(), file) || file;
    const parsed = parseConfigFile(text, RULE_CODES);
    if (parsed.error) throw new RunError(`${shown}: ${parsed.error}`);
    for (const problem of parsed.problems) warnings.push(`${shown}: ${problem}`);
    const result: Parsed = { rules: parsed.rules, ...(parsed.ignore?.length ? { ignore: { base: path.dirname(file), patterns: parsed.ignore } } : {}) };
    cache.set(file, result);
    return result;
  };
  if (explicit !== undefined) {
    const text = await fs.readFile(explicit, 'utf8').catch(() => {
      throw new RunError(`cannot read the configuration file ${explicit}`);
    });
    const parsed = parse(path.resolve(explicit), text);
    return { rulesFor: async () => parsed.rules, ignoreFor: async () => parsed.ignore, warnings };
  }
  const host = { ...nodeHost, parentOf: (dir: string) => path.dirname(dir) };
  const nearest = async (dir: string): Promise<Parsed | undefined> => {
    const found = await findConfigFile(host, path.resolve(dir)).catch((e: Error) => {
      throw new RunError(`cannot read the configuration file: ${e.message}`);
    });
    return found ? parse(found.path, found.text) : undefined;
  };
  return {
    rulesFor: async (dir) => (await nearest(dir))?.rules ?? {},
    ignoreFor: async (dir) => (await nearest(dir))?.ignore,
    warnings,
  };
}
