/**
 * What the browser tests read from a printed PDF (poppler-utils: `pdftotext`, `pdfimages`, `pdftoppm`) and
 * from a laid-out page, shared by `render.browser.test.ts`, `fixtures.browser.test.ts`, `scripts.browser.test.ts` and `houseStyle.browser.test.ts`.
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

/** A page of a PDF as pixels: RGB, 3 bytes per pixel, rows from the top. */
export interface PdfRaster {
  width: number;
  height: number;
  /** Dots per inch the page was drawn at. */
  dpi: number;
  rgb: Buffer;
}

/** Draws page `page` (1-based) of `file` at `dpi` with `pdftoppm` (poppler-utils), read back from its binary PPM. */
export function pdfRaster(file: string, page = 1, dpi = 100): PdfRaster {
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), file], { maxBuffer: 64 * 1024 * 1024 });
  // Netpbm P6: "P6" width height maxval, each followed by one whitespace, then the samples.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  if (!header || header[3] !== '255') throw new Error(`pdftoppm gave no 8-bit P6 image for ${file}`);
  const [width, height] = [Number(header[1]), Number(header[2])];
  return { width, height, dpi, rgb: ppm.subarray(header[0].length, header[0].length + width * height * 3) };
}

/**
 * The pixels of `raster` within `tolerance` (per channel) of `rgb`: how many, and the box around
 * them in millimetres from the page's top left (`undefined` when there are none).
 */
export function pixelsOf(raster: PdfRaster, rgb: readonly [number, number, number], tolerance = 2): { count: number; boxMm?: { left: number; top: number; right: number; bottom: number } } {
  let count = 0;
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let y = 0; y < raster.height; y++) {
    for (let x = 0; x < raster.width; x++) {
      const i = (y * raster.width + x) * 3;
      if (Math.abs(raster.rgb[i] - rgb[0]) > tolerance || Math.abs(raster.rgb[i + 1] - rgb[1]) > tolerance || Math.abs(raster.rgb[i + 2] - rgb[2]) > tolerance) continue;
      count++;
      [left, top, right, bottom] = [Math.min(left, x), Math.min(top, y), Math.max(right, x + 1), Math.max(bottom, y + 1)];
    }
  }
  const mm = (px: number): number => (px * 25.4) / raster.dpi;
  return count ? { count, boxMm: { left: mm(left), top: mm(top), right: mm(right), bottom: mm(bottom) } } : { count };
}
