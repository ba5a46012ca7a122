/**
 * The task type `msp-docs` (package.json `taskDefinitions`): the bundled command line
 * (`dist/cli.js`, the same as `msp-docs` from npm, see docs/ci.md) run in a workspace folder, its
 * text output read by the problem matcher `$msp-docs` (package.json `problemMatchers`), so every
 * finding of the run lands in the Problems panel, clickable. The provider offers
 * "msp-docs: validate workspace" for each local folder; tasks.json may name another `command`,
 * `paths` and further `args`. The command line runs on the extension host's own runtime
 * (`process.execPath`; in desktop VS Code that is Electron, told to act as Node by
 * `ELECTRON_RUN_AS_NODE`), so it needs no Node on the PATH. Folders of a virtual workspace get no
 * task: the command line reads files from disk.
 */
import * as vscode from 'vscode';
import { TASKS } from '../common';

const TASK_TYPE = TASKS.type;

/** A task of type `msp-docs`, as package.json's `taskDefinitions` describes it. */
export interface MspDocsTaskDefinition extends vscode.TaskDefinition {
  type: typeof TASK_TYPE;
  /** The command line's command: `validate` (the default) or `render`. */
  command: 'validate' | 'render';
  /** Files, folders or globs, relative to the workspace folder; default `.` (the whole folder). */
  paths?: string[];
  /** Further arguments, e.g. `["--max-warnings", "0"]` or `["--pdf"]`. */
  args?: string[];
}

const COMMANDS = new Set(['validate', 'render']);

/** Whether `value` is a usable `msp-docs` task definition (a command line command, text lists). */
function isDefinition(value: vscode.TaskDefinition): value is MspDocsTaskDefinition {
  const texts = (list: unknown): boolean => list === undefined || (Array.isArray(list) && list.every((x) => typeof x === 'string'));
  return value.type === TASK_TYPE && COMMANDS.has(String(value.command ?? 'validate')) && texts(value.paths) && texts(value.args);
}

/** The task running `definition` in `folder` with the command line at `cli`. */
function cliTask(definition: MspDocsTaskDefinition, folder: vscode.WorkspaceFolder, cli: vscode.Uri, name: string): vscode.Task {
  const args = [cli.fsPath, definition.command ?? 'validate', ...(definition.paths?.length ? definition.paths : ['.']), ...(definition.args ?? [])];
  const execution = new vscode.ProcessExecution(process.execPath, args, { cwd: folder.uri.fsPath, env: { ELECTRON_RUN_AS_NODE: '1' } });
  const task = new vscode.Task(definition, folder, name, TASK_TYPE, execution, [TASKS.problemMatcher]);
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent, clear: true };
  return task;
}

/** Registers the task provider of the type `msp-docs`; `extensionUri` holds `dist/cli.js`. */
export function registerValidateTask(extensionUri: vscode.Uri): vscode.Disposable[] {
  const cli = vscode.Uri.joinPath(extensionUri, 'dist', 'cli.js');
  const local = (scope: vscode.Task['scope']): scope is vscode.WorkspaceFolder => typeof scope === 'object' && scope.uri.scheme === 'file';
  return [
    vscode.tasks.registerTaskProvider(TASK_TYPE, {
      provideTasks: () =>
        (vscode.workspace.workspaceFolders ?? [])
          .filter(local)
          .map((folder) => cliTask({ type: TASK_TYPE, command: 'validate' }, folder, cli, vscode.l10n.t('validate workspace'))),
      // A task of tasks.json: the same execution, from its own definition.
      resolveTask: (task) => (isDefinition(task.definition) && local(task.scope) ? cliTask(task.definition, task.scope, cli, task.name) : undefined),
    }),
  ];
}
