/**
 * Composition root: build the shared model once, then let each contribution register itself.
 * Nothing here does work of its own beyond starting the first scan.
 */
import * as vscode from 'vscode';
import { setTranslations } from '../core/l10n';
import type { MspDocsApi } from './api';
import { registerDiagnostics } from './diagnostics';
import { registerOpenDocumentCommand } from './openDocument';
import { ProjectIndex } from './projectIndex';
import { ProjectsTreeProvider, registerProjectsTree } from './projectsTree';
import { registerProjectWatchers } from './projectWatchers';
import { createWorkspaceHost } from './workspaceHost';
import { registerWorkspaceCommands } from './workspaceCommands';

/** Activates on a workspace with a `project.yaml`, the Projects view, or one of the commands. */
export function activate(context: vscode.ExtensionContext): MspDocsApi {
  // The core translates its own messages with @vscode/l10n; give it VS Code's bundle for the UI language.
  setTranslations(vscode.l10n.bundle);
  const log = vscode.window.createOutputChannel('MSP Docs', { log: true });
  const index = new ProjectIndex(createWorkspaceHost(log), workspaceRoots, log);
  const tree = new ProjectsTreeProvider(index);

  context.subscriptions.push(
    log,
    index,
    ...registerDiagnostics(index),
    ...registerProjectsTree(tree, index),
    ...registerProjectWatchers(index, log),
    ...registerWorkspaceCommands(index),
    ...registerOpenDocumentCommand(log),
  );

  // Not awaited: activation stays fast; the tree waits for `index.ready` itself.
  void index.rescanAll();

  return {
    projects: () => index.projects(),
    whenIdle: () => index.whenIdle(),
    onDidUpdate: index.onDidChange,
    tree,
  };
}

/** Everything is disposed through `context.subscriptions`. */
export function deactivate(): void {}

function workspaceRoots(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.toString());
}
