/**
 * Localised words and icons the extension's UI shares: phase and document names, problem
 * counts with their plural forms, state icons. Every string goes through `vscode.l10n.t`,
 * whose keys are the English text (`l10n/bundle.l10n.<lang>.json`).
 */
import * as vscode from 'vscode';
import type { Diagnostic, DocumentKind, DocumentState, Phase } from '../../core/common';

/** The phase's name as the tree shows it; a value that is not a phase (a typo in project.yaml) as written. */
export function phaseLabel(phase: Phase | string): string {
  switch (phase) {
    case 'intake':
      return vscode.l10n.t('Intake');
    case 'scope':
      return vscode.l10n.t('Scope');
    case 'approach':
      return vscode.l10n.t('Approach');
    case 'stakeholders':
      return vscode.l10n.t('Stakeholders');
    case 'delivery':
      return vscode.l10n.t('Delivery');
    case 'closed':
      return vscode.l10n.t('Closed');
    default:
      return phase;
  }
}

/** What a document is, in words, for tooltips (the label is its file name). */
export function documentTitle(kind: DocumentKind): string {
  switch (kind) {
    case 'project':
      return vscode.l10n.t('Project details');
    case 'intake':
      return vscode.l10n.t('Intake conversation');
    case 'scope':
      return vscode.l10n.t('Scope Canvas');
    case 'plan':
      return vscode.l10n.t('Approach and proposal');
    case 'stakeholders':
      return vscode.l10n.t('Stakeholder register');
    case 'handover':
      return vscode.l10n.t('Handover to operations');
  }
}

/** "1 error" / "3 errors". */
export function errorCount(n: number): string {
  return n === 1 ? vscode.l10n.t('1 error') : vscode.l10n.t('{0} errors', n);
}

/** "1 warning" / "3 warnings". */
export function warningCount(n: number): string {
  return n === 1 ? vscode.l10n.t('1 warning') : vscode.l10n.t('{0} warnings', n);
}

/** "1 project" / "3 projects". */
export function projectCount(n: number): string {
  return n === 1 ? vscode.l10n.t('1 project') : vscode.l10n.t('{0} projects', n);
}

/** Errors and warnings among `diagnostics`. */
export function countProblems(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}

/** "2 errors, 1 warning", leaving out zero counts; `undefined` when both are zero. */
export function problemSummary(errors: number, warnings: number): string | undefined {
  const parts: string[] = [];
  if (errors > 0) parts.push(errorCount(errors));
  if (warnings > 0) parts.push(warningCount(warnings));
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** The icon of a document or phase state: passed, warnings, errors, missing. */
export function stateIcon(state: DocumentState): vscode.ThemeIcon {
  switch (state) {
    case 'ok':
      return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'warnings':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    case 'errors':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    case 'missing':
      return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
  }
}

/** The colour of a state, for icons whose shape says something else (e.g. the current phase). */
export function stateColor(state: DocumentState): vscode.ThemeColor {
  return stateIcon(state).color ?? new vscode.ThemeColor('foreground');
}

/** What a phase or document shows while its project waits for validation (`ProjectReport.checking`). */
export function checkingLabel(): string {
  return vscode.l10n.t('checking…');
}

/** The icon of a phase or document while its project waits for validation. */
export function checkingIcon(): vscode.ThemeIcon {
  return new vscode.ThemeIcon('loading~spin');
}
