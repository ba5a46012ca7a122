/**
 * The Scope Canvas board and the stakeholder grid: two custom text editors (package.json
 * `contributes.customEditors`, priority `option`, so the text editor stays the default) and
 * `mspDocs.board.open`, which opens the board of a `scope.yaml` or `stakeholders.yaml` from the
 * Projects tree, the editor title or the palette; the context menu of the cards and chips is in
 * `boardMenu.ts`.
 */
import * as vscode from 'vscode';
import { BUILTIN_COMMANDS, type CommandManager, COMMANDS, anyArgument } from '../common';
import { BOARD_VIEW_TYPES, BoardEditorProvider, BoardRegistry } from './boardEditor';
import { registerBoardMenu } from './boardMenu';
export { BOARD_VIEW_TYPES, BoardRegistry } from './boardEditor';
export type { BoardEvent } from './boardEditor';

/** The document a `mspDocs.board.open` argument names: a Uri, a URI string, a tree node with `uri`, or the active editor's. */
function targetUri(target: unknown): vscode.Uri | undefined {
  if (target instanceof vscode.Uri) return target;
  if (typeof target === 'string') return vscode.Uri.parse(target);
  const node = target as { uri?: unknown; resourceUri?: unknown } | undefined;
  if (node?.uri instanceof vscode.Uri) return node.uri;
  if (typeof node?.uri === 'string') return vscode.Uri.parse(node.uri);
  if (node?.resourceUri instanceof vscode.Uri) return node.resourceUri;
  return vscode.window.activeTextEditor?.document.uri;
}

/** Registers both boards, the open command and the cards' context menu commands (`boardMenu.ts`). */
export function registerBoards(commands: CommandManager, extensionUri: vscode.Uri, log: vscode.LogOutputChannel): { disposables: vscode.Disposable[]; registry: BoardRegistry } {
  const registry = new BoardRegistry();
  const options = { webviewOptions: { retainContextWhenHidden: false }, supportsMultipleEditorsPerDocument: true };
  const disposables: vscode.Disposable[] = [
    registry,
    vscode.window.registerCustomEditorProvider(BOARD_VIEW_TYPES.scope, new BoardEditorProvider('scope', extensionUri, registry, log), options),
    vscode.window.registerCustomEditorProvider(BOARD_VIEW_TYPES.stakeholders, new BoardEditorProvider('stakeholders', extensionUri, registry, log), options),
    commands.register(COMMANDS.boardOpen, {
      parse: anyArgument,
      run: async (target: unknown) => {
        const uri = targetUri(target);
        const name = uri?.path.split('/').pop();
        if (!uri || (name !== 'scope.yaml' && name !== 'stakeholders.yaml')) {
          void vscode.window.showInformationMessage(vscode.l10n.t('Open a scope.yaml or stakeholders.yaml to see its board.'));
          return;
        }
        await vscode.commands.executeCommand(BUILTIN_COMMANDS.openWith, uri, name === 'scope.yaml' ? BOARD_VIEW_TYPES.scope : BOARD_VIEW_TYPES.stakeholders);
      },
    }),
    ...registerBoardMenu(commands, registry, log),
  ];
  return { disposables, registry };
}
