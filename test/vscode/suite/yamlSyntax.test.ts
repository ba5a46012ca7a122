// `mspDocs.validation.yamlSyntax` in a real VS Code: with `never` the YAML syntax error of a
// document leaves the Problems panel while its schema error stays; back to the default (`auto`,
// and Red Hat YAML is not installed here) it returns. Red Hat YAML being present is decided by
// `src/extension/projects/yamlSyntax.ts` (unit-tested in test/unit/yamlSyntax.test.ts with an
// injected host). Waits for events with timeouts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEKKER, fileUri, waitFor, activateForTests, restoreAutoSave } from './helpers';
import { REDHAT_YAML_EXTENSION, SETTINGS } from '../../../src/extension/common/settings';

describe('YAML syntax errors: mspDocs.validation.yamlSyntax', function () {
  const plan = (): vscode.Uri => fileUri(`${DEKKER}/plan.yaml`);
  const seen = (): string[] => vscode.languages.getDiagnostics(plan()).map((d) => String(typeof d.code === 'object' ? d.code.value : d.code));
  const explain = (): string => JSON.stringify(seen());

  before(async function () {
    await activateForTests();
  });

  after(async function () {
    await vscode.workspace.getConfiguration().update(SETTINGS.validationYamlSyntax, undefined, vscode.ConfigurationTarget.Global);
    await vscode.window.showTextDocument(plan());
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await restoreAutoSave();
    await waitFor('plan.yaml clean again', [vscode.languages.onDidChangeDiagnostics], () => seen().length === 0, explain);
  });

  it('never hides the syntax error and keeps the schema error; the default shows it again', async function () {
    assert.equal(vscode.extensions.getExtension(REDHAT_YAML_EXTENSION), undefined, 'this test expects Red Hat YAML absent');
    const editor = await vscode.window.showTextDocument(plan());
    const text = editor.document.getText();
    const edit = new vscode.WorkspaceEdit();
    // A second `method:` key (a syntax error) and a wrong approach (a schema error).
    edit.insert(plan(), editor.document.positionAt(text.indexOf('version:')), 'method: hybrid\n');
    const approach = text.indexOf('approach: prince2') + 'approach: '.length;
    edit.replace(plan(), new vscode.Range(editor.document.positionAt(approach), editor.document.positionAt(approach + 'prince2'.length)), 'waterfall');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('both errors', [vscode.languages.onDidChangeDiagnostics], () => seen().includes('yaml.duplicate-key') && seen().includes('schema.enum'), explain);

    await vscode.workspace.getConfiguration().update(SETTINGS.validationYamlSyntax, 'never', vscode.ConfigurationTarget.Global);
    await waitFor('the syntax error gone, the schema error kept', [vscode.languages.onDidChangeDiagnostics], () => !seen().includes('yaml.duplicate-key') && seen().includes('schema.enum'), explain);

    await vscode.workspace.getConfiguration().update(SETTINGS.validationYamlSyntax, undefined, vscode.ConfigurationTarget.Global);
    await waitFor('the syntax error back under auto', [vscode.languages.onDidChangeDiagnostics], () => seen().includes('yaml.duplicate-key') && seen().includes('schema.enum'), explain);
  });
});
