// Untitled documents in the real VS Code (src/extension/projects/untitledDiagnostics.ts): an
// unsaved YAML draft with plan content gets its diagnostics before it has a name, and loses them
// when it is closed. Every wait is for the diagnostics event, with a timeout.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateForTests, codeOf, restoreAutoSave, waitFor } from './helpers';

const PLAN = [
  'method: hybrid', //          1
  'version: "0.1"', //          2
  'goal: Work safely.', //      3
  'stages:', //                 4
  '  - id: init', //            5
  '    name: Initiation', //    6
  '    start: 2026-09', //      7
  '    end: 2026-07', //        8: ends before it starts
  '    approach: prince2', //   9
  '    type: initiation', //    10
  '    deliverables: [Brief]', // 11
  '    owner: nobody', //       12: no register to check it against
  '    colour: red', //         13: not in the format
  '',
].join('\n');

describe('untitled documents', () => {
  before(async () => {
    await activateForTests();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await restoreAutoSave();
  });

  it('an unsaved YAML draft with plan content gets schema and plan-rule diagnostics, and loses them when closed', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: PLAN });
    assert.equal(document.uri.scheme, 'untitled');
    await vscode.window.showTextDocument(document);
    const seen = (): string => JSON.stringify(vscode.languages.getDiagnostics(document.uri).map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`));
    await waitFor('diagnostics on the untitled plan', [vscode.languages.onDidChangeDiagnostics], () => vscode.languages.getDiagnostics(document.uri).length >= 3, seen);
    // A single-document rule (no history entry for 0.1) runs too; cross-file rules (the owner) skip.
    assert.deepEqual(JSON.parse(seen()), ['plan.version-not-in-history@1:9-1:14', 'plan.stage-ends-before-start@7:9-7:16', 'schema.additionalProperties@12:4-12:10']);

    // Typing the fix clears the rule finding.
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(7, 9, 7, 16), '2026-12');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the rule finding gone', [vscode.languages.onDidChangeDiagnostics], () => vscode.languages.getDiagnostics(document.uri).length === 2, seen);
    assert.deepEqual(JSON.parse(seen()), ['plan.version-not-in-history@1:9-1:14', 'schema.additionalProperties@12:4-12:10']);

    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('the diagnostics cleared on close', [vscode.languages.onDidChangeDiagnostics], () => vscode.languages.getDiagnostics(document.uri).length === 0, seen);
  });

  it('leaves other untitled YAML alone', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: 'version: "3"\nservices:\n  web: { image: nginx }\n  bad: [\n' });
    await vscode.window.showTextDocument(document);
    const plan = await vscode.workspace.openTextDocument({ language: 'yaml', content: 'stages: 3\n' });
    await vscode.window.showTextDocument(plan);
    // The plan draft opened after it gets its finding; by then the other draft was checked too.
    await waitFor('the second draft checked', [vscode.languages.onDidChangeDiagnostics], () => vscode.languages.getDiagnostics(plan.uri).length > 0);
    assert.deepEqual(vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'msp-docs'), []);
  });
});
