/**
 * A Word redline between two versions of a proposal: `exports/<id>-v<a>-to-v<b>.docx`, the text of
 * version b in which every change from version a is a tracked change (`w:ins` / `w:del`) that the
 * client can accept or reject in Word. Its input is the proposal as text, one fact per line
 * (`proposalText` in `src/core/delivery/proposalText.ts`, or the `.md` a snapshot stored), the same
 * texts "Compare Proposal Versions" shows side by side: so added or removed scope items, stages,
 * stakeholders and risks are whole inserted or deleted paragraphs (their paragraph marks tracked
 * too, so accepting or rejecting leaves no empty line), and a changed line is diffed word by word.
 *
 * Lines are matched with the `diff` package (`diffArrays`, Myers' algorithm); a removed and an added
 * line of the same kind (heading, list item, quote, text) that share at least half their words are
 * one changed paragraph, otherwise the old one is deleted and the new one inserted.
 */
import { diffArrays } from 'diff';
import { AlignmentType, DeletedTextRun, Document, Header, HeadingLevel, InsertedTextRun, Paragraph, type ParagraphChild, TextRun } from 'docx';
import { type Language, todayIso } from '../common';
import type { HouseStyle } from '../render';
import { packDocument } from './package';
import { COLOURS, PAGE } from './tables';
import { documentStyles } from './styles';

/** Options of `redlineDocx`. */
export interface RedlineOptions {
  /** The project id, for the file name. */
  id: string;
  /** The version compared from (`a`, e.g. `0.2`) and to (`b`); the file is `<id>-v<a>-to-v<b>.docx`. */
  from: string;
  to: string;
  /** The project's language: the header text and the document language. Default `en`. */
  language?: Language;
  /** The day of the changes (`YYYY-MM-DD`), the `w:date` of every tracked change; default today. */
  date?: string;
  /** The author of the tracked changes; default the house style's company, else "MSP Project Docs". */
  author?: string;
  /** The MSP's house style (company in the header, accent colour of the subheadings). */
  style?: HouseStyle;
}

/** A redline: its bytes, its file name and how many changes (tracked insertions and deletions) it holds. */
export interface DocxRedline {
  data: Uint8Array;
  fileName: string;
  changes: number;
}

type Kind = 'title' | 'h1' | 'h2' | 'quote' | 'item' | 'subitem' | 'text';

interface Line {
  kind: Kind;
  text: string;
}

const HEADER: Record<Language, (a: string, b: string) => string> = {
  en: (a, b) => `Changes from version ${a} to version ${b}`,
  nl: (a, b) => `Wijzigingen van versie ${a} naar versie ${b}`,
};

/** One line of the proposal text as a paragraph kind and its shown text (Markdown markers removed). */
function parseLine(raw: string): Line {
  const strip = (s: string) => s.replace(/\*\*/g, '').trim();
  const m = /^(#{1,3}) (.*)$/.exec(raw);
  if (m) return { kind: (['title', 'h1', 'h2'] as const)[m[1].length - 1], text: strip(m[2]) };
  if (raw.startsWith('> ')) return { kind: 'quote', text: strip(raw.slice(2)) };
  if (/^\s+- /.test(raw)) return { kind: 'subitem', text: strip(raw.replace(/^\s+- /, '')) };
  if (raw.startsWith('- ')) return { kind: 'item', text: strip(raw.slice(2)) };
  return { kind: 'text', text: strip(raw) };
}

/** The non-blank lines of a proposal text. */
function linesOf(text: string): string[] {
  return text.split(/\r?\n/).filter((l) => l.trim() !== '');
}

/** Words and the white space between them, so a diff keeps whole words (`0.2` → `0.3`, not `2` → `3`). */
function tokens(text: string): string[] {
  return text.split(/(\s+)/).filter(Boolean);
}

/** Share of the two texts' characters in words they have in common (0 to 1). */
function similarity(a: string, b: string): number {
  if (!a.length && !b.length) return 1;
  const common = diffArrays(tokens(a), tokens(b))
    .filter((p) => !p.added && !p.removed)
    .reduce((n, p) => n + p.value.join('').length, 0);
  return (2 * common) / (a.length + b.length);
}

/** The paragraphs of the redline and the number of tracked changes (their ids run from 1). */
function redlineParagraphs(before: string, after: string, author: string, date: string): { paragraphs: Paragraph[]; changes: number } {
  let id = 0;
  const attrs = () => ({ id: ++id, author, date });
  const paragraphs: Paragraph[] = [];
  const same = (line: Line) => paragraph(line.kind, [new TextRun(line.text)]);
  const inserted = (line: Line) => paragraph(line.kind, [new InsertedTextRun({ text: line.text, ...attrs() })]);
  const deleted = (line: Line) => paragraph(line.kind, [new DeletedTextRun({ text: line.text, ...attrs() })]);
  const changed = (old: Line, now: Line) => {
    const runs: ParagraphChild[] = diffArrays(tokens(old.text), tokens(now.text)).map((part) => {
      const text = part.value.join('');
      if (part.added) return new InsertedTextRun({ text, ...attrs() });
      if (part.removed) return new DeletedTextRun({ text, ...attrs() });
      return new TextRun(text);
    });
    return paragraph(now.kind, runs);
  };
  const parts = diffArrays(linesOf(before), linesOf(after));
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (!part.added && !part.removed) {
      paragraphs.push(...part.value.map((l) => same(parseLine(l))));
      continue;
    }
    // A removed block and the added block beside it (either order) are one replacement.
    const next = parts[i + 1];
    const pair = next && (part.removed ? next.added : next.removed) ? next : undefined;
    if (pair) i++;
    const removed = (part.removed ? part.value : (pair?.value ?? [])).map(parseLine);
    const added = (part.added ? part.value : (pair?.value ?? [])).map(parseLine);
    let j = 0;
    for (const old of removed) {
      let k = j;
      while (k < added.length && !(added[k].kind === old.kind && similarity(old.text, added[k].text) >= 0.5)) k++;
      if (k === added.length) {
        paragraphs.push(deleted(old));
        continue;
      }
      while (j < k) paragraphs.push(inserted(added[j++]));
      paragraphs.push(changed(old, added[j++]));
    }
    while (j < added.length) paragraphs.push(inserted(added[j++]));
  }
  return { paragraphs, changes: id };
}

function paragraph(kind: Kind, children: ParagraphChild[]): Paragraph {
  switch (kind) {
    case 'title':
      return new Paragraph({ heading: HeadingLevel.TITLE, children });
    case 'h1':
      return new Paragraph({ heading: HeadingLevel.HEADING_1, children });
    case 'h2':
      return new Paragraph({ heading: HeadingLevel.HEADING_2, children });
    case 'quote':
      return new Paragraph({ style: 'Quote', children });
    case 'item':
      return new Paragraph({ bullet: { level: 0 }, children });
    case 'subitem':
      return new Paragraph({ bullet: { level: 1 }, children });
    default:
      return new Paragraph({ children });
  }
}

/**
 * Tracks the paragraph mark of every paragraph whose whole text is inserted or deleted (a `w:ins` or
 * `w:del` in its `w:pPr/w:rPr`, which the `docx` package cannot write), so that rejecting an added
 * stage or accepting a removed scope item takes the paragraph away, not only its text.
 */
function trackParagraphMarks(xml: string, firstId: number): string {
  let id = firstId;
  return xml.replace(/<w:p>([\s\S]*?)<\/w:p>/g, (whole, inner: string) => {
    const content = inner.replace(/^<w:pPr>[\s\S]*?<\/w:pPr>/, '');
    const kind = (['ins', 'del'] as const).find((k) => new RegExp(`^(?:<w:${k} [^>]*>[\\s\\S]*?</w:${k}>)+$`).test(content));
    if (!kind) return whole;
    const attributes = new RegExp(`<w:${kind} ([^>]*)>`).exec(content)?.[1].replace(/w:id="\d+"/, `w:id="${++id}"`) ?? '';
    const mark = `<w:rPr><w:${kind} ${attributes}/></w:rPr>`;
    return inner.startsWith('<w:pPr>') ? `<w:p>${inner.replace('</w:pPr>', `${mark}</w:pPr>`)}</w:p>` : `<w:p><w:pPr>${mark}</w:pPr>${inner}</w:p>`;
  });
}

/**
 * The redline from the proposal text `before` (version `options.from`) to `after` (version
 * `options.to`) as a `.docx`: the text of `after` with every difference a tracked change. Texts are
 * the lines `proposalText` writes; any Markdown-like text works (a line is a paragraph). Never throws
 * for odd text.
 */
export async function redlineDocx(before: string, after: string, options: RedlineOptions): Promise<DocxRedline> {
  const language = options.language ?? 'en';
  const author = options.author ?? options.style?.company ?? 'MSP Project Docs';
  const date = `${options.date ?? todayIso()}T00:00:00Z`;
  const { paragraphs, changes } = redlineParagraphs(before, after, author, date);
  const accent = options.style?.accentColor?.slice(1).toUpperCase() ?? COLOURS.accent;
  const heading = [options.style?.company, HEADER[language](options.from, options.to)].filter(Boolean).join(' · ');
  const document = new Document({
    creator: author,
    title: HEADER[language](options.from, options.to),
    styles: documentStyles(language, accent),
    features: { trackRevisions: true },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: 500, footer: 500 },
          },
        },
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: heading, color: COLOURS.muted, size: 15 })] })] }) },
        children: paragraphs,
      },
    ],
  });
  const clean = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '').slice(0, 80) || 'proposal';
  const data = await packDocument(document, (xml) => trackParagraphMarks(xml, changes));
  return { data, fileName: `${clean(options.id)}-v${clean(options.from)}-to-v${clean(options.to)}.docx`, changes };
}
