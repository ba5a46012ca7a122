/**
 * Files that the delivery commands write into a project (snapshot exports, the handover
 * document), through `vscode.workspace.fs` so they work in remote and virtual workspaces too.
 * Only the PDF printing touches the local disk directly: the browser is a child process that
 * reads an HTML file and writes the PDF in a temporary folder, whose bytes are then copied in.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { BrowserNotFoundError, findBrowser, printToPdf } from '../../core/render';
import { SETTINGS } from './settings';

/** Writes a text as UTF-8 (creating the folder), replacing what is there: only for a file the command created itself or may replace. */
export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

/** The name of a file for messages: relative to the workspace. */
export function shown(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri);
}

/**
 * Printing refused in Restricted Mode: it runs a program (the browser) on this machine, which an
 * untrusted workspace may not make the extension do. A `BrowserNotFoundError`, so every caller
 * already writes the HTML and says why there is no PDF.
 */
export class NeedsTrustError extends BrowserNotFoundError {
  constructor() {
    super(vscode.l10n.t('Printing to PDF runs a browser on this computer, so it needs a trusted workspace; this workspace is in Restricted Mode.'), []);
    this.name = 'NeedsTrustError';
  }
}

/**
 * The browser that prints PDFs: the executable of `mspDocs.browserPath`, else one found on the
 * machine. Throws `BrowserNotFoundError` (its message names the setting), or `NeedsTrustError`
 * in Restricted Mode.
 */
export async function configuredBrowser(): Promise<string> {
  if (!vscode.workspace.isTrusted) throw new NeedsTrustError();
  const configured = vscode.workspace.getConfiguration().get<string>(SETTINGS.browserPath);
  return (await findBrowser({ configured, configuredName: SETTINGS.browserPath })).path;
}

/**
 * Prints `html` with `browser` in a temporary folder and returns the PDF's bytes; the caller
 * writes them (exclusively, or over a file the user agreed to replace). Only a complete PDF comes
 * back (`printToPdf` checks it). Throws `BrowserRunError` (naming `mspDocs.browserPath`) when
 * printing fails; a browser that hangs is stopped, with its child processes, after `STEP_TIMEOUT_MS`.
 */
export async function printPdfBytes(browser: string, html: string): Promise<Uint8Array> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'msp-docs-pdf-'));
  try {
    const htmlFile = path.join(tmp, 'proposal.html');
    const pdfFile = path.join(tmp, 'proposal.pdf');
    await fs.writeFile(htmlFile, html, 'utf8');
    await printToPdf({ browser, htmlFile, pdfFile, setting: SETTINGS.browserPath });
    return await fs.readFile(pdfFile);
  } finally {
    await fs.rm(tmp, { recursive: true, force: true }).catch(() => undefined);
  }
}
