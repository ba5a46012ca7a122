/**
 * `mspDocs.preview.export`: writes a project's A4 proposal as `exports/<id>-v<version>.html`
 * (self-contained, the same rendering as the preview) and prints it to PDF beside it with a
 * Chromium-family browser already on the machine (`mspDocs.browserPath`, else the usual places).
 *
 * Files in the workspace are written through `vscode.workspace.fs`. Only the printing touches the
 * local disk directly: the browser is a child process that reads an HTML file and writes a PDF in a
 * temporary folder, whose bytes are then written into the workspace.
 */
import * as vscode from 'vscode';
import { BrowserNotFoundError, BrowserRunError, embeddedImages, type HouseStyle, loadRender, standaloneHtml } from '../../core/render';
import { type BeforeWrite, configuredBrowser, exists, printPdfBytes, writeWithConsent } from '../common';
import type { ProjectIndex } from '../projects';
import { confirmOverwrite, showExported, showNoBrowser, showPrintFailed, type ExportTarget } from './exportMessages';

/**
 * Options of the command, as its last argument (for tests and other extensions):
 * `executeCommand(COMMANDS.previewExport, { project: dirUri, overwrite: true })` (`mspDocs.preview.export`).
 */
export interface ExportOptions {
  /** The project folder, or one of its documents (URI string or `Uri`). */
  project?: string | vscode.Uri;
  /** Answer to "overwrite?" when a file exists: `true` overwrites, `false` cancels; unset asks. */
  overwrite?: boolean;
  /** The house style to print (set by the command from `.msp-docs.json`, not by callers). */
  style?: HouseStyle;
  /** Called just before each file is created (see `BeforeWrite`). */
  beforeWrite?: BeforeWrite;
}

/** What the command did; it resolves to this. URIs as strings. */
export interface ExportResult {
  /**
   * `exported`: HTML and PDF; `html-only`: no PDF (no browser, or printing failed); `cancelled`: no
   * project chosen, or the user (or `overwrite: false`) kept the existing files; `failed`: an error.
   */
  status: 'exported' | 'html-only' | 'cancelled' | 'failed';
  html?: string;
  pdf?: string;
  /** Why there is no PDF, as shown to the user. */
  message?: string;
  /** True when an older PDF of the same name was removed because no new one could be made. */
  removedStalePdf?: boolean;
}

/** Where the export of the project in `dir` with the given file name goes. */
export function exportTarget(dir: string, fileName: string): ExportTarget {
  const folder = vscode.Uri.joinPath(vscode.Uri.parse(dir), 'exports');
  return { dir, html: vscode.Uri.joinPath(folder, fileName), pdf: vscode.Uri.joinPath(folder, fileName.replace(/\.html$/, '.pdf')) };
}

/**
 * Exports the project in `dir`. Asks before overwriting (unless `options.overwrite` answers),
 * writes the HTML, then the PDF, each created exclusively: a file that appears after the question
 * is only replaced after asking again, then. Without a browser or when printing fails, says so
 * once and leaves no PDF behind: an older PDF of the same name that the user agreed to overwrite
 * is removed, as it would not match the new HTML (one that appeared meanwhile stays untouched).
 */
export async function exportProject(index: ProjectIndex, dir: string, options: ExportOptions, log: vscode.LogOutputChannel): Promise<ExportResult> {
  // Include the last keystrokes: the export shows what the editor shows, saved or not.
  await index.whenIdle();
  const report = index.get(dir);
  if (!report) throw new Error(vscode.l10n.t('This project is no longer in the workspace: {0}', vscode.workspace.asRelativePath(vscode.Uri.parse(dir))));
  // Local images of Markdown fields are embedded, from inside the project's workspace folder.
  const dirUri = vscode.Uri.parse(dir);
  const root = vscode.workspace.getWorkspaceFolder(dirUri)?.uri;
  const images = dirUri.scheme === 'file' && root?.scheme === 'file' ? embeddedImages(dirUri.fsPath, root.fsPath) : undefined;
  const rendered = loadRender().renderProposal(report, { images, style: options.style });
  const target = exportTarget(dir, rendered.fileName);

  const existing = (await Promise.all([target.html, target.pdf].map(async (uri) => ((await exists(uri)) ? uri : undefined)))).filter(
    (uri): uri is vscode.Uri => !!uri,
  );
  if (existing.length && !(options.overwrite ?? (await confirmOverwrite(existing)))) return { status: 'cancelled' };
  // Consent covers the files that existed when it was given; any other is asked about when found.
  const agreed = new Set(existing.map((uri) => uri.toString()));
  const consent = (uri: vscode.Uri): boolean | Thenable<boolean> => agreed.has(uri.toString()) || (options.overwrite ?? confirmOverwrite([uri]));

  const html = standaloneHtml(rendered);
  if ((await writeWithConsent(target.html, new TextEncoder().encode(html), consent, options.beforeWrite)) === 'kept') return { status: 'cancelled' };
  log.info(`Exported ${target.html.toString()}`);

  let browser: string;
  try {
    browser = await configuredBrowser();
  } catch (error) {
    if (!(error instanceof BrowserNotFoundError)) throw error;
    log.warn(`${error.message} Tried: ${error.tried.join(', ')}`);
    const removedStalePdf = agreed.has(target.pdf.toString()) && (await removeStalePdf(target, log));
    showNoBrowser(error.message, target, !vscode.workspace.isTrusted, removedStalePdf);
    return { status: 'html-only', html: target.html.toString(), message: error.message, removedStalePdf };
  }

  let pdf: Uint8Array;
  try {
    pdf = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Printing the A4 proposal to PDF…') }, () =>
      printPdfBytes(browser, html),
    );
  } catch (error) {
    if (!(error instanceof BrowserRunError)) throw error;
    log.error(`Printing ${target.html.toString()} with ${browser} failed: ${error.message}`);
    const removedStalePdf = agreed.has(target.pdf.toString()) && (await removeStalePdf(target, log));
    showPrintFailed(error.message, target, removedStalePdf);
    return { status: 'html-only', html: target.html.toString(), message: error.message, removedStalePdf };
  }
  if ((await writeWithConsent(target.pdf, pdf, consent, options.beforeWrite)) === 'kept') return { status: 'html-only', html: target.html.toString() };
  log.info(`Exported ${target.pdf.toString()} with ${browser}`);
  showExported(target);
  return { status: 'exported', html: target.html.toString(), pdf: target.pdf.toString() };
}

/** Deletes the PDF of an earlier export, which no longer matches the HTML just written. True when there was one. */
async function removeStalePdf(target: ExportTarget, log: vscode.LogOutputChannel): Promise<boolean> {
  if (!(await exists(target.pdf))) return false;
  try {
    await vscode.workspace.fs.delete(target.pdf, { useTrash: false });
  } catch (error) {
    log.warn(`Could not remove the older ${target.pdf.toString()}: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
  log.info(`Removed the older ${target.pdf.toString()}: no new PDF could be made`);
  return true;
}
