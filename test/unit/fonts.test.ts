import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadProject } from '../../src/core/project/workspace';
import { nodeHost } from '../../src/cli/nodeHost';
import { BUNDLED_FACES, facesFor, standaloneHtml, webviewHtml } from '../../src/core/render';
import { fontFilePath } from '../../src/core/render/fonts';
import { renderProposal } from '../../src/core/render/proposal';
import { DUTCH, SAMPLE } from './renderFixtures';
import { PROPOSAL_CSS } from '../../src/core/render/css';

const DATE = { date: '2026-08-20' };

/** Every family named in a `font-family` declaration of a page or sheet, quotes removed. */
function fontFamilies(css: string): string[] {
  const names: string[] = [];
  for (const m of css.matchAll(/font-family:\s*([^;}]+)/g)) {
    for (const name of m[1].split(',')) names.push(name.trim().replace(/^["']|["']$/g, ''));
  }
  return names;
}

/** The `@font-face` rules of a page: family, weight, style and the `src` URL. */
function fontFaces(html: string): Array<{ family: string; weight: string; style: string; url: string }> {
  return [...html.matchAll(/@font-face \{([^{}]*)\}/g)].map(([, body]) => ({
    family: /font-family: "([^"]+)"/.exec(body)?.[1] ?? '',
    weight: /font-weight: (\d+)/.exec(body)?.[1] ?? '',
    style: /font-style: (\w+)/.exec(body)?.[1] ?? '',
    url: /src: url\("([^"]+)"\) format\("woff2"\)/.exec(body)?.[1] ?? '',
  }));
}

describe('bundled fonts of the A4 proposal', () => {
  it('names only the bundled families (and generic ones) in the CSS, no machine font', async () => {
    const r = renderProposal(await loadProject(nodeHost, SAMPLE), DATE);
    const page = standaloneHtml(r);
    const named = new Set(fontFamilies(page));
    assert.deepEqual([...named].sort(), ['Arimo', 'Cousine', 'Noto Sans Arabic', 'inherit', 'monospace', 'sans-serif']);
    assert.doesNotMatch(page, /Arial|Helvetica|Liberation|DejaVu|Segoe|Noto(?! Sans Arabic)|Consolas|Menlo/);
  });

  it('embeds the faces the sample needs as woff2 data: URLs, byte for byte the bundled files', async () => {
    const r = renderProposal(await loadProject(nodeHost, SAMPLE), DATE);
    const faces = fontFaces(standaloneHtml(r));
    // The sample is plain latin text without code: the text family's latin faces, all four.
    assert.deepEqual(
      faces.map((f) => `${f.family} ${f.weight} ${f.style}`),
      ['Arimo 400 normal', 'Arimo 400 italic', 'Arimo 700 normal', 'Arimo 700 italic'],
    );
    for (const face of faces) {
      const m = /^data:font\/woff2;base64,([A-Za-z0-9+/=]+)$/.exec(face.url);
      assert.ok(m, `${face.family} ${face.weight} ${face.style} is a data: URL`);
      const bytes = Buffer.from(m[1], 'base64');
      assert.equal(bytes.subarray(0, 4).toString('latin1'), 'wOF2');
      const bundled = BUNDLED_FACES.find((f) => f.family === face.family && String(f.weight) === face.weight && f.style === face.style && f.subset === 'latin');
      assert.ok(bundled);
      assert.ok(bytes.equals(readFileSync(fontFilePath(bundled))));
    }
  });

  it('adds the latin-ext faces for such text, and the code family only for code', () => {
    const used = (html: string) => [...new Set(facesFor(html).map((f) => `${f.family} ${f.subset}`))];
    assert.deepEqual(used('<p>Dekker &amp; Partners, €48,300 – “quoted”</p>'), ['Arimo latin']);
    assert.deepEqual(used('<p>Łódź</p>'), ['Arimo latin', 'Arimo latin-ext']);
    assert.deepEqual(used('<p>&#x141;&#243;d&#378;</p>'), ['Arimo latin', 'Arimo latin-ext'], 'character references count');
    assert.deepEqual(used('<p>run <code>npm ci</code></p>'), ['Arimo latin', 'Cousine latin']);
  });

  it('loads the faces in the webview from the extension, which the CSP allows', async () => {
    const r = renderProposal(await loadProject(nodeHost, SAMPLE), DATE);
    const html = webviewHtml(r, { nonce: 'n', cspSource: 'https://ext.invalid', fontUri: (f) => `https://ext.invalid/media/fonts/${f}` });
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /(^|; )font-src https:\/\/ext\.invalid(;|$)/);
    assert.deepEqual(
      fontFaces(html).map((f) => f.url),
      BUNDLED_FACES.map((f) => `https://ext.invalid/media/fonts/${f.file}`),
    );
    assert.doesNotMatch(html, /data:font/);
  });
});

describe('glyphs of the A4', () => {
  /** True when the bundled text font (Arimo, latin and latin-ext) has the code point. */
  const covered = (cp: number) =>
    BUNDLED_FACES.some(
      (f) =>
        f.family === 'Arimo' &&
        f.unicodeRange.split(',').some((r) => {
          const [lo, hi = lo] = r.trim().replace(/^U\+/i, '').split('-');
          return cp >= parseInt(lo, 16) && cp <= parseInt(hi, 16);
        }),
    );

  it('prints only characters of the bundled fonts: arrows are drawn, not typed', async () => {
    for (const dir of [SAMPLE, DUTCH]) {
      const { html } = renderProposal(await loadProject(nodeHost, dir), { date: '2026-08-20' });
      // What prints: text outside tags, tooltips (<title>) aside, entities decoded; and the
      // characters the CSS adds (`content: "\201C"`).
      const text = html
        .replace(/<title>[^<]*<\/title>/g, '')
        .replace(/<[^>]*>/g, '')
        .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
        .replace(/&(amp|lt|gt|quot);/g, '&');
      const css = [...PROPOSAL_CSS.matchAll(/content: "([^"]*)"/g)].flatMap((m) => [...m[1].matchAll(/\\([0-9a-f]{4})/gi)].map((x) => String.fromCodePoint(parseInt(x[1], 16))));
      assert.ok(css.includes('\u201C'), 'the quotes the CSS adds are checked');
      const missing = [...new Set([...text, ...css])].filter((c) => !/\s/.test(c) && !covered(c.codePointAt(0) ?? 0));
      assert.deepEqual(missing, [], `${dir}: characters no bundled font has`);
    }
  });
});
