/**
 * The result of the one-page check (the A4 measurement): made by the measurement script in the
 * laid-out page (`src/core/render/measure.ts`), read by the preview, the command line and the
 * `plan.overflows-a4` rule; how two measurements compare and how their sections are named.
 */
import { t } from './l10n';

/** Result of the one-page check, in millimetres of the printed page. */
export interface A4Measurement {
  /**
   * True when the laid-out content fits the printable area of one A4 page: neither taller nor
   * wider than it (a wider page is shrunk to fit by the browser, so it would not print at 100 %).
   */
  fits: boolean;
  /** How far the content runs past the bottom of the printable area (0 when it does not), to 0.1 mm. */
  overflowMm: number;
  /** `overflowMm` as a percentage of the printable height, to 0.1 %. */
  overflowPercent: number;
  /** Height of the laid-out content. */
  contentHeightMm: number;
  /** Height of the printable area (297 mm minus the top and bottom margins). */
  availableHeightMm: number;
  /** Width of the laid-out content: the right edge of the rightmost box or text, from the content's left edge. */
  contentWidthMm: number;
  /** Width of the printable area (210 mm minus the left and right margins). */
  availableWidthMm: number;
  /** How far the content runs past the right edge of the printable area (0 when it does not), to 0.1 mm. */
  overflowWidthMm: number;
  /** The section (`data-section`) whose content runs furthest past the right edge, when one does. */
  widestSection?: string;
  /** Height of each section of the sheet (`data-section`), in document order. */
  sections: Array<{ id: string; heightMm: number }>;
}

/** Checks the shape of a measurement that crossed a process or webview boundary: every number finite. */
export function isA4Measurement(value: unknown): value is A4Measurement {
  const m = value as A4Measurement | null;
  return (
    !!m &&
    typeof m.fits === 'boolean' &&
    [m.overflowMm, m.overflowPercent, m.contentHeightMm, m.availableHeightMm, m.contentWidthMm, m.availableWidthMm, m.overflowWidthMm].every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    (m.widestSection === undefined || typeof m.widestSection === 'string') &&
    Array.isArray(m.sections) &&
    m.sections.every((s) => !!s && typeof s.id === 'string' && typeof s.heightMm === 'number')
  );
}


/**
 * Whether two measurements (either may be absent) make the same one-page finding: both fit or are
 * absent (no finding), or both overflow by the same amounts (height and width) with the same
 * sections at the same heights (the numbers are rounded to 0.1 mm by the measuring script, so equal means equal).
 * Heights of a page that fits do not matter: nothing is reported about them.
 */
export function sameOnePageFinding(a: A4Measurement | undefined, b: A4Measurement | undefined): boolean {
  const over = (m: A4Measurement | undefined): A4Measurement | undefined => (m && !m.fits ? m : undefined);
  const x = over(a);
  const y = over(b);
  if (!x || !y) return !x && !y;
  return (
    x.overflowMm === y.overflowMm &&
    x.overflowPercent === y.overflowPercent &&
    x.overflowWidthMm === y.overflowWidthMm &&
    x.widestSection === y.widestSection &&
    x.sections.length === y.sections.length &&
    x.sections.every((s, i) => s.id === y.sections[i].id && s.heightMm === y.sections[i].heightMm)
  );
}

/** The user's name of a section of the sheet (`data-section`, see `src/core/render/proposal.ts`), in the UI language. */
export function sectionName(id: string): string {
  switch (id) {
    case 'title':
      return t('Title block');
    case 'background':
      return t('Background and goal');
    case 'scope':
      return t('Scope Canvas');
    case 'approach':
      return t('Approach and timeline');
    case 'stakeholders':
      return t('Stakeholders');
    case 'risks':
      return t('Risks');
    case 'revisions':
      return t('Revisions');
    default:
      return id;
  }
}

/** `Scope Canvas 120.2 mm, Approach and timeline 80.1 mm, ...`: the `count` tallest sections, tallest first. */
export function longestSections(measurement: A4Measurement, count = 3): string {
  return [...measurement.sections]
    .sort((a, b) => b.heightMm - a.heightMm)
    .slice(0, count)
    .map((s) => t('{0} {1} mm', sectionName(s.id), s.heightMm.toFixed(1)))
    .join(', ');
}

/**
 * The one-page check's finding in words, in the UI language: too long (with the longest
 * sections), too wide (text that cannot wrap), or both; empty for a page that fits. The one
 * wording of the `plan.overflows-a4` warning (`src/core/rules/plan.ts`), the preview's banner and
 * `msp-docs render` (`describeMeasurement`, `src/core/render/report.ts`).
 */
export function overflowFinding(measurement: A4Measurement): string {
  if (!(measurement.overflowMm > 0)) return widthFinding(measurement, false);
  const long = t(
    'Does not fit on one A4 page: {0} mm ({1} %) too long. Longest sections: {2}.',
    measurement.overflowMm.toFixed(1),
    measurement.overflowPercent.toFixed(1),
    longestSections(measurement),
  );
  const wide = widthFinding(measurement, true);
  return wide ? `${long} ${wide}` : long;
}

/**
 * The width part of a one-page finding, one sentence in the UI language: `It is also 12.0 mm too
 * wide in Scope Canvas.` when `also` (the page is too long as well), else the whole finding.
 * Empty when the content is not too wide.
 */
function widthFinding(measurement: A4Measurement, also: boolean): string {
  if (!(measurement.overflowWidthMm > 0)) return '';
  const mm = measurement.overflowWidthMm.toFixed(1);
  const where = measurement.widestSection ? sectionName(measurement.widestSection) : t('the page');
  return also
    ? t('It is also {0} mm too wide in {1}.', mm, where)
    : t('Does not fit on one A4 page: {0} mm too wide in {1}, so the PDF would print it smaller. Text that cannot wrap (a long word, address or link)?', mm, where);
}
