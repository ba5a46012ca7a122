/**
 * The message contracts between the extension host and its webviews (`src/webview/`: the A4
 * preview and the boards), the boards' page and texts:
 * both sides import it; nothing here depends on `vscode` or the DOM.
 */
export { MEASURE_FUNCTION, isPreviewToHostMessage } from './messages';
export type { HostToPreviewMessage, PreviewState, PreviewToHostMessage } from './messages';
export { BOARD_LISTS, SCOPE_COLUMNS, fieldAllowed } from './boardSpec';
export type { BoardKind, FieldKind, ListSpec, ScopeColumn } from './boardSpec';
export { isBoardToHostMessage } from './boardMessages';
export type { BoardItem, BoardList, BoardModel, BoardOperation, BoardProblem, BoardToHostMessage, FieldValue, HostToBoardMessage, ItemRef, MenuAction } from './boardMessages';
export { FORM_CONTEXT, QUADRANTS, cardContext, itemPath, parseItemPath, quadrantFields, quadrantOf } from './boardMenu';
export type { CardContext, Quadrant } from './boardMenu';
export { boardCsp, boardPageHtml } from './boardPage';
export type { BoardPageOptions } from './boardPage';
export { boardStrings } from './boardStrings';
