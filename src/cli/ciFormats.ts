/**
 * Annotation formats of `msp-docs validate` for CI services: GitHub Actions workflow commands
 * (`--format github`) and Azure Pipelines logging commands (`--format azure`). Both are single
 * lines that the runner turns into annotations on the file and line; each escapes what would end
 * a property or the line.
 */
import type { Severity } from '../core/common';
import { toJson, type FileDiagnostic } from './output';

/**
 * The message part of a GitHub workflow command: `%`, CR and LF as `%25`, `%0D`, `%0A`
 * (GitHub Docs, "Workflow commands for GitHub Actions"; `escapeData` in `@actions/core`).
 */
export function escapeGithubData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a GitHub workflow command: as data, and `:` and `,` as `%3A`, `%2C` (`escapeProperty` in `@actions/core`). */
export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const GITHUB_COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/**
 * One workflow command per finding:
 * `::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=CODE::MESSAGE` (`warning`, or
 * `notice` for info and hint). Lines and columns are 1-based as in the JSON format (`endColumn`
 * just after the last character); the columns are given only when the finding ends on the line
 * it starts on, as GitHub ignores columns across lines. Paths should be relative to the
 * repository root (the current directory of a workflow step).
 */
export function formatGithub(list: readonly FileDiagnostic[]): string {
  return list.map((f) => {
    const j = toJson(f);
    const columns = j.endLine === j.line ? [`col=${j.column}`] : [];
    const endColumn = j.endLine === j.line ? [`endColumn=${j.endColumn}`] : [];
    const props = [`file=${escapeGithubProperty(j.file.replace(/\\/g, '/'))}`, `line=${j.line}`, ...columns, `endLine=${j.endLine}`, ...endColumn, `title=${escapeGithubProperty(j.code)}`];
    return `::${GITHUB_COMMAND[j.severity]} ${props.join(',')}::${escapeGithubData(j.message)}`;
  }).join('\n');
}

/**
 * The message part of an Azure Pipelines logging command: `%` as `%AZP25`, CR and LF as `%0D`,
 * `%0A` (Microsoft Learn, "Logging commands", Formatting commands; `escapedata` in
 * `azure-pipelines-task-lib`).
 */
export function escapeAzureData(text: string): string {
  return text.replace(/%/g, '%AZP25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of an Azure logging command: as data, and `;` and `]` as `%3B`, `%5D` (`escape` in `azure-pipelines-task-lib`). */
export function escapeAzureProperty(text: string): string {
  return escapeAzureData(text).replace(/;/g, '%3B').replace(/\]/g, '%5D');
}

/**
 * One `##vso[task.logissue type=error;sourcepath=F;linenumber=L;columnnumber=C;code=CODE]MESSAGE`
 * per error and warning. Azure Pipelines knows only these two types, so info and hint findings
 * are not printed in this format (they never fail a build).
 */
export function formatAzure(list: readonly FileDiagnostic[]): string {
  return list
    .filter((f) => f.diagnostic.severity === 'error' || f.diagnostic.severity === 'warning')
    .map((f) => {
      const j = toJson(f);
      const props = [`type=${j.severity}`, `sourcepath=${escapeAzureProperty(j.file.replace(/\\/g, '/'))}`, `linenumber=${j.line}`, `columnnumber=${j.column}`, `code=${escapeAzureProperty(j.code)}`];
      return `##vso[task.logissue ${props.join(';')}]${escapeAzureData(j.message)}`;
    })
    .join('\n');
}
