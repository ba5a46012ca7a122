/**
 * The board's web page: a strict CSP with a fresh nonce (no inline script or style, only
 * `media/board.css` and `media/board.js`, built from `src/webview/board.ts` by `scripts/build.mjs`),
 * and an empty root the script fills from the host's `model` message.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { BoardKind } from '../../core/webview';

/** Webview options for a board: scripts on, local resources from `media/` only. */
export function boardWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, enableCommandUris: false, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page of a board of `kind`, titled `title` (already in the UI language). */
export function boardPage(webview: vscode.Webview, extensionUri: vscode.Uri, kind: BoardKind, title: string): string {
  const nonce = randomBytes(16).toString('base64');
  const media = (name: string) => escape(webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', name)).toString());
  const csp = `default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}'; img-src ${webview.cspSource}; base-uri 'none'; form-action 'none'`;
  return (
    `<!DOCTYPE html>\n<html lang="${escape(vscode.env.language)}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${escape(csp)}">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<link rel="stylesheet" href="${media('board.css')}">\n<title>${escape(title)}</title>\n</head>\n` +
    `<body data-kind="${kind}">\n<main id="board" aria-label="${escape(title)}"></main>\n` +
    `<div id="status" role="status" aria-live="polite" class="status"></div>\n` +
    `<script nonce="${nonce}" src="${media('board.js')}"></script>\n</body>\n</html>\n`
  );
}
