/**
 * The MSP's house style, from the `style` section of the workspace's `.msp-docs.json`: a company
 * name, a logo, an accent colour and a footer text. The A4 (preview, HTML, PDF) and the Word export
 * print it; without one they look as before. Values here are already checked: a bad value in the file
 * is a diagnostic there and is left out here.
 */

import { A4 } from './page';

/** A logo image, as read from its file. */
export interface HouseLogo {
  /** The file's bytes. */
  data: Uint8Array;
  type: 'png' | 'svg';
  /** Its size in CSS pixels (PNG: from the header; SVG: from width/height or viewBox). */
  width: number;
  height: number;
}

/** A checked house style; every part optional. */
export interface HouseStyle {
  company?: string;
  logo?: HouseLogo;
  /** `#rrggbb`, lower case. */
  accentColor?: string;
  footer?: string;
}

/** A text as a CSS string literal (for `content:`), every character outside printable ASCII escaped. */
function cssString(text: string): string {
  return `"${[...text].map((c) => (/[ -~]/.test(c) && c !== '"' && c !== '\\' ? c : `\\${c.codePointAt(0)?.toString(16)} `)).join('')}"`;
}

/** The footer's type: small, muted, in the bundled text font. */
const FOOTER_FONT = 'font-family:Arimo,Arial,sans-serif;font-size:6.5pt;color:#56626e;';

/**
 * The CSS a house style adds to the A4: the accent colour, and a page footer in the bottom margin of
 * the printed page (`@page` margin box, so the sheet's layout and the one-page check are unchanged):
 * `footer`, then `page n/total` from the page counters. On screen (preview, an exported HTML file in
 * a browser) the sheet's `.house-footer` element shows `footer` at the same place, 3 mm into the
 * bottom margin of the sheet (below all content when the sheet runs longer than one page); print
 * hides it.
 */
export function houseStyleCss(style: HouseStyle, footer: string, pageWord: string): string {
  const accent = style.accentColor ? `.sheet{--accent:${style.accentColor};}` : '';
  const { leftMm, rightMm, bottomMm } = A4.margin;
  return (
    accent +
    `@page{@bottom-left{content:${cssString(`${footer} · ${pageWord} `)} counter(page) "/" counter(pages);` +
    `${FOOTER_FONT}vertical-align:top;padding-top:3mm;}}` +
    `@media screen{.sheet{position:relative;}.sheet .house-footer{position:absolute;left:${leftMm}mm;right:${rightMm}mm;` +
    `top:calc(100% - ${bottomMm - 3}mm);${FOOTER_FONT}line-height:1.2;}}` +
    `@media print{.sheet .house-footer{display:none;}}`
  );
}

/** The logo as a `data:` URL for an `<img>`. */
export function logoDataUrl(logo: HouseLogo): string {
  return `data:${logo.type === 'png' ? 'image/png' : 'image/svg+xml'};base64,${Buffer.from(logo.data).toString('base64')}`;
}
