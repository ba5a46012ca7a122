/**
 * The one-page check in words, for the user (UI language, through `t()`): the line the command
 * line reports and the preview's banner. The `plan.overflows-a4` warning on plan.yaml is a method
 * rule (`src/core/rules/plan.ts`).
 */
import { longestSections, t, widthFinding } from '../common';
import type { A4Measurement } from '../common';

/** One line on the result of the one-page check: too long, too wide (text that cannot wrap), or both. */
export function describeMeasurement(measurement: A4Measurement): string {
  if (measurement.fits) {
    return t('Fits on one A4 page ({0} of {1} mm used).', measurement.contentHeightMm.toFixed(1), measurement.availableHeightMm.toFixed(0));
  }
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
