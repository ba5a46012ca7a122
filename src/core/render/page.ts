/**
 * Geometry of the printed A4 page, the one source for the print CSS (`@page`), the sheet in the
 * preview and the one-page check. All lengths in millimetres.
 */
export const A4 = {
  widthMm: 210,
  heightMm: 297,
  margin: { topMm: 11, rightMm: 13, bottomMm: 11, leftMm: 13 },
} as const;

/** Height of the printable area: what the content may fill on one page (275 mm). */
export const PRINTABLE_HEIGHT_MM = A4.heightMm - A4.margin.topMm - A4.margin.bottomMm;

/** Width of the printable area (184 mm): the width the content is laid out at, on screen and in print. */
export const PRINTABLE_WIDTH_MM = A4.widthMm - A4.margin.leftMm - A4.margin.rightMm;

/** CSS pixels per millimetre (CSS fixes 96 px to the inch). */
export const PX_PER_MM = 96 / 25.4;

/**
 * Width in CSS pixels of the printable area, used as the SVG drawings' coordinate width so
 * that one SVG unit is one CSS pixel and their text matches the body text size.
 */
export const PRINTABLE_WIDTH_PX = Math.round(PRINTABLE_WIDTH_MM * PX_PER_MM);
