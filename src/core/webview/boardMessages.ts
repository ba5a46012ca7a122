/**
 * The message contract between the extension host and a board webview (the Scope Canvas board
 * and the stakeholder grid, `src/webview/board.ts`). Both sides import these types; nothing here
 * depends on `vscode` or the DOM.
 *
 * Flow: the webview posts `ready`; the host answers with `model` (and again after every change
 * of the text document or of its diagnostics); the board draws it and posts `rendered`. A change
 * made on the board is posted as `edit` with the `version` of the model it was made on; the host
 * checks the message (`isBoardToHostMessage`), refuses a stale version, and applies the
 * operation's text edits as one `WorkspaceEdit`. A `fix` names a problem's `fix` number: the host
 * applies that diagnostic's quick fix (the same the text editor offers) as one `WorkspaceEdit`. A refused operation comes back as `refused` with the reason (and, for a move
 * that needs a reason or trigger, the missing fields).
 */
import { type Diagnostic, isRecord } from '../common';
import { BOARD_LISTS, fieldAllowed, type BoardKind } from './boardSpec';

/** A field value a board may write: text, a yes/no, or `null` to remove the field. */
export type FieldValue = string | boolean | null;

/** An item as the board saw it: its list, its place in the list and its `id` (checked before editing). */
export interface ItemRef {
  list: string;
  index: number;
  id: string;
}

/** One change made on a board. Field values: text, yes/no, or `null` to remove an optional field. */
export type BoardOperation =
  /** Move an item to place `index` (0-based, counted without the item) of list `to`; `fields` holds what the new list needs (a reason, a trigger). */
  | { type: 'move'; item: ItemRef; to: string; index: number; fields?: Record<string, FieldValue> }
  /** Add an item at place `index` (default: the end) of `list`. */
  | { type: 'add'; list: string; index?: number; fields: Record<string, FieldValue> }
  /** Change fields of an item in place. */
  | { type: 'edit'; item: ItemRef; fields: Record<string, FieldValue> }
  /** Remove an item. */
  | { type: 'remove'; item: ItemRef };

/**
 * What a context menu command asks a board to do with one card or chip
 * (`src/core/webview/boardMenu.ts`): move it to a column of the Scope Canvas (`to` a list key), one
 * place up or down in its column, into a quadrant of the stakeholder grid (a name of `QUADRANTS`),
 * open its edit form, or remove it.
 */
export type MenuAction = { type: 'move'; to: string } | { type: 'up' } | { type: 'down' } | { type: 'quadrant'; quadrant: string } | { type: 'edit' } | { type: 'remove' };

/** One card or chip: the item's scalar fields by key, and its lines (0-based, inclusive). */
export interface BoardItem {
  index: number;
  id: string;
  fields: Record<string, string | boolean>;
  startLine: number;
  endLine: number;
}

/** One list (a column of the Scope Canvas, or the stakeholder register). */
export interface BoardList {
  key: string;
  items: BoardItem[];
  /** Why the board cannot edit this list (flow style, anchors); absent when it can. */
  readOnly?: string;
  /** Lines of the list (key to last item), 0-based inclusive; absent when the key is missing. */
  startLine?: number;
  endLine?: number;
}

/** A board's view of one document (`readBoard` in `src/core/board/model.ts`). */
export interface BoardModel {
  kind: BoardKind;
  lists: BoardList[];
  /** Syntax and schema problems of the document (ranges in the text without BOM). */
  problems: Diagnostic[];
}

/** A problem shown on a card (by list and index), on a list, or on the board as a whole. */
export interface BoardProblem {
  severity: 'error' | 'warning' | 'info';
  message: string;
  list?: string;
  index?: number;
  /**
   * Present when the diagnostic has quick fixes (`FIXABLE_CODES`, `src/core/authoring/fixes.ts`):
   * the number the board names in a `fix` message for this model version.
   */
  fix?: number;
}

/** Messages from the host to a board webview. */
export type HostToBoardMessage =
  /** The document as the board shows it, its problems, and the board's texts in the UI language. */
  | { type: 'model'; version: number; model: BoardModel; problems: BoardProblem[]; strings: Record<string, string> }
  /** An operation was not carried out. */
  | { type: 'refused'; message: string; missing?: string[] }
  /**
   * A context menu command chosen on a card (`src/extension/board/boardMenu.ts`), after the host
   * checked `item` against the current document: the board does what the card's own button, key
   * or drag does (the same forms, the same `edit` messages back).
   */
  | { type: 'menu'; item: ItemRef; action: MenuAction };

/** Messages from a board webview to the host. */
export type BoardToHostMessage =
  | { type: 'ready' }
  /**
   * The board drew the model of `version` with `cards` cards (the host reports it to tests and
   * measures with it); `drawnAt`: when the new cards were laid out, `Date.now()` on the webview's
   * clock (the machine's wall clock, milliseconds since 1970).
   */
  | { type: 'rendered'; version: number; cards: number; drawnAt?: number }
  /**
   * An operation made on the model of `version`; `at`: when the user's action (the drop, the key,
   * the form's submit) happened, `Date.now()` on the webview's clock.
   */
  | { type: 'edit'; version: number; op: BoardOperation; at?: number }
  /** Apply the quick fix of problem `problem` (its `fix` number) of the model of `version`. */
  | { type: 'fix'; version: number; problem: number };

const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 100_000;
/** Absent, or a wall-clock time in milliseconds (`Date.now()`). */
const isTime = (v: unknown): boolean => v === undefined || (typeof v === 'number' && Number.isFinite(v) && v >= 0);
const isList = (kind: BoardKind, v: unknown): v is string => typeof v === 'string' && Object.prototype.hasOwnProperty.call(BOARD_LISTS[kind], v);

function isRef(kind: BoardKind, v: unknown): boolean {
  return isRecord(v) && Object.keys(v).length === 3 && isList(kind, v.list) && isIndex(v.index) && typeof v.id === 'string' && v.id.length <= 200;
}

function isFields(kind: BoardKind, list: string, v: unknown): v is Record<string, FieldValue> {
  return isRecord(v) && Object.keys(v).length <= 20 && Object.entries(v).every(([key, value]) => fieldAllowed(kind, list, key, value));
}

/**
 * Checks a message that claims to come from a board of `kind`: its type, every field of the
 * operation, the list names and the field names and values against the schema. Whether the item
 * is really at that place is checked when the edit is computed (`boardEdits`).
 */
export function isBoardToHostMessage(kind: BoardKind, value: unknown): value is BoardToHostMessage {
  if (!isRecord(value)) return false;
  if (value.type === 'ready') return true;
  if (value.type === 'rendered') return isIndex(value.version) && isIndex(value.cards) && isTime(value.drawnAt);
  if (value.type === 'fix') return Object.keys(value).length === 3 && isIndex(value.version) && isIndex(value.problem);
  if (value.type !== 'edit' || !isIndex(value.version) || !isRecord(value.op) || !isTime(value.at)) return false;
  const op = value.op;
  switch (op.type) {
    case 'move':
      return isRef(kind, op.item) && isList(kind, op.to) && isIndex(op.index) && (op.fields === undefined || isFields(kind, op.to, op.fields));
    case 'add':
      return isList(kind, op.list) && (op.index === undefined || isIndex(op.index)) && isFields(kind, op.list, op.fields);
    case 'edit':
      return isRef(kind, op.item) && isFields(kind, (op.item as { list: string }).list, op.fields);
    case 'remove':
      return isRef(kind, op.item);
    default:
      return false;
  }
}
