/**
 * Markdown in the documents' text fields (descriptions, goal, summary, reasons) as safe HTML.
 *
 * The documents may come from anyone with write access to a repository, and the result is shown in
 * a webview and sent to clients, so the output must never carry active content:
 * - raw HTML is off (`html: false`): tags in the text are printed as text;
 * - links are kept only for `http:`, `https:` and `mailto:`; any other link (relative,
 *   `javascript:`, `data:`, `vbscript:`, `file:`...) becomes plain text, its label kept;
 * - images and tables are off: images would load remote content, tables add `style` attributes;
 * - kept links get `rel="noopener noreferrer"`.
 */
import MarkdownIt from 'markdown-it';
import { isSafeLink } from './html';

export { escapeHtml, isSafeLink } from './html';

function createMarkdown(): MarkdownIt.MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
  md.disable(['image', 'table']);
  md.validateLink = isSafeLink;
  // markdown-it keeps a link whose target failed validation, with an empty href (a link to the
  // page itself). Turn those into plain spans and mark the good ones noopener.
  md.core.ruler.push('msp_safe_links', (state) => {
    for (const block of state.tokens) {
      const stack: boolean[] = [];
      for (const token of block.children ?? []) {
        if (token.type === 'link_open') {
          const href = String(token.attrGet('href') ?? '');
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
