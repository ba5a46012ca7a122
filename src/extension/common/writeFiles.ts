/** Writing new documents through `vscode.workspace.fs`, never over an existing file. */
import * as vscode from 'vscode';
import { VSCODE_SETTINGS } from './settings';

/**
 * Writes `files` (texts with `\n` line ends, converted to the `files.eol` setting) after checking
 * that none of them exists; creates `folder` first. When one exists, or writing fails, it says so
 * in one message and returns false. The check and the writes are not atomic: another program
 * creating the same file in between is not guarded against.
 */
export async function writeNewFiles(folder: vscode.Uri, files: ReadonlyArray<{ uri: vscode.Uri; text: string }>, log: vscode.LogOutputChannel): Promise<boolean> {
  const existing: string[] = [];
  for (const file of files) if (await exists(file.uri)) existing.push(file.uri.path.slice(file.uri.path.lastIndexOf('/') + 1));
  const where = vscode.workspace.asRelativePath(folder);
  if (existing.length) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} already exists in {1}. Nothing was written; existing files are never overwritten.', existing.join(', '), where));
    return false;
  }
  const eol = lineEnding(folder);
  const encoder = new TextEncoder();
  try {
    await vscode.workspace.fs.createDirectory(folder);
    for (const file of files) await vscode.workspace.fs.writeFile(file.uri, encoder.encode(file.text.replace(/\n/g, eol)));
  } catch (error) {
    log.error(`Cannot write the documents in ${folder.toString()}:`, error);
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot write in {0}: {1}', where, error instanceof Error ? error.message : String(error)));
    return false;
  }
  return true;
}

/** Whether a file or folder exists. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The line ending new files get: the `files.eol` setting, `auto` meaning the platform's. */
function lineEnding(folder: vscode.Uri): string {
  const setting = vscode.workspace.getConfiguration(undefined, folder).get<string>(VSCODE_SETTINGS.filesEol);
  if (setting === '\r\n' || setting === '\n') return setting;
  return process.platform === 'win32' ? '\r\n' : '\n';
}
