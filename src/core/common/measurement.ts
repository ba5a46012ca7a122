/**
 * The result of the one-page check (the A4 measurement): made by the measurement script in the
 * laid-out page (`src/core/render/measure.ts`), read by the preview, the command line and the
 * `plan.overflows-a4` rule.
 */

/** Result of the one-page check, in millimetres of the printed page. */
export interface A4Measurement {
  /** True when the laid-out content fits the printable area of one A4 page. */
  fits: boolean;
  /** How far the content runs past the printable area (0 when it fits), to 0.1 mm. */
  overflowMm: number;
  /** `overflowMm` as a percentage of the printable height, to 0.1 %. */
  overflowPercent: number;
  /** Height of the laid-out content. */
  contentHeightMm: number;
  /** Height of the printable area (297 mm minus the top and bottom margins). */
  availableHeightMm: number;
  /** Height of each section of the sheet (`data-section`), in document order. */
  sections: Array<{ id: string; heightMm: number }>;
}

/** Checks the shape of a measurement that crossed a process or webview boundary: every number finite. */
export function isA4Measurement(value: unknown): value is A4Measurement {
  const m = value as A4Measurement | null;
  return (
    !!m &&
    typeof m.fits === 'boolean' &&
    [m.overflowMm, m.overflowPercent, m.contentHeightMm, m.availableHeightMm].every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    Array.isArray(m.sections) &&
    m.sections.every((s) => !!s && typeof s.id === 'string' && typeof s.heightMm === 'number')
  );
}

