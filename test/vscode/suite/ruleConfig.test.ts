// The method-rule configuration in a real VS Code: the `mspDocs.rules` setting and a
// `.msp-docs.json` in the project folder (which wins per code) change the published diagnostics
// at once, and removing them brings the defaults back. Waits for events with timeouts.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { MspDocsApi } from '../../../src/extension/api';

const EXTENSION_ID = 'msp-docs.msp-project-docs';
const DEKKER = 'clients/dekker-accountants';

function fileUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is not open');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

function waitFor(what: string, events: vscode.Event<unknown>[], check: () => boolean, explain?: () => string, timeoutMs = 15000): Promise<void> {
  return new Promise((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    const done = (error?: Error): void => {
      clearTimeout(timer);
      subscriptions.forEach((s) => s.dispose());
      if (error) reject(error);
      else resolve();
    };
    const test = (): void => {
      try {
        if (check()) done();
      } catch (error) {
        done(error as Error);
      }
    };
    const timer = setTimeout(() => done(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${explain ? `; last seen: ${explain()}` : ''}`)), timeoutMs);
    for (const event of events) subscriptions.push(event(test));
    test();
  });
}

describe('rule configuration: mspDocs.rules and .msp-docs.json', function () {
  const plan = (): vscode.Uri => fileUri(`${DEKKER}/plan.yaml`);
  const configFile = (): vscode.Uri => fileUri(`${DEKKER}/.msp-docs.json`);
  const seen = (): string =>
    JSON.stringify(vscode.languages.getDiagnostics(plan()).map((d) => `${String(typeof d.code === 'object' ? d.code.value : d.code)}:${vscode.DiagnosticSeverity[d.severity]}`));
  const has = (entry: string) => (): boolean => JSON.parse(seen()).includes(entry);

  before(async function () {
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    await vscode.extensions.getExtension<MspDocsApi>(EXTENSION_ID)!.activate();
  });

  after(async function () {
    // Throw the edit away first (the file on disk was never written): resetting autoSave to the
    // browser's default would save a dirty buffer at once.
    await vscode.window.showTextDocument(plan());
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    fs.rmSync(configFile().fsPath, { force: true });
    await vscode.workspace.getConfiguration('mspDocs').update('rules', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Global);
    await waitFor('plan.yaml clean again', [vscode.languages.onDidChangeDiagnostics], () => seen() === '[]', seen);
  });

  it('follows the setting, then the file, which wins, and falls back when the file goes', async function () {
    const editor = await vscode.window.showTextDocument(plan());
    const offset = editor.document.getText().indexOf('start: 2026-10');
    assert.ok(offset >= 0);
    const edit = new vscode.WorkspaceEdit();
    const at = editor.document.positionAt(offset + 'start: 2026-10'.length);
    edit.insert(plan(), at, '-15');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the default warning', [vscode.languages.onDidChangeDiagnostics], has('plan.day-instead-of-month:Warning'), seen);

    await vscode.workspace.getConfiguration('mspDocs').update('rules', { 'plan.day-instead-of-month': 'error' }, vscode.ConfigurationTarget.Global);
    await waitFor('an error from the setting', [vscode.languages.onDidChangeDiagnostics], has('plan.day-instead-of-month:Error'), seen);

    fs.writeFileSync(configFile().fsPath, JSON.stringify({ rules: { 'plan.day-instead-of-month': 'off' } }));
    await waitFor('the rule off by the file, the schema error back', [vscode.languages.onDidChangeDiagnostics], () => has('schema.pattern:Error')() && !has('plan.day-instead-of-month:Error')(), seen);

    fs.rmSync(configFile().fsPath);
    await waitFor('the setting again', [vscode.languages.onDidChangeDiagnostics], has('plan.day-instead-of-month:Error'), seen);
  });
});
