// The task type `msp-docs` in a real VS Code (src/extension/projects/validateTask.ts): the provider
// offers "msp-docs: validate workspace", and running it (the bundled command line, dist/cli.js, on
// the fixture workspace) puts the findings of the broken project into the Problems panel through
// the problem matcher `$msp-docs`, beside the extension's own diagnostics. Every wait is for an
// event with a timeout.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { TASKS } from '../../../src/extension/common/commands';
import { HARTMAN, activateForTests, codeOf, fileUri, restoreAutoSave, waitFor, workspaceRoot } from './helpers';

/** The repository, seen from out/test/vscode/suite/ where this file runs. */
const REPO = path.resolve(__dirname, '../../../..');

interface PlantedError {
  file: string;
  line: number;
  column: number;
  code: string;
}

/**
 * `code@line:column` (1-based, as the command line prints them) of the diagnostics of `uri`: the
 * problem matcher's (`fromTask`: a line and a column only, so an empty range) or the extension's own.
 */
function findings(uri: vscode.Uri, fromTask: boolean): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.range.isEmpty === fromTask)
    .map((d) => `${codeOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}`)
    .sort();
}

/** Runs `task` and resolves its exit code once its process ended; rejects after 30 s. */
async function runTask(task: vscode.Task): Promise<number | undefined> {
  let sub: vscode.Disposable | undefined;
  let timer: NodeJS.Timeout | undefined;
  const ended = new Promise<number | undefined>((resolve, reject) => {
    sub = vscode.tasks.onDidEndTaskProcess((e) => e.execution.task.name === task.name && resolve(e.exitCode));
    timer = setTimeout(() => reject(new Error(`the task "${task.name}" did not end within 30 s`)), 30000);
  });
  try {
    await vscode.tasks.executeTask(task);
    return await ended;
  } finally {
    sub?.dispose();
    clearTimeout(timer);
  }
}

describe('the msp-docs task type: the command line as a VS Code task', function () {
  this.timeout(60000);

  before(async function () {
    await activateForTests();
  });

  after(restoreAutoSave);

  it('offers "msp-docs: validate workspace", and its run adds the broken project\'s findings through $msp-docs', async function () {
    const tasks = await vscode.tasks.fetchTasks({ type: TASKS.type });
    const task = tasks.find((t) => t.source === TASKS.type && t.name === 'validate workspace');
    assert.ok(task, `no "msp-docs: validate workspace" among ${JSON.stringify(tasks.map((t) => `${t.source}: ${t.name}`))}`);
    assert.deepEqual(task.definition, { type: TASKS.type, command: 'validate' });
    assert.equal((task.scope as vscode.WorkspaceFolder).uri.toString(), workspaceRoot().toString());
    assert.deepEqual(task.problemMatchers, [TASKS.problemMatcher]);
    const execution = task.execution as vscode.ProcessExecution;
    assert.ok(execution instanceof vscode.ProcessExecution);
    assert.deepEqual(execution.args.slice(-2), ['validate', '.']);
    assert.ok(execution.args[0].endsWith(path.join('dist', 'cli.js')));
    assert.equal(execution.options?.cwd, workspaceRoot().fsPath);

    const planted = (JSON.parse(fs.readFileSync(path.join(REPO, 'test/fixtures/planted-errors.json'), 'utf8')) as PlantedError[])
      .filter((p) => p.file.endsWith('hartman-logistics/plan.yaml'))
      .map((p) => `${p.code}@${p.line}:${p.column}`)
      .sort();
    assert.ok(planted.length >= 2);
    const plan = fileUri(`${HARTMAN}/plan.yaml`);
    const own = findings(plan, false);
    assert.deepEqual(planted.filter((p) => !own.includes(p)), [], `the extension's own: ${JSON.stringify(own)}`);
    assert.deepEqual(findings(plan, true), []);

    assert.equal(await runTask(task), 1, 'the broken project has errors: exit code 1');
    // The problem matcher reports every finding of the command line, beside the extension's own.
    await waitFor('the task\'s findings in the Problems panel', [vscode.languages.onDidChangeDiagnostics], () => findings(plan, true).length >= planted.length, () => JSON.stringify(findings(plan, true)));
    assert.deepEqual(findings(plan, true), own);
    const first = vscode.languages.getDiagnostics(plan).find((d) => d.range.isEmpty)!;
    assert.equal(first.source, 'msp-docs');

    // (The task's findings stay in the Problems panel after the run, as VS Code keeps a task's
    // problems; no later suite reads the broken project's diagnostics.)
  });
});
