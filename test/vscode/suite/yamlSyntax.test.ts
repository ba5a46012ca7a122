// YAML syntax errors beside Red Hat YAML, in a real VS Code: with `mspDocs.validation.yamlSyntax`
// at `never` the syntax error of a document leaves the Problems panel while its schema error
// stays; under the default `auto`, installing a stand-in registered as `redhat.vscode-yaml`
// (test/vscode/redhat-yaml-standin, packaged here with vsce) does the same, and uninstalling it
// brings the syntax error back. The decision itself is unit-tested in test/unit/yamlSyntax.test.ts.
// Waits for events with timeouts.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { DEKKER, fileUri, waitFor, activateForTests, restoreAutoSave } from './helpers';
import { REDHAT_YAML_EXTENSION, SETTINGS } from '../../../src/extension/common/settings';

/** The repository, seen from out/test/vscode/suite/ where this file runs. */
const REPO = path.resolve(__dirname, '../../../..');

describe('YAML syntax errors: mspDocs.validation.yamlSyntax and Red Hat YAML', function () {
  const plan = (): vscode.Uri => fileUri(`${DEKKER}/plan.yaml`);
  const seen = (): string[] => vscode.languages.getDiagnostics(plan()).map((d) => String(typeof d.code === 'object' ? d.code.value : d.code));
  const explain = (): string => `${JSON.stringify(seen())}; Red Hat YAML ${vscode.extensions.getExtension(REDHAT_YAML_EXTENSION) ? 'present' : 'absent'}`;
  const both = (): boolean => seen().includes('yaml.duplicate-key') && seen().includes('schema.enum');
  const schemaOnly = (): boolean => !seen().includes('yaml.duplicate-key') && seen().includes('schema.enum');

  before(async function () {
    await activateForTests();
    assert.equal(vscode.extensions.getExtension(REDHAT_YAML_EXTENSION), undefined, 'these tests expect Red Hat YAML absent at first');
    const editor = await vscode.window.showTextDocument(plan());
    const text = editor.document.getText();
    const edit = new vscode.WorkspaceEdit();
    // A second `method:` key (a syntax error) and a wrong approach (a schema error).
    edit.insert(plan(), editor.document.positionAt(text.indexOf('version:')), 'method: hybrid\n');
    const approach = text.indexOf('approach: prince2') + 'approach: '.length;
    edit.replace(plan(), new vscode.Range(editor.document.positionAt(approach), editor.document.positionAt(approach + 'prince2'.length)), 'waterfall');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('both errors', [vscode.languages.onDidChangeDiagnostics], both, explain);
  });

  after(async function () {
    await vscode.workspace.getConfiguration().update(SETTINGS.validationYamlSyntax, undefined, vscode.ConfigurationTarget.Global);
    await vscode.window.showTextDocument(plan());
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await restoreAutoSave();
    await waitFor('plan.yaml clean again', [vscode.languages.onDidChangeDiagnostics], () => seen().length === 0, explain);
  });

  it('never hides the syntax error and keeps the schema error; the default shows it again', async function () {
    await vscode.workspace.getConfiguration().update(SETTINGS.validationYamlSyntax, 'never', vscode.ConfigurationTarget.Global);
    await waitFor('the syntax error gone, the schema error kept', [vscode.languages.onDidChangeDiagnostics], schemaOnly, explain);
    await vscode.workspace.getConfiguration().update(SETTINGS.validationYamlSyntax, undefined, vscode.ConfigurationTarget.Global);
    await waitFor('the syntax error back under auto', [vscode.languages.onDidChangeDiagnostics], both, explain);
  });

  it('auto leaves the syntax error to a redhat.vscode-yaml that is installed, and takes it back when it goes', async function () {
    this.timeout(60000);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'msp-redhat-standin-'));
    try {
      const vsix = path.join(out, 'vscode-yaml-0.0.1.vsix');
      // Packaged in a child process, so that the extension host stays responsive (about 4 s).
      await promisify(execFile)(process.execPath, [path.join(REPO, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', vsix], {
        cwd: path.join(REPO, 'test/vscode/redhat-yaml-standin'),
      });
      await vscode.commands.executeCommand('workbench.extensions.installExtension', vscode.Uri.file(vsix));
      await waitFor('the stand-in installed, the syntax error gone, the schema error kept', [vscode.extensions.onDidChange, vscode.languages.onDidChangeDiagnostics], () => !!vscode.extensions.getExtension(REDHAT_YAML_EXTENSION) && schemaOnly(), explain, 30000);
      await vscode.commands.executeCommand('workbench.extensions.uninstallExtension', REDHAT_YAML_EXTENSION);
      await waitFor('the stand-in gone, the syntax error back', [vscode.extensions.onDidChange, vscode.languages.onDidChangeDiagnostics], () => !vscode.extensions.getExtension(REDHAT_YAML_EXTENSION) && both(), explain, 30000);
    } finally {
      if (vscode.extensions.getExtension(REDHAT_YAML_EXTENSION)) await vscode.commands.executeCommand('workbench.extensions.uninstallExtension', REDHAT_YAML_EXTENSION);
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
