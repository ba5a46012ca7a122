/** `mspDocs.openDocument`: the tree's click and inline action; hidden from the palette. */
import * as vscode from 'vscode';
import { nodeResource, type ProjectsTreeNode } from './projectsTree';

/**
 * Registers the command. Arguments: a document `Uri` (or URI string) and optionally the range to
 * select, as tree items pass them; or a tree node, as the inline menu passes it (a project node
 * opens its `project.yaml`).
 */
export function registerOpenDocumentCommand(log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('mspDocs.openDocument', async (target?: vscode.Uri | string | ProjectsTreeNode, selection?: vscode.Range) => {
      const uri = toUri(target);
      if (!uri) return;
      try {
        await vscode.window.showTextDocument(uri, { preview: true, selection });
      } catch (error) {
        log.error(`Cannot open ${uri.toString()}:`, error);
        void vscode.window.showErrorMessage(vscode.l10n.t('Cannot open {0}.', vscode.workspace.asRelativePath(uri)));
      }
    }),
  ];
}

function toUri(target: vscode.Uri | string | ProjectsTreeNode | undefined): vscode.Uri | undefined {
  if (target instanceof vscode.Uri) return target;
  if (typeof target === 'string') return vscode.Uri.parse(target);
  if (target && typeof target === 'object' && 'type' in target) return nodeResource(target);
  return undefined;
}
