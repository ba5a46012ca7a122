/**
 * The one-page check in words, for the user (UI language, through `t()`): the line the command
 * line reports and the preview's banner. The `plan.overflows-a4` warning on plan.yaml is a method
 * rule (`src/core/rules/plan.ts`).
 */
import { overflowFinding, t } from '../common';
import type { A4Measurement } from '../common';

/** One line on the result of the one-page check: it fits (with the height used), or the finding (`overflowFinding`). */
export function describeMeasurement(measurement: A4Measurement): string {
  if (measurement.fits) {
    return t('Fits on one A4 page ({0} of {1} mm used).', measurement.contentHeightMm.toFixed(1), measurement.availableHeightMm.toFixed(0));
  }
  return overflowFinding(measurement);
}
