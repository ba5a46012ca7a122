/**
 * A Markdown text field on a board card (a scope item's `description`, docs/FORMAT.md "Markdown in
 * text fields"), read by markdown-it as the A4 reads it (`src/core/render/markdown.ts`: CommonMark,
 * `html: false`, so raw HTML stays text) and built into DOM nodes from its inline tokens, never
 * through `innerHTML`: emphasis, strong, strikethrough, inline code and hard line breaks show as
 * such; a link shows its label only (a card is a drag handle, and the board opens nothing); an
 * image shows its text. Paragraphs and list markers are read inline, as one run of text.
 */
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
// Every link and image is parsed, so that one with a refused target still shows its label (as on
// the A4), not its source; the board makes no link of any of them.
md.validateLink = () => true;

/** The elements an inline token may open (markdown-it's tags for `*em*`, `**strong**`, `~~s~~`). */
const WRAPPERS: Readonly<Record<string, 'em' | 'strong' | 's'>> = { em_open: 'em', strong_open: 'strong', s_open: 's' };

/** `text` as DOM nodes of the board's document: text nodes and `em`, `strong`, `s`, `code`, `br` elements. */
export function markdownNodes(text: string): Node[] {
  const root = document.createElement('span');
  const stack: HTMLElement[] = [root];
  const top = () => stack[stack.length - 1];
  for (const token of md.parseInline(text, {})[0]?.children ?? []) {
    const wrapper = WRAPPERS[token.type];
    if (wrapper) {
      const node = document.createElement(wrapper);
      top().append(node);
      stack.push(node);
    } else if (/_close$/.test(token.type)) {
      if (!/^link_/.test(token.type) && stack.length > 1) stack.pop();
    } else if (token.type === 'code_inline') {
      const code = document.createElement('code');
      code.textContent = token.content;
      top().append(code);
    } else if (token.type === 'hardbreak') {
      top().append(document.createElement('br'));
    } else if (token.type === 'softbreak') {
      top().append(' ');
    } else if (token.type === 'image') {
      top().append(token.children?.map((c) => c.content).join('') ?? token.content);
    } else if (token.type !== 'link_open') {
      top().append(token.content);
    }
  }
  return Array.from(root.childNodes);
}
