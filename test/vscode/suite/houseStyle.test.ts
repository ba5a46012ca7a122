// The house style in a real VS Code: a `.msp-docs.json` with a `style` section, written by the test
// into the sample project's folder and removed after, puts the logo and company into the preview,
// and a bad accent colour is a diagnostic on the file at the value. What the webview draws (the
// accent colour as computed, the footer, the loaded logo) is read through the harness's Playwright
// driver (./webviewDriver.ts), with the style and after it is removed. Every wait is for an event
// with a timeout; the files are removed and the preview closed in `after`.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { MspDocsApi } from '../../../src/extension/api';
import { DEKKER, HARTMAN, fileUri, waitFor, activateForTests, previewShows } from './helpers';
import { COMMANDS } from '../../../src/extension/common/commands';
import { hasDriver, readElement } from './webviewDriver';

const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20"><rect width="40" height="20" fill="#0a5"/></svg>';
const CONFIG = '{\n  "style": {\n    "company": "Testlicht IT",\n    "logo": "test-mark.svg",\n    "accentColor": "#zz0000"\n  }\n}\n';
/** A good style: accent #aa3300 (rgb(170, 51, 0)) and a footer. */
const GOOD = { style: { company: 'Testlicht IT', logo: 'test-mark.svg', accentColor: '#AA3300', footer: 'Testlicht IT · Utrecht' } };
/** The sample's A4 preview document, as the driver's `frame`. */
const PREVIEW = '#msp-page .sheet';
/** The renderer's own accent colour (`--accent` in src/core/render/css.ts). */
const DEFAULT_ACCENT = 'rgb(44, 106, 160)';

describe('house style: .msp-docs.json style in the preview and its diagnostics', function () {
  this.timeout(60000);
  let api: MspDocsApi;
  const configFile = (): vscode.Uri => fileUri(`${DEKKER}/.msp-docs.json`);
  const logoFile = (): vscode.Uri => fileUri(`${DEKKER}/test-mark.svg`);
  const dekker = (): string => fileUri(DEKKER).toString();

  before(async function () {
    api = await activateForTests();
  });

  after(async function () {
    // Leave the preview's last render on another project, so a later test that opens the preview
    // of the sample waits for its own render rather than finding this one.
    const hartman = fileUri(HARTMAN).toString();
    await vscode.commands.executeCommand(COMMANDS.previewOpen, { dir: hartman, type: 'project', id: hartman });
    await waitFor('the preview on another project', [api.preview.onDidUpdate], () => api.preview.lastUpdate()?.project === hartman);
    fs.rmSync(configFile().fsPath, { force: true });
    fs.rmSync(logoFile().fsPath, { force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('no diagnostics on the removed .msp-docs.json', [vscode.languages.onDidChangeDiagnostics], () => vscode.languages.getDiagnostics(configFile()).length === 0);
    await api.whenIdle();
  });

  it('draws the accent colour, the footer and the loaded logo in the webview, and none of it without a style', async function () {
    if (!hasDriver()) this.skip();
    fs.writeFileSync(logoFile().fsPath, LOGO);
    fs.writeFileSync(configFile().fsPath, JSON.stringify(GOOD, null, 2));
    await vscode.commands.executeCommand(COMMANDS.previewOpen, { dir: dekker(), type: 'project', id: dekker() });
    await previewShows(api, dekker(), 'the styled sample measured in the preview', (html) => html.includes('Testlicht IT · Utrecht') && html.includes('house-logo'));

    // The accent colour, as the webview computes it, on the eyebrow line above the title.
    const eyebrow = await readElement(PREVIEW, '.sec-title .eyebrow', ['color']);
    assert.equal(eyebrow.style?.color, 'rgb(170, 51, 0)');
    assert.match(eyebrow.text ?? '', /^Testlicht IT/);
    // The logo has loaded (an image that failed has no natural size).
    const logo = await readElement(PREVIEW, '.sec-title .house-logo');
    assert.deepEqual([logo.count, logo.image?.complete, logo.image?.naturalWidth, logo.image?.naturalHeight], [1, true, 40, 20]);
    assert.ok((logo.box?.width ?? 0) > 0 && (logo.box?.height ?? 0) > 0, `the logo takes no room: ${JSON.stringify(logo.box)}`);
    // The footer: its text, below the content and inside the sheet (in its bottom margin).
    const footer = await readElement(PREVIEW, '.house-footer', ['font-size']);
    assert.match(footer.text ?? '', /^Testlicht IT · Utrecht · Version [\d.]+ · \d{1,2} \w+ 20\d\d$/);
    const sheet = (await readElement(PREVIEW, '.sheet')).box!;
    const content = (await readElement(PREVIEW, '.sheet-content')).box!;
    const box = footer.box!;
    assert.ok(box.y >= content.y + content.height && box.y + box.height <= sheet.y + sheet.height, `the footer lies outside the bottom margin: ${JSON.stringify({ box, content, sheet })}`);

    // Without the style: the renderer's own accent, no logo, no company, no footer.
    fs.rmSync(configFile().fsPath);
    await previewShows(api, dekker(), 'the sample without the style measured in the preview', (html) => !html.includes('Testlicht IT'));
    const plain = await readElement(PREVIEW, '.sec-title .eyebrow', ['color']);
    assert.equal(plain.style?.color, DEFAULT_ACCENT);
    assert.doesNotMatch(plain.text ?? '', /Testlicht/);
    assert.equal((await readElement(PREVIEW, '.house-logo')).count, 0);
    assert.equal((await readElement(PREVIEW, '.house-footer')).count, 0);
  });

  it('shows the logo and company in the preview and marks the bad colour at its value', async function () {
    fs.writeFileSync(logoFile().fsPath, LOGO);
    fs.writeFileSync(configFile().fsPath, CONFIG);
    await vscode.commands.executeCommand(COMMANDS.previewOpen, { dir: dekker(), type: 'project', id: dekker() });
    const logo = `data:image/svg+xml;base64,${Buffer.from(LOGO).toString('base64')}`;
    const shows = (): boolean => {
      const update = api.preview.lastUpdate();
      return !!update && update.project === dekker() && update.html.includes('Testlicht IT') && update.html.includes(logo);
    };
    await waitFor('the logo and company in the preview', [api.preview.onDidUpdate], shows, () => (api.preview.lastUpdate()?.html ?? 'no update').slice(0, 300));

    const diagnostic = (): vscode.Diagnostic | undefined => vscode.languages.getDiagnostics(configFile()).find((d) => /accent|colou?r/i.test(d.message));
    await waitFor('the bad colour marked', [vscode.languages.onDidChangeDiagnostics], () => !!diagnostic(), () => JSON.stringify(vscode.languages.getDiagnostics(configFile()).map((d) => d.message)));
    const value = CONFIG.indexOf('"#zz0000"');
    const line = CONFIG.slice(0, value).split('\n').length - 1;
    const column = value - CONFIG.lastIndexOf('\n', value) - 1;
    const range = diagnostic()!.range;
    assert.deepEqual(
      [range.start.line, range.start.character, range.end.line, range.end.character],
      [line, column, line, column + '"#zz0000"'.length],
    );
    assert.equal(diagnostic()!.severity, vscode.DiagnosticSeverity.Warning);
  });
});
