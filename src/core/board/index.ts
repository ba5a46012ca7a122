/**
 * src/core/board: the edit engine behind the Scope Canvas board and the stakeholder grid (board
 * operations to minimal text edits), what a board shows of a document, and the message contract
 * between the host and the board webview.
 */
export { boardEdits } from './edit';
export type { BoardEditResult, BoardOperation, ItemRef } from './edit';
export type { FieldValue } from './itemEdit';
export { readBoard } from './model';
export type { BoardItem, BoardList, BoardModel } from './model';
export { BOARD_LISTS, SCOPE_COLUMNS, fieldAllowed } from './spec';
export type { BoardKind, FieldKind, ListSpec, ScopeColumn } from './spec';
