/**
 * The board's web page in a webview: the page of `boardPageHtml` (`src/core/webview/boardPage.ts`:
 * a strict CSP with a fresh nonce, only `media/board.css` and `media/board.js`) with this
 * webview's URIs and the UI language.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { boardPageHtml, type BoardKind } from '../../core/webview';

/** Webview options for a board: scripts on, local resources from `media/` only. */
export function boardWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, enableCommandUris: false, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
}

/** The page of a board of `kind`, titled `title` (already in the UI language). */
export function boardPage(webview: vscode.Webview, extensionUri: vscode.Uri, kind: BoardKind, title: string): string {
  const media = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', name)).toString();
  return boardPageHtml({ kind, nonce: randomBytes(16).toString('base64'), cspSource: webview.cspSource, styleUri: media('board.css'), scriptUri: media('board.js'), language: vscode.env.language, title });
}
