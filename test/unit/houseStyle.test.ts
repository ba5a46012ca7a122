/** The house style of `.msp-docs.json`: reading and checking it, and its marks in the HTML, the Word file and on the command line. */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { inflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { loadHouseStyle, pngSize, svgSize, standaloneHtml, type HouseStyleHost } from '../../src/core/render';
import { renderProposal } from '../../src/core/render/proposal';
import { LineIndex } from '../../src/core/common';
import { loadProject } from '../../src/core/project/workspace';
import { nodeHost } from '../../src/cli/nodeHost';
import { run } from '../../src/cli/main';
import { houseStyleFor } from '../../src/cli/houseStyle';
import { loadWord } from '../../src/core/word';
import { SAMPLE } from './renderFixtures';
import { solidPng, STYLE, styledSample } from './houseStyleFixtures';
import { docxPart, readDocx } from './wordHelpers';

const DATE = { date: '2026-08-20' };

function host(files: Record<string, Uint8Array>): HouseStyleHost {
  return { readBytes: async (f) => files[f], resolve: (config, relative) => path.posix.join(path.posix.dirname(config), relative) };
}

/** The text a diagnostic's range covers. */
function covered(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = new LineIndex(text);
  const offset = (p: { line: number; character: number }) => lines.lineStart(p.line) + p.character;
  return text.slice(offset(range.start), offset(range.end));
}

describe('house style in .msp-docs.json', () => {
  it('reads company, logo, accent colour and footer', async () => {
    const text = JSON.stringify({ rules: {}, style: { ...STYLE, accentColor: '#A30' } }, null, 2);
    const { style, diagnostics } = await loadHouseStyle(text, '/w/.msp-docs.json', host({ '/w/logo.png': solidPng(120, 40) }));
    assert.deepEqual(diagnostics, []);
    assert.equal(style?.company, 'Noordlicht IT');
    assert.equal(style?.accentColor, '#aa3300');
    assert.equal(style?.footer, 'Noordlicht IT · Zwolle');
    assert.deepEqual([style?.logo?.type, style?.logo?.width, style?.logo?.height], ['png', 120, 40]);
  });

  it('reads the size of PNG and SVG logos', () => {
    assert.deepEqual(pngSize(solidPng(7, 3)), { width: 7, height: 3 });
    assert.equal(pngSize(new TextEncoder().encode('not a png at all, not at all')), undefined);
    assert.deepEqual(svgSize('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50px">'), { width: 200, height: 50 });
    assert.deepEqual(svgSize('<svg viewBox="0 0 300 100" width="100%">'), { width: 300, height: 100 });
    assert.equal(svgSize('<html></html>'), undefined);
  });

  it('puts each bad value in a diagnostic at the value, and leaves it out of the style', async () => {
    const text = '\uFEFF{\n  "style": {\n    "company": 42,\n    "accentColor": "blue",\n    "logo": "missing.png",\n    "footer": "ok"\n  }\n}\n';
    const { style, diagnostics } = await loadHouseStyle(text, '/w/.msp-docs.json', host({}));
    assert.deepEqual(style, { footer: 'ok' });
    assert.deepEqual(
      diagnostics.map((d) => [d.code, covered(text, d.range), d.range.start.line]),
      [
        ['style.bad-value', '42', 2],
        ['style.bad-color', '"blue"', 3],
        ['style.logo-missing', '"missing.png"', 4],
      ],
    );
    assert.match(diagnostics[1].message, /"blue" is not a colour; write a CSS hex colour such as #2c6aa0\./);
  });

  it('refuses a logo that is not an image, too large or too wide for the header', async () => {
    const check = async (logo: string, files: Record<string, Uint8Array>) =>
      (await loadHouseStyle(JSON.stringify({ style: { logo } }), '/w/.msp-docs.json', host(files))).diagnostics.map((d) => d.code);
    assert.deepEqual(await check('logo.gif', {}), ['style.logo-unreadable']);
    assert.deepEqual(await check('logo.png', { '/w/logo.png': new TextEncoder().encode('GIF89a, not a PNG really') }), ['style.logo-unreadable']);
    assert.deepEqual(await check('wide.png', { '/w/wide.png': solidPng(700, 100) }), ['style.logo-too-large']);
    assert.deepEqual(await check('big.svg', { '/w/big.svg': new TextEncoder().encode(`<svg width="10" height="10">${' '.repeat(600 * 1024)}</svg>`) }), ['style.logo-too-large']);
    assert.deepEqual(await check('ok.svg', { '/w/ok.svg': new TextEncoder().encode('<svg viewBox="0 0 40 20"></svg>') }), []);
  });

  it('gives no style and no findings without a style section or for text that is not JSON', async () => {
    assert.deepEqual(await loadHouseStyle('{"rules":{}}', '/w/.msp-docs.json', host({})), { diagnostics: [] });
    assert.deepEqual(await loadHouseStyle('{ not json', '/w/.msp-docs.json', host({})), { diagnostics: [] });
  });
});

describe('house style in the exports', function () {
  this.timeout(30_000);
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'msp-style-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  async function styled() {
    const dir = styledSample(tmp);
    const text = readFileSync(path.join(tmp, '.msp-docs.json'), 'utf8');
    const { style } = await loadHouseStyle(text, path.join(tmp, '.msp-docs.json'), {
      readBytes: async (f) => readFileSync(f),
      resolve: (c, r) => path.join(path.dirname(c), r),
    });
    return { report: await loadProject(nodeHost, dir), style };
  }

  it('prints logo, company, accent colour and the page footer in the HTML, and nothing of it without a style', async () => {
    const { report, style } = await styled();
    const html = standaloneHtml(renderProposal(report, { ...DATE, style }));
    assert.match(html, /<img class="house-logo" src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="Noordlicht IT">/);
    assert.match(html, /<span class="house-name">Noordlicht IT<\/span>/);
    assert.match(html, /\.sheet\{--accent:#aa3300;\}/);
    assert.match(html, /@page\{@bottom-left\{content:"Noordlicht IT \\b7 {2}Zwolle \\b7 {2}Version 0\.3 \\b7 {2}20 August 2026 \\b7 {2}page " counter\(page\) "\/" counter\(pages\)/);
    assert.match(html, /img-src data:/);
    // On screen the same footer text sits in the sheet's bottom margin; print leaves it to @page.
    assert.match(html, /<div class="house-footer">Noordlicht IT · Zwolle · Version 0\.3 · 20 August 2026<\/div><\/main>/);
    assert.match(html, /@media print\{\.sheet \.house-footer\{display:none;\}\}/);
    const plain = standaloneHtml(renderProposal(await loadProject(nodeHost, SAMPLE), DATE));
    // (img-src data: stays: it also admits the embedded images of Markdown fields.)
    assert.doesNotMatch(plain, /<img|--accent:#aa3300|@bottom-left|house-footer/);
  });

  it('puts logo and company in the Word header, the accent in its headings and the footer text in its footer', async () => {
    const { report, style } = await styled();
    const { data } = await loadWord().proposalDocx(report, { ...DATE, style });
    const header = await docxPart(data, 'word/header1.xml');
    assert.match(header, /Noordlicht IT/);
    assert.match(header, /<pic:pic/);
    assert.match(await docxPart(data, 'word/_rels/header1.xml.rels'), /media\/[\w-]+\.png/);
    assert.match(await docxPart(data, 'word/styles.xml'), /w:styleId="Heading2">[\s\S]*?<w:color w:val="AA3300"\/>/);
    assert.match(await docxPart(data, 'word/footer1.xml'), /Noordlicht IT · Zwolle · Version 0\.3 · 20 August 2026 · page /);
    const plain = await loadWord().proposalDocx(await loadProject(nodeHost, SAMPLE), DATE);
    assert.doesNotMatch(await docxPart(plain.data, 'word/header1.xml'), /pic:pic|Noordlicht/);
    assert.doesNotMatch(await docxPart(plain.data, 'word/styles.xml'), /AA3300/i);
    const plainFooter = await docxPart(plain.data, 'word/footer1.xml');
    assert.match(plainFooter, /Version 0\.3 · 20 August 2026 · page /);
    assert.doesNotMatch(plainFooter, /Noordlicht|Zwolle/);
    assert.match((await readDocx(data)).text, /Move to Microsoft 365/);
  });

  it("gives an SVG logo in Word a fallback PNG that shows nothing: the sample's own house style", async () => {
    // samples/.msp-docs.json, found from the sample up as the command line finds it.
    const { style, warnings } = await houseStyleFor(SAMPLE);
    assert.deepEqual(warnings, []);
    assert.equal(style?.logo?.type, 'svg');
    const { data } = await loadWord().proposalDocx(await loadProject(nodeHost, SAMPLE), { ...DATE, style });
    const zip = await JSZip.loadAsync(data);
    const rels = await docxPart(data, 'word/_rels/header1.xml.rels');
    assert.match(rels, /Target="media\/[\w-]+\.svg"/);
    // Word before 2016 and LibreOffice 7.4 draw this PNG instead of the SVG.
    const png = Buffer.from(await zip.file(`word/${/Target="(media\/[\w-]+\.png)"/.exec(rels)?.[1]}`)!.async('uint8array'));
    assert.deepEqual(pngSize(png), { width: 1, height: 1 });
    assert.equal(png[25], 6, 'colour type RGBA');
    const idat = png.indexOf('IDAT', 0, 'latin1');
    const pixel = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
    assert.deepEqual([...pixel], [0, 0, 0, 0, 0], 'filter byte, then R, G, B and an alpha of 0');
  });

  it('msp-docs render uses the nearest .msp-docs.json style and warns at a bad value', async () => {
    const dir = styledSample(tmp, '{\n  "style": { "company": "Noordlicht IT", "accentColor": "teal", "logo": "logo.png" }\n}\n');
    const out = path.join(tmp, 'out');
    const result = await run(['render', dir, '--out', out, '--docx', '--browser', '/nonexistent/chromium', '--lang', 'en']);
    assert.equal(result.exitCode, 0, result.stderr);
    assert.match(result.stderr ?? '', /\.msp-docs\.json:2:57: warning "teal" is not a colour; write a CSS hex colour such as #2c6aa0\. \[style\.bad-color\]/);
    const html = readFileSync(path.join(out, 'dekker-m365-v0.3.html'), 'utf8');
    assert.match(html, /house-name">Noordlicht IT/);
    assert.doesNotMatch(html, /\.sheet\{--accent:/);
    assert.match(await docxPart(readFileSync(path.join(out, 'dekker-m365-v0.3.docx')), 'word/header1.xml'), /Noordlicht IT/);
  });
});
