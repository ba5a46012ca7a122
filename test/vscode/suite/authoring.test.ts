// Integration tests of the authoring help in a real VS Code: quick fixes, completion, hover,
// snippets, New Project, Create Missing Document, Advance Phase and the sample. Runs before
// projects.test.ts on the same workspace copy, so every test leaves the workspace as it found it.
// Every wait is for an event or the index going idle, with a timeout; never a sleep.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MspDocsApi } from '../../../src/extension/api';
import { DEKKER, fileUri, codeOf, codes, waitFor, activateForTests, restoreAutoSave } from './helpers';
import { COMMANDS } from '../../../src/extension/common/commands';

/** The repository, seen from out/test/vscode/suite/ where this file runs. */
const REPO = path.resolve(__dirname, '../../../..');

/** The position just after `needle` on the first line that contains it. */
function endOf(document: vscode.TextDocument, needle: string): vscode.Position {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" not found in ${document.uri.path}`);
  return document.positionAt(offset + needle.length);
}

describe('authoring: quick fixes, completion, hover, snippets, new project', function () {
  let api: MspDocsApi;

  before(async function () {
    api = await activateForTests();
  });

  after(async function () {
    await restoreAutoSave();
  });

  afterEach(async function () {
    // Revert every test edit: unsaved buffers are thrown away, the disk was never written.
    while (vscode.window.activeTextEditor) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await api.whenIdle();
  });

  it('a quick fix replaces a wrong enum value and its diagnostic disappears', async function () {
    const uri = fileUri(`${DEKKER}/stakeholders.yaml`);
    const editor = await vscode.window.showTextDocument(uri);
    const start = endOf(editor.document, 'attitude: ');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(start, start.translate(0, 'supporter'.length)), 'suporter');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const enumError = (): vscode.Diagnostic | undefined => vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'schema.enum');
    await waitFor('a schema.enum diagnostic', [vscode.languages.onDidChangeDiagnostics], () => !!enumError(), () => codes(uri));

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, enumError()!.range, vscode.CodeActionKind.QuickFix.value);
    const ours = actions.filter((a) => a.title.startsWith('Change to'));
    assert.equal(ours.length, 5, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(ours[0].title, 'Change to "supporter"');
    assert.equal(ours[0].isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(ours[0].edit!));
    await waitFor('no diagnostics after the fix', [vscode.languages.onDidChangeDiagnostics], () => vscode.languages.getDiagnostics(uri).length === 0, () => codes(uri));
    assert.equal(editor.document.lineAt(start.line).text, '    attitude: supporter');
  });

  it('completion offers the enum values of attitude', async function () {
    const document = await vscode.workspace.openTextDocument(fileUri(`${DEKKER}/stakeholders.yaml`));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, endOf(document, 'attitude: '));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const value of ['champion', 'supporter', 'neutral', 'critical', 'opponent']) assert.ok(labels.includes(value), `${value} missing from ${JSON.stringify(labels)}`);
  });

  it('hover shows the description of a key', async function () {
    const document = await vscode.workspace.openTextDocument(fileUri(`${DEKKER}/stakeholders.yaml`));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, endOf(document, 'atti'));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Stance towards the project/);
    assert.match(text, /Allowed values: `champion`/);
  });

  it('a snippet from snippets/*.json inserts and the document still validates', async function () {
    const snippets = JSON.parse(fs.readFileSync(path.join(REPO, 'snippets/yaml.en.json'), 'utf8')) as Record<string, { prefix: string[]; body: string[] }>;
    const stakeholder = Object.values(snippets).find((s) => s.prefix.includes('msp-stakeholder'));
    assert.ok(stakeholder);
    const uri = fileUri(`${DEKKER}/stakeholders.yaml`);
    const editor = await vscode.window.showTextDocument(uri);
    const at = endOf(editor.document, 'stakeholders:\n  ');
    assert.ok(await editor.insertSnippet(new vscode.SnippetString(stakeholder.body.join('\n')), at));
    assert.match(editor.document.getText(), /^ {2}- id: stakeholder-id\n {4}name: Name\n/m);
    const dir = vscode.Uri.joinPath(uri, '..').toString();
    const ids = (): string[] => ((api.projects().find((p) => p.dir === dir)?.documents.stakeholders.data as { stakeholders?: Array<{ id: string }> })?.stakeholders ?? []).map((s) => s.id);
    await waitFor('the new stakeholder in the model', [api.onDidUpdate], () => ids().includes('stakeholder-id'), () => JSON.stringify(ids()));
    const report = api.projects().find((p) => p.dir === dir)!;
    assert.deepEqual(report.documents.stakeholders.diagnostics.map((d) => d.code), []);
    assert.equal(report.errors, 0);
  });

  /**
   * Puts the cursor after `line` (inserted after the line `after`, or typed there when `typed`),
   * opens the suggestions as a user does (Ctrl+Space, or the `-` of `msp-` while typing) and accepts
   * the selected one as Enter does. Waits for the suggest widget by retrying the accept on a 50 ms
   * tick until the document changes (the command does nothing while no suggestion is selected).
   * Returns the document's text after the first change.
   */
  async function acceptSuggestion(relative: string, after: string, line: string, typed?: string): Promise<{ before: string; after: string }> {
    const editor = await vscode.window.showTextDocument(fileUri(relative));
    const at = endOf(editor.document, after);
    assert.ok(await editor.edit((b) => b.insert(at, `\n${line}`)));
    const end = new vscode.Position(at.line + 1, line.length);
    editor.selection = new vscode.Selection(end, end);
    const before = editor.document.getText();
    if (typed) {
      for (const ch of typed) await vscode.commands.executeCommand('type', { text: ch });
    } else {
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
    }
    const typedText = before.slice(0, editor.document.offsetAt(end)) + (typed ?? '') + before.slice(editor.document.offsetAt(end));
    const tick = new vscode.EventEmitter<void>();
    const timer = setInterval(() => tick.fire(), 50);
    try {
      await waitFor(
        'the accepted suggestion',
        [tick.event],
        async () => {
          if (editor.document.getText() !== typedText) return true;
          await vscode.commands.executeCommand('acceptSelectedSuggestion');
          return editor.document.getText() !== typedText;
        },
        () => editor.document.lineAt(end.line).text,
        10000,
      );
    } finally {
      clearInterval(timer);
      tick.dispose();
    }
    return { before: typedText, after: editor.document.getText() };
  }

  for (const [prefix, id] of [['msp-stage', 'stage-id'], ['msp-fase', 'fase-id']] as const) {
    it(`typing ${prefix} and pressing Enter in the suggestions inserts the snippet, not the schema's own item`, async function () {
      const { before, after } = await acceptSuggestion(`${DEKKER}/plan.yaml`, 'stages:', `  ${prefix}`);
      const line = before.split('\n').indexOf(`  ${prefix}`);
      const lines = after.split('\n');
      assert.equal(lines[line], `  - id: ${id}`, after);
      assert.match(lines[line + 1], /^ {4}name: \S/);
      assert.match(lines.slice(line, line + 12).join('\n'), /^ {4}owner: [a-z-]+$/m);
      assert.ok(!after.includes(prefix), 'the prefix stayed');
    });
  }

  it('in intake.md, typing msp- opens the intake questions and Enter inserts one', async function () {
    const { after } = await acceptSuggestion(`${DEKKER}/intake.md`, '# Intake: Dekker & Partners Accountants\n', '', 'msp-intake-doel');
    assert.match(after, /^## Doelen\n/m, after.slice(0, 600));
    assert.ok(!after.includes('msp-intake'), 'the prefix stayed');
  });

  describe('new project, missing document, advance phase', function () {
    const folder = (): vscode.Uri => fileUri('new-projects/integration-test');
    const dir = (): string => folder().toString();
    const report = () => api.projects().find((p) => p.dir === dir());

    after(async function () {
      while (vscode.window.activeTextEditor) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      // Files deleted as the Explorer does (VS Code reports the operation), then the empty folders.
      const remove = new vscode.WorkspaceEdit();
      for (const name of fs.existsSync(folder().fsPath) ? fs.readdirSync(folder().fsPath) : []) remove.deleteFile(vscode.Uri.joinPath(folder(), name));
      assert.ok(await vscode.workspace.applyEdit(remove));
      fs.rmSync(fileUri('new-projects').fsPath, { recursive: true, force: true });
      await waitFor('the test project to leave the model', [api.onDidUpdate], () => !report(), () => JSON.stringify(api.projects().map((p) => p.dir)));
    });

    it('New Project with scripted inputs writes six documents without errors and opens intake.md', async function () {
      const created = await vscode.commands.executeCommand<vscode.Uri | undefined>(COMMANDS.projectNew, {
        client: 'Hartman Logistiek B.V.',
        title: 'Veilig thuiswerken',
        projectManager: 'Sam de Vries',
        language: 'nl',
        folder: folder(),
      });
      assert.equal(created?.toString(), dir());
      const names = fs.readdirSync(folder().fsPath).sort();
      assert.deepEqual(names, ['handover.yaml', 'intake.md', 'plan.yaml', 'project.yaml', 'scope.yaml', 'stakeholders.yaml']);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), vscode.Uri.joinPath(folder(), 'intake.md').toString());
      assert.ok(report(), 'the new project is in the model (and the tree) when the command returns');
      await waitFor('the new project in the model', [api.onDidUpdate], () => !!report(), () => JSON.stringify(api.projects().map((p) => p.dir)));
      await api.whenIdle();
      const project = report()!;
      assert.equal(project.errors, 0, JSON.stringify(Object.values(project.documents).flatMap((d) => d.diagnostics.map((x) => `${d.kind} ${x.code}`))));
      assert.equal(project.language, 'nl');
      assert.equal(project.phase, 'intake');
      assert.ok(Object.values(project.documents).every((d) => d.exists));
      assert.match(fs.readFileSync(vscode.Uri.joinPath(folder(), 'intake.md').fsPath, 'utf8'), /^## Doelen$/m);
    });

    it('New Project never overwrites: the same folder again writes nothing', async function () {
      const manifest = vscode.Uri.joinPath(folder(), 'project.yaml').fsPath;
      const before = fs.readFileSync(manifest, 'utf8');
      const again = await vscode.commands.executeCommand(COMMANDS.projectNew, { client: 'Other', title: 'Other', projectManager: 'X', language: 'en', folder: folder() });
      assert.equal(again, undefined);
      assert.equal(fs.readFileSync(manifest, 'utf8'), before);
    });

    it('New Project never replaces a file created between its check and its write, and leaves nothing half-made', async function () {
      const race = fileUri('new-projects/race');
      let calls = 0;
      let planted = '';
      const created = await vscode.commands.executeCommand(COMMANDS.projectNew, {
        client: 'Race',
        title: 'Race',
        projectManager: 'X',
        language: 'en',
        folder: race,
        // The third document appears just before it is written (another program, a sync client).
        beforeWrite: (uri: vscode.Uri) => {
          if (++calls === 3) {
            planted = uri.path.slice(uri.path.lastIndexOf('/') + 1);
            fs.writeFileSync(uri.fsPath, 'made by someone else\n');
          }
        },
      });
      assert.equal(created, undefined);
      assert.ok(planted, 'the hook did not run three times');
      assert.deepEqual(fs.readdirSync(race.fsPath), [planted], 'the two documents written before are removed again');
      assert.equal(fs.readFileSync(vscode.Uri.joinPath(race, planted).fsPath, 'utf8'), 'made by someone else\n');
    });

    it('Create Missing Document writes a deleted document from the template in the project\'s language', async function () {
      const plan = vscode.Uri.joinPath(folder(), 'plan.yaml');
      // Deleted as the Explorer does (a file operation VS Code reports), not behind its back.
      const remove = new vscode.WorkspaceEdit();
      remove.deleteFile(plan);
      assert.ok(await vscode.workspace.applyEdit(remove));
      await waitFor('plan.yaml missing', [api.onDidUpdate], () => report()?.documents.plan.state === 'missing', () => `${String(report()?.documents.plan.state)} ${JSON.stringify(vscode.workspace.textDocuments.map((d) => d.uri.toString()))}`);
      const created = await vscode.commands.executeCommand<vscode.Uri | undefined>(COMMANDS.documentCreate, { dir: dir(), kind: 'plan' });
      assert.equal(created?.toString(), plan.toString());
      assert.match(fs.readFileSync(plan.fsPath, 'utf8'), /name: Initiatie/);
      assert.equal(report()?.documents.plan.exists, true, 'plan.yaml is back in the model when the command returns');
      await waitFor('plan.yaml back without problems', [api.onDidUpdate], () => report()?.documents.plan.state === 'ok', () => String(report()?.documents.plan.state));
    });

    it('Create Missing Document never replaces a file created between its check and its write', async function () {
      const handover = vscode.Uri.joinPath(folder(), 'handover.yaml');
      const original = fs.readFileSync(handover.fsPath);
      const state = report()?.documents.handover.state;
      const remove = new vscode.WorkspaceEdit();
      remove.deleteFile(handover);
      assert.ok(await vscode.workspace.applyEdit(remove));
      await waitFor('handover.yaml missing', [api.onDidUpdate], () => report()?.documents.handover.state === 'missing', () => String(report()?.documents.handover.state), 8000);
      const planted = Buffer.from('# made by someone else\r\nkeep: me\n');
      const hooked: string[] = [];
      try {
        // The document appears after the command found it missing, just before it is created.
        const created = await vscode.commands.executeCommand(COMMANDS.documentCreate, {
          dir: dir(),
          kind: 'handover',
          beforeWrite: (uri: vscode.Uri) => {
            hooked.push(uri.toString());
            fs.writeFileSync(uri.fsPath, planted);
          },
        });
        assert.equal(created, undefined);
        assert.deepEqual(hooked, [handover.toString()]);
        assert.deepEqual(fs.readFileSync(handover.fsPath), planted, 'the file made in between is not kept byte for byte');
      } finally {
        // Put back as the Explorer would (file operations VS Code reports), not behind its back.
        const drop = new vscode.WorkspaceEdit();
        drop.deleteFile(handover, { ignoreIfNotExists: true });
        assert.ok(await vscode.workspace.applyEdit(drop));
        const restore = new vscode.WorkspaceEdit();
        restore.createFile(handover, { contents: original });
        assert.ok(await vscode.workspace.applyEdit(restore));
        await waitFor('handover.yaml as before', [api.onDidUpdate], () => report()?.documents.handover.state === state, () => `${String(report()?.documents.handover.state)}, not ${String(state)}`, 8000);
      }
    });

    it('Advance Phase refuses while the phase has errors, then changes only the phase value', async function () {
      const intake = await vscode.window.showTextDocument(vscode.Uri.joinPath(folder(), 'intake.md'));
      const date = endOf(intake.document, 'date: ');
      const breakIt = new vscode.WorkspaceEdit();
      breakIt.replace(intake.document.uri, new vscode.Range(date, date.translate(0, 10)), 'yesterday');
      assert.ok(await vscode.workspace.applyEdit(breakIt));
      await waitFor('an error in intake.md', [api.onDidUpdate], () => report()?.documents.intake.state === 'errors');
      assert.equal(await vscode.commands.executeCommand(COMMANDS.projectAdvancePhase, { dir: dir() }), false);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await waitFor('intake.md valid again', [api.onDidUpdate], () => report()?.documents.intake.state === 'ok');

      const manifest = vscode.Uri.joinPath(folder(), 'project.yaml');
      const before = fs.readFileSync(manifest.fsPath, 'utf8');
      // The intake is the untouched template: no answers. Told to stay, the project stays (by
      // default a modal asks); with one answer typed into the open intake, it moves on.
      assert.equal(await vscode.commands.executeCommand(COMMANDS.projectAdvancePhase, { dir: dir(), unansweredIntake: 'stay' }), false);
      assert.equal(vscode.workspace.textDocuments.find((d) => d.uri.toString() === manifest.toString())?.isDirty ?? false, false);
      assert.equal(report()?.phase, 'intake');
      const answered = await vscode.window.showTextDocument(vscode.Uri.joinPath(folder(), 'intake.md'));
      const answer = new vscode.WorkspaceEdit();
      answer.insert(answered.document.uri, endOf(answered.document, '\nA:'), ' Safe home working.');
      assert.ok(await vscode.workspace.applyEdit(answer));
      assert.equal(await vscode.commands.executeCommand(COMMANDS.projectAdvancePhase, { dir: dir() }), true);
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === manifest.toString());
      assert.ok(document?.isDirty);
      assert.equal(document.getText(), before.replace('phase: intake', 'phase: scope'));
      await waitFor('the project in phase scope', [api.onDidUpdate], () => report()?.phase === 'scope', () => String(report()?.phase));
    });
  });

  it('Open the Sample Project copies the sample into a chosen folder, never over an existing one', async function () {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'msp-sample-'));
    try {
      const target = await vscode.commands.executeCommand<vscode.Uri | undefined>(COMMANDS.sampleOpen, { folder: vscode.Uri.file(parent), open: false });
      assert.equal(target?.fsPath, path.join(parent, 'dekker-accountants'));
      assert.deepEqual(fs.readdirSync(target.fsPath).sort(), fs.readdirSync(path.join(REPO, 'samples/dekker-accountants')).sort());
      assert.equal(await vscode.commands.executeCommand(COMMANDS.sampleOpen, { folder: vscode.Uri.file(parent), open: false }), undefined);
    } finally {
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });

  it('Open the Sample Project never replaces a folder or file created between its check and its copy', async function () {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'msp-sample-'));
    const target = path.join(parent, 'dekker-accountants');
    const sample = path.join(REPO, 'samples/dekker-accountants');
    const planted = Buffer.from('made by someone else\r\n');
    try {
      // The folder appears (with a file in it) after the check, just before it is created.
      const folderRace = await vscode.commands.executeCommand(COMMANDS.sampleOpen, {
        folder: vscode.Uri.file(parent),
        open: false,
        beforeWrite: (uri: vscode.Uri) => {
          if (uri.fsPath !== target) return;
          fs.mkdirSync(target);
          fs.writeFileSync(path.join(target, 'plan.yaml'), planted);
        },
      });
      assert.equal(folderRace, undefined);
      assert.deepEqual(fs.readdirSync(target), ['plan.yaml'], 'nothing is copied into a folder someone else made');
      assert.deepEqual(fs.readFileSync(path.join(target, 'plan.yaml')), planted);
      fs.rmSync(target, { recursive: true });

      // One document appears just before it is created: it stays, the documents copied before it go.
      const names: string[] = [];
      const fileRace = await vscode.commands.executeCommand(COMMANDS.sampleOpen, {
        folder: vscode.Uri.file(parent),
        open: false,
        beforeWrite: (uri: vscode.Uri) => {
          if (uri.fsPath === target) return;
          names.push(path.basename(uri.fsPath));
          if (names.length === 3) fs.writeFileSync(uri.fsPath, planted);
        },
      });
      assert.equal(fileRace, undefined);
      assert.equal(names.length, 3, `the hook ran for ${names.join(', ')}`);
      assert.deepEqual(fs.readdirSync(target), [names[2]], 'the two documents copied before are removed again');
      assert.deepEqual(fs.readFileSync(path.join(target, names[2])), planted, 'the file made in between is not kept byte for byte');
      fs.rmSync(target, { recursive: true });

      // Without a race, every file is copied byte for byte.
      const copied = await vscode.commands.executeCommand<vscode.Uri | undefined>(COMMANDS.sampleOpen, { folder: vscode.Uri.file(parent), open: false });
      assert.equal(copied?.fsPath, target);
      for (const name of fs.readdirSync(sample)) assert.deepEqual(fs.readFileSync(path.join(target, name)), fs.readFileSync(path.join(sample, name)), name);
    } finally {
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });
});
