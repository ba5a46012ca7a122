/**
 * The context menu of a board's cards and chips (package.json `contributes.menus["webview/context"]`,
 * docs/ARCHITECTURE.md): what a card carries in its `data-vscode-context` attribute (VS Code merges
 * it into the `when` context of the menu and passes it to the chosen command as its argument), what
 * a menu command asks the board to do, and the stakeholder grid's quadrants. The webview script and
 * the host both import this; nothing here depends on `vscode` or the DOM.
 */
import { BOARD_LISTS, type BoardKind } from './boardSpec';
import type { BoardItem, ItemRef } from './boardMessages';

/** The four quadrants of the stakeholder grid, as `[name, high power, high interest]`, in drawing order. */
export const QUADRANTS = [
  ['keepSatisfied', true, false],
  ['manageClosely', true, true],
  ['monitor', false, false],
  ['keepInformed', false, true],
] as const;

/** A quadrant of the stakeholder grid. */
export type Quadrant = (typeof QUADRANTS)[number][0];

/** The quadrant a stakeholder is drawn in: high power (`power: high`) and high interest (`interest: high`) or not. */
export function quadrantOf(item: BoardItem): Quadrant {
  const highPower = item.fields.power === 'high';
  const highInterest = item.fields.interest === 'high';
  return QUADRANTS.find(([, p, i]) => p === highPower && i === highInterest)![0];
}

/**
 * The `power` and `interest` that put `item` into `quadrant`, changing as little as it can: a
 * level that must become high becomes `high`; one that must stop being high becomes `medium`
 * (a `low` or `medium` one stays). Undefined when the item is in that quadrant already, or
 * `quadrant` is none of `QUADRANTS`.
 */
export function quadrantFields(item: BoardItem, quadrant: string): { power: string; interest: string } | undefined {
  const found = QUADRANTS.find(([name]) => name === quadrant);
  if (!found) return undefined;
  const [, highPower, highInterest] = found;
  const level = (current: unknown, high: boolean) => (high ? 'high' : current === 'high' || current === undefined ? 'medium' : String(current));
  const fields = { power: level(item.fields.power, highPower), interest: level(item.fields.interest, highInterest) };
  return fields.power === item.fields.power && fields.interest === item.fields.interest ? undefined : fields;
}

/**
 * The item path of a card: `<list>/<index>/<id>`, e.g. `in_scope/2/backup` (index 0-based). The
 * host checks all three against the current document before it acts on a menu command.
 */
export function itemPath(ref: ItemRef): string {
  return `${ref.list}/${ref.index}/${ref.id}`;
}

/** The item an item path names, when it is well formed and names a list of `kind`; else undefined. */
export function parseItemPath(kind: BoardKind, path: unknown): ItemRef | undefined {
  if (typeof path !== 'string') return undefined;
  const m = /^([a-z_]{1,40})\/(0|[1-9]\d{0,4})\/([^\r\n]{0,200})$/.exec(path);
  if (!m || !Object.prototype.hasOwnProperty.call(BOARD_LISTS[kind], m[1])) return undefined;
  return { list: m[1], index: Number(m[2]), id: m[3] };
}

/**
 * The `data-vscode-context` of a card (Scope Canvas) or chip (stakeholder grid). The `when`
 * clauses of package.json's `webview/context` entries read `mspDocsCard`, `mspDocsColumn`,
 * `mspDocsFirst`, `mspDocsLast`, `mspDocsChip` and `mspDocsQuadrant`; `itemPath` names the item
 * for the command; `preventDefaultContextMenuItems` leaves out Cut, Copy and Paste.
 */
export interface CardContext {
  mspDocsCard: boolean;
  mspDocsChip: boolean;
  /** The card's list key (`in_scope`, `out_of_scope`, `later`); absent on a chip. */
  mspDocsColumn?: string;
  /** Whether the card is the first (last) of its column; absent on a chip. */
  mspDocsFirst?: boolean;
  mspDocsLast?: boolean;
  /** The chip's quadrant; absent on a card. */
  mspDocsQuadrant?: Quadrant;
  itemPath: string;
  preventDefaultContextMenuItems: true;
  /**
   * `mspDocsLocked_<list>`: true for each column the board cannot edit (a list in YAML flow
   * style), so the *Move to* items leave it out; a card in such a column is neither card nor chip
   * (no menu at all).
   */
  [locked: `mspDocsLocked_${string}`]: boolean;
}

/**
 * The context of item `item` of `list` (which holds `count` items) on a board of `kind`; `locked`
 * names the lists the board cannot edit (`BoardList.readOnly`).
 */
export function cardContext(kind: BoardKind, list: string, item: BoardItem, count: number, locked: readonly string[] = []): CardContext {
  const path = itemPath({ list, index: item.index, id: item.id });
  const mine = locked.includes(list);
  const flags = Object.fromEntries(locked.map((key) => [`mspDocsLocked_${key}`, true]));
  if (kind === 'stakeholders') return { ...flags, mspDocsCard: false, mspDocsChip: !mine, mspDocsQuadrant: quadrantOf(item), itemPath: path, preventDefaultContextMenuItems: true };
  return { ...flags, mspDocsCard: !mine, mspDocsChip: false, mspDocsColumn: list, mspDocsFirst: item.index === 0, mspDocsLast: item.index === count - 1, itemPath: path, preventDefaultContextMenuItems: true };
}

/**
 * The context of a form inside a card: no card menu there, and the default Cut, Copy and Paste
 * back (VS Code lets an inner element's context override its ancestors').
 */
export const FORM_CONTEXT = { mspDocsCard: false, mspDocsChip: false, preventDefaultContextMenuItems: false } as const;
