/** src/core/common: public face of the group. */
export { DAY_PATTERN, MONTH_PATTERN, addMonths, monthNames, daysBetween, formatDay, formatMonth, isDay, monthOfDay, monthSpan, todayIso } from './dates';
export { setTranslations, t, translationGeneration } from './l10n';
export { LineIndex, stripBom } from './text';
export type { Diagnostic, DocumentKind, DocumentState, Phase, Range, Severity } from './types';
export { isA4Measurement, longestSections, sameOnePageFinding, sectionName } from './measurement';
export type { A4Measurement } from './measurement';
export { LANGUAGES, languageOf } from './language';
export type { Language } from './language';
