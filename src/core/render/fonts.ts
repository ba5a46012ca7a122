/**
 * The fonts the A4 proposal is set in. They travel with the product, so the text takes the same
 * space on every machine and the one-page check, the preview and the PDF agree wherever they run;
 * the proposal names no font of the machine (only a generic family, for characters the bundled
 * fonts lack).
 *
 * - Arimo, the proposal's text: Arial's metrics, so the layout (designed against Arial and
 *   Liberation Sans) is kept.
 * - Cousine, code in Markdown fields: Courier New's metrics.
 *
 * - Noto Sans Arabic, Arabic script in both (a `fallback` family: it follows the family of each
 *   stack, so Latin text keeps Arimo's and Cousine's metrics), regular and bold.
 *
 * All are under the SIL Open Font License 1.1 and come from the `@fontsource/arimo`,
 * `@fontsource/cousine` and `@fontsource/noto-sans-arabic` packages (pinned in package.json):
 * woff2, each family's subsets (Arimo and Cousine: latin, latin-ext, greek, greek-ext, cyrillic,
 * cyrillic-ext, hebrew, vietnamese; Noto Sans Arabic: arabic) with the packages' `unicode-range`s
 * (`unicode.json` of each package), the weights and styles `css.ts` uses. Characters in none of
 * them (CJK, emoji, …) print only where the machine has a font for them; the rule
 * `project.glyphs-missing` (`src/core/rules/glyphs.ts`) names them. The list is `fonts.json`; `scripts/build.mjs` reads it too
 * and copies the files and the licences into `media/fonts/`, the webview's resource root, which
 * goes into the .vsix. Its `fontconfig` entry names the one face the build also writes as TrueType
 * into `media/fonts/fontconfig/`, for the headless browser's fontconfig (`fontconfig.ts`).
 *
 * - Webview: `fontFaceCss(BUNDLED_FACES, url)` with `asWebviewUri` URLs of `media/fonts/<file>`.
 * - Export, PDF and headless measurement: `embeddedFontCss(html)`, the faces the page needs as
 *   `data:` URLs, read from the files at run time (the font bytes are in no JavaScript bundle).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fonts from './fonts.json';

declare const MSP_DOCS_BUNDLE: boolean | undefined;

/** One bundled font file: one family, weight, style and subset. */
export interface BundledFace {
  /** CSS family name, as `font-family` names it. */
  family: string;
  /** npm package the file comes from (`@fontsource/arimo`). */
  package: string;
  /** The family's role: `sans-serif` for text, `monospace` for code. */
  generic: string;
  weight: number;
  style: 'normal' | 'italic';
  /** Fontsource subset name (`latin`, `greek`, `arabic`, …), one of its family's `subsets` in `fonts.json`. */
  subset: string;
  /** CSS `unicode-range` of the subset (`U+0000-00FF,U+0131,…`). */
  unicodeRange: string;
  /** File name, the same in the package's `files/` and in `media/fonts/`: `arimo-latin-400-normal.woff2`. */
  file: string;
}

const SUBSETS = fonts.subsets as Record<string, string>;

/** Every bundled face, in `fonts.json` order (family, then weight and style, then subset). */
export const BUNDLED_FACES: readonly BundledFace[] = fonts.families.flatMap((f) =>
  f.faces.flatMap(([weight, style]) =>
    f.subsets.map((subset) => ({
      family: f.family,
      package: f.package,
      generic: f.generic,
      weight: Number(weight),
      style: style as BundledFace['style'],
      subset,
      unicodeRange: SUBSETS[subset],
      file: `${f.package.replace(/^@fontsource\//, '')}-${subset}-${weight}-${style}.woff2`,
    })),
  ),
);

/** The families of a stack: those of the generic family, then the `fallback` ones (other scripts), then the generic name. */
function stack(generic: string): string {
  const own = fonts.families.filter((f) => f.generic === generic && !('fallback' in f && f.fallback));
  const fallback = fonts.families.filter((f) => 'fallback' in f && f.fallback);
  return [...own, ...fallback].map((f) => `"${f.family}", `).join('') + generic;
}

/** `font-family` of the proposal's text: the bundled family, the bundled fallback families, then the generic one. */
export const TEXT_FONT_STACK = stack('sans-serif');

/** `font-family` of code in Markdown fields: the bundled family, the bundled fallback families, then the generic one. */
export const CODE_FONT_STACK = stack('monospace');

/** `@font-face` rules for `faces`, each loading its file from `url(face)` (a webview URI, a data: URL). */
export function fontFaceCss(faces: readonly BundledFace[], url: (face: BundledFace) => string): string {
  return faces
    .map(
      (f) =>
        `@font-face { font-family: "${f.family}"; font-style: ${f.style}; font-weight: ${f.weight}; font-display: block; ` +
        `src: url("${url(f)}") format("woff2"); unicode-range: ${f.unicodeRange}; }\n`,
    )
    .join('');
}

/** Code point ranges of a CSS `unicode-range` value. */
function ranges(unicodeRange: string): Array<[number, number]> {
  return unicodeRange.split(',').map((part) => {
    const [lo, hi = lo] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(lo, 16), parseInt(hi, 16)];
  });
}

/** The code points of an HTML text, numeric character references decoded. */
function codePoints(html: string): Set<number> {
  const points = new Set<number>();
  for (const ch of html) points.add(ch.codePointAt(0) ?? 0);
  for (const m of html.matchAll(/&#(x[0-9a-f]+|\d+);/gi)) points.add(m[1][0].toLowerCase() === 'x' ? parseInt(m[1].slice(1), 16) : Number(m[1]));
  return points;
}

/**
 * The faces a page with this markup needs: the text family's latin faces always, a subset's
 * faces when a character of the markup outside the latin range is in its range, and the code
 * family only when the markup has code (`<code>`, `<pre>`).
 */
export function facesFor(html: string): BundledFace[] {
  // A character of the latin subset's range (punctuation such as U+2010 and U+2011, joiners) is
  // set from the latin faces: it pulls in no other subset, though other ranges list it too.
  const latin = ranges(SUBSETS.latin);
  const points = [...codePoints(html)].filter((p) => !latin.some(([lo, hi]) => p >= lo && p <= hi));
  const hasCode = /<(?:code|pre)\b/i.test(html);
  const used = new Map<string, boolean>();
  const subsetUsed = (f: BundledFace) => {
    if (f.subset === 'latin') return true;
    let u = used.get(f.subset);
    if (u === undefined) {
      const rs = ranges(f.unicodeRange);
      u = points.some((p) => rs.some(([lo, hi]) => p >= lo && p <= hi));
      used.set(f.subset, u);
    }
    return u;
  };
  return BUNDLED_FACES.filter((f) => (f.generic !== 'monospace' || hasCode) && subsetUsed(f));
}

/**
 * Where a face's file is read: `media/fonts/` beside `dist/` in the bundles (the build copies
 * it there), the npm package when run from source (tests, tsx).
 */
export function fontFilePath(face: BundledFace): string {
  return typeof MSP_DOCS_BUNDLE !== 'undefined' && MSP_DOCS_BUNDLE
    ? join(__dirname, '..', 'media', 'fonts', face.file)
    : require.resolve(`${face.package}/files/${face.file}`);
}

const base64Cache = new Map<string, string>();

/** A face's file as base64, read once. Throws when the file is missing (`npm run build` copies it). */
function fontBase64(face: BundledFace): string {
  let data = base64Cache.get(face.file);
  if (data === undefined) {
    const file = fontFilePath(face);
    try {
      data = readFileSync(file).toString('base64');
    } catch (e) {
      throw new Error(`The bundled font ${face.file} cannot be read (${file}): ${(e as Error).message}`);
    }
    base64Cache.set(face.file, data);
  }
  return data;
}

/**
 * `@font-face` rules with the faces `html` needs (`facesFor`) as `data:` URLs, for a
 * self-contained page. Throws when a font file cannot be read.
 */
export function embeddedFontCss(html: string): string {
  return fontFaceCss(facesFor(html), (f) => `data:font/woff2;base64,${fontBase64(f)}`);
}
