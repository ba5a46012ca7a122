/**
 * The preview's web page: the renderer's `webviewHtml` (strict CSP with a fresh nonce, the
 * proposal's own CSS, the bundled fonts from `media/fonts/`, copied there by `scripts/build.mjs`)
 * plus the preview's chrome from `media/` and a toolbar in the UI language.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { escapeHtml, type RenderedProposal, webviewHtml } from '../../core/render';

/** The only folder the webview may load from. */
export function mediaRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'media');
}

/** Webview options for the preview: scripts on, local resources from `media/` only. */
export function previewWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, enableCommandUris: false, localResourceRoots: [mediaRoot(extensionUri)] };
}

/** A fresh nonce for one page (128 random bits). */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

/** The page for `rendered`, with a new nonce. Toolbar texts are escaped; the sheet is the renderer's. */
export function previewPage(webview: vscode.Webview, extensionUri: vscode.Uri, rendered: RenderedProposal): string {
  const media = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot(extensionUri), name)).toString();
  const t = (text: string) => escapeHtml(text);
  const button = (id: string, label: string, text: string, extra = '') =>
    `<button type="button" id="${id}" title="${t(label)}" aria-label="${t(label)}"${extra}>${t(text)}</button>`;
  const chrome =
    `<div class="msp-chrome">` +
    `<div class="msp-toolbar" role="toolbar" aria-label="${t(vscode.l10n.t('A4 preview'))}">` +
    `<span class="msp-status" id="msp-status" role="status" aria-live="polite">${t(vscode.l10n.t('Measuring the page…'))}</span>` +
    button('msp-zoom-out', vscode.l10n.t('Zoom out'), '−') +
    `<span class="msp-zoom-value" id="msp-zoom-value" aria-label="${t(vscode.l10n.t('Zoom'))}"></span>` +
    button('msp-zoom-in', vscode.l10n.t('Zoom in'), '+') +
    button('msp-zoom-fit', vscode.l10n.t('Fit the page to the width of the panel'), vscode.l10n.t('Fit width'), ' aria-pressed="true"') +
    `</div><div class="msp-banner" id="msp-banner" role="alert" hidden></div></div>\n`;
  return webviewHtml(rendered, {
    nonce: createNonce(),
    cspSource: webview.cspSource,
    fontUri: (file) => media(`fonts/${file}`),
    styleUris: [media('preview.css')],
    scriptUris: [media('preview.js')],
    before: chrome,
  });
}

/** A page without a sheet, for a preview whose project is gone; same CSP, no script. */
export function messagePage(webview: vscode.Webview, extensionUri: vscode.Uri, message: string): string {
  const css = webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot(extensionUri), 'preview.css')).toString();
  const csp = `default-src 'none'; style-src ${webview.cspSource}; base-uri 'none'; form-action 'none'`;
  return (
    `<!DOCTYPE html>\n<html lang="${escapeHtml(vscode.env.language)}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">\n` +
    `<link rel="stylesheet" href="${escapeHtml(css)}">\n</head>\n<body>\n<p class="msp-message">${escapeHtml(message)}</p>\n</body>\n</html>\n`
  );
}
