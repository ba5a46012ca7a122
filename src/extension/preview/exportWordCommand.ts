/**
 * `mspDocs.preview.exportWord`: writes a project's proposal as a Word document,
 * `exports/<id>-v<version>.docx` beside the HTML and PDF of "Export A4 Plan", built from the same
 * proposal model (`src/core/word/`, loaded only now). Asks before overwriting an existing file and
 * creates the file exclusively, like the HTML/PDF export.
 */
import * as vscode from 'vscode';
import { loadWord } from '../../core/word';
import { exists, writeWithConsent } from '../common';
import type { ProjectIndex } from '../projects';
import { confirmOverwrite } from './exportMessages';
import type { ExportOptions } from './exportCommand';

/** What the command did; it resolves to this. */
export interface WordExportResult {
  /** `exported`; `cancelled`: no project, or the user (or `overwrite: false`) kept the existing file; `failed`: an error. */
  status: 'exported' | 'cancelled' | 'failed';
  /** The `.docx` written (URI string). */
  docx?: string;
  message?: string;
}

/** Writes the Word proposal of the project in `dir`; see the module comment. */
export async function exportWord(index: ProjectIndex, dir: string, options: ExportOptions, log: vscode.LogOutputChannel): Promise<WordExportResult> {
  await index.whenIdle();
  const report = index.get(dir);
  if (!report) throw new Error(vscode.l10n.t('This project is no longer in the workspace: {0}', vscode.workspace.asRelativePath(vscode.Uri.parse(dir))));
  const word = await loadWord().proposalDocx(report, { style: options.style });
  const folder = vscode.Uri.joinPath(vscode.Uri.parse(dir), 'exports');
  const target = vscode.Uri.joinPath(folder, word.fileName);
  // Asked before writing when the file is there; created exclusively, so a file that appears after
  // the question is replaced only after asking again.
  const agreed = (await exists(target)) ? (options.overwrite ?? (await confirmOverwrite([target]))) : undefined;
  if (agreed === false) return { status: 'cancelled' };
  const consent = (uri: vscode.Uri): boolean | Thenable<boolean> => agreed === true || (options.overwrite ?? confirmOverwrite([uri]));
  if ((await writeWithConsent(target, word.data, consent, options.beforeWrite)) === 'kept') return { status: 'cancelled' };
  log.info(`Exported ${target.toString()}`);
  const open = vscode.l10n.t('Open');
  void vscode.window.showInformationMessage(vscode.l10n.t('Exported the proposal as Word: {0}.', vscode.workspace.asRelativePath(target)), open).then((choice) => {
    if (choice === open) void vscode.env.openExternal(target);
  });
  return { status: 'exported', docx: target.toString() };
}
