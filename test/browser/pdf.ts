/**
 * What the browser tests read from a printed PDF (poppler-utils: `pdftotext`, `pdfimages`) and
 * from a laid-out page, shared by `render.browser.test.ts`, `fixtures.browser.test.ts` and `scripts.browser.test.ts`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { browserEnvironment } from '../../src/core/render/fontconfig';

/** Pages and page sizes of a PDF from Chromium (its page objects are not compressed). */
export function pdfPages(pdf: Buffer): Array<[number, number, number, number]> {
  const text = pdf.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page(?![s\w])[\s\S]*?>>/g) ?? [];
  return pages.map((page) => {
    const box = /\/MediaBox\s*\[\s*([\d.\s-]+)\]/.exec(page) ?? /\/MediaBox\s*\[\s*([\d.\s-]+)\]/.exec(text);
    return (box?.[1].trim().split(/\s+/).map(Number) ?? []) as [number, number, number, number];
  });
}

/** A word of a PDF with its box in points, from the top left of its page (`pdftotext -bbox`). */
export interface PdfWord {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Words of a PDF with their boxes in points (`pdftotext -bbox`, poppler-utils), all pages in order. */
export function pdfWords(file: string): PdfWord[] {
  const xhtml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  return [...xhtml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: m[5].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'),
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
  }));
}

/**
 * The font size, in points, a word of `file` is printed at. `pdftotext -bbox` gives a word the
 * height `size × (Ascent − Descent) / 1000`, the font descriptor's ascent and descent (poppler's
 * TextOutputDev), so the size is its height divided by that. Throws when the PDF's fonts do not
 * all share one ascent and descent (the bundled Arimo faces do), since the word's face is unknown.
 */
export function fontSizePt(file: string, word: PdfWord): number {
  const pdf = readFileSync(file).toString('latin1');
  const metrics = new Set([...pdf.matchAll(/\/Ascent\s+([\d.]+)\s*\/Descent\s+(-?[\d.]+)/g)].map((m) => Number(m[1]) - Number(m[2])));
  if (metrics.size !== 1) throw new Error(`the fonts of ${file} have ${metrics.size} different heights: ${[...metrics].join(', ')}`);
  return (word.yMax - word.yMin) / ([...metrics][0] / 1000);
}

/** The images drawn in a PDF, one per drawing, as `pdfimages -list` lists them (masks left out). */
export function pdfImages(file: string): Array<{ page: number; width: number; height: number }> {
  const lines = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2);
  return lines
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length > 4 && cols[2] === 'image')
    .map((cols) => ({ page: Number(cols[0]), width: Number(cols[3]), height: Number(cols[4]) }));
}

/** A headless Chromium launched as the export launches it: the bundled fonts known to fontconfig (`fontconfig.ts`). */
export async function launchBrowser(executable: string, tmp: string): Promise<Browser> {
  return chromium.launch({ executablePath: executable, env: await browserEnvironment(tmp), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
}

/**
 * Horizontal overflow of the laid-out proposal in `page`: the elements (class or tag) reaching past
 * the right edge of the sheet's content box, and the document's scroll and client widths (px).
 */
export async function horizontalOverflow(page: Page): Promise<{ wider: string[]; scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => {
    const content = document.querySelector('.sheet-content') as HTMLElement;
    const box = content.getBoundingClientRect();
    const wider = Array.from(content.querySelectorAll('*')).filter((el) => el.getBoundingClientRect().right > box.right + 0.5).map((el) => el.getAttribute('class') || el.tagName);
    return { wider, scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth };
  });
}
