/** Reading a `.docx` back in tests: its XML parts (JSZip) and its text and headings (mammoth, an independent reader). */
import JSZip from 'jszip';
import * as mammoth from 'mammoth';

/** One XML part of a `.docx`, e.g. `word/document.xml`. */
export async function docxPart(data: Uint8Array, part: string): Promise<string> {
  const text = await (await JSZip.loadAsync(data)).file(part)?.async('string');
  if (text === undefined) throw new Error(`${part} is not in the package`);
  return text;
}

/** The document as mammoth reads it: HTML (headings by Word's heading styles) and its plain text. */
export async function readDocx(data: Uint8Array): Promise<{ html: string; text: string; headings: Array<[string, string]> }> {
  const buffer = Buffer.from(data);
  const html = (await mammoth.convertToHtml({ buffer })).value;
  const text = (await mammoth.extractRawText({ buffer })).value;
  const decode = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
  const headings = [...html.matchAll(/<(h[1-6])>(.*?)<\/h[1-6]>/g)].map((m): [string, string] => [m[1], decode(m[2])]);
  return { html, text, headings };
}

/** Asserts `needles` occur in `haystack` in this order; returns the first missing or misplaced one. */
export function firstOutOfOrder(haystack: string, needles: readonly string[]): string | undefined {
  let from = 0;
  for (const needle of needles) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return needle;
    from = at + needle.length;
  }
  return undefined;
}
