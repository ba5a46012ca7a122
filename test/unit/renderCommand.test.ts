/** `msp-docs render` without a browser: files, overwrite protection, messages and exit codes. */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import { renderCommand } from '../../src/cli/renderCommand';
import { placeFile } from '../../src/core/render/browser';
import { setTranslations } from '../../src/core/common/l10n';
import { SAMPLE } from './renderFixtures';

const NO_BROWSER = '/nonexistent/chromium';
const DUTCH = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'l10n', 'bundle.l10n.nl.json'), 'utf8')) as Record<string, string>;

/** A pattern for one whole line of stderr, `text` matched literally. */
const line = (text: string): RegExp => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`, 'm');

describe('msp-docs render (no browser needed)', () => {
  let out: string;
  beforeEach(() => {
    out = mkdtempSync(path.join(os.tmpdir(), 'msp-render-'));
  });
  afterEach(() => rmSync(out, { recursive: true, force: true }));

  it('writes the self-contained HTML even when the browser for --pdf is missing, and no PDF at all', async () => {
    const result = await run(['render', SAMPLE, '--out', out, '--pdf', '--browser', NO_BROWSER, '--lang', 'en']);
    assert.equal(result.exitCode, 2);
    assert.equal(result.stdout, path.join(out, 'dekker-m365-v0.3.html'));
    assert.match(result.stderr ?? '', /The browser set in --browser was not found or cannot be run: \/nonexistent\/chromium/);
    assert.match(result.stderr ?? '', /The HTML was written; no PDF was made\./);
    assert.deepEqual(readdirSync(out), ['dekker-m365-v0.3.html']);
    const html = readFileSync(path.join(out, 'dekker-m365-v0.3.html'), 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<style>[\s\S]*@page \{ size: A4;/);
    // Nothing is loaded from anywhere: the only source is the house logo of samples/.msp-docs.json, inline.
    assert.doesNotMatch(html, /<script|<link|src="(?!data:)/);
    assert.match(html, /<img class="house-logo" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="Oudegracht IT">/);
  });

  it('skips the one-page check with a warning when there is no browser and no --pdf', async () => {
    const result = await run(['render', path.join(SAMPLE, 'plan.yaml'), '--out', out, '--browser', NO_BROWSER, '--lang', 'en']);
    assert.equal(result.exitCode, 0);
    assert.match(result.stderr ?? '', /^warning: The browser set in --browser/m);
    assert.match(result.stderr ?? '', /The one-page check was skipped; the HTML was written\./);
    assert.ok(existsSync(path.join(out, 'dekker-m365-v0.3.html')));
  });

  it('never overwrites an existing file without --force', async () => {
    const file = path.join(out, 'dekker-m365-v0.3.html');
    writeFileSync(file, 'keep me');
    const result = await run(['render', SAMPLE, '--out', out, '--browser', NO_BROWSER, '--lang', 'en']);
    assert.equal(result.exitCode, 2);
    assert.equal(result.stderr, `msp-docs: ${file} exists; use --force to overwrite it.`);
    assert.equal(readFileSync(file, 'utf8'), 'keep me');
    const forced = await run(['render', SAMPLE, '--out', out, '--browser', NO_BROWSER, '--force', '--lang', 'en']);
    assert.equal(forced.exitCode, 0);
    assert.match(readFileSync(file, 'utf8'), /^<!DOCTYPE html>/);
    assert.deepEqual(readdirSync(out), ['dekker-m365-v0.3.html'], 'no partial files left');
  });

  it('writes the proposal as Word beside the HTML with --docx, and keeps an existing .docx without --force', async () => {
    const result = await run(['render', SAMPLE, '--out', out, '--docx', '--browser', NO_BROWSER, '--lang', 'en']);
    assert.equal(result.exitCode, 0);
    assert.deepEqual(result.stdout.split('\n'), [path.join(out, 'dekker-m365-v0.3.html'), path.join(out, 'dekker-m365-v0.3.docx')]);
    assert.deepEqual(readdirSync(out).sort(), ['dekker-m365-v0.3.docx', 'dekker-m365-v0.3.html']);
    const docx = readFileSync(path.join(out, 'dekker-m365-v0.3.docx'));
    assert.equal(docx.subarray(0, 2).toString('latin1'), 'PK', 'a zip package');
    rmSync(path.join(out, 'dekker-m365-v0.3.html'));
    writeFileSync(path.join(out, 'dekker-m365-v0.3.docx'), 'keep me');
    const again = await run(['render', SAMPLE, '--out', out, '--docx', '--browser', NO_BROWSER, '--lang', 'en']);
    assert.equal(again.exitCode, 2);
    assert.equal(again.stderr, `msp-docs: ${path.join(out, 'dekker-m365-v0.3.docx')} exists; use --force to overwrite it.`);
    assert.equal(readFileSync(path.join(out, 'dekker-m365-v0.3.docx'), 'utf8'), 'keep me');
  });

it('never replaces a file created between the check and the write (the write itself is exclusive), and says so in English and Dutch', async () => {
    const file = path.join(out, 'dekker-m365-v0.3.html');
    const result = await renderCommand(SAMPLE, { out, browser: NO_BROWSER, beforeWrite: (target) => writeFileSync(target, 'made in between') });
    assert.equal(result.exitCode, 2);
    assert.match(result.stderr ?? '', new RegExp(`msp-docs: ${file.replace(/[.\\/]/g, '\\$&')} exists; use --force to overwrite it\\.`));
    assert.equal(result.stdout, '', 'the file is not reported as written');
    assert.equal(readFileSync(file, 'utf8'), 'made in between');
    assert.deepEqual(readdirSync(out), ['dekker-m365-v0.3.html'], 'no partial files left');

    // The same refusal in Dutch.
    rmSync(file);
    setTranslations(DUTCH);
    let nl;
    try {
      nl = await renderCommand(SAMPLE, { out, browser: NO_BROWSER, beforeWrite: (target) => writeFileSync(target, 'made in between') });
    } finally {
      setTranslations(undefined);
    }
    assert.equal(nl.exitCode, 2);
    assert.match(nl.stderr ?? '', line(`msp-docs: ${file} bestaat al; gebruik --force om het te overschrijven.`));
    assert.equal(readFileSync(file, 'utf8'), 'made in between');
  });

  it('never replaces a .docx created between the check and the write (--docx): the HTML is written, the .docx kept', async () => {
    const html = path.join(out, 'dekker-m365-v0.3.html');
    const docx = path.join(out, 'dekker-m365-v0.3.docx');
    const planted = Buffer.from('PK made in between\r\n');
    const hooked: string[] = [];
    const result = await renderCommand(SAMPLE, {
      out,
      docx: true,
      browser: NO_BROWSER,
      beforeWrite: (target) => {
        hooked.push(target);
        if (target === docx) writeFileSync(target, planted);
      },
    });
    assert.deepEqual(hooked, [html, docx]);
    assert.equal(result.exitCode, 2);
    assert.match(result.stderr ?? '', new RegExp(`^msp-docs: ${docx.replace(/[.\\/]/g, '\\$&')} exists; use --force to overwrite it\\.$`, 'm'));
    assert.equal(result.stdout, html, 'only the HTML is reported as written');
    assert.deepEqual(readFileSync(docx), planted, 'the file made in between is not kept byte for byte');
    assert.match(readFileSync(html, 'utf8'), /^<!DOCTYPE html>/);
    assert.deepEqual(readdirSync(out).sort(), ['dekker-m365-v0.3.docx', 'dekker-m365-v0.3.html'], 'no partial files left');

    // With --force, consent given beforehand, the file made in between is replaced.
    rmSync(html);
    rmSync(docx);
    const forced = await renderCommand(SAMPLE, { out, docx: true, force: true, browser: NO_BROWSER, beforeWrite: (target) => target === docx && writeFileSync(target, planted) });
    assert.equal(forced.exitCode, 0, forced.stderr);
    assert.equal(readFileSync(docx).subarray(0, 2).toString('latin1'), 'PK');
    assert.notDeepEqual(readFileSync(docx), planted);
  });

  it('placeFile: exclusive unless replacing, never a partial file left', async () => {
    const file = path.join(out, 'f.txt');
    assert.equal(await placeFile(file, false, async (partial) => writeFileSync(partial, 'one')), true);
    assert.equal(await placeFile(file, false, async (partial) => writeFileSync(partial, 'two')), false);
    assert.equal(readFileSync(file, 'utf8'), 'one');
    assert.equal(await placeFile(file, true, async (partial) => writeFileSync(partial, 'three')), true);
    assert.equal(readFileSync(file, 'utf8'), 'three');
    assert.deepEqual(readdirSync(out), ['f.txt']);
  });

  it('speaks Dutch with --lang nl', async () => {
    const result = await run(['render', SAMPLE, '--out', out, '--pdf', '--browser', NO_BROWSER, '--lang', 'nl']);
    assert.match(result.stderr ?? '', /De HTML is geschreven; er is geen pdf gemaakt\./);
    await run(['validate', SAMPLE, '--lang', 'en']);
  });

  it('exits 2 for bad arguments', async () => {
    for (const args of [['render'], ['render', '/no/such/path'], ['render', SAMPLE, SAMPLE], ['render', path.join(SAMPLE, '..', '..', 'package.json')]]) {
      const result = await run([...args, '--lang', 'en']);
      assert.equal(result.exitCode, 2, args.join(' '));
    }
  });
});
