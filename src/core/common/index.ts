/** src/core/common: public face of the group. */
export { DAY_PATTERN, MONTH_PATTERN, addMonths, daysBetween, formatDate, formatDay, formatMonth, isDay, isDayShaped, isMonth, monthFromIndex, monthIndex, monthNames, monthOf, monthOfDay, monthSpan, todayIso } from './dates';
export { METHOD_RULE_CODES, STYLE_CODES } from './codes';
export type { DiagnosticCode, DocumentCheckCode, MethodRuleCode, SchemaCode, StyleCode, YamlCode } from './codes';
export { setTranslations, t, translationGeneration } from './l10n';
export { BOM, LineIndex, applyEdits, bomLength, eolOf, graphemeSegmenter, shiftEdits, shorten, shortenToWidth, stripBom } from './text';
export type { TextEdit } from './text';
export type { Diagnostic, DocumentKind, DocumentState, Phase, Range, Severity } from './types';
export { isA4Measurement, longestSections, overflowFinding, sameOnePageFinding, sectionName } from './measurement';
export type { A4Measurement } from './measurement';
export { LANGUAGES, languageOf } from './language';
export type { Language } from './language';
export { formatMoney, formatNumber, thousandsReading } from './numbers';
export { asList, asNumber, asRecord, asText, isRecord } from './values';
export type { ValueRecord } from './values';
export { chronological, compareVersions, isNewestFirst, isVersion, newestIndex, VERSION_PATTERN } from './versions';
