// A workspace without projects keeps a quiet Command Palette: started by
// `node test/vscode/run.mjs --empty` on an empty folder. The context key `mspDocs.hasProjects`
// (src/extension/projects/hasProjectsContext.ts) hides the project commands (package.json
// `menus.commandPalette`); the palette is read through the harness's Playwright driver
// (../webviewDriver.ts). A project written into the workspace brings the commands, deleting it
// hides them again. The palette is opened afresh until it shows the expected state (the key has no
// event to wait for), with a deadline.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MspDocsApi } from '../../../../src/extension/api';
import { activateForTests, restoreAutoSave, waitFor, workspaceRoot } from '../helpers';
import { paletteLabels } from '../webviewDriver';

/** Always offered (no `when`): the palette lists are complete once these show. */
const NEW_PROJECT = 'MSP Docs: New Project';
const OPEN_SAMPLE = 'MSP Docs: Open the Sample Project';
/** Project commands, offered only with `mspDocs.hasProjects`. */
const OPEN_PREVIEW = 'MSP Docs: Open A4 Preview';
const OPEN_BOARD = 'MSP Docs: Open Board';

const PROJECT_YAML = 'id: acme-intune\ntitle: Intune for Acme\nclient: Acme\nproject_manager: Sam (MSP)\nphase: intake\nstatus: on-track\nstart: 2026-09\nlanguage: en\n';

/** The palette's "MSP Docs" rows for `text`, read until `holds` accepts them or 15 s pass. */
async function paletteUntil(text: string, expect: string, holds: (labels: string[]) => boolean, what: string): Promise<string[]> {
  const deadline = Date.now() + 15000;
  for (;;) {
    const labels = (await paletteLabels(text, expect)).filter((l) => l.startsWith('MSP Docs:')).sort();
    if (holds(labels)) return labels;
    if (Date.now() > deadline) assert.fail(`the palette did not show ${what}; it shows ${JSON.stringify(labels)}`);
  }
}

describe('a workspace without projects: the quiet palette', function () {
  this.timeout(90000);
  let api: MspDocsApi;
  const folder = (): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), 'acme-intune');

  before(async function () {
    if (!process.env.MSP_DOCS_TEST_EMPTY) this.skip();
    api = await activateForTests();
  });

  after(async function () {
    if (!process.env.MSP_DOCS_TEST_EMPTY) return;
    await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    await restoreAutoSave();
  });

  it('offers only New Project and the sample, the project commands once a project exists, and hides them again when it goes', async function () {
    assert.deepEqual(api.projects(), [], 'the workspace is not empty');
    assert.deepEqual((await vscode.workspace.findFiles('**/*')).length, 0);
    // Every "MSP Docs" command the palette offers without projects.
    const quiet = await paletteUntil('>MSP Docs:', NEW_PROJECT, (l) => l.includes(OPEN_SAMPLE), 'New Project and the sample');
    // (Fewer rows than the list has room for, so every one is drawn: nothing else is offered.)
    assert.deepEqual(quiet, [NEW_PROJECT, OPEN_SAMPLE]);

    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder(), 'project.yaml'), Buffer.from(PROJECT_YAML));
    await waitFor('the new project in the index', [api.onDidUpdate], () => api.projects().length === 1, () => JSON.stringify(api.projects().map((p) => p.dir)));
    // (The palette's fuzzy match also lists other commands for "Open"; these three must be among them.)
    const loud = await paletteUntil('>MSP Docs: Open', OPEN_SAMPLE, (l) => l.includes(OPEN_PREVIEW), 'Open A4 Preview with a project');
    assert.deepEqual([OPEN_PREVIEW, OPEN_BOARD, OPEN_SAMPLE].filter((l) => loud.includes(l)), [OPEN_PREVIEW, OPEN_BOARD, OPEN_SAMPLE]);

    await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false });
    await waitFor('no project in the index', [api.onDidUpdate], () => api.projects().length === 0, () => JSON.stringify(api.projects().map((p) => p.dir)));
    const again = await paletteUntil('>MSP Docs:', NEW_PROJECT, (l) => l.length === 2, 'the project commands hidden again');
    assert.deepEqual(again, [NEW_PROJECT, OPEN_SAMPLE]);
  });
});
