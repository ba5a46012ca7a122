/**
 * HTML escaping and the link check, apart from `markdown.ts` so that the parts of the proposal
 * that are bundled with the extension and the command line (embedding, preview page, link
 * checks) do not pull in markdown-it; the renderer itself is `dist/render.js`, loaded on first use.
 */

/** Characters that are special in HTML text and attribute values. */
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes a value for HTML text or a quoted attribute (also inside inline SVG). */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * True for a link the proposal may carry: `http(s)://…` or `mailto:…`. The check runs on the
 * URL as the browser will see it: entities decoded (markdown-it does that before) and ASCII
 * whitespace and control characters removed, since browsers ignore those in a scheme
 * (`java\tscript:` is `javascript:`).
 */
export function isSafeLink(url: string): boolean {
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
  return /^(?:https?:\/\/|mailto:)/.test(compact);
}

/** True for an image source that names a remote resource (`http:`, `https:`, `//host`, any scheme but `file:`). */
export function isRemoteImage(src: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(src.trim()) && !/^file:/i.test(src.trim());
}
