/**
 * src/core/board: the edit engine behind the Scope Canvas board and the stakeholder grid (board
 * operations to minimal text edits) and what a board shows of a document. The board's message
 * contract and field specs live in `core/webview` (the webview script imports them).
 */
export { boardEdits } from './edit';
export type { BoardEditResult } from './edit';
export { readBoard } from './model';
export { menuTarget } from './menu';
export type { MenuTarget } from './menu';
