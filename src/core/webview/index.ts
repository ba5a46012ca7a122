/**
 * The message contract between the extension host and the A4 preview webview (`src/webview/`):
 * both sides import it; nothing here depends on `vscode` or the DOM.
 */
export { MEASURE_FUNCTION, isPreviewToHostMessage } from './messages';
export type { HostToPreviewMessage, PreviewState, PreviewToHostMessage } from './messages';
