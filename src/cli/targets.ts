/**
 * What `msp-docs validate` is asked to check: its PATH arguments (folders, documents, glob
 * patterns, `-` for standard input) expanded into folders and documents, minus what the ignore
 * files exclude.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';
import { documentKindOf } from '../core/document';
import type { IgnoreList } from './ruleConfig';
import { IGNORE_FILE_NAME, RunError, UsageError } from './usage';


/** A folder to search for projects, or one document (from the disk or from standard input). */
export type Target =
  | { kind: 'folder'; given: string; abs: string }
  | { kind: 'document'; given: string; abs: string; text?: string };

/** How to expand the arguments. */
export interface ExpandOptions {
  /** The folder relative paths, globs and the ignore file are taken from. */
  cwd: string;
  /** `--stdin-filename`: the name (and place) of the document read from standard input. */
  stdinFilename?: string;
  /** Reads all of standard input; tests pass their own. */
  readStdin: () => Promise<string>;
}

/**
 * Expands PATH arguments into targets, in the order given (a glob's matches sorted). An existing
 * path is taken as it is; a path that does not exist but holds glob characters (`*`, `?`, `[`,
 * `{`) is matched with tinyglobby against the current directory (hidden folders and
 * `node_modules` are not entered; matched files that are not project documents are skipped). `-`
 * reads one document from standard input; `--stdin-filename` must name it. Throws `UsageError`
 * for `-` without a name, and `RunError` for a path that does not exist or a pattern that matches
 * nothing.
 */
export async function expandTargets(args: readonly string[], options: ExpandOptions): Promise<Target[]> {
  const targets: Target[] = [];
  for (const arg of args) {
    if (arg === '-') {
      if (!options.stdinFilename) throw new UsageError('reading from standard input (-) needs --stdin-filename NAME, for example --stdin-filename plan.yaml');
      if (!documentKindOf(options.stdinFilename)) throw new RunError(`--stdin-filename ${options.stdinFilename} is not named like a project document`);
      targets.push({ kind: 'document', given: options.stdinFilename, abs: path.resolve(options.cwd, options.stdinFilename), text: await options.readStdin() });
      continue;
    }
    const abs = path.resolve(options.cwd, arg);
    const stat = await fs.stat(abs).catch(() => undefined);
    if (stat) {
      targets.push(stat.isDirectory() ? { kind: 'folder', given: arg, abs } : { kind: 'document', given: arg, abs });
      continue;
    }
    if (!isDynamicPattern(arg)) throw new RunError(`cannot read ${arg}`);
    const matches = (await glob([arg], { cwd: options.cwd, onlyFiles: false, dot: false, expandDirectories: false, followSymbolicLinks: false, ignore: ['**/node_modules/**'] })).sort();
    let used = 0;
    for (const match of matches) {
      const matchAbs = path.resolve(options.cwd, match);
      const isDir = await fs.stat(matchAbs).then((s) => s.isDirectory(), () => false);
      if (isDir) targets.push({ kind: 'folder', given: match.replace(/\/$/, ''), abs: matchAbs });
      else if (documentKindOf(match)) targets.push({ kind: 'document', given: match, abs: matchAbs });
      else continue;
      used++;
    }
    if (!used) throw new RunError(`no project folder or document matches ${arg}`);
  }
  return targets;
}

/**
 * The ignore rules of a run: `.msp-docsignore` in the current directory (patterns relative to it)
 * and the `ignore` list of each configuration file (relative to that file's folder), both in
 * gitignore syntax read by the `ignore` package; a folder that is ignored hides everything in it.
 */
export class IgnoreRules {
  private readonly lists = new Map<string, Ignore>();

  private constructor(cwd: string, own: Ignore | undefined) {
    if (own) this.lists.set(cwd, own);
  }

  /** Reads `.msp-docsignore` from `cwd` when there is one. */
  static async load(cwd: string): Promise<IgnoreRules> {
    const text = await fs.readFile(path.join(cwd, IGNORE_FILE_NAME), 'utf8').catch(() => undefined);
    return new IgnoreRules(cwd, text === undefined ? undefined : ignore().add(text));
  }

  /** Adds a configuration file's `ignore` list (once per folder). */
  add(list: IgnoreList | undefined): void {
    if (!list || this.lists.has(list.base)) return;
    this.lists.set(list.base, ignore().add(list.patterns));
  }

  /** Whether an absolute path (a folder when `isFolder`) is ignored by any list it lies under. */
  ignores(abs: string, isFolder: boolean): boolean {
    for (const [base, list] of this.lists) {
      const rel = path.relative(base, abs).split(path.sep).join('/');
      if (!rel || rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) continue;
      if (list.ignores(isFolder ? `${rel}/` : rel)) return true;
    }
    return false;
  }
}
