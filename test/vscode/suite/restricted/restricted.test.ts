// The extension in Restricted Mode, inside a real VS Code with workspace trust on: started by
// `node test/vscode/run.mjs --restricted` (no `--disable-workspace-trust`, no trust prompt), on a
// temp copy of test/fixtures/workspace whose `.vscode/settings.json` sets `mspDocs.browserPath`
// to a script planted in the workspace that writes MSP_DOCS_TEST_MARKER when it runs.
// package.json declares `capabilities.untrustedWorkspaces` `limited` with `mspDocs.browserPath`
// in `restrictedConfigurations`; printing refuses to run in Restricted Mode
// (src/extension/common/exportFiles.ts, `NeedsTrustError`). Every wait is for an event with a timeout.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MspDocsApi } from '../../../../src/extension/api';
import type { ExportResult } from '../../../../src/extension/preview/exportCommand';
import { COMMANDS } from '../../../../src/extension/common/commands';
import { SETTINGS } from '../../../../src/extension/common/settings';
import { DEKKER, HARTMAN, EXTENSION_ID, fileUri, codeOf, codes, waitFor, activateForTests, restoreAutoSave } from '../helpers';

/** The repository, seen from out/test/vscode/suite/restricted/ where this file runs. */
const REPO = path.resolve(__dirname, '../../../../..');

interface PlantedError {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  code: string;
}

function env(name: string): string {
  const value = process.env[name];
  assert.ok(value, `${name} is not set: run this suite through \`node test/vscode/run.mjs --restricted\``);
  return value;
}

describe('restricted mode: an untrusted workspace', function () {
  let api: MspDocsApi;

  before(async function () {
    api = await activateForTests();
  });

  after(async function () {
    await restoreAutoSave();
  });

  it('is untrusted, and the extension is active in it', function () {
    assert.equal(vscode.workspace.isTrusted, false, 'the workspace is trusted: the restricted run did not keep workspace trust on');
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
  });

  it('publishes every planted error of the fixture', async function () {
    const planted = JSON.parse(fs.readFileSync(path.join(REPO, 'test/fixtures/planted-errors.json'), 'utf8')) as PlantedError[];
    assert.ok(planted.length > 0);
    for (const p of planted) {
      const uri = fileUri(p.file.replace(/^test\/fixtures\/workspace\//, ''));
      const expected = new vscode.Range(p.line - 1, p.column - 1, p.endLine - 1, p.endColumn - 1);
      await waitFor(
        `${p.code} in ${p.file}`,
        [vscode.languages.onDidChangeDiagnostics as vscode.Event<unknown>],
        () => vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === p.code && d.range.isEqual(expected)),
        () => codes(uri),
      );
    }
  });

  it('lists both fixture projects in the Projects tree', async function () {
    const nodes = (await api.tree.getChildren()) ?? [];
    const dirs = nodes.map((n) => n.dir).sort();
    assert.deepEqual(dirs, [fileUri(HARTMAN).toString(), fileUri(DEKKER).toString()].sort());
    const labels = await Promise.all(nodes.map(async (n) => String((await api.tree.getTreeItem(n)).label)));
    assert.ok(labels.some((l) => l.includes('Move to Microsoft 365')), `tree labels: ${JSON.stringify(labels)}`);
  });

  it('does not apply the browser path from the workspace settings', function () {
    const planted = env('MSP_DOCS_TEST_PLANTED_BROWSER');
    const settings = JSON.parse(fs.readFileSync(fileUri('.vscode/settings.json').fsPath, 'utf8')) as Record<string, unknown>;
    assert.equal(settings[SETTINGS.browserPath], planted, 'the workspace settings do not set the planted browser');
    const inspected = vscode.workspace.getConfiguration().inspect<string>(SETTINGS.browserPath);
    assert.ok(inspected, `${SETTINGS.browserPath} is not a known setting`);
    assert.equal(inspected.defaultValue, '');
    assert.notEqual(inspected.workspaceValue, planted);
    assert.notEqual(inspected.workspaceFolderValue, planted);
    assert.equal(vscode.workspace.getConfiguration().get<string>(SETTINGS.browserPath), '');
  });

  it('exports the HTML only, says printing needs trust, and never runs the planted browser', async function () {
    const marker = env('MSP_DOCS_TEST_MARKER');
    const exportsDir = fileUri(`${DEKKER}/exports`);
    try {
      const result = await vscode.commands.executeCommand<ExportResult>(COMMANDS.previewExport, { project: fileUri(DEKKER).toString(), overwrite: true });
      assert.equal(result?.status, 'html-only');
      assert.match(result?.message ?? '', /trusted workspace/);
      assert.match(result?.message ?? '', /Restricted Mode/);
      assert.deepEqual(fs.readdirSync(exportsDir.fsPath), ['dekker-m365-v0.3.html']);
      assert.equal(fs.existsSync(marker), false, 'the browser path from the workspace settings was run');
    } finally {
      fs.rmSync(exportsDir.fsPath, { recursive: true, force: true });
    }
  });
});
