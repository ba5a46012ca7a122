/** The house style in the printed PDF: headless Chromium prints the footer with page numbers, and the sample still fits one page. */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import { findBrowser } from '../../src/core/render/browser';
import { styledSample } from '../unit/houseStyleFixtures';

describe('house style in the PDF', function () {
  this.timeout(120_000);
  let tmp: string;
  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'msp-style-pdf-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('prints the footer with version, date and "page 1/1", the company, and still fits on one page', async () => {
    const executable = (await findBrowser({ configured: process.env.MSP_DOCS_BROWSER, configuredName: 'MSP_DOCS_BROWSER' })).path;
    const dir = styledSample(tmp);
    const out = path.join(tmp, 'out');
    const result = await run(['render', dir, '--out', out, '--pdf', '--browser', executable, '--lang', 'en']);
    assert.equal(result.exitCode, 0, result.stderr);
    assert.match(result.stdout, /Fits on one A4 page/);
    const text = execFileSync('pdftotext', ['-layout', path.join(out, 'dekker-m365-v0.3.pdf'), '-'], { encoding: 'utf8' });
    assert.match(text, /Noordlicht IT · Zwolle · Version 0\.3 · \d+ \w+ 20\d\d · page 1\/1/);
    assert.match(text, /NOORDLICHT IT|Noordlicht IT\s+PROJECT PROPOSAL/i);
    assert.equal(execFileSync('pdfinfo', [path.join(out, 'dekker-m365-v0.3.pdf')], { encoding: 'utf8' }).match(/^Pages:\s+(\d+)/m)?.[1], '1');
  });
});
