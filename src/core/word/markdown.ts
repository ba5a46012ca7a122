/**
 * Markdown in the documents' text fields as Word paragraphs and runs: the same restricted Markdown
 * as the A4 (`src/core/render/markdown.ts`: no raw HTML, no images or tables, links only for
 * `http:`, `https:` and `mailto:`), parsed with markdown-it. Bold, italics, code and links become
 * run formatting and hyperlinks; list items become bulleted paragraphs; any other block is a plain
 * paragraph of its text.
 */
import MarkdownIt from 'markdown-it';
import { ExternalHyperlink, Paragraph, type ParagraphChild, TextRun, type IRunOptions } from 'docx';
import { isSafeLink } from '../render';

let parser: MarkdownIt.MarkdownIt | undefined;

function md(): MarkdownIt.MarkdownIt {
  if (!parser) {
    parser = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
    parser.disable(['image', 'table']);
    parser.validateLink = isSafeLink;
  }
  return parser;
}

/** Run formatting shared by every run of one piece of text (size in half-points, colour as hex). */
export type RunStyle = Pick<IRunOptions, 'bold' | 'italics' | 'size' | 'color' | 'font'>;

type Token = ReturnType<MarkdownIt.MarkdownIt['parse']>[number];

/** The runs of one inline token's children. */
function inlineRuns(children: readonly Token[], base: RunStyle): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  let bold = 0;
  let italics = 0;
  let link: { href: string; runs: TextRun[] } | undefined;
  const push = (run: TextRun) => (link ? link.runs.push(run) : out.push(run));
  const text = (value: string, extra: RunStyle = {}) =>
    push(new TextRun({ ...base, ...(bold ? { bold: true } : {}), ...(italics ? { italics: true } : {}), ...(link ? { style: 'Hyperlink' } : {}), ...extra, text: value }));
  for (const token of children) {
    switch (token.type) {
      case 'strong_open': bold++; break;
      case 'strong_close': bold--; break;
      case 'em_open': italics++; break;
      case 'em_close': italics--; break;
      case 'code_inline': text(token.content, { font: 'Cousine' }); break;
      case 'softbreak': text(' '); break;
      case 'hardbreak': push(new TextRun({ break: 1 })); break;
      case 'link_open': {
        const href = String(token.attrGet('href') ?? '');
        if (isSafeLink(href) && href) link = { href, runs: [] };
        break;
      }
      case 'link_close':
        if (link) out.push(new ExternalHyperlink({ link: link.href, children: link.runs }));
        link = undefined;
        break;
      default:
        if (token.content) text(token.content);
    }
  }
  return out;
}

/** The runs of a Markdown text read as one line (block structure flattened with spaces). */
export function markdownRuns(source: string, base: RunStyle = {}): ParagraphChild[] {
  const runs: ParagraphChild[] = [];
  for (const token of md().parse(source, {})) {
    if (token.type !== 'inline') continue;
    if (runs.length) runs.push(new TextRun({ ...base, text: ' ' }));
    runs.push(...inlineRuns(token.children ?? [], base));
  }
  return runs;
}

/** A Markdown text as paragraphs: one per paragraph or list item (bulleted). */
export function markdownParagraphs(source: string, base: RunStyle = {}, style?: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let listDepth = 0;
  for (const token of md().parse(source, {})) {
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') listDepth++;
    else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') listDepth--;
    else if (token.type === 'inline') {
      paragraphs.push(
        new Paragraph({ style, children: inlineRuns(token.children ?? [], base), ...(listDepth ? { bullet: { level: Math.min(listDepth - 1, 3) } } : {}) }),
      );
    }
  }
  return paragraphs;
}
