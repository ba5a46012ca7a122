/**
 * The host's check of a context menu command chosen on a board's card or chip
 * (`src/extension/board/boardMenu.ts`): the command's argument is the card's
 * `data-vscode-context` (`src/core/webview/boardMenu.ts`) as VS Code passes it, so it is checked
 * like any message from a webview: the item path must name an item that is at that place, with
 * that id, in the current text, and the action must make sense for it. Only then does the board
 * carry the action out, through its usual `edit` messages.
 */
import { t } from '../common';
import { BOARD_LISTS, parseItemPath, quadrantOf, type BoardKind, type ItemRef, type MenuAction, QUADRANTS, SCOPE_COLUMNS } from '../webview';
import { readBoard } from './model';

/** The item a menu command acts on, or why it acts on nothing (in the UI language). */
export type MenuTarget = { ok: true; item: ItemRef } | { ok: false; error: string };

/**
 * Checks menu command `action` with argument `context` against `text`, the current document of a
 * board of `kind` (optional BOM, any line endings). Never throws.
 */
export function menuTarget(kind: BoardKind, text: string, context: unknown, action: MenuAction): MenuTarget {
  const path = typeof context === 'object' && context !== null ? (context as { itemPath?: unknown }).itemPath : undefined;
  const ref = parseItemPath(kind, path);
  if (!ref) return { ok: false, error: t('The board cannot tell which item this command is for.') };
  const board = readBoard(kind, text);
  const list = board.lists.find((l) => l.key === ref.list);
  const item = list?.items[ref.index];
  if (!list || !item || item.id !== ref.id) return { ok: false, error: t('The item "{0}" is no longer at that place; the board shows the document again.', ref.id) };
  // A list in flow style (or otherwise beyond the edit engine) is shown, never edited: say why.
  const target = action.type === 'move' ? board.lists.find((l) => l.key === action.to) : undefined;
  const locked = list.readOnly ?? target?.readOnly;
  if (locked) return { ok: false, error: locked };
  const possible = (() => {
    switch (action.type) {
      case 'move':
        return kind === 'scope' && (SCOPE_COLUMNS as readonly string[]).includes(action.to) && action.to !== ref.list;
      case 'up':
        return kind === 'scope' && ref.index > 0;
      case 'down':
        return kind === 'scope' && ref.index < list.items.length - 1;
      case 'quadrant':
        return kind === 'stakeholders' && QUADRANTS.some(([name]) => name === action.quadrant) && quadrantOf(item) !== action.quadrant;
      case 'edit':
      case 'remove':
        return Object.prototype.hasOwnProperty.call(BOARD_LISTS[kind], ref.list);
      default:
        return false;
    }
  })();
  return possible ? { ok: true, item: ref } : { ok: false, error: t('The board cannot do this with "{0}".', ref.id) };
}
