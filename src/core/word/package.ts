/**
 * Packs a `docx` Document into the bytes of a `.docx` file and names the font fallback: the
 * document's runs use Arimo (the A4's font, metric-compatible with Arial), and the font table says
 * so (`w:altName` Arial, family `swiss`), so Word and LibreOffice without Arimo lay the text out in
 * Arial rather than their default font. The `docx` package writes a font table only for embedded
 * fonts, so the entry is added to `word/fontTable.xml` in the package (with JSZip, which `docx`
 * itself uses).
 */
import JSZip from 'jszip';
import { type Document, Packer } from 'docx';

const FONT_TABLE = 'word/fontTable.xml';
const ARIMO = '<w:font w:name="Arimo"><w:altName w:val="Arial"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>';
const COUSINE = '<w:font w:name="Cousine"><w:altName w:val="Courier New"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>';

/**
 * The `.docx` bytes of `document`, with the font table naming Arimo and Cousine with their fallbacks;
 * `transformBody`, when given, rewrites the XML of `word/document.xml` (what `docx` cannot write).
 */
export async function packDocument(document: Document, transformBody?: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await Packer.toBuffer(document));
  const body = transformBody && (await zip.file('word/document.xml')?.async('string'));
  if (transformBody && body !== undefined) zip.file('word/document.xml', transformBody(body));
  const table = await zip.file(FONT_TABLE)?.async('string');
  if (table !== undefined) {
    const fonts = ARIMO + COUSINE;
    const patched = /<w:fonts[^>]*\/>/.test(table)
      ? table.replace(/<w:fonts([^>]*)\/>/, `<w:fonts$1>${fonts}</w:fonts>`)
      : table.replace('</w:fonts>', `${fonts}</w:fonts>`);
    zip.file(FONT_TABLE, patched);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
