/**
 * The MSP's house style, from the `style` section of the workspace's `.msp-docs.json`: a company
 * name, a logo, an accent colour and a footer text. The A4 (preview, HTML, PDF) and the Word export
 * print it; without one they look as before. Values here are already checked: a bad value in the file
 * is a diagnostic there and is left out here.
 */

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
