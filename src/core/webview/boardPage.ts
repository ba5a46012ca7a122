/**
 * The board's web page (Scope Canvas board, stakeholder grid) as text, for the host to set as the
 * webview's HTML (`src/extension/board/boardHtml.ts`): a strict Content Security Policy with the
 * page's nonce (no inline script or style; only `board.css` and `board.js` from the extension's
 * `media/` folder, `src/webview/board.ts` built by `scripts/build.mjs`), and an empty root the
 * script fills from the host's `model` message. Nothing here depends on `vscode` or the DOM.
 */
import type { BoardKind } from './boardSpec';

/** What a board page needs from its embedding; every URI as the webview may load it (`asWebviewUri`). */
export interface BoardPageOptions {
  kind: BoardKind;
  /** A fresh random nonce per page (base64); the only script that runs carries it. */
  nonce: string;
  /** The webview's `cspSource` (the origin its local resources come from). */
  cspSource: string;
  styleUri: string;
  scriptUri: string;
  /** The page's `lang` (the UI language, e.g. `en`, `nl`) and title (in that language). */
  language: string;
  title: string;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The Content Security Policy of a board page: nothing but the extension's own style, script (by nonce) and images. */
export function boardCsp(nonce: string, cspSource: string): string {
  return `default-src 'none'; style-src ${cspSource}; script-src 'nonce-${nonce}'; img-src ${cspSource}; base-uri 'none'; form-action 'none'`;
}

/** The HTML of a board page; every value in it is escaped. */
export function boardPageHtml(o: BoardPageOptions): string {
  return (
    `<!DOCTYPE html>\n<html lang="${escape(o.language)}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${escape(boardCsp(o.nonce, o.cspSource))}">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<link rel="stylesheet" href="${escape(o.styleUri)}">\n<title>${escape(o.title)}</title>\n</head>\n` +
    `<body data-kind="${o.kind === 'stakeholders' ? 'stakeholders' : 'scope'}">\n<main id="board" aria-label="${escape(o.title)}"></main>\n` +
    `<div id="status" role="status" aria-live="polite" class="status"></div>\n` +
    `<script nonce="${escape(o.nonce)}" src="${escape(o.scriptUri)}"></script>\n</body>\n</html>\n`
  );
}
