/**
 * Publishes every project document's diagnostics, for open and unopened files alike, so the
 * Problems panel shows the whole portfolio. One collection for the extension's lifetime. YAML
 * syntax errors follow `mspDocs.validation.yamlSyntax` (`yamlSyntax.ts`: left to Red Hat YAML
 * while it is active, by default).
 */
import * as vscode from 'vscode';
import type { ProjectReport } from '../../core/project';
import { DIAGNOSTIC_SOURCE, REDHAT_YAML_EXTENSION, SETTINGS, toVscodeDiagnostic } from '../common';
import type { ProjectIndex } from './projectIndex';
import { YamlSyntaxFilter, type YamlSyntaxHost } from './yamlSyntax';

/** The YAML syntax host of the running VS Code: the setting, `redhat.vscode-yaml` and their change events. */
export function vscodeYamlSyntaxHost(): YamlSyntaxHost {
  return {
    mode: () => vscode.workspace.getConfiguration().get(SETTINGS.validationYamlSyntax),
    redHatActive: () => vscode.extensions.getExtension(REDHAT_YAML_EXTENSION) !== undefined,
    onDidChange: (listener) =>
      vscode.Disposable.from(
        vscode.extensions.onDidChange(listener),
        vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(SETTINGS.validationYamlSyntax) && listener()),
      ),
  };
}

/**
 * Mirrors the index into a `DiagnosticCollection`: a (re)loaded project replaces its documents'
 * diagnostics (a missing or clean document has none), a vanished project takes all of its own
 * along. `yamlSyntax` decides about YAML syntax errors (injectable for tests); when its decision
 * changes, every project is published again.
 */
export function registerDiagnostics(index: ProjectIndex, yamlSyntax: YamlSyntaxHost = vscodeYamlSyntaxHost()): vscode.Disposable[] {
  const collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  const filter = new YamlSyntaxFilter(yamlSyntax);
  const publish = (report: ProjectReport): void => {
    for (const document of Object.values(report.documents)) {
      const uri = vscode.Uri.parse(document.path);
      const diagnostics = filter.filter(document.kind, document.diagnostics);
      if (diagnostics.length === 0) collection.delete(uri);
      else collection.set(uri, diagnostics.map(toVscodeDiagnostic));
    }
  };
  const subscription = index.onDidChange(({ report, previous }) => {
    if (!report) {
      if (previous) clearProject(collection, previous);
      return;
    }
    // A report from project.yaml alone: the documents' diagnostics come with the validation.
    if (report.checking) return;
    publish(report);
  });
  const republish = filter.onDidChange(() => index.projects().filter((report) => !report.checking).forEach(publish));
  return [collection, subscription, republish, filter];
}

function clearProject(collection: vscode.DiagnosticCollection, report: ProjectReport): void {
  for (const document of Object.values(report.documents)) collection.delete(vscode.Uri.parse(document.path));
}
