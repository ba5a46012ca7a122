/**
 * The one-page check in words, for the user (UI language, through `t()`): the command line's
 * report line and the `plan.overflows-a4` warning the extension puts on plan.yaml.
 */
import { type Diagnostic, LineIndex, stripBom, t } from '../common';
import type { A4Measurement } from '../common';

/** The user's name of a section of the sheet (`data-section`). */
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

/** `Scope Canvas 120.2 mm, Approach and timeline 80.1 mm, ...`: the `count` tallest sections. */
export function longestSections(measurement: A4Measurement, count = 3): string {
  return [...measurement.sections]
    .sort((a, b) => b.heightMm - a.heightMm)
    .slice(0, count)
    .map((s) => t('{0} {1} mm', sectionName(s.id), s.heightMm.toFixed(1)))
    .join(', ');
}

/** One line on the result of the one-page check. */
export function describeMeasurement(measurement: A4Measurement): string {
  if (measurement.fits) {
    return t('Fits on one A4 page ({0} of {1} mm used).', measurement.contentHeightMm.toFixed(1), measurement.availableHeightMm.toFixed(0));
  }
  return t(
    'Does not fit on one A4 page: {0} mm ({1} %) too long. Longest sections: {2}.',
    measurement.overflowMm.toFixed(1),
    measurement.overflowPercent.toFixed(1),
    longestSections(measurement),
  );
}

/** Stable code of the overflow warning on plan.yaml. */
export const OVERFLOW_CODE = 'plan.overflows-a4';

/**
 * The warning for plan.yaml when the proposal overflows one page, or `undefined` when it fits.
 * It sits on the `stages` key when the text has one at the top level (that is where most
 * shortening happens), else at the start of the file.
 */
export function overflowDiagnostic(measurement: A4Measurement, planText = ''): Diagnostic | undefined {
  if (measurement.fits) return undefined;
  const text = stripBom(planText);
  const lines = new LineIndex(text);
  const match = /^stages[ \t]*:/m.exec(text);
  const start = match ? match.index : 0;
  const end = match ? start + 'stages'.length : 0;
  return {
    range: lines.visibleRange(start, end),
    severity: 'warning',
    code: OVERFLOW_CODE,
    message: t(
      'The A4 proposal does not fit on one page: {0} mm ({1} %) too long. Longest sections: {2}.',
      measurement.overflowMm.toFixed(1),
      measurement.overflowPercent.toFixed(1),
      longestSections(measurement),
    ),
    data: { overflowMm: measurement.overflowMm, overflowPercent: measurement.overflowPercent, sections: measurement.sections },
  };
}
