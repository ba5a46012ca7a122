/**
 * The context menu of the boards' cards and chips: package.json `contributes.menus["webview/context"]`
 * shows these commands by `webviewId` and by the context each card carries in its
 * `data-vscode-context` (`src/core/webview/boardMenu.ts`); VS Code passes that context, with
 * `webview` (the view type), to the command chosen. The command goes to the active board of that
 * view type, which checks the item path against the current document (`menuTarget`) and then lets
 * its webview do what the card's own buttons, keys and drags do: the same reason or trigger form
 * for a move into "We will not do" or "Maybe later", the same `edit` messages back, each applied as
 * one `WorkspaceEdit`. A stale or forged context changes nothing.
 */
import * as vscode from 'vscode';
import type { MenuAction } from '../../core/webview';
import { type CommandId, type CommandManager, COMMANDS, anyArgument } from '../common';
import { BOARD_VIEW_TYPES, type BoardRegistry, type OpenBoard } from './boardEditor';

/** Each menu command and what it asks the board to do. */
export const MENU_ACTIONS: ReadonlyArray<readonly [CommandId, MenuAction]> = [
  [COMMANDS.boardMoveToWillDo, { type: 'move', to: 'in_scope' }],
  [COMMANDS.boardMoveToWillNotDo, { type: 'move', to: 'out_of_scope' }],
  [COMMANDS.boardMoveToLater, { type: 'move', to: 'later' }],
  [COMMANDS.boardMoveUp, { type: 'up' }],
  [COMMANDS.boardMoveDown, { type: 'down' }],
  [COMMANDS.boardMoveToManageClosely, { type: 'quadrant', quadrant: 'manageClosely' }],
  [COMMANDS.boardMoveToKeepSatisfied, { type: 'quadrant', quadrant: 'keepSatisfied' }],
  [COMMANDS.boardMoveToKeepInformed, { type: 'quadrant', quadrant: 'keepInformed' }],
  [COMMANDS.boardMoveToMonitor, { type: 'quadrant', quadrant: 'monitor' }],
  [COMMANDS.boardEditItem, { type: 'edit' }],
  [COMMANDS.boardRemoveItem, { type: 'remove' }],
];

/**
 * The board a menu command with `context` is for: one of the view type `context.webview` names,
 * the active one (the menu was opened in it), else the only visible one; undefined when there is none.
 */
function boardFor(registry: BoardRegistry, context: unknown): OpenBoard | undefined {
  const viewType = typeof context === 'object' && context !== null ? (context as { webview?: unknown }).webview : undefined;
  const boards = [...registry.open].filter((b) => BOARD_VIEW_TYPES[b.kind] === viewType);
  const visible = boards.filter((b) => b.panel.visible);
  return boards.find((b) => b.panel.active) ?? (visible.length === 1 ? visible[0] : undefined);
}

/** Registers the menu commands; each resolves `true` when its action went to a board, else `false`. */
export function registerBoardMenu(commands: CommandManager, registry: BoardRegistry, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return MENU_ACTIONS.map(([id, action]) =>
    commands.register(id, {
      parse: anyArgument,
      run: (context: unknown) => {
        const board = boardFor(registry, context);
        if (!board) {
          log.warn(`board: ${id} found no open board for its context`);
          return false;
        }
        return board.menu(context, action);
      },
    }),
  );
}
