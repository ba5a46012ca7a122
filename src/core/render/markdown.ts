/**
 * Markdown in the documents' text fields (descriptions, goal, summary, reasons) as safe HTML.
 *
 * The documents may come from anyone with write access to a repository, and the result is shown in
 * a webview and sent to clients, so the output must never carry active content:
 * - raw HTML is off (`html: false`): tags in the text are printed as text;
 * - links are kept only for `http:`, `https:` and `mailto:`; any other link (relative,
 *   `javascript:`, `data:`, `vbscript:`, `file:`...) becomes plain text, its label kept;
 * - kept links get `rel="noopener noreferrer"`;
 * - tables are rendered; their column alignment becomes a class (`md-left`, `md-center`,
 *   `md-right`), never a `style` attribute (the pages' CSP allows no inline styles);
 * - images are never fetched by the page: a local image (a path relative to the project folder,
 *   backslashes read as slashes, `..` kept, or a `file:` URL) is shown only through the resolver
 *   the embedding sets with `withImages` (a `data:` URL in the export, a webview URI in the preview);
 *   any other image (remote, or no resolver, or unreadable) becomes a placeholder with its text.
 */
import MarkdownIt from 'markdown-it';
import { isRemoteImage, isSafeLink } from './html';

export { escapeHtml, isSafeLink } from './html';

/**
 * Turns the `src` of a Markdown image into the URL the page may load (`data:` or a webview URI),
 * or `undefined` when it cannot be shown. Gets the source as written.
 */
export type ImageResolver = (src: string) => string | undefined;

let resolveImage: ImageResolver | undefined;

/**
 * Renders with `resolver` for the images of Markdown fields (the render is synchronous, so the
 * resolver holds for exactly the calls inside `fn`).
 */
export function withImages<T>(resolver: ImageResolver | undefined, fn: () => T): T {
  const before = resolveImage;
  resolveImage = resolver;
  try {
    return fn();
  } finally {
    resolveImage = before;
  }
}

function createMarkdown(): MarkdownIt.MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
  // Every link and image is parsed, so that a refused one still shows its label, not its source:
  // links are checked by the rule below (`msp_safe_links`), images by the image renderer.
  md.validateLink = () => true;
  md.renderer.rules.image = (tokens, idx) => {
    const token = tokens[idx];
    const src = String(token.attrGet('src') ?? '');
    const alt = md.utils.escapeHtml(token.children?.map((c) => c.content).join('') ?? token.content);
    const url = !isRemoteImage(src) && resolveImage ? resolveImage(src) : undefined;
    if (url && /^(?:data:image\/|vscode-webview-resource:|https:\/\/[^/]*\.vscode-(?:cdn|resource)\.)/i.test(url)) {
      return `<img class="md-image" src="${md.utils.escapeHtml(url)}" alt="${alt}">`;
    }
    return `<span class="md-image-missing" title="${md.utils.escapeHtml(src)}">${alt || md.utils.escapeHtml(src.split(/[\\/]/).pop() ?? '')}</span>`;
  };
  // Table alignment as classes, not style attributes.
  md.core.ruler.push('msp_table_align', (state) => {
    for (const token of state.tokens) {
      const style = token.attrGet('style');
      if ((token.type === 'th_open' || token.type === 'td_open') && style) {
        const align = /text-align:\s*(left|center|right)/.exec(String(style))?.[1];
        token.attrs = align ? [['class', `md-${align}`]] : null;
      }
    }
  });
  // markdown-it keeps a link whose target failed validation, with an empty href (a link to the
  // page itself). Turn those into plain spans and mark the good ones noopener.
  md.core.ruler.push('msp_safe_links', (state) => {
    for (const block of state.tokens) {
      const stack: boolean[] = [];
      for (const token of block.children ?? []) {
        if (token.type === 'link_open') {
          const href = String(token.attrGet('href') ?? '');
          // A refused link keeps only its label (its source is never shown).
          const safe = isSafeLink(href);
          stack.push(safe);
          if (safe) {
            token.attrSet('rel', 'noopener noreferrer');
          } else {
            token.tag = 'span';
            token.attrs = [['class', 'link-removed']];
          }
        } else if (token.type === 'link_close') {
          if (stack.pop() === false) token.tag = 'span';
        }
      }
    }
  });
  return md;
}

const md = createMarkdown();

/**
 * Renders a Markdown text field to HTML. A text that is one paragraph comes back without the
 * `<p>` wrapper, so that it can sit inline after a bold title.
 */
export function markdown(text: string): string {
  const html = md.render(text).trim();
  const single = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return single && !single[1].includes('<p>') ? single[1] : html;
}

/** Renders a Markdown text field as block HTML (paragraphs and lists kept). */
export function markdownBlock(text: string): string {
  return md.render(text).trim();
}
