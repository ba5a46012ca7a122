/** `mspDocs.document.open`: the tree's click and inline action; hidden from the palette. */
import * as vscode from 'vscode';
import { type CommandManager, COMMANDS, isTreeNode } from '../common';
import { nodeResource, type ProjectsTreeNode } from './projectsTree';

/** What the command opens: a document, and optionally the range to select. */
interface OpenArgument {
  uri?: vscode.Uri;
  selection?: vscode.Range;
}

/**
 * Registers the command. Arguments: a document `Uri` (or URI string) and optionally the range to
 * select, as tree items pass them; or a tree node, as the inline menu passes it (a project node
 * opens its `project.yaml`). Anything else opens nothing.
 */
export function registerOpenDocumentCommand(commands: CommandManager): vscode.Disposable[] {
  return [
    commands.register(COMMANDS.documentOpen, {
      parse: (args): OpenArgument => ({ uri: toUri(args[0]), selection: args[1] instanceof vscode.Range ? args[1] : undefined }),
      run: async ({ uri, selection }) => {
        if (uri) await vscode.window.showTextDocument(uri, { preview: true, selection });
      },
      failureMessage: (reason, arg) => (arg?.uri ? vscode.l10n.t('Cannot open {0}.', vscode.workspace.asRelativePath(arg.uri)) : undefined),
    }),
  ];
}

function toUri(target: unknown): vscode.Uri | undefined {
  if (target instanceof vscode.Uri) return target;
  if (typeof target === 'string') return vscode.Uri.parse(target);
  if (isTreeNode(target)) return nodeResource(target as ProjectsTreeNode);
  return undefined;
}
