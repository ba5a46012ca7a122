/**
 * The acceptance fixtures of the A4 proposal, printed by headless Chromium through
 * `msp-docs render --pdf`: plans of 1, 3 and 36 months, 10 and 50 years; images of every kind in
 * Markdown fields (local, backslashes, `..`, `file:` URL, remote); a Markdown table. Each is a
 * variant of the sample (`samples/dekker-accountants`), written into one temporary workspace that
 * one command renders. For each: its pages and their size, printed at 100 % (a known text's font
 * size in the PDF is its CSS size), every name found by `pdftotext`, no horizontal overflow in
 * the laid-out page. Long unbroken words: `render.browser.test.ts`.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import type { Browser, Page } from 'playwright-core';
import { run } from '../../src/cli/main';
import { findBrowser } from '../../src/core/render/browser';
import { PRINTABLE_WIDTH_PX } from '../../src/core/render/page';
import { standaloneHtml } from '../../src/core/render';
import { graphemeWidth } from '../../src/core/render/textWidth';
import { renderProposal } from '../../src/core/render/proposal';
import { loadProject } from '../../src/core/project/workspace';
import { nodeHost } from '../../src/cli/nodeHost';
import { docsOf, SAMPLE } from '../unit/renderFixtures';
import { solidPng as png } from '../unit/png';
import { fontSizePt, horizontalOverflow, launchBrowser, pdfImages, pdfPages, pdfWords, type PdfWord } from './pdf';

/** English short month names, as the proposal prints them (`en`). */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const START = '2026-09';
/** Stage names: words found nowhere else in the sample. */
const STAGES = ['Kestrel', 'Heron', 'Osprey', 'Plover', 'Curlew'];

/** `month` (`YYYY-MM`) plus `n` months. */
function plus(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
const monthText = (month: string): string => `${MONTHS[Number(month.slice(5)) - 1]} ${month.slice(0, 4)}`;

/** A plan fixture: its span in months, and the axis unit the renderer should condense it to (`timeline.ts`). */
interface PlanCase {
  id: string;
  title: string;
  months: number;
  axis: 'tl-month' | 'tl-quarter' | 'tl-years';
}
const PLANS: PlanCase[] = [
  { id: 'span-1m', title: 'Plan over one month', months: 1, axis: 'tl-month' },
  { id: 'span-3m', title: 'Plan over three months', months: 3, axis: 'tl-month' },
  { id: 'span-36m', title: 'Plan over thirty-six months', months: 36, axis: 'tl-quarter' },
  { id: 'span-10y', title: 'Plan over ten years', months: 120, axis: 'tl-years' },
  { id: 'span-50y', title: 'Plan over fifty years', months: 600, axis: 'tl-years' },
];

/** Up to five stages end to end over `months` months from `START`, a milestone in the first and in the last month. */
function planFor(months: number) {
  const count = Math.min(months, STAGES.length);
  const stages = Array.from({ length: count }, (_, i) => ({
    id: `s${i}`,
    name: `${STAGES[i]} stage`,
    start: plus(START, Math.floor((i * months) / count)),
    end: plus(START, Math.floor(((i + 1) * months) / count) - 1),
    approach: i % 2 ? 'agile' : 'prince2',
    type: 'migration',
    deliverables: ['Result'],
  }));
  const milestones = [
    { name: 'Kickoff signed', month: START, stage: 's0' },
    { name: 'Final acceptance', month: plus(START, months - 1), stage: `s${count - 1}` },
  ];
  return { ...docsOf(SAMPLE).plan, stages, milestones };
}


/** The local images of the Markdown fixture: where each lives (in the workspace), each a different size. */
const IMAGES = {
  local: { file: 'markdown/img/local.png', size: [40, 12], rgb: [200, 30, 30] },
  backslash: { file: 'markdown/img/sub/back.png', size: [36, 14], rgb: [30, 160, 30] },
  // Wider than any column: shown at the column's width at most (`.md-image`, `css.ts`).
  above: { file: 'shared/above.png', size: [1600, 30], rgb: [30, 30, 200] },
  fileUrl: { file: 'files/url.png', size: [28, 18], rgb: [200, 160, 0] },
} as const;
/** The room of a stage label (name and meta line) on the timeline, CSS px: its column less a gap (`timeline.ts`). */
const LABEL_COLUMN_PX = 188;
const REMOTE = 'https://example.invalid/remote.png';
/** The Markdown table's cells, row by row (unique words, to find in the PDF). */
const TABLE = [
  ['Wavename', 'Teamsize', 'Monthdue'],
  ['Pilotwave', 'Twelvepeople', 'Octoberdue'],
  ['Mainwave', 'Fortypeople', 'Decemberdue'],
];

describe('A4 fixtures in headless Chromium: plan spans, images, a table', function () {
  this.timeout(180_000);
  let executable: string;
  let tmp: string;
  let ws: string;
  let out: string;
  let browser: Browser | undefined;
  const stdout = new Map<string, string>();

  /** Writes a copy of the sample as `ws/<name>` with the documents given replaced. */
  function writeProject(name: string, docs: Record<string, unknown>): string {
    const dir = path.join(ws, name);
    mkdirSync(dir, { recursive: true });
    for (const file of readdirSync(SAMPLE)) copyFileSync(path.join(SAMPLE, file), path.join(dir, file));
    for (const [file, value] of Object.entries(docs)) writeFileSync(path.join(dir, file), stringify(value));
    return dir;
  }

  before(async function () {
    executable = (await findBrowser({ configured: process.env.MSP_DOCS_BROWSER, configuredName: 'MSP_DOCS_BROWSER' })).path;
    tmp = mkdtempSync(path.join(os.tmpdir(), 'msp-fixtures-'));
    ws = path.join(tmp, 'ws');
    out = path.join(tmp, 'out');
    const sample = docsOf(SAMPLE);
    for (const plan of PLANS) writeProject(plan.id, { 'project.yaml': { ...sample.project, id: plan.id, title: plan.title, start: START }, 'plan.yaml': planFor(plan.months) });

    for (const image of Object.values(IMAGES)) {
      mkdirSync(path.dirname(path.join(ws, image.file)), { recursive: true });
      writeFileSync(path.join(ws, image.file), png(image.size[0], image.size[1], [...image.rgb]));
    }
    const scope = sample.scope as Record<string, Array<Record<string, unknown>>>;
    const markdownImage = (alt: string, src: string) => `See ![${alt}](${src}) drawn.`;
    const table = TABLE.map((r) => `| ${r.join(' | ')} |`);
    table.splice(1, 0, '| --- | :---: | ---: |');
    const plan = planFor(3);
    writeProject('markdown', {
      'project.yaml': { ...sample.project, id: 'markdown', title: 'Images and a table', start: START },
      'scope.yaml': {
        in_scope: [
          { ...scope.in_scope[0], description: markdownImage('Local diagram', 'img/local.png') },
          { ...scope.in_scope[1], description: markdownImage('Backslash diagram', 'img\\sub\\back.png') },
          { ...scope.in_scope[2], description: markdownImage('Above diagram', '../shared/above.png') },
        ],
        out_of_scope: scope.out_of_scope.slice(0, 2),
        later: scope.later.slice(0, 1),
      },
      'plan.yaml': {
        ...plan,
        summary: `Waves of the migration:\n\n${table.join('\n')}\n\nThe vendor's picture: ![Remote diagram](${REMOTE})`,
        risks: [{ risk: 'Drawings go missing.', mitigation: markdownImage('File URL diagram', pathToFileURL(path.join(ws, IMAGES.fileUrl.file)).href) }],
      },
    });

    // One command for the whole workspace, as a consultant would run it (one browser for all).
    const result = await run(['render', ws, '--out', out, '--pdf', '--browser', executable, '--lang', 'en']);
    assert.equal(result.exitCode, 0, result.stderr);
    assert.equal(result.stderr, undefined, 'no document errors, no warnings');
    const lines = result.stdout.split('\n');
    for (const id of [...PLANS.map((p) => p.id), 'markdown']) {
      const check = lines.find((l) => l.startsWith(`${id}-v`) && l.includes(': '));
      stdout.set(id, check ?? '');
    }
  });

  after(async () => {
    await browser?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const files = (id: string) => ({ html: path.join(out, `${id}-v0.3.html`), pdf: path.join(out, `${id}-v0.3.pdf`) });
  const pdfText = (file: string) => execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });

  /** The exported page `file`, loaded with every request but the page's own refused and recorded. */
  async function open(file: string): Promise<{ page: Page; requests: string[] }> {
    browser ??= await launchBrowser(executable, tmp);
    const page = await browser.newPage();
    const url = pathToFileURL(file).href;
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url() !== url) requests.push(r.url());
    });
    await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return { page, requests };
  }

  /** The checks every fixture shares: one A4 page, no sideways overflow, printed at 100 %. */
  async function common(id: string, title: string): Promise<{ page: Page; requests: string[]; words: PdfWord[]; text: string }> {
    const { html, pdf } = files(id);
    assert.match(stdout.get(id) ?? '', /: Fits on one A4 page \(\d+\.\d of 275 mm used\)\.$/, stdout.get(id));
    const pages = pdfPages(readFileSync(pdf));
    assert.equal(pages.length, 1, `${id}: one page`);
    assert.deepEqual(pages[0].map(Math.round), [0, 0, 595, 842], 'A4 MediaBox');

    const { page, requests } = await open(html);
    const layout = await horizontalOverflow(page);
    assert.deepEqual(layout.wider, [], 'no element wider than the page');
    assert.ok(layout.scrollWidth <= layout.clientWidth, `the page does not scroll sideways (${layout.scrollWidth} > ${layout.clientWidth})`);

    // Printed at 100 %: the title's first word (CSS 17pt) is 17 pt in the PDF (shrunk to fit the
    // page it would be 15-40 % smaller).
    const words = pdfWords(pdf);
    const first = words.find((w) => w.text === title.split(' ')[0]);
    assert.ok(first, `${title} in the PDF`);
    const size = fontSizePt(pdf, first);
    assert.ok(Math.abs(size - 17) < 0.1, `the title is printed at ${size.toFixed(2)} pt, its CSS size is 17pt`);
    const text = pdfText(pdf);
    assert.ok(text.replace(/\s+/g, ' ').includes(title), `the title "${title}" in the PDF`);
    return { page, requests, words, text };
  }

  /** The stage labels of the drawing whose right edge (SVG units, CSS px) reaches past their column (`timeline.ts`). */
  const labelsPastColumn = (page: Page) =>
    page.$$eval('#msp-timeline-drawing .tl-name, #msp-timeline-drawing .tl-meta', (texts, max) =>
      (texts as SVGTextElement[]).filter((t) => t.getBBox().x + t.getBBox().width > max).map((t) => `${t.textContent} ${t.getBBox().width}`), LABEL_COLUMN_PX);

  for (const plan of PLANS) {
    it(`prints a plan of ${plan.months} month(s) on one A4 page at 100 %: every name, its real period, an axis that fits`, async () => {
      const { page, words, text } = await common(plan.id, plan.title);
      const { stages, milestones } = planFor(plan.months);
      const flat = text.replace(/\s+/g, ' ');
      for (const name of [...stages.map((s) => s.name), ...milestones.map((m) => m.name)]) assert.ok(flat.includes(name), `${name} in the PDF`);
      // The stage names on the drawing (10px in CSS, one SVG unit per px) are 7.5 pt in the PDF.
      const stageWord = words.find((w) => w.text === STAGES[0]);
      assert.ok(stageWord);
      assert.ok(Math.abs(fontSizePt(files(plan.id).pdf, stageWord) - 7.5) < 0.1, `stage name at ${fontSizePt(files(plan.id).pdf, stageWord)} pt`);

      // The title block's period is the plan's own first and last month, never the axis's padding.
      const last = plus(START, plan.months - 1);
      const period = plan.months === 1 ? monthText(START) : `${monthText(START)} – ${monthText(last)}`;
      assert.equal(/^PERIOD\n(.*)$/m.exec(text)?.[1], period);

      // The axis labels, measured in the laid-out drawing (SVG units are CSS px): the unit the
      // span condenses to, each label inside the drawing, none overlapping its neighbour.
      // (No named functions inside `evaluate`: tsx would wrap them in a helper the page lacks.)
      const [bottom, top] = await page.evaluate((selectors) =>
        selectors.map((selector) =>
          Array.from(document.querySelectorAll<SVGTextElement>(`#msp-timeline-drawing ${selector}`)).map((t) => {
            const b = t.getBBox();
            return { cls: t.getAttribute('class') ?? '', text: t.textContent ?? '', left: b.x, right: b.x + b.width };
          }),
        ), ['.tl-month, .tl-quarter, .tl-years', '.tl-year']);
      const rows = { bottom, top };
      assert.deepEqual(await labelsPastColumn(page), [], 'stage labels inside their column');
      assert.ok(rows.bottom.length > 0, 'axis labels');
      assert.deepEqual([...new Set(rows.bottom.map((l) => l.cls))], [plan.axis], rows.bottom.map((l) => l.text).join(' '));
      for (const row of [rows.bottom, rows.top]) {
        const sorted = [...row].sort((a, b) => a.left - b.left);
        for (const [i, label] of sorted.entries()) {
          assert.ok(label.left >= 0 && label.right <= PRINTABLE_WIDTH_PX, `${label.text} at ${label.left}..${label.right} px`);
          if (i > 0) assert.ok(sorted[i - 1].right <= label.left, `${sorted[i - 1].text} (to ${sorted[i - 1].right} px) overlaps ${label.text} (from ${label.left} px)`);
        }
      }
      console.log(`      ${plan.id}: axis ${plan.axis}, ${rows.bottom.length} labels: ${rows.bottom.map((l) => l.text).join(' ')}`);
      await page.close();
    });
  }

  it('draws any span in bounded time and size: the 50-year plan no larger than the 36-month one', async () => {
    const figures: string[] = [];
    const sizes = new Map<string, number>();
    for (const plan of PLANS) {
      const report = await loadProject(nodeHost, path.join(ws, plan.id));
      const started = performance.now();
      const rendered = renderProposal(report, { date: '2026-08-20' });
      const ms = performance.now() - started;
      sizes.set(plan.id, rendered.html.length);
      figures.push(`${plan.id} ${ms.toFixed(1)} ms ${rendered.html.length} chars`);
      // Generous: a render is milliseconds; this only catches work that grows with the span.
      assert.ok(ms < 2000, `${plan.id} rendered in ${ms} ms`);
    }
    console.log(`      renderProposal: ${figures.join(', ')}`);
    // The axis has at most one label per 16 px whatever the span, so 50 years draw no more than 3 years.
    assert.ok((sizes.get('span-50y') ?? Infinity) <= (sizes.get('span-36m') ?? 0) * 1.1, figures.join(', '));
  });

  it('shortens stage labels by their printed width: wide names stay in their column, the width table is Chromium\'s', async () => {
    const sample = docsOf(SAMPLE);
    const wide = ['MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM', 'SHAREPOINT MIGRATION WAVE ONE AND TWO', 'WWW WWW WWW WWW WWW WWW WWW WWW WWW WWW', 'Rijksbelastingdienstgegevensuitwisselingsinfrastructuur'];
    const plan = sample.plan as { stages: Array<Record<string, unknown>> };
    const dir = writeProject('wide-names', { 'plan.yaml': { ...plan, stages: plan.stages.map((s, i) => ({ ...s, name: wide[i] ?? s.name })) } });
    const file = path.join(tmp, 'wide-names.html');
    writeFileSync(file, standaloneHtml(renderProposal(await loadProject(nodeHost, dir), { date: '2026-08-20' })));
    const { page } = await open(file);
    assert.deepEqual(await labelsPastColumn(page), []);
    // The table of `textWidth.ts` is what Chromium measures in the bundled Arimo, rounded up.
    const chars = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), ...Array.from({ length: 96 }, (_, i) => String.fromCharCode(160 + i)), ...'–—‘’“”•…€'];
    const measured = await page.evaluate(async (all) => {
      const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
      const out: number[][] = [];
      for (const weight of [400, 700]) {
        await document.fonts.load(`${weight} 100px Arimo`, all.join(''));
        context.font = `${weight} 1000px Arimo`;
        out.push(all.map((c) => Math.ceil(context.measureText(c).width - 1e-6)));
      }
      return out;
    }, chars);
    const differ = chars.filter((c, i) => measured[0][i] !== graphemeWidth(c, 400) || measured[1][i] !== graphemeWidth(c, 700));
    assert.deepEqual(differ, [], 'characters whose width differs from Chromium\'s');
    await page.close();
  });

  it('embeds local images (relative, backslashes, .., file: URL) and never fetches a remote one', async () => {
    const { page, requests, text } = await common('markdown', 'Images and a table');
    const html = readFileSync(files('markdown').html, 'utf8');
    // Each local image is in the export as a data: URL of its own bytes.
    const embedded = [...html.matchAll(/<img class="md-image" src="data:image\/png;base64,([^"]+)" alt="([^"]*)">/g)];
    const expected = Object.values(IMAGES).map((image) => readFileSync(path.join(ws, image.file)).toString('base64'));
    assert.deepEqual(embedded.map((m) => m[1]).sort(), [...expected].sort(), embedded.map((m) => m[2]).join());
    assert.deepEqual(embedded.map((m) => m[2]).sort(), ['Above diagram', 'Backslash diagram', 'File URL diagram', 'Local diagram']);
    // The remote one is a placeholder with its text, its address only in a tooltip.
    assert.ok(html.includes(`<span class="md-image-missing" title="${REMOTE}">Remote diagram</span>`));
    assert.doesNotMatch(html, /\bsrc="(?!data:)/);
    assert.ok(text.replace(/\s+/g, ' ').includes('[Remote diagram]'), 'the placeholder is printed');

    // In the page: every image decoded at its own size and shown; no request left the page.
    const shown = await page.$$eval('img.md-image', (imgs) =>
      (imgs as HTMLImageElement[]).map((img) => `${img.naturalWidth}x${img.naturalHeight} ${img.getBoundingClientRect().width > 0 && img.complete}`),
    );
    assert.deepEqual(shown.sort(), Object.values(IMAGES).map((i) => `${i.size[0]}x${i.size[1]} true`).sort());
    const wide = await page.$eval('img[alt="Above diagram"]', (img) => [img.getBoundingClientRect().width, (img.closest('li') as HTMLElement).getBoundingClientRect().width]);
    assert.ok(wide[0] > 0 && wide[0] <= wide[1], `the wide image is ${wide[0]} px in a column of ${wide[1]} px`);
    assert.deepEqual(requests, [], 'no request left the page');
    await page.close();

    // In the PDF: the four images, each drawn once at its own pixel size.
    const images = pdfImages(files('markdown').pdf);
    assert.deepEqual(images.map((i) => `${i.width}x${i.height}`).sort(), Object.values(IMAGES).map((i) => `${i.size[0]}x${i.size[1]}`).sort());
    assert.ok(images.every((i) => i.page === 1));
  });

  it('prints a Markdown table as a table: its cells in the PDF row by row, left to right', async () => {
    const html = readFileSync(files('markdown').html, 'utf8');
    const table = /<div class="md summary">[\s\S]*?(<table>[\s\S]*?<\/table>)/.exec(html)?.[1];
    assert.ok(table, 'a <table> in the summary');
    const cells = [...table.matchAll(/<t[hd][^>]*>([^<]*)<\/t[hd]>/g)].map((m) => m[1]);
    assert.deepEqual(cells, TABLE.flat());

    const words = pdfWords(files('markdown').pdf);
    const at = TABLE.map((row) =>
      row.map((cell) => {
        const found = words.filter((w) => w.text === cell);
        assert.equal(found.length, 1, `${cell} once in the PDF`);
        return found[0];
      }),
    );
    for (const [r, row] of at.entries()) {
      for (const [c, cell] of row.entries()) {
        // Same line as the row's first cell, right of its left neighbour, below the row above.
        assert.ok(Math.abs(cell.yMin - row[0].yMin) < 1, `${TABLE[r][c]} on the line of ${TABLE[r][0]}`);
        if (c > 0) assert.ok(cell.xMin > row[c - 1].xMax, `${TABLE[r][c]} right of ${TABLE[r][c - 1]}`);
        if (r > 0) assert.ok(cell.yMin > at[r - 1][0].yMax - 0.5, `${TABLE[r][c]} below row ${r}`);
      }
    }
  });
});
