/**
 * Publishes every project document's diagnostics, for open and unopened files alike, so the
 * Problems panel shows the whole portfolio. One collection for the extension's lifetime.
 */
import * as vscode from 'vscode';
import type { ProjectReport } from '../../core/project';
import { DIAGNOSTIC_SOURCE, toVscodeDiagnostic } from '../common';
import type { ProjectIndex } from './projectIndex';

/**
 * Mirrors the index into a `DiagnosticCollection`: a (re)loaded project replaces its documents'
 * diagnostics (a missing or clean document has none), a vanished project takes all of its own along.
 */
export function registerDiagnostics(index: ProjectIndex): vscode.Disposable[] {
  const collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  const subscription = index.onDidChange(({ report, previous }) => {
    if (!report) {
      if (previous) clearProject(collection, previous);
      return;
    }
    // A report from project.yaml alone: the documents' diagnostics come with the validation.
    if (report.checking) return;
    for (const document of Object.values(report.documents)) {
      const uri = vscode.Uri.parse(document.path);
      if (document.diagnostics.length === 0) collection.delete(uri);
      else collection.set(uri, document.diagnostics.map(toVscodeDiagnostic));
    }
  });
  return [collection, subscription];
}

function clearProject(collection: vscode.DiagnosticCollection, report: ProjectReport): void {
  for (const document of Object.values(report.documents)) collection.delete(vscode.Uri.parse(document.path));
}
