/**
 * What the export says to the user. Only the overwrite question is awaited (modal); the others
 * are notifications the command does not wait for, so it resolves as soon as the files are written.
 */
import * as vscode from 'vscode';
import { BUILTIN_COMMANDS, SETTINGS } from '../common';

/** The files of one export. */
export interface ExportTarget {
  /** The project folder (URI string). */
  dir: string;
  /** `exports/<file>.html` in the project folder. */
  html: vscode.Uri;
  /** The PDF beside the HTML. */
  pdf: vscode.Uri;
}

function shown(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri);
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** Asks whether to overwrite the existing export files; true for Overwrite. */
export async function confirmOverwrite(existing: readonly vscode.Uri[]): Promise<boolean> {
  const overwrite = vscode.l10n.t('Overwrite');
  const message =
    existing.length === 1
      ? vscode.l10n.t('{0} already exists. Overwrite it?', baseName(existing[0]))
      : vscode.l10n.t('{0} and {1} already exist. Overwrite them?', baseName(existing[0]), baseName(existing[1]));
  const detail = vscode.l10n.t('To keep the earlier export, raise the version in plan.yaml first: each version gets its own files.');
  return (await vscode.window.showWarningMessage(message, { modal: true, detail }, overwrite)) === overwrite;
}

/** What happened to the files when no PDF was made. */
function noPdf(target: ExportTarget, removedStalePdf: boolean): string {
  const written = vscode.l10n.t('The HTML was written to {0}; no PDF was made.', shown(target.html));
  return removedStalePdf ? `${written} ${vscode.l10n.t('The older {0} was removed: it no longer matched the HTML.', baseName(target.pdf))}` : written;
}

/**
 * No browser: one message naming the setting, with a button that opens it; in Restricted Mode
 * (`needsTrust`) the button manages workspace trust instead. `removedStalePdf` says an older PDF
 * of the same name was removed.
 */
export function showNoBrowser(reason: string, target: ExportTarget, needsTrust = false, removedStalePdf = false): void {
  const button = needsTrust ? vscode.l10n.t('Manage Workspace Trust') : vscode.l10n.t('Open Setting');
  const message = `${reason} ${noPdf(target, removedStalePdf)}`;
  void vscode.window.showWarningMessage(message, button).then((choice) => {
    if (choice !== button) return;
    if (needsTrust) void vscode.commands.executeCommand(BUILTIN_COMMANDS.manageTrust);
    else void vscode.commands.executeCommand(BUILTIN_COMMANDS.openSettings, SETTINGS.browserPath);
  });
}

/** The browser ran but made no PDF; the message names the setting, with a button that opens it. */
export function showPrintFailed(reason: string, target: ExportTarget, removedStalePdf = false): void {
  const openSetting = vscode.l10n.t('Open Setting');
  void vscode.window.showErrorMessage(`${reason} ${noPdf(target, removedStalePdf)}`, openSetting).then((choice) => {
    if (choice === openSetting) void vscode.commands.executeCommand(BUILTIN_COMMANDS.openSettings, SETTINGS.browserPath);
  });
}

/** Success, with Open PDF and Reveal. */
export function showExported(target: ExportTarget): void {
  const openPdf = vscode.l10n.t('Open PDF');
  const reveal = vscode.l10n.t('Reveal');
  const message = vscode.l10n.t('Exported the A4 proposal: {0} and {1}.', shown(target.html), baseName(target.pdf));
  void vscode.window.showInformationMessage(message, openPdf, reveal).then((choice) => {
    // The system's PDF viewer and file manager only where they can be reached: a local desktop
    // window. In a remote or browser window the file is on the server, so both reveal it in the
    // Explorer, from where it can be downloaded.
    const local = vscode.env.uiKind === vscode.UIKind.Desktop && !vscode.env.remoteName;
    if (choice === openPdf && local) void vscode.env.openExternal(target.pdf);
    else if (choice === openPdf || choice === reveal) void vscode.commands.executeCommand(local ? BUILTIN_COMMANDS.revealFileInOS : BUILTIN_COMMANDS.revealInExplorer, target.pdf);
  });
}
