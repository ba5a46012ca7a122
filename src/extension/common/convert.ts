/**
 * Adapters from the core's plain shapes to VS Code's classes. Both count zero-based lines and
 * UTF-16 code units, so positions carry over unchanged.
 */
import * as vscode from 'vscode';
import type { Diagnostic, Range, Severity, TextEdit } from '../../core/common';

/** The `source` of every diagnostic the extension publishes (also the collection's name). */
export const DIAGNOSTIC_SOURCE = 'msp-docs';

const SEVERITIES: Readonly<Record<Severity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** A core range as a `vscode.Range`. */
export function toVscodeRange(range: Range): vscode.Range {
  // vscode.Range throws on negative numbers; a core bug must not take the whole publish down.
  return new vscode.Range(
    Math.max(0, range.start.line),
    Math.max(0, range.start.character),
    Math.max(0, range.end.line),
    Math.max(0, range.end.character),
  );
}

/**
 * Core text edits of `document` (offsets into its current text, `[start, end)` in UTF-16 code
 * units) as one `WorkspaceEdit`, which VS Code applies as one undoable change.
 */
export function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
  return edit;
}

/** A core diagnostic as a `vscode.Diagnostic` with `source` and the rule id as `code`. */
export function toVscodeDiagnostic(diagnostic: Diagnostic): vscode.Diagnostic {
  const result = new vscode.Diagnostic(toVscodeRange(diagnostic.range), diagnostic.message, SEVERITIES[diagnostic.severity]);
  result.source = DIAGNOSTIC_SOURCE;
  result.code = diagnostic.code;
  return result;
}
