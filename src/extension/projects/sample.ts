/**
 * "MSP Docs: Open the Sample Project" (`mspDocs.sample.open`): copies the bundled
 * `samples/dekker-accountants` into a folder the user picks (as `dekker-accountants/`, never over
 * an existing folder) and opens it: in this window when it lies in the workspace, else as a folder.
 * Tests pass `{ folder, open: false }` (the parent folder) to skip the dialog and the opening.
 */
import * as vscode from 'vscode';
import type { ProjectIndex } from './projectIndex';
import { exists } from '../common';

const SAMPLE = 'dekker-accountants';

/** Registers the command; it returns the copied folder, or `undefined`. */
export function registerSampleCommand(context: vscode.ExtensionContext, index: ProjectIndex, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('mspDocs.sample.open', async (args?: { folder?: vscode.Uri | string; open?: boolean }) => {
      const parent =
        args?.folder !== undefined
          ? typeof args.folder === 'string'
            ? vscode.Uri.parse(args.folder)
            : args.folder
          : (
              await vscode.window.showOpenDialog({
                canSelectFolders: true,
                canSelectFiles: false,
                canSelectMany: false,
                defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
                openLabel: vscode.l10n.t('Copy the sample here'),
                title: vscode.l10n.t('Where should the sample project go?'),
              })
            )?.[0];
      if (!parent) return undefined;
      const target = vscode.Uri.joinPath(parent, SAMPLE);
      if (await exists(target)) {
        void vscode.window.showErrorMessage(vscode.l10n.t('{0} already exists; the sample was not copied. Pick another folder.', vscode.workspace.asRelativePath(target)));
        return undefined;
      }
      try {
        await vscode.workspace.fs.copy(vscode.Uri.joinPath(context.extensionUri, 'samples', SAMPLE), target, { overwrite: false });
      } catch (error) {
        log.error(`Cannot copy the sample to ${target.toString()}:`, error);
        void vscode.window.showErrorMessage(vscode.l10n.t('Cannot copy the sample: {0}', error instanceof Error ? error.message : String(error)));
        return undefined;
      }
      const inWorkspace = !!vscode.workspace.getWorkspaceFolder(target);
      if (inWorkspace) index.scan(target.toString());
      if (args?.open === false) return target;
      if (inWorkspace) {
        await vscode.window.showTextDocument(vscode.Uri.joinPath(target, 'plan.yaml'), { preview: false });
      } else {
        await vscode.commands.executeCommand('vscode.openFolder', target, { forceNewWindow: (vscode.workspace.workspaceFolders?.length ?? 0) > 0 });
      }
      return target;
    }),
  ];
}
