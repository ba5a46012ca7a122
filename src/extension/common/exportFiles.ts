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
import { findBrowser, printToPdf } from '../../core/render';
import { SETTINGS } from './settings';

/** Writes a text as UTF-8 (creating the folder), replacing what is there. */
export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

/** The name of a file for messages: relative to the workspace. */
export function shown(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri);
}

/**
 * Prints `html` to a PDF at `pdf` with the browser of `mspDocs.browserPath` or one found on the
 * machine. Throws `BrowserNotFoundError` or `BrowserRunError` (messages for the user); on failure
 * nothing is written at `pdf`.
 */
export async function printHtmlToPdf(html: string, pdf: vscode.Uri): Promise<string> {
  const browser = await configuredBrowser();
  await printWithBrowser(browser, html, pdf);
  return browser;
}

/**
 * The browser that prints PDFs: the executable of `mspDocs.browserPath`, else one found on the
 * machine. Throws `BrowserNotFoundError` (its message names the setting).
 */
export async function configuredBrowser(): Promise<string> {
  const configured = vscode.workspace.getConfiguration().get<string>(SETTINGS.browserPath);
  return (await findBrowser({ configured, configuredName: SETTINGS.browserPath })).path;
}

/**
 * Prints `html` with `browser` in a temporary folder and writes the PDF's bytes to `pdf`. Only a
 * complete PDF gets there (`printToPdf` checks it), so the workspace never sees a partial one.
 * Throws `BrowserRunError` (naming `mspDocs.browserPath`) when printing fails; a browser that hangs is
 * stopped, with its child processes, after `STEP_TIMEOUT_MS`.
 */
export async function printWithBrowser(browser: string, html: string, pdf: vscode.Uri): Promise<void> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'msp-docs-pdf-'));
  try {
    const htmlFile = path.join(tmp, 'proposal.html');
    const pdfFile = path.join(tmp, 'proposal.pdf');
    await fs.writeFile(htmlFile, html, 'utf8');
    await printToPdf({ browser, htmlFile, pdfFile, setting: SETTINGS.browserPath });
    await vscode.workspace.fs.writeFile(pdf, await fs.readFile(pdfFile));
  } finally {
    await fs.rm(tmp, { recursive: true, force: true }).catch(() => undefined);
  }
}
