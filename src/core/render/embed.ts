/**
 * The two ways a rendered proposal becomes a page. Both put the same `RenderedProposal.html`
 * and the same `RenderedProposal.css` into the page; only the wrapping differs:
 *
 * - `standaloneHtml`: the exported file. CSS inlined, the bundled fonts it needs inlined as
 *   `data:` URLs (`fonts.ts`), no script at all, and a CSP that allows nothing but that one
 *   stylesheet (by hash), `data:` fonts and `data:` images, so the file loads nothing from anywhere.
 * - `webviewHtml`: the VS Code preview. A CSP with a per-render nonce and the webview's
 *   `cspSource`; the bundled fonts' `@font-face` rules and the proposal CSS in a nonce'd `<style>`,
 *   the font files, the extension's own stylesheets and scripts by URI (`asWebviewUri`), and the
 *   measurement script inlined with the nonce.
 *
 * In both, the `<style>` is the `@font-face` rules followed by `RenderedProposal.css`, unchanged.
 */
import { createHash } from 'node:crypto';
import { BUNDLED_FACES, embeddedFontCss, fontFaceCss } from './fonts';
import { escapeHtml } from './html';
import { MEASURE_SCRIPT } from './measure';
import type { RenderedProposal } from './proposal';

function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export interface StandaloneOptions {
  /**
   * Inline scripts to add at the end of the body, allowed by hash. Only for internal pages such
   * as the headless measurement; an export passes none.
   */
  scripts?: readonly string[];
}

/**
 * The self-contained HTML page of a proposal (the export; the PDF is printed from it). Throws
 * when a bundled font file cannot be read (`embeddedFontCss`).
 */
export function standaloneHtml(rendered: RenderedProposal, options: StandaloneOptions = {}): string {
  const scripts = options.scripts ?? [];
  const style = embeddedFontCss(rendered.html) + rendered.css;
  const csp = [
    "default-src 'none'",
    `style-src ${cspHash(style)}`,
    'font-src data:',
    // The local images of Markdown fields (`images.ts`) and a house style's logo (`houseStyle.ts`),
    // embedded as data: URLs; nothing is fetched.
    'img-src data:',
    scripts.length ? `script-src ${scripts.map(cspHash).join(' ')}` : '',
    "base-uri 'none'",
    "form-action 'none'",
  ]
    .filter(Boolean)
    .join('; ');
  return (
    `<!DOCTYPE html>\n<html lang="${rendered.language}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${csp}">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="color-scheme" content="light">\n` +
    `<title>${escapeHtml(rendered.title)}</title>\n<style>${style}</style>\n</head>\n<body>\n${rendered.html}\n` +
    scripts.map((s) => `<script>${s}</script>\n`).join('') +
    `</body>\n</html>\n`
  );
}

export interface WebviewEmbedding {
  /** A fresh random nonce for this render (base64 or hex, no quotes). */
  nonce: string;
  /** `webview.cspSource`. */
  cspSource: string;
  /** The webview URI of a bundled font file (`media/fonts/<file>`, see `fonts.ts`). */
  fontUri: (file: string) => string;
  /** Extra stylesheets (the preview's frame, zoom, overflow banner), as webview URIs. */
  styleUris?: readonly string[];
  /** Scripts (the preview's messaging), as webview URIs; they run after the measurement script. */
  scriptUris?: readonly string[];
  /** Trusted markup from the extension placed before / after the sheet (toolbar, banner). */
  before?: string;
  after?: string;
}

/** The webview page of a proposal. */
export function webviewHtml(rendered: RenderedProposal, embedding: WebviewEmbedding): string {
  const { nonce, cspSource } = embedding;
  const n = escapeHtml(nonce);
  const src = escapeHtml(cspSource);
  const csp = `default-src 'none'; style-src ${src} 'nonce-${n}'; script-src 'nonce-${n}'; img-src ${src} data:; font-src ${src}; base-uri 'none'; form-action 'none'`;
  const style = fontFaceCss(BUNDLED_FACES, (f) => embedding.fontUri(f.file)) + rendered.css;
  const links = (embedding.styleUris ?? []).map((u) => `<link rel="stylesheet" href="${escapeHtml(u)}">\n`).join('');
  const scripts = (embedding.scriptUris ?? []).map((u) => `<script nonce="${n}" src="${escapeHtml(u)}"></script>\n`).join('');
  return (
    `<!DOCTYPE html>\n<html lang="${rendered.language}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${csp}">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${escapeHtml(rendered.title)}</title>\n<style nonce="${n}">${style}</style>\n${links}</head>\n<body>\n` +
    `${embedding.before ?? ''}${rendered.html}${embedding.after ?? ''}\n` +
    `<script nonce="${n}">${MEASURE_SCRIPT}</script>\n${scripts}</body>\n</html>\n`
  );
}
