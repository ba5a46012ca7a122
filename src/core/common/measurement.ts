/**
 * The result of the one-page check (the A4 measurement): made by the measurement script in the
 * laid-out page (`src/core/render/measure.ts`), read by the preview, the command line and the
 * `plan.overflows-a4` rule; how two measurements compare and how their sections are named.
 */
import { t } from './l10n';

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


/**
 * Whether two measurements (either may be absent) make the same one-page finding: both fit or are
 * absent (no finding), or both overflow by the same amount with the same sections at the same
 * heights (the numbers are rounded to 0.1 mm by the measuring script, so equal means equal).
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
