// Integration tests of the Projects model, tree and diagnostics inside a real VS Code, on the
// temp copy of test/fixtures/workspace. Every wait is for an event with a timeout, never a sleep.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MspDocsApi } from '../../../src/extension/api';
import type { ProjectsTreeNode } from '../../../src/extension/projects/projectsTree';
import { DEKKER, HARTMAN, fileUri, codeOf, codes, iconId, waitFor, activateForTests, restoreAutoSave } from './helpers';
import { COMMANDS } from '../../../src/extension/common/commands';

/** The repository, seen from out/test/vscode/suite/ where this file runs. */
const REPO = path.resolve(__dirname, '../../../..');

interface PlantedError {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
}

function projectDir(relative: string): string {
  return fileUri(relative).toString();
}

describe('projects: model, tree and diagnostics', function () {
  let api: MspDocsApi;

  async function children(node?: ProjectsTreeNode): Promise<Array<{ node: ProjectsTreeNode; item: vscode.TreeItem }>> {
    const nodes = (await api.tree.getChildren(node)) ?? [];
    return Promise.all(nodes.map(async (n) => ({ node: n, item: await api.tree.getTreeItem(n) })));
  }

  async function projectEntry(relative: string): Promise<{ node: ProjectsTreeNode; item: vscode.TreeItem }> {
    const dir = projectDir(relative);
    const entry = (await children()).find((c) => c.node.dir === dir);
    assert.ok(entry, `no tree node for ${relative}`);
    return entry;
  }

  async function phaseEntry(relative: string, label: string): Promise<{ node: ProjectsTreeNode; item: vscode.TreeItem }> {
    const phase = (await children((await projectEntry(relative)).node)).find((c) => c.item.label === label);
    assert.ok(phase, `no phase ${label} under ${relative}`);
    return phase;
  }

  before(async function () {
    api = await activateForTests();
  });

  after(async function () {
    await restoreAutoSave();
  });

  afterEach(async function () {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('finds both fixture projects, the sample without problems', function () {
    const dirs = api.projects().map((p) => p.dir);
    assert.deepEqual(dirs, [projectDir(HARTMAN), projectDir(DEKKER)]);
    const dekker = api.projects().find((p) => p.dir === projectDir(DEKKER));
    assert.equal(dekker?.title, 'Move to Microsoft 365');
    assert.equal(dekker?.errors, 0, 'the sample project has errors');
    assert.equal(dekker?.warnings, 0, 'the sample project has warnings');
    assert.ok((api.projects().find((p) => p.dir === projectDir(HARTMAN))?.errors ?? 0) > 0);
  });

  it('publishes every planted error at its exact range, also for files that are not open', function () {
    const planted = JSON.parse(fs.readFileSync(path.join(REPO, 'test/fixtures/planted-errors.json'), 'utf8')) as PlantedError[];
    assert.ok(planted.length > 0);
    for (const p of planted) {
      const uri = fileUri(p.file.replace(/^test\/fixtures\/workspace\//, ''));
      const expected = new vscode.Range(p.line - 1, p.column - 1, p.endLine - 1, p.endColumn - 1);
      const found = vscode.languages
        .getDiagnostics(uri)
        .find((d) => codeOf(d) === p.code && d.range.isEqual(expected) && d.source === 'msp-docs');
      assert.ok(found, `${p.file}:${p.line}:${p.column} ${p.code} not published; have ${codes(uri)}`);
      assert.equal(found.severity, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
    }
  });

  it('shows both projects with their five phases, the current phase and the states', async function () {
    const projects = await children();
    assert.deepEqual(
      projects.map((p) => [p.item.label, p.item.description, p.item.contextValue]),
      [
        ['Veilige werkplekken', 'Hartman Logistiek B.V.', 'project'],
        ['Move to Microsoft 365', 'Dekker & Partners Accountants', 'project'],
      ],
    );
    const ids = new Set<string>();
    for (const project of projects) {
      const phases = await children(project.node);
      assert.deepEqual(
        phases.map((p) => p.item.label),
        ['Intake', 'Scope', 'Approach', 'Stakeholders', 'Delivery'],
      );
      for (const phase of phases) {
        assert.equal(api.tree.getParent?.(phase.node), project.node);
        for (const document of await children(phase.node)) {
          assert.equal(api.tree.getParent?.(document.node), phase.node);
          ids.add(String(document.item.id));
        }
        ids.add(String(phase.item.id));
      }
      ids.add(String(project.item.id));
    }
    // Per project: itself, five phases, five documents, and the eight handover checks under Delivery.
    assert.equal(ids.size, 2 * (1 + 5 + 5 + 8), 'tree item ids are not unique');

    // The sample: all documents pass, "Approach" is the current phase.
    const [, dekker] = projects;
    assert.equal(iconId(dekker.item), 'project');
    for (const phase of await children(dekker.node)) {
      const current = phase.item.label === 'Approach';
      assert.equal(phase.item.description, current ? 'current phase' : undefined, `description of ${String(phase.item.label)}`);
      assert.equal(iconId(phase.item), current ? 'arrow-circle-right' : 'pass');
      const [document] = await children(phase.node);
      assert.equal(iconId(document.item), 'pass');
      const board = phase.item.label === 'Scope' || phase.item.label === 'Stakeholders';
      assert.equal(document.item.contextValue, board ? 'document.board' : 'document');
      assert.equal(document.item.command?.command, COMMANDS.documentOpen);
    }

    // The broken project: project.yaml's error shows on the project, each planted error on its phase.
    const [hartman] = projects;
    assert.equal(iconId(hartman.item), 'error');
    const approach = await phaseEntry(HARTMAN, 'Approach');
    assert.equal(iconId(approach.item), 'error');
    const [plan] = await children(approach.node);
    assert.equal(plan.item.label, 'plan.yaml');
    assert.match(String(plan.item.description), /^\d+ errors?/);
  });

  it('shows a schema error while typing at the exact range, and undo clears it', async function () {
    const uri = fileUri(`${DEKKER}/plan.yaml`);
    const editor = await vscode.window.showTextDocument(uri);
    const line = editor.document.lineAt(1);
    assert.equal(line.text, 'method: hybrid');
    const valueRange = new vscode.Range(1, 8, 1, 14);

    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, valueRange, 'waterfall');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const enumError = (): vscode.Diagnostic | undefined =>
      vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'schema.enum');
    await waitFor('a schema.enum diagnostic on plan.yaml', [vscode.languages.onDidChangeDiagnostics], () => !!enumError(), () => codes(uri));
    const diagnostic = enumError()!;
    assert.ok(diagnostic.range.isEqual(new vscode.Range(1, 8, 1, 17)), `range ${JSON.stringify(diagnostic.range)}`);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostic.source, 'msp-docs');
    assert.match(diagnostic.message, /hybrid/);
    const approach = await phaseEntry(DEKKER, 'Approach');
    assert.equal(approach.item.description, 'current phase · 1 error');

    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    // `undo` acts on what has keyboard focus (a tree's undo is a file operation): put it in the editor.
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await vscode.commands.executeCommand('undo');
    await waitFor('plan.yaml without diagnostics after undo', [vscode.languages.onDidChangeDiagnostics], () => vscode.languages.getDiagnostics(uri).length === 0, () => `${codes(uri)}, line 2: ${editor.document.lineAt(1).text}`);
    assert.equal(editor.document.lineAt(1).text, 'method: hybrid');
    assert.equal(iconId((await phaseEntry(DEKKER, 'Approach')).item), 'arrow-circle-right');
  });

  it('follows a file changed on disk behind VS Code\'s back', async function () {
    const uri = fileUri(`${DEKKER}/handover.yaml`);
    const original = fs.readFileSync(uri.fsPath, 'utf8');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'handover.yaml is open');
    const broken = original.replace('  start: 2027-04-01', '  start: 1 April 2027');
    assert.notEqual(broken, original);
    const delivery = async (): Promise<vscode.TreeItem> => (await children((await phaseEntry(DEKKER, 'Delivery')).node))[0].item;
    try {
      fs.writeFileSync(uri.fsPath, broken);
      await waitFor('an error on the shadow period start', [vscode.languages.onDidChangeDiagnostics], () =>
        vscode.languages.getDiagnostics(uri).some((d) => d.range.start.line === 13 && d.range.start.character === 9 && d.severity === vscode.DiagnosticSeverity.Error),
        () => codes(uri),
      );
      await api.whenIdle();
      const item = await delivery();
      assert.equal(iconId(item), 'error');
      assert.equal(item.description, '1 error');
    } finally {
      fs.writeFileSync(uri.fsPath, original);
    }
    await waitFor('handover.yaml clean again', [vscode.languages.onDidChangeDiagnostics], () => vscode.languages.getDiagnostics(uri).length === 0, () => codes(uri));
    await api.whenIdle();
    assert.equal(iconId(await delivery()), 'pass');
  });

  it('counts an open, unchanged document deleted on disk as missing', async function () {
    const uri = fileUri(`${HARTMAN}/plan.yaml`);
    const text = fs.readFileSync(uri.fsPath, 'utf8');
    await vscode.window.showTextDocument(uri);
    assert.ok(vscode.languages.getDiagnostics(uri).length > 0);
    const planState = (): string | undefined => api.projects().find((p) => p.dir === projectDir(HARTMAN))?.documents.plan.state;
    try {
      fs.rmSync(uri.fsPath);
      await waitFor('plan.yaml missing', [api.onDidUpdate], () => planState() === 'missing', () => String(planState()));
      assert.equal(vscode.languages.getDiagnostics(uri).length, 0);
      const [plan] = await children((await phaseEntry(HARTMAN, 'Approach')).node);
      assert.equal(plan.item.contextValue, 'document.missing');
      assert.equal(plan.item.description, 'missing');
      assert.equal(iconId(plan.item), 'circle-slash');
    } finally {
      fs.writeFileSync(uri.fsPath, text);
    }
    await waitFor('plan.yaml back', [api.onDidUpdate], () => planState() === 'errors', () => String(planState()));
  });

  it('drops a project whose project.yaml is deleted on disk, and finds it again when it returns', async function () {
    const manifest = fileUri(`${HARTMAN}/project.yaml`);
    const plan = fileUri(`${HARTMAN}/plan.yaml`);
    const text = fs.readFileSync(manifest.fsPath, 'utf8');
    const hasProject = (): boolean => api.projects().some((p) => p.dir === projectDir(HARTMAN));
    assert.ok(vscode.languages.getDiagnostics(plan).length > 0);
    try {
      fs.rmSync(manifest.fsPath);
      await waitFor('the project to leave the model', [api.onDidUpdate], () => !hasProject());
      assert.equal(vscode.languages.getDiagnostics(plan).length, 0, 'its diagnostics stay behind');
      assert.deepEqual((await children()).map((c) => c.item.label), ['Move to Microsoft 365']);
    } finally {
      fs.writeFileSync(manifest.fsPath, text);
    }
    await waitFor('the project to come back', [api.onDidUpdate], hasProject);
    assert.ok(vscode.languages.getDiagnostics(plan).length > 0);
    assert.equal((await children()).length, 2);
  });

  it('follows a project folder moved on disk', async function () {
    const from = fileUri('broken');
    const to = fileUri('moved');
    const movedDir = projectDir(`moved/hartman-logistics`);
    const has = (dir: string) => (): boolean => api.projects().some((p) => p.dir === dir);
    try {
      fs.renameSync(from.fsPath, to.fsPath);
      await waitFor('the project under its new folder', [api.onDidUpdate], () => has(movedDir)() && !has(projectDir(HARTMAN))(), () => JSON.stringify(api.projects().map((p) => p.dir)));
      assert.equal(vscode.languages.getDiagnostics(fileUri(`${HARTMAN}/plan.yaml`)).length, 0);
      assert.ok(vscode.languages.getDiagnostics(fileUri('moved/hartman-logistics/plan.yaml')).length > 0);
    } finally {
      fs.renameSync(to.fsPath, from.fsPath);
    }
    await waitFor('the project back in place', [api.onDidUpdate], () => has(projectDir(HARTMAN))() && !has(movedDir)());
  });

  it('Validate Workspace re-scans and keeps the same projects', async function () {
    await vscode.commands.executeCommand(COMMANDS.workspaceValidate);
    assert.equal(api.projects().length, 2);
    await vscode.commands.executeCommand(COMMANDS.projectsRefresh);
    assert.equal(api.projects().length, 2);
  });

  it('a command that fails reports it and resolves instead of rejecting; an argument it cannot use does nothing', async function () {
    const missing = fileUri('no-such-folder/plan.yaml');
    // Opening a file that does not exist throws inside the command: the CommandManager logs it,
    // shows one error message and resolves to the command's failure result (undefined).
    assert.equal(await vscode.commands.executeCommand(COMMANDS.documentOpen, missing), undefined);
    assert.equal(await vscode.commands.executeCommand(COMMANDS.documentOpen, missing.toString()), undefined);
    assert.notEqual(vscode.window.activeTextEditor?.document.uri.toString(), missing.toString());
    // Arguments of the wrong type are dropped by the parsers.
    assert.equal(await vscode.commands.executeCommand(COMMANDS.documentOpen, 42), undefined);
    assert.equal(await vscode.commands.executeCommand(COMMANDS.portfolioReveal, { not: 'a folder' }), undefined);
    assert.equal(await vscode.commands.executeCommand(COMMANDS.projectAdvancePhase, { dir: 'file:///no/such/project' }), false);
  });
});
