/** src/extension/common: public face of the group. */
export { DIAGNOSTIC_SOURCE, toVscodeDiagnostic, toVscodeRange, toWorkspaceEdit } from './convert';
export { BROWSER_SETTING, printHtmlToPdf, printWithBrowser, shown, writeText } from './exportFiles';
export { countProblems, documentTitle, errorCount, phaseLabel, problemSummary, projectCount, stateColor, stateIcon, warningCount } from './labels';
export { PROJECT_DOCUMENTS, uiLanguage } from './selectors';
export { createWorkspaceHost, isAtOrUnder, parentOf } from './workspaceHost';
export { exists, writeNewFiles } from './writeFiles';
