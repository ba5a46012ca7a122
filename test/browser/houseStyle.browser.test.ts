/**
 * The house style in the printed PDF: headless Chromium prints the footer with page numbers, the
 * logo in the title block and the accent colour, and the sample still fits one page; without a
 * style none of it is printed. The page is read back with poppler-utils (`pdftotext`, `pdfimages`,
 * `pdftoppm` through ./pdf.ts).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import { findBrowser } from '../../src/core/render/browser';
import { STYLE, styledSample } from '../unit/houseStyleFixtures';
import { pdfImages, pdfRaster, pixelsOf } from './pdf';

/** The colour of the fixture's logo (`solidPng`'s default) and of its accent, #AA3300. */
const LOGO_RGB = [200, 60, 20] as const;
const ACCENT_RGB = [0xaa, 0x33, 0x00] as const;

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

  it('prints the logo in the title block and the accent colour, and neither without a style', async () => {
    const executable = (await findBrowser({ configured: process.env.MSP_DOCS_BROWSER, configuredName: 'MSP_DOCS_BROWSER' })).path;
    const print = async (name: string, config: unknown): Promise<string> => {
      const dir = styledSample(path.join(tmp, name), config);
      const out = path.join(tmp, name, 'out');
      const result = await run(['render', dir, '--out', out, '--pdf', '--browser', executable, '--lang', 'en']);
      assert.equal(result.exitCode, 0, result.stderr);
      return path.join(out, 'dekker-m365-v0.3.pdf');
    };
    assert.equal(STYLE.accentColor, '#AA3300');
    const styled = await print('styled', { style: STYLE });
    const plain = await print('plain', {});

    // The logo: the 120 × 40 PNG is in the PDF, drawn in the title block (top margin 11 mm, 4.2 mm
    // high as src/core/render/css.ts sizes it, at the left margin, 13 mm).
    assert.deepEqual(pdfImages(styled).filter((i) => i.width === 120 && i.height === 40).map((i) => i.page), [1]);
    const logo = pixelsOf(pdfRaster(styled), LOGO_RGB);
    const box = logo.boxMm!;
    assert.ok(box, 'no pixel of the logo on the page');
    assert.ok(Math.abs(box.bottom - box.top - 4.2) < 0.6 && Math.abs(box.right - box.left - 12.6) < 0.8, `the logo is drawn ${JSON.stringify(box)}`);
    assert.ok(box.top >= 10.5 && box.bottom <= 25 && Math.abs(box.left - 13) < 0.6, `the logo is not in the title block: ${JSON.stringify(box)}`);
    // The accent colour: the goal's left border, the eyebrow line and the tags.
    const accent = pixelsOf(pdfRaster(styled), ACCENT_RGB);
    assert.ok(accent.count > 100, `${accent.count} pixels of the accent colour`);

    // Without a style: no logo, no accent, no company and no footer.
    assert.deepEqual(pdfImages(plain).filter((i) => i.width === 120 && i.height === 40), []);
    const raster = pdfRaster(plain);
    assert.deepEqual([pixelsOf(raster, LOGO_RGB).count, pixelsOf(raster, ACCENT_RGB).count], [0, 0]);
    assert.ok(pixelsOf(raster, [0x2c, 0x6a, 0xa0]).count > 100, 'the renderer\'s own accent is printed instead');
    const text = execFileSync('pdftotext', ['-layout', plain, '-'], { encoding: 'utf8' });
    assert.doesNotMatch(text, /Noordlicht|page 1\/1/);
  });
});
