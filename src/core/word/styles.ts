/**
 * The paragraph styles of the Word documents (the proposal and the redline): Arimo, the A4's sizes
 * and colours (`src/core/render/css.ts`), Word's own Title, Heading 1, Heading 2 and Quote styles, so
 * the navigation pane and a table of contents work. Sizes in half-points, spacing in twips.
 */
import { BorderStyle } from 'docx';
import type { Language } from '../common';
import { COLOURS } from './tables';

/** The `styles` option of a `docx` Document in `language`, its subheadings in `accent` (hex without `#`). */
export function documentStyles(language: Language, accent: string) {
  const lang = { value: language === 'nl' ? 'nl-NL' : 'en-GB' };
  return {
    default: {
      document: { run: { font: 'Arimo', size: 19, color: COLOURS.ink, language: lang }, paragraph: { spacing: { after: 60, line: 264 } } },
      title: { run: { font: 'Arimo', size: 40, bold: true, color: COLOURS.navy }, paragraph: { spacing: { after: 60 } } },
      heading1: { run: { font: 'Arimo', size: 26, bold: true, color: COLOURS.navy }, paragraph: { spacing: { before: 280, after: 100 }, keepNext: true } },
      heading2: { run: { font: 'Arimo', size: 21, bold: true, color: accent }, paragraph: { spacing: { before: 160, after: 60 }, keepNext: true } },
    },
    // Word's own built-in Quote style (its id and name), for the client's request.
    paragraphStyles: [
      {
        id: 'Quote',
        name: 'Quote',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { italics: true },
        paragraph: { indent: { left: 284 }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: COLOURS.rule, space: 6 } } },
      },
    ],
  };
}
