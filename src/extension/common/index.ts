/** src/extension/common: public face of the group. */
export { anyArgument, CommandManager, firstArgument, isTreeNode, noArgument, optionsArgument, projectArgument } from './commandManager';
export type { Command, CommandFailure, ProjectArgument } from './commandManager';
export { BUILTIN_COMMANDS, COMMANDS, CONTEXT_KEYS, TASKS, focusViewCommand } from './commands';
export type { CommandId } from './commands';
export { DIAGNOSTIC_SOURCE, toVscodeDiagnostic, toVscodeRange, toWorkspaceEdit } from './convert';
export { configuredBrowser, printPdfBytes, shown, writeText } from './exportFiles';
export { checkingIcon, checkingLabel, countProblems, documentTitle, errorCount, phaseLabel, problemSummary, projectCount, stateColor, stateIcon, warningCount } from './labels';
export { PROJECT_DOCUMENTS, uiLanguage } from './selectors';
export { DEFAULT_DEBOUNCE_MS, REDHAT_YAML_EXTENSION, SETTINGS, VSCODE_SETTINGS, YAML_SYNTAX_MODES } from './settings';
export type { SettingName } from './settings';
export { createWorkspaceHost, isAtOrUnder, parentOf, type WorkspaceHostWithCache } from './workspaceHost';
export { copyNewFolder, createExclusive, deleteCreated, exists, writeNewFiles, writeWithConsent } from './writeFiles';
export type { BeforeWrite, WriteOutcome } from './writeFiles';
