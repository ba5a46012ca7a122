// Integration tests of the A4 preview and the export in a real VS Code. The webview runs in the
// harness's Chromium, so the page is really laid out and measured there. Every test leaves the
// workspace as it found it (the suites share one copy); every wait is for an event with a timeout.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MspDocsApi } from '../../../src/extension/api';
import JSZip from 'jszip';
import type { ExportResult } from '../../../src/extension/preview/exportCommand';
import type { WordExportResult } from '../../../src/extension/preview/exportWordCommand';
import { DEKKER, HARTMAN, fileUri, codeOf, waitFor, activateForTests, previewShows, restoreAutoSave, revertAndCloseAll } from './helpers';
import { COMMANDS } from '../../../src/extension/common/commands';
import { SETTINGS } from '../../../src/extension/common/settings';
import { solidPng } from '../../unit/png';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** `count` stages, as plan.yaml list items (indented under `stages:`). */
function stages(count: number): string {
  let text = '';
  for (let i = 1; i <= count; i++) {
    text +=
      `  - id: extra-${i}\n    name: Additional workstream number ${i}\n    start: 2026-09\n    end: 2027-02\n` +
      `    approach: agile\n    type: other\n    deliverables:\n      - First deliverable of workstream ${i}\n      - Second deliverable\n`;
  }
  return text;
}

/** Pages of a PDF from Chromium (its page objects are not compressed). */
function pdfPageCount(file: string): number {
  return (fs.readFileSync(file).toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

describe('A4 preview and export', function () {
  this.timeout(60000);
  let api: MspDocsApi;
  const dekker = (): string => fileUri(DEKKER).toString();

  /** The preview's tab, if open. */
  function previewTab(): vscode.Tab | undefined {
    return vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('mspDocs.preview'));
  }

  function overflowWarning(uri: vscode.Uri): vscode.Diagnostic | undefined {
    return vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'plan.overflows-a4');
  }

  before(async function () {
    api = await activateForTests();
  });

  after(async function () {
    await restoreAutoSave();
    await vscode.workspace.getConfiguration().update(SETTINGS.browserPath, undefined, vscode.ConfigurationTarget.Global);
  });

  afterEach(async function () {
    await revertAndCloseAll();
    await api.whenIdle();
  });

  it('opens beside the editor, follows typing in scope.yaml and the active project', async function () {
    const scope = fileUri(`${DEKKER}/scope.yaml`);
    const editor = await vscode.window.showTextDocument(scope);
    await vscode.commands.executeCommand(COMMANDS.previewOpen);
    await previewShows(api, dekker(), 'the sample in the preview', (html) => /Move to Microsoft 365/.test(html));
    const tab = previewTab();
    assert.ok(tab, 'no preview tab');
    assert.equal(tab.group.viewColumn, vscode.ViewColumn.Two, 'the preview is not beside the editor');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), scope.toString(), 'the preview took the focus');
    const first = api.preview.lastMeasurement()!.measurement;
    assert.equal(first.fits, true, `the sample overflows by ${first.overflowMm} mm`);
    assert.ok(first.contentHeightMm > 200 && first.contentHeightMm <= first.availableHeightMm + 0.2, `content ${first.contentHeightMm} mm`);
    assert.deepEqual(first.sections.map((s) => s.id), ['title', 'background', 'scope', 'approach', 'stakeholders', 'risks', 'revisions']);

    // An unsaved edit reaches the preview.
    const offset = editor.document.getText().indexOf('Exchange Online');
    assert.ok(offset > 0);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(scope, new vscode.Range(editor.document.positionAt(offset), editor.document.positionAt(offset + 'Exchange Online'.length)), 'Quantum Mail Cloud');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await previewShows(api, dekker(), 'the edited scope item in the preview', (html) => /Quantum Mail Cloud/.test(html));
    assert.ok(editor.document.isDirty);

    // Another project's document becomes active: the preview turns to that project.
    await vscode.window.showTextDocument(fileUri(`${HARTMAN}/plan.yaml`), { viewColumn: vscode.ViewColumn.One });
    await previewShows(api, fileUri(HARTMAN).toString(), 'the preview to follow the active project', (html) => /Hartman/.test(html));
    assert.equal(previewTab()?.group.viewColumn, vscode.ViewColumn.Two);
  });

  it('shows local images of Markdown fields (webview resources, measured with their height); remote ones stay placeholders', async function () {
    const plan = fileUri(`${DEKKER}/plan.yaml`);
    const image = fileUri(`${DEKKER}/img/diagram.png`).fsPath;
    fs.mkdirSync(path.dirname(image), { recursive: true });
    fs.writeFileSync(image, solidPng(600, 300));
    try {
      const editor = await vscode.window.showTextDocument(plan);
      await vscode.commands.executeCommand(COMMANDS.previewOpen, { dir: dekker(), type: 'project', id: dekker() });
      await previewShows(api, dekker(), 'the sample in the preview');
      const height = (): number => api.preview.lastMeasurement()?.measurement.sections.find((s) => s.id === 'background')?.heightMm ?? NaN;
      const before = height();

      const line = editor.document.getText().split('\n').indexOf('summary: >-') + 1;
      assert.ok(line > 0);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(plan, editor.document.lineAt(line).range.end, ' ![Network diagram](img/diagram.png) ![Remote chart](https://example.com/chart.png)');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await previewShows(api, dekker(), 'the preview with the images', (html) => /Remote chart/.test(html));
      const html = api.preview.lastUpdate()!.html;
      // The local file as a webview resource (never its bytes in the message), the remote one as text.
      assert.match(html, /<img class="md-image" src="https:\/\/[^"]*vscode-(?:resource|cdn)[^"]*\/img\/diagram\.png" alt="Network diagram">/);
      assert.match(html, /<span class="md-image-missing" title="https:\/\/example\.com\/chart\.png">Remote chart<\/span>/);
      assert.doesNotMatch(html, /src="https:\/\/example\.com|data:image\/png/);
      // The webview loaded the file: its section grew by the image's height (at most 60 mm high).
      const grown = height() - before;
      assert.ok(grown > 25 && grown < 70, `the background section grew by ${grown.toFixed(1)} mm`);
      await vscode.commands.executeCommand('undo');
      await previewShows(api, dekker(), 'the preview after undo');
      await waitFor('the preview without the images', [api.preview.onDidMeasure], () => !/Remote chart/.test(api.preview.lastUpdate()?.html ?? '') && api.preview.lastMeasurement()?.renderId === api.preview.lastUpdate()?.renderId);
    } finally {
      fs.rmSync(path.dirname(image), { recursive: true, force: true });
    }
  });

  it('warns on plan.yaml while the proposal overflows one page, until undo or closing the preview', async function () {
    const plan = fileUri(`${DEKKER}/plan.yaml`);
    const editor = await vscode.window.showTextDocument(plan);
    await vscode.commands.executeCommand(COMMANDS.previewOpen, { dir: dekker(), type: 'project', id: dekker() });
    await previewShows(api, dekker(), 'the sample in the preview');
    assert.equal(overflowWarning(plan), undefined);

    const stagesLine = editor.document.getText().split('\n').indexOf('stages:');
    assert.ok(stagesLine > 0);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(plan, new vscode.Position(stagesLine + 1, 0), stages(40));
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the overflow warning on plan.yaml', [vscode.languages.onDidChangeDiagnostics], () => !!overflowWarning(plan), () => JSON.stringify(api.preview.lastMeasurement()?.measurement));
    const warning = overflowWarning(plan)!;
    const measurement = api.preview.lastMeasurement()!.measurement;
    assert.equal(measurement.fits, false);
    assert.ok(measurement.overflowMm > 50, `overflow ${measurement.overflowMm} mm`);
    assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(warning.source, 'msp-docs');
    assert.ok(warning.range.isEqual(new vscode.Range(stagesLine, 0, stagesLine, 6)), `range ${JSON.stringify(warning.range)}`);
    assert.ok(warning.message.includes(`${measurement.overflowMm.toFixed(1)} mm (${measurement.overflowPercent.toFixed(1)} %)`), warning.message);
    assert.match(warning.message, /Longest sections: Approach and timeline \d+\.\d mm/);
    const report = api.projects().find((p) => p.dir === dekker());
    assert.equal(report?.warnings, 1, 'the warning is not counted in the project');

    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await vscode.commands.executeCommand('undo');
    await waitFor('no overflow warning after undo', [vscode.languages.onDidChangeDiagnostics], () => !overflowWarning(plan));
    assert.equal(api.preview.lastMeasurement()?.measurement.fits, true);

    await vscode.commands.executeCommand('redo');
    await waitFor('the overflow warning after redo', [vscode.languages.onDidChangeDiagnostics], () => !!overflowWarning(plan));
    const tab = previewTab();
    assert.ok(tab);
    await vscode.window.tabGroups.close(tab);
    await waitFor('no overflow warning once the preview is closed', [vscode.languages.onDidChangeDiagnostics], () => !overflowWarning(plan));
    assert.equal(api.preview.project(), undefined);
  });

  it('one keystroke in an overflowing plan gives one validation, one publication and one render', async function () {
    const plan = fileUri(`${DEKKER}/plan.yaml`);
    const editor = await vscode.window.showTextDocument(plan);
    await vscode.commands.executeCommand('mspDocs.preview.open', { dir: dekker(), type: 'project', id: dekker() });
    await previewShows(api, dekker(), 'the sample in the preview');
    await api.whenIdle();

    // Counts what the project's index, the Problems panel and the preview do from here on.
    // VS Code reports diagnostics changes debounced: `unpublished` says that a validation of the
    // project has not been followed by a diagnostics event for plan.yaml yet.
    const counted = { validations: 0, publications: 0, renders: [] as string[] };
    let unpublished = false;
    const subscriptions = [
      api.onDidUpdate((change) => {
        if (change.dir !== dekker()) return;
        counted.validations++;
        unpublished = true;
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (!e.uris.some((u) => u.toString() === plan.toString())) return;
        counted.publications++;
        unpublished = false;
      }),
      api.preview.onDidUpdate((update) => update.project === dekker() && counted.renders.push(update.html)),
    ];
    const reset = (): void => {
      counted.validations = 0;
      counted.publications = 0;
      counted.renders = [];
    };
    /** Waits for the render of an edit, its measurement, and whatever validation that brings. */
    const settled = async (what: string): Promise<void> => {
      await waitFor(what, [api.preview.onDidUpdate, api.preview.onDidMeasure], () => counted.renders.length > 0 && api.preview.lastMeasurement()?.renderId === api.preview.lastUpdate()?.renderId);
      await api.whenIdle();
      await waitFor(`the diagnostics after ${what}`, [vscode.languages.onDidChangeDiagnostics], () => !unpublished, () => JSON.stringify(counted));
    };
    try {
      // 40 more stages: far over one page whatever the fonts. The edit is validated with the
      // measurement before it; the new measurement differs, so the project is validated once more
      // (now with the warning), but the page is the same and the preview does not render again.
      const stagesLine = editor.document.getText().split('\n').indexOf('stages:');
      assert.ok(stagesLine > 0);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(plan, new vscode.Position(stagesLine + 1, 0), stages(40));
      assert.ok(await vscode.workspace.applyEdit(edit));
      await settled('the 40 stages in the preview');
      assert.ok(api.preview.lastMeasurement()!.measurement.overflowMm > 50, JSON.stringify(api.preview.lastMeasurement()?.measurement));
      assert.ok(overflowWarning(plan)!.range.isEqual(new vscode.Range(stagesLine, 0, stagesLine, 6)));
      assert.deepEqual([counted.validations, counted.renders.length], [2, 1], 'validations and renders of the first overflow');

      // One keystroke in a deliverable: the timeline's tooltip changes, its layout does not.
      const line = editor.document.getText().split('\n').indexOf('      - First deliverable of workstream 1');
      assert.ok(line > stagesLine);
      const end = editor.document.lineAt(line).range.end;
      await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
      editor.selection = new vscode.Selection(end, end);
      const measurement = api.preview.lastMeasurement()!.measurement;
      const message = overflowWarning(plan)!.message;
      reset();
      await vscode.commands.executeCommand('type', { text: 'x' });
      assert.equal(editor.document.lineAt(line).text, '      - First deliverable of workstream 1x');
      await settled('the keystroke in the preview');
      assert.deepEqual(api.preview.lastMeasurement()!.measurement, measurement, 'the keystroke changed the measurement');
      assert.equal(counted.renders.length, 1, 'renders of the keystroke');
      assert.match(counted.renders[0], /workstream 1x/);
      assert.equal(counted.validations, 1, 'validations of the keystroke');
      assert.equal(counted.publications, 1, 'publications of plan.yaml for the keystroke');
      assert.equal(overflowWarning(plan)?.message, message);
    } finally {
      subscriptions.forEach((s) => s.dispose());
    }
    const tab = previewTab();
    assert.ok(tab);
    await vscode.window.tabGroups.close(tab);
    await waitFor('no overflow warning once the preview is closed', [vscode.languages.onDidChangeDiagnostics], () => !overflowWarning(plan));
  });

  it('exports HTML and a one-page PDF, and overwrites only when told to', async function () {
    await vscode.workspace.getConfiguration().update(SETTINGS.browserPath, CHROMIUM, vscode.ConfigurationTarget.Global);
    const exportsDir = fileUri(`${DEKKER}/exports`);
    const html = fileUri(`${DEKKER}/exports/dekker-m365-v0.3.html`);
    const pdf = fileUri(`${DEKKER}/exports/dekker-m365-v0.3.pdf`);
    try {
      const first = await vscode.commands.executeCommand<ExportResult>(COMMANDS.previewExport, { project: dekker() });
      assert.deepEqual(first, { status: 'exported', html: html.toString(), pdf: pdf.toString() });
      const page = fs.readFileSync(html.fsPath, 'utf8');
      assert.match(page, /^<!DOCTYPE html>/);
      assert.match(page, /Content-Security-Policy" content="default-src 'none'/);
      assert.match(page, /Move to Microsoft 365/);
      assert.doesNotMatch(page, /<script|<link /);
      assert.equal(fs.readFileSync(pdf.fsPath).subarray(0, 5).toString('latin1'), '%PDF-');
      assert.equal(pdfPageCount(pdf.fsPath), 1);

      const before = [fs.statSync(html.fsPath).mtimeMs, fs.statSync(pdf.fsPath).mtimeMs];
      const kept = await vscode.commands.executeCommand<ExportResult>(COMMANDS.previewExport, { project: dekker(), overwrite: false });
      assert.deepEqual(kept, { status: 'cancelled' });
      assert.deepEqual([fs.statSync(html.fsPath).mtimeMs, fs.statSync(pdf.fsPath).mtimeMs], before);

      const again = await vscode.commands.executeCommand<ExportResult>(COMMANDS.previewExport, { project: fileUri(`${DEKKER}/plan.yaml`).toString(), overwrite: true });
      assert.equal(again?.status, 'exported');
      assert.ok(fs.statSync(html.fsPath).mtimeMs > before[0] && fs.statSync(pdf.fsPath).mtimeMs > before[1], 'not overwritten');
    } finally {
      fs.rmSync(exportsDir.fsPath, { recursive: true, force: true });
    }
  });

  it('export never replaces an HTML file created after its check without asking (overwrite: false keeps it)', async function () {
    await vscode.workspace.getConfiguration().update(SETTINGS.browserPath, '/nonexistent/chromium', vscode.ConfigurationTarget.Global);
    const exportsDir = fileUri(`${DEKKER}/exports`);
    const html = fileUri(`${DEKKER}/exports/dekker-m365-v0.3.html`);
    try {
      const result = await vscode.commands.executeCommand<ExportResult>(COMMANDS.previewExport, {
        project: dekker(),
        overwrite: false,
        beforeWrite: (uri: vscode.Uri) => fs.writeFileSync(uri.fsPath, 'made by someone else'),
      });
      assert.deepEqual(result, { status: 'cancelled' });
      assert.equal(fs.readFileSync(html.fsPath, 'utf8'), 'made by someone else');
    } finally {
      fs.rmSync(exportsDir.fsPath, { recursive: true, force: true });
    }
  });

  it('export never replaces a PDF created after its check without consent: overwrite: false keeps it, overwrite: true replaces it', async function () {
    await vscode.workspace.getConfiguration().update(SETTINGS.browserPath, CHROMIUM, vscode.ConfigurationTarget.Global);
    const exportsDir = fileUri(`${DEKKER}/exports`);
    const html = fileUri(`${DEKKER}/exports/dekker-m365-v0.3.html`);
    const pdf = fileUri(`${DEKKER}/exports/dekker-m365-v0.3.pdf`);
    const planted = Buffer.from('%PDF-1.4 made by someone else\n');
    const hooked: string[] = [];
    // The PDF appears after the check, while the browser prints, just before it is created.
    const plant = (uri: vscode.Uri) => {
      hooked.push(path.basename(uri.fsPath));
      if (uri.fsPath === pdf.fsPath) fs.writeFileSync(uri.fsPath, planted);
    };
    try {
      const kept = await vscode.commands.executeCommand<ExportResult>(COMMANDS.previewExport, { project: dekker(), overwrite: false, beforeWrite: plant });
      assert.deepEqual(kept, { status: 'html-only', html: html.toString() });
      assert.deepEqual(hooked, ['dekker-m365-v0.3.html', 'dekker-m365-v0.3.pdf']);
      assert.deepEqual(fs.readFileSync(pdf.fsPath), planted, 'the PDF made in between is not kept byte for byte');
      assert.match(fs.readFileSync(html.fsPath, 'utf8'), /^<!DOCTYPE html>/);

      fs.rmSync(pdf.fsPath);
      const replaced = await vscode.commands.executeCommand<ExportResult>(COMMANDS.previewExport, { project: dekker(), overwrite: true, beforeWrite: plant });
      assert.deepEqual(replaced, { status: 'exported', html: html.toString(), pdf: pdf.toString() });
      assert.equal(fs.readFileSync(pdf.fsPath).subarray(0, 5).toString('latin1'), '%PDF-');
      assert.notDeepEqual(fs.readFileSync(pdf.fsPath), planted, 'replaced after consent');
    } finally {
      fs.rmSync(exportsDir.fsPath, { recursive: true, force: true });
    }
  });

  it('Export as Word never replaces a .docx created after its check without consent: overwrite: false keeps it, overwrite: true replaces it', async function () {
    const exportsDir = fileUri(`${DEKKER}/exports`);
    const docx = fileUri(`${DEKKER}/exports/dekker-m365-v0.3.docx`);
    const planted = Buffer.from('PK made by someone else');
    const hooked: string[] = [];
    const plant = (uri: vscode.Uri) => {
      hooked.push(path.basename(uri.fsPath));
      fs.writeFileSync(uri.fsPath, planted);
    };
    try {
      assert.ok(!fs.existsSync(docx.fsPath));
      const kept = await vscode.commands.executeCommand<WordExportResult>(COMMANDS.previewExportWord, { project: dekker(), overwrite: false, beforeWrite: plant });
      assert.deepEqual(kept, { status: 'cancelled' });
      assert.deepEqual(hooked, ['dekker-m365-v0.3.docx']);
      assert.deepEqual(fs.readFileSync(docx.fsPath), planted, 'the file made in between is not kept byte for byte');

      fs.rmSync(docx.fsPath);
      const replaced = await vscode.commands.executeCommand<WordExportResult>(COMMANDS.previewExportWord, { project: dekker(), overwrite: true, beforeWrite: plant });
      assert.deepEqual(replaced, { status: 'exported', docx: docx.toString() });
      const written = fs.readFileSync(docx.fsPath);
      assert.notDeepEqual(written, planted, 'replaced after consent');
      assert.ok((await JSZip.loadAsync(written)).file('word/document.xml'), 'a Word document');
    } finally {
      fs.rmSync(exportsDir.fsPath, { recursive: true, force: true });
    }
  });

  it('without a browser, writes the HTML, names the setting and leaves no PDF', async function () {
    await vscode.workspace.getConfiguration().update(SETTINGS.browserPath, '/nonexistent/chromium', vscode.ConfigurationTarget.Global);
    const exportsDir = fileUri(`${DEKKER}/exports`);
    try {
      const result = await vscode.commands.executeCommand<ExportResult>(COMMANDS.previewExport, { project: dekker(), overwrite: true });
      assert.equal(result?.status, 'html-only');
      assert.match(result?.message ?? '', /mspDocs\.browserPath/);
      assert.deepEqual(fs.readdirSync(exportsDir.fsPath), ['dekker-m365-v0.3.html']);
    } finally {
      fs.rmSync(exportsDir.fsPath, { recursive: true, force: true });
    }
  });

  it('when printing fails after the user agreed to overwrite, removes the older PDF and names the setting', async function () {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'msp-fake-browser-'));
    const fake = path.join(tmp, 'chromium');
    fs.writeFileSync(fake, '#!/bin/sh\necho "no display" >&2\nexit 3\n', { mode: 0o755 });
    await vscode.workspace.getConfiguration().update(SETTINGS.browserPath, fake, vscode.ConfigurationTarget.Global);
    const exportsDir = fileUri(`${DEKKER}/exports`);
    try {
      fs.mkdirSync(exportsDir.fsPath, { recursive: true });
      fs.writeFileSync(path.join(exportsDir.fsPath, 'dekker-m365-v0.3.pdf'), '%PDF-1.4 an older export');
      const result = await vscode.commands.executeCommand<ExportResult>(COMMANDS.previewExport, { project: dekker(), overwrite: true });
      assert.equal(result?.status, 'html-only');
      assert.equal(result?.removedStalePdf, true);
      assert.match(result?.message ?? '', /mspDocs\.browserPath/);
      assert.match(result?.message ?? '', /no display/);
      assert.deepEqual(fs.readdirSync(exportsDir.fsPath), ['dekker-m365-v0.3.html']);
    } finally {
      fs.rmSync(exportsDir.fsPath, { recursive: true, force: true });
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
