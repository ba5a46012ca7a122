/**
 * Names in many scripts on the A4, in a real headless Chromium with the export's fontconfig
 * (`src/core/render/fontconfig.ts`). The fixture `test/fixtures/render/many-scripts` has Greek,
 * Cyrillic, Hebrew and Arabic names, which the bundled fonts print (Arimo's subsets, Noto Sans
 * Arabic), and CJK and emoji, which they do not: those the rule `project.glyphs-missing` names.
 * Passes with no font on the machine at all (`FONTS=none`, docs/testing.md).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { run } from '../../src/cli/main';
import type { JsonDiagnostic } from '../../src/cli/output';
import { nodeHost } from '../../src/cli/nodeHost';
import { loadProject } from '../../src/core/project/workspace';
import { A4, standaloneHtml } from '../../src/core/render';
import { findBrowser, measureInBrowser, printToPdf } from '../../src/core/render/browser';
import { renderProposal } from '../../src/core/render/proposal';
import { horizontalOverflow, launchBrowser, pdfPages, pdfWords } from './pdf';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'render', 'many-scripts');
/** Names the bundled fonts print, left to right scripts: found in the PDF's text as written. */
const LTR_NAMES = ['Ελένη Παπαδοπούλου', 'Дмитрий Иванов', 'Ασφάλεια φορητών', 'Многофакторная проверка'];
/** Right to left names: pdftotext gives their words in visual order and Arabic in shaped pieces, so their letters are counted. */
const RTL_NAMES = ['דוד כהן', 'הדרכת עובדים', 'فاطمة الزهراء', 'تدريب الموظفين'];

/** Fonts embedded in a PDF (`pdffonts`, poppler-utils): name without the subset tag, and type. */
function pdfFonts(file: string): Array<{ name: string; type: string }> {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => ({ name: line.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''), type: /Type 3|CID TrueType|TrueType|Type 1C?|CID Type 0C?/.exec(line)?.[0] ?? '?' }));
}

/** How often each letter occurs in a text (whitespace and bidi controls aside). */
function letterCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text.replace(/[\s\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

describe('names in many scripts on the A4 (bundled fonts only)', function () {
  this.timeout(120_000);
  let executable: string;
  let tmp: string;

  before(async function () {
    executable = (await findBrowser({ configured: process.env.MSP_DOCS_BROWSER, configuredName: 'MSP_DOCS_BROWSER' })).path;
    tmp = mkdtempSync(path.join(os.tmpdir(), 'msp-scripts-'));
  });

  after(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('prints Greek, Cyrillic, Hebrew and Arabic names on one A4 page, at 100 %, no wider than the page', async () => {
    const out = path.join(tmp, 'render');
    const result = await run(['render', FIXTURE, '--out', out, '--pdf', '--browser', executable]);
    assert.equal(result.exitCode, 0, result.stderr);
    // The command line says which characters may print as boxes, without failing.
    const warnings = (result.stderr ?? '').split('\n');
    assert.equal(warnings.length, 2, result.stderr);
    assert.match(warnings[0], /^warning: .*scope\.yaml:24:12: The proposal's fonts do not contain 東京オフィス, 🚀: /);
    assert.match(warnings[1], /^warning: .*stakeholders\.yaml:38:11: The proposal's fonts do not contain 田中, 美咲, 🌸: /);
    const [htmlFile, verdict, pdfFile] = result.stdout.split('\n');
    assert.match(verdict, /Fits on one A4 page/);
    const pages = pdfPages(readFileSync(pdfFile));
    assert.equal(pages.length, 1, 'one page');
    assert.deepEqual(pages[0].map(Math.round), [0, 0, 595, 842], 'A4 MediaBox');

    const text = execFileSync('pdftotext', ['-raw', pdfFile, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, ' ');
    for (const name of LTR_NAMES) assert.ok(flat.includes(name), `${name} in the PDF`);
    const have = letterCounts(text);
    for (const [letter, n] of letterCounts(RTL_NAMES.join(''))) assert.ok((have.get(letter) ?? 0) >= n, `${letter} (U+${letter.codePointAt(0)?.toString(16)}) ${n}× in the PDF, found ${have.get(letter) ?? 0}×`);

    // Only the bundled fonts are embedded; a Type 3 font is Chromium's boxes for the CJK and emoji.
    const fonts = pdfFonts(pdfFile);
    assert.ok(fonts.some((f) => f.name.startsWith('NotoSansArabic-')), `Noto Sans Arabic embedded: ${JSON.stringify(fonts)}`);
    assert.deepEqual(fonts.filter((f) => f.type !== 'Type 3' && !/^(Arimo|Cousine|NotoSansArabic)-/.test(f.name)), [], 'no machine font');

    // Nothing reaches past the content box, and the page does not scroll sideways.
    const rendered = renderProposal(await loadProject(nodeHost, FIXTURE), { date: '2027-01-26' });
    const m = await measureInBrowser({ browser: executable, rendered });
    assert.equal(m.overflowWidthMm, 0, JSON.stringify(m));
    assert.equal(m.fits, true, JSON.stringify(m));
    const browser = await launchBrowser(executable, tmp);
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const overflow = await horizontalOverflow(page);
      assert.deepEqual(overflow.wider, [], 'no element wider than the page');
      assert.ok(overflow.scrollWidth <= overflow.clientWidth, `the page does not scroll sideways (${overflow.scrollWidth} > ${overflow.clientWidth})`);
      // The width of the Greek surname in the stakeholder list as laid out, to compare with the PDF.
      const wordPx = await page.evaluate(() => {
        const node = Array.from(document.querySelectorAll('strong')).find((el) => el.textContent === 'Ελένη Παπαδοπούλου')?.firstChild;
        if (!node) return 0;
        const range = document.createRange();
        range.setStart(node, 'Ελένη '.length);
        range.setEnd(node, 'Ελένη Παπαδοπούλου'.length);
        return range.getBoundingClientRect().width;
      });
      // Printed at 100 %: the word is as wide in the PDF (pt) as laid out (px, 0.75 pt each).
      const words = pdfWords(pdfFile);
      // The name prints twice (the intake's contact, the stakeholder list); the list's is measured.
      const widths = words.filter((w) => w.text.startsWith('Παπαδοπούλου')).map((w) => w.xMax - w.xMin);
      assert.ok(widths.length === 2 && wordPx > 0, `the surname is in the PDF twice and on the page: ${JSON.stringify(widths)}`);
      const expected = wordPx * (72 / 96);
      // (pdftotext counts the comma after the name, narrower than 4 pt; shrunk to fit, the word would be 15-40 % narrower.)
      assert.ok(
        widths.some((w) => w >= expected * 0.99 && w <= expected + 4),
        `"Παπαδοπούλου" ${JSON.stringify(widths)} pt in the PDF, ${expected} pt laid out`,
      );
      const rightMargin = 595.28 - A4.margin.rightMm * (72 / 25.4);
      assert.ok(Math.max(...words.map((w) => w.xMax)) <= rightMargin + 0.5, 'no word past the right margin');
    } finally {
      await browser.close();
    }
  });

  it('sets them in the bundled fonts: without the CJK and emoji the PDF embeds no other font and no boxes', async () => {
    const rendered = renderProposal(await loadProject(nodeHost, FIXTURE), { date: '2027-01-26' });
    const html = path.join(tmp, 'no-cjk.html');
    writeFileSync(html, standaloneHtml(rendered).replace(/[\p{Script=Han}\p{Script=Katakana}\p{Extended_Pictographic}]/gu, ''));
    const pdf = path.join(tmp, 'no-cjk.pdf');
    await printToPdf({ browser: executable, htmlFile: html, pdfFile: pdf });
    const fonts = pdfFonts(pdf);
    assert.deepEqual(fonts.filter((f) => !/^(Arimo|NotoSansArabic)-/.test(f.name)), [], JSON.stringify(fonts));
    assert.ok(fonts.some((f) => f.name.startsWith('NotoSansArabic-')), 'the Arabic names are set in Noto Sans Arabic');
  });

  it('names the CJK and emoji characters by project.glyphs-missing, in the documents that hold them', async () => {
    const result = await run(['validate', FIXTURE, '--format', 'json']);
    assert.equal(result.exitCode, 0, 'warnings only');
    const found = (JSON.parse(result.stdout) as JsonDiagnostic[]).filter((d) => d.code === 'project.glyphs-missing');
    assert.deepEqual(
      found.map((d) => [path.basename(d.file), d.line, d.column, d.endColumn, d.severity]),
      [
        ['scope.yaml', 24, 12, 18, 'warning'],
        ['stakeholders.yaml', 38, 11, 13, 'warning'],
      ],
    );
    assert.match(found[0].message, /東京オフィス, 🚀/);
    assert.match(found[1].message, /田中, 美咲, 🌸/);
    // The scripts the fonts hold are not named.
    for (const d of found) assert.doesNotMatch(d.message, /[\u0370-\u03FF\u0400-\u04FF\u0590-\u05FF\u0600-\u06FF]/);
  });
});
