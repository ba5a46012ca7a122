import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DOCUMENT_FILES, documentKindOf } from '../core/document';
import { formatJson, formatSarif, formatText, type FileDiagnostic } from './output';
import { loadProject, validateProject } from '../core/project';
import { findProjectsOnDisk, nodeHost } from './nodeHost';
import { ruleConfigSource } from './ruleConfig';
import { RunError, UsageError, type CommandResult } from './usage';

/** Formats of `--format`. */
const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

/** Options of `validateCommand`. */
export interface ValidateOptions {
  /** `--config FILE`: the rule configuration for every project, instead of the nearest `.msp-docs.json`. */
  config?: string;
}

/**
 * `msp-docs validate PATH [--format text|json|sarif] [--config FILE]`: validates every project under
 * PATH (a folder), or one document (a file named like one of the six), with the method rules
 * configured by `.msp-docs.json` or `--config`. A single document in a project folder is checked
 * as part of its project, so cross-file rules agree with the editor; elsewhere it is checked alone
 * and the cross-file rules skip. Exit code 0 without errors, 1 with errors; throws `UsageError`/`RunError`
 * (exit 2) for bad arguments, an unreadable path or an unusable configuration file.
 */
export async function validateCommand(target: string, format: string, tool: { name: string; version: string }, options: ValidateOptions = {}): Promise<CommandResult> {
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}"; use text, json or sarif`);
  const stat = await fs.stat(target).catch(() => undefined);
  if (!stat) throw new RunError(`cannot read ${target}`);
  const configs = await ruleConfigSource(options.config);

  const found: FileDiagnostic[] = [];
  const searchWarnings: string[] = [];
  let files = 0;
  if (stat.isDirectory()) {
    const { projects, warnings } = await findProjectsOnDisk(target);
    searchWarnings.push(...warnings);
    if (!projects.length) throw new RunError([`no project (a folder with project.yaml) found under ${target}`, ...warnings.map((w) => `msp-docs: warning: ${w}`)].join('\n'));
    for (const dir of projects) {
      const report = await loadProject(nodeHost, dir, { rules: await configs.rulesFor(dir) });
      for (const doc of Object.values(report.documents)) {
        if (!doc.exists) continue;
        files++;
        const file = path.relative(target, doc.path) || path.basename(doc.path);
        for (const diagnostic of doc.diagnostics) found.push({ file, diagnostic });
      }
    }
  } else {
    const kind = documentKindOf(target);
    if (!kind) throw new RunError(`${target} is not a project document (project.yaml, intake.md, scope.yaml, plan.yaml, stakeholders.yaml, handover.yaml)`);
    const text = await fs.readFile(target, 'utf8').catch(() => {
      throw new RunError(`cannot read ${target}`);
    });
    files = 1;
    const dir = path.dirname(target);
    const rules = await configs.rulesFor(dir);
    const inProject = (await nodeHost.readFile(path.join(dir, DOCUMENT_FILES.project)).catch(() => undefined)) !== undefined;
    const report = inProject ? await loadProject(nodeHost, dir, { rules }) : validateProject(dir, { [kind]: { path: target, text } }, (k) => path.join(dir, DOCUMENT_FILES[k]), { rules });
    for (const diagnostic of report.documents[kind].diagnostics) found.push({ file: target, diagnostic });
  }

  const errors = found.filter((f) => f.diagnostic.severity === 'error').length;
  const warnings = found.filter((f) => f.diagnostic.severity === 'warning').length;
  let stdout: string;
  switch (format as Format) {
    case 'json':
      stdout = formatJson(found);
      break;
    case 'sarif': {
      // Paths relative to the folder validated, or for one document its name in its folder.
      const root = path.resolve(stat.isDirectory() ? target : path.dirname(target));
      const list = stat.isDirectory() ? found : found.map((f) => ({ ...f, file: path.basename(f.file) }));
      stdout = formatSarif(list, { ...tool, informationUri: 'https://github.com/msp-docs/msp-project-docs' }, pathToFileURL(root).href);
      break;
    }
    default:
      stdout = formatText(found);
  }
  const summary = `${files} file(s) checked: ${errors} error(s), ${warnings} warning(s), ${found.length - errors - warnings} other`;
  return { exitCode: errors ? 1 : 0, stdout, stderr: [...[...searchWarnings, ...configs.warnings].map((w) => `msp-docs: warning: ${w}`), summary].join('\n') };
}
