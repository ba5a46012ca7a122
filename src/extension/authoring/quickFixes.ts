/**
 * One `CodeActionProvider` for all quick fixes, keyed on diagnostic codes. The edits come from the
 * core (`fixes.ts`); this file finds the core diagnostic (with its `data`) behind a VS Code one and
 * turns the edits into an undoable `WorkspaceEdit` on the document's current text.
 */
import * as vscode from 'vscode';
import { documentKindOf, validateDocument } from '../../core/document';
import { isFixable, quickFixes } from '../../core/authoring';
import type { Diagnostic, DocumentKind, Range } from '../../core/common';
import { DIAGNOSTIC_SOURCE, parentOf, PROJECT_DOCUMENTS, toWorkspaceEdit } from '../common';
import type { ProjectIndex } from '../projects';

/** Registers the provider for the project documents. */
export function registerQuickFixes(index: ProjectIndex, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const provider: vscode.CodeActionProvider = {
    provideCodeActions(document, _range, context) {
      try {
        return codeActions(index, document, context);
      } catch (error) {
        log.error('Quick fixes failed:', error);
        return [];
      }
    },
  };
  return [vscode.languages.registerCodeActionsProvider(PROJECT_DOCUMENTS, provider, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] })];
}

function codeActions(index: ProjectIndex, document: vscode.TextDocument, context: vscode.CodeActionContext): vscode.CodeAction[] {
  const kind = documentKindOf(document.uri.path);
  if (!kind) return [];
  const report = index.get(parentOf(document.uri));
  const text = document.getText();
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const actions: vscode.CodeAction[] = [];
  for (const diagnostic of context.diagnostics) {
    const code = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !isFixable(code)) continue;
    const core = findCore(report?.documents[kind].diagnostics, code, diagnostic.range) ?? fromText(kind, text, code, diagnostic.range);
    if (!core) continue;
    for (const fix of quickFixes(kind, text, core, { language: report?.language, eol })) {
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.isPreferred = fix.isPreferred;
      action.edit = toWorkspaceEdit(document, fix.edits);
      actions.push(action);
    }
  }
  return actions;
}

/** The core diagnostic with the same code and range (it carries the `data` the fix needs). */
function findCore(list: readonly Diagnostic[] | undefined, code: string, range: vscode.Range): Diagnostic | undefined {
  return list?.find((d) => d.code === code && same(d.range, range));
}

/** A document outside any known project (or not re-validated yet): schema findings from its own text. */
function fromText(kind: DocumentKind, text: string, code: string, range: vscode.Range): Diagnostic | undefined {
  return code.startsWith('schema.') ? findCore(validateDocument(kind, text).diagnostics, code, range) : undefined;
}

function same(a: Range, b: vscode.Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
