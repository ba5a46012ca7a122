// The method-rule configuration in a real VS Code: the `mspDocs.rules` setting and a
// `.msp-docs.json` in the project folder (which wins per code) change the published diagnostics
// at once, and removing them brings the defaults back. Waits for events with timeouts.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { MspDocsApi } from '../../../src/extension/api';
import { EXTENSION_ID, DEKKER, fileUri, waitFor } from './helpers';
import { SETTINGS } from '../../../src/extension/common/settings';

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
    await vscode.workspace.getConfiguration().update(SETTINGS.rules, undefined, vscode.ConfigurationTarget.Global);
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

    await vscode.workspace.getConfiguration().update(SETTINGS.rules, { 'plan.day-instead-of-month': 'error' }, vscode.ConfigurationTarget.Global);
    await waitFor('an error from the setting', [vscode.languages.onDidChangeDiagnostics], has('plan.day-instead-of-month:Error'), seen);

    fs.writeFileSync(configFile().fsPath, JSON.stringify({ rules: { 'plan.day-instead-of-month': 'off' } }));
    await waitFor('the rule off by the file, the schema error back', [vscode.languages.onDidChangeDiagnostics], () => has('schema.pattern:Error')() && !has('plan.day-instead-of-month:Error')(), seen);

    fs.rmSync(configFile().fsPath);
    await waitFor('the setting again', [vscode.languages.onDidChangeDiagnostics], has('plan.day-instead-of-month:Error'), seen);
  });
});
