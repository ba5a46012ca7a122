/**
 * Diagnostics for unsaved, untitled documents (`untitled:` scheme): a YAML draft with plan,
 * scope, stakeholders, manifest or handover content, or a Markdown draft with intake front matter,
 * is checked while it is typed, before it has a file name or a project. Its kind comes from its
 * name when it has one (`plan.yaml`), else from its content (`documentKindOfContent`). It is
 * checked alone, as `msp-docs validate` checks a file outside a project: syntax, schema and the
 * method rules of that one document; the rules that need another document of the project skip.
 */
import * as vscode from 'vscode';
import type { DocumentKind } from '../../core/common';
import { documentKindOf, documentKindOfContent } from '../../core/document';
import { validateProject } from '../../core/project';
import { RULE_CODES, parseRuleConfig } from '../../core/rules';
import { DIAGNOSTIC_SOURCE, SETTINGS, toVscodeDiagnostic } from '../common';
import { debounceMs } from './projectWatchers';

/** The kind of an untitled document, or `undefined` when it is not one (another scheme or language, other content). */
export function untitledKind(document: vscode.TextDocument): DocumentKind | undefined {
  if (document.uri.scheme !== 'untitled') return undefined;
  const markdown = document.languageId === 'markdown';
  if (!markdown && document.languageId !== 'yaml') return undefined;
  const named = documentKindOf(document.uri.path);
  if (named) return (named === 'intake') === markdown ? named : undefined;
  return documentKindOfContent(document.getText(), markdown);
}

/** Publishes the diagnostics of untitled project documents in their own collection; clears them on close or save. */
export function registerUntitledDiagnostics(log: vscode.LogOutputChannel): vscode.Disposable[] {
  const collection = vscode.languages.createDiagnosticCollection(`${DIAGNOSTIC_SOURCE}-untitled`);
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const check = (document: vscode.TextDocument): void => {
    try {
      const kind = document.isClosed ? undefined : untitledKind(document);
      if (!kind) {
        collection.delete(document.uri);
        return;
      }
      const setting = vscode.workspace.getConfiguration().get<unknown>(SETTINGS.rules);
      const path = document.uri.toString();
      const report = validateProject(path, { [kind]: { path, text: document.getText() } }, () => path, { rules: parseRuleConfig(setting, RULE_CODES).rules });
      collection.set(document.uri, report.documents[kind].diagnostics.map(toVscodeDiagnostic));
    } catch (error) {
      log.error(`Checking ${document.uri.toString()} failed:`, error);
    }
  };

  /** At once on open; after the usual pause while typing. */
  const schedule = (document: vscode.TextDocument, delay: number): void => {
    if (document.uri.scheme !== 'untitled') return;
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        check(document);
      }, delay),
    );
  };

  const forget = (document: vscode.TextDocument): void => {
    clearTimeout(timers.get(document.uri.toString()));
    timers.delete(document.uri.toString());
    collection.delete(document.uri);
  };

  for (const document of vscode.workspace.textDocuments) schedule(document, 0);
  return [
    collection,
    vscode.workspace.onDidOpenTextDocument((document) => schedule(document, 0)),
    // A new language (YAML picked for an untitled text) reopens the document.
    vscode.workspace.onDidChangeTextDocument(({ document, contentChanges }) => contentChanges.length && schedule(document, debounceMs())),
    vscode.workspace.onDidCloseTextDocument(forget),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SETTINGS.rules)) for (const document of vscode.workspace.textDocuments) schedule(document, 0);
    }),
    { dispose: () => timers.forEach((timer) => clearTimeout(timer)) },
  ];
}
