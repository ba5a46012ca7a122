import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DOCUMENT_FILES, documentKindOf } from '../core/document';
import type { DocumentKind } from '../core/common';
import { loadProject, type WorkspaceHost } from '../core/project';
import { formatAzure, formatGithub } from './ciFormats';
import { formatJson, formatSarif, formatText, type FileDiagnostic } from './output';
import { findProjectsOnDisk, nodeHost, nodeHostFor, normalizeLoneCarriageReturns } from './nodeHost';
import { ruleConfigSource } from './ruleConfig';
import { expandTargets, IgnoreRules, type Target } from './targets';
import { RunError, UsageError, type CommandResult } from './usage';

/** Formats of `--format`. */
export const FORMATS = ['text', 'json', 'sarif', 'github', 'azure'] as const;
type Format = (typeof FORMATS)[number];

/** Options of `validateCommand`. */
export interface ValidateOptions {
  /** `--config FILE`: the rule configuration for every project, instead of the nearest `.msp-docs.json`. */
  config?: string;
  /** `--max-warnings N`: more warnings than N make the exit code 1. */
  maxWarnings?: number;
  /** `--stdin-filename NAME`: the name of the document read from standard input (`-`). */
  stdinFilename?: string;
  /** Reads standard input; default `process.stdin`. */
  readStdin?: () => Promise<string>;
  /** The current directory (paths in the output are relative to it); default `process.cwd()`. */
  cwd?: string;
}

/** One finding as printed: `file` for text and the CI formats, `jsonFile` for JSON, `abs` for SARIF. */
interface Found extends FileDiagnostic {
  jsonFile: string;
  abs: string;
}

/**
 * `msp-docs validate PATH... [--format F] [--config FILE] [--max-warnings N] [--stdin-filename NAME]`:
 * validates every project under each folder, each document named (or matched by a glob, or read
 * from standard input with `-`), with the method rules configured by `.msp-docs.json` or
 * `--config`, leaving out what `.msp-docsignore` and the configuration's `ignore` exclude. A
 * document in a project folder is checked as part of its project, so cross-file rules agree with
 * the editor; elsewhere it is checked alone and the cross-file rules skip. Exit code 0 without
 * errors, 1 with errors or more warnings than `maxWarnings`; throws `UsageError`/`RunError`
 * (exit 2) for bad arguments, a path that does not exist or an unusable configuration file.
 */
export async function validateCommand(args: readonly string[], format: string, tool: { name: string; version: string }, options: ValidateOptions = {}): Promise<CommandResult> {
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}"; use ${FORMATS.join(', ')}`);
  if (!args.length) throw new UsageError('validate needs at least one PATH');
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const targets = await expandTargets(args, { cwd, stdinFilename: options.stdinFilename, readStdin: options.readStdin ?? readStdin });
  const configs = await ruleConfigSource(options.config);
  const ignores = await IgnoreRules.load(cwd);
  const ignoredBy = async (abs: string, isFolder: boolean) => {
    ignores.add(await configs.ignoreFor(isFolder ? abs : path.dirname(abs)));
    return ignores.ignores(abs, isFolder);
  };
  const shown = (abs: string) => {
    const rel = path.relative(cwd, abs);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
  };

  const found: Found[] = [];
  const searchWarnings: string[] = [];
  const done = new Set<string>();
  let files = 0;
  let ignored = 0;
  const report = (abs: string, jsonFile: string, diagnostics: FileDiagnostic['diagnostic'][]) => {
    done.add(abs);
    files++;
    for (const diagnostic of diagnostics) found.push({ file: shown(abs), jsonFile, abs, diagnostic });
  };

  for (const target of targets.filter((t) => t.kind === 'folder')) {
    const { projects, warnings } = await findProjectsOnDisk(target.abs);
    searchWarnings.push(...warnings);
    if (!projects.length) throw new RunError([`no project (a folder with project.yaml) found under ${target.given}`, ...warnings.map((w) => `msp-docs: warning: ${w}`)].join('\n'));
    const host = nodeHostFor(target.abs);
    for (const dir of projects) {
      if (await ignoredBy(dir, true)) {
        ignored++;
        continue;
      }
      const project = await loadProject(host, dir, { rules: await configs.rulesFor(dir) });
      for (const doc of Object.values(project.documents)) {
        if (!doc.exists || done.has(doc.path)) continue;
        if (await ignoredBy(doc.path, false)) {
          ignored++;
          continue;
        }
        report(doc.path, path.relative(target.abs, doc.path) || path.basename(doc.path), doc.diagnostics);
      }
    }
  }

  // Documents named one by one, grouped by folder so each project is loaded once.
  const byFolder = new Map<string, Array<Extract<Target, { kind: 'document' }>>>();
  for (const target of targets) {
    if (target.kind !== 'document' || done.has(target.abs)) continue;
    if (!documentKindOf(target.abs)) throw new RunError(`${target.given} is not a project document (project.yaml, intake.md, scope.yaml, plan.yaml, stakeholders.yaml, handover.yaml)`);
    if (await ignoredBy(target.abs, false)) {
      ignored++;
      continue;
    }
    const dir = path.dirname(target.abs);
    byFolder.set(dir, [...(byFolder.get(dir) ?? []).filter((d) => d.abs !== target.abs), target]);
  }
  for (const [dir, docs] of byFolder) {
    const rules = await configs.rulesFor(dir);
    const confined = nodeHostFor(dir);
    const inProject = await confined.readFile(path.join(dir, DOCUMENT_FILES.project)).then((text) => text !== undefined, () => true);
    const named = new Map(docs.map((d) => [d.abs, d]));
    // Outside a project only the named documents exist; a document named directly is read even
    // through a link (the user chose it), the others of its project only inside its folder.
    const host: WorkspaceHost = {
      ...confined,
      async readFile(file) {
        const doc = named.get(file);
        if (doc) return doc.text !== undefined ? normalizeLoneCarriageReturns(doc.text) : nodeHost.readFile(file);
        return inProject ? confined.readFile(file) : undefined;
      },
    };
    const project = await loadProject(host, dir, { rules });
    for (const doc of docs) {
      const kind = documentKindOf(doc.abs) as DocumentKind;
      report(doc.abs, doc.given, project.documents[kind].diagnostics);
    }
  }

  const errors = found.filter((f) => f.diagnostic.severity === 'error').length;
  const warnings = found.filter((f) => f.diagnostic.severity === 'warning').length;
  // SARIF paths are relative to the one folder validated (or the folder of the one document), else to the current folder.
  const only = targets.length === 1 ? targets[0] : undefined;
  const sarifRoot = only ? (only.kind === 'folder' ? only.abs : path.dirname(only.abs)) : cwd;
  const stdout = formatFound(found, format as Format, tool, sarifRoot);
  const tooMany = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  const summary = `${files} file(s) checked: ${errors} error(s), ${warnings} warning(s), ${found.length - errors - warnings} other${ignored ? `; ${ignored} ignored` : ''}`;
  const stderr = [...[...searchWarnings, ...configs.warnings].map((w) => `msp-docs: warning: ${w}`), summary];
  if (tooMany) stderr.push(`msp-docs: ${warnings} warning(s), more than --max-warnings ${options.maxWarnings}`);
  return { exitCode: errors || tooMany ? 1 : 0, stdout, stderr: stderr.join('\n') };
}

/** The findings in one output format (FORMAT.md "Diagnostics as the command line prints them"). */
function formatFound(found: readonly Found[], format: Format, tool: { name: string; version: string }, sarifRoot: string): string {
  switch (format) {
    case 'json':
      return formatJson(found.map((f) => ({ file: f.jsonFile, diagnostic: f.diagnostic })));
    case 'sarif':
      return formatSarif(
        found.map((f) => ({ file: path.relative(sarifRoot, f.abs), diagnostic: f.diagnostic })),
        { ...tool, informationUri: 'https://github.com/msp-docs/msp-project-docs' },
        pathToFileURL(sarifRoot).href,
      );
    case 'github':
      return formatGithub(found);
    case 'azure':
      return formatAzure(found);
    default:
      return formatText(found);
  }
}

/** All of standard input as UTF-8 text. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
