/**
 * "MSP Docs: Open the Sample Project" (`mspDocs.sample.open`): copies the bundled
 * `samples/dekker-accountants` into a folder the user picks (as `dekker-accountants/`, never over
 * an existing folder; the folder and each file are created exclusively, so nothing that appears
 * meanwhile is replaced) and opens it: in this window when it lies in the workspace, else as a folder.
 * Tests pass `{ folder, open: false }` (the parent folder) to skip the dialog and the opening.
 */
import * as vscode from 'vscode';
import type { ProjectIndex } from './projectIndex';
import { type BeforeWrite, BUILTIN_COMMANDS, type CommandManager, COMMANDS, copyNewFolder, exists, optionsArgument } from '../common';

const SAMPLE = 'dekker-accountants';

/** The optional argument of `mspDocs.sample.open`. */
interface SampleArgs {
  /** The parent folder (a `Uri` or URI string); the dialog asks when it is left out. */
  folder?: vscode.Uri | string;
  /** `false`: copy only, open nothing. */
  open?: boolean;
  /** Called just before the folder and each file are created (see `BeforeWrite`). */
  beforeWrite?: BeforeWrite;
}

/**
 * Registers the command; it returns the copied folder, or `undefined` (cancelled, the folder
 * exists, or the copy failed: that is reported as the command's failure).
 */
export function registerSampleCommand(commands: CommandManager, context: vscode.ExtensionContext, index: ProjectIndex): vscode.Disposable[] {
  return [
    commands.register(COMMANDS.sampleOpen, {
      parse: optionsArgument<SampleArgs>,
      run: (args) => openSample(context, index, args),
      failureMessage: (reason) => vscode.l10n.t('The sample project could not be copied or opened: {0}', reason),
    }),
  ];
}

async function openSample(context: vscode.ExtensionContext, index: ProjectIndex, args: Partial<SampleArgs>): Promise<vscode.Uri | undefined> {
  const folder = args.folder;
  const parent = typeof folder === 'string' ? vscode.Uri.parse(folder) : folder instanceof vscode.Uri ? folder : await askParent();
  if (!parent) return undefined;
  const target = vscode.Uri.joinPath(parent, SAMPLE);
  const refuse = (taken: vscode.Uri): undefined => {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} already exists; the sample was not copied. Pick another folder.', vscode.workspace.asRelativePath(taken)));
    return undefined;
  };
  // Said early; the copy itself is exclusive too, for a folder or file that appears meanwhile.
  if (await exists(target)) return refuse(target);
  const taken = await copyNewFolder(vscode.Uri.joinPath(context.extensionUri, 'samples', SAMPLE), target, typeof args.beforeWrite === 'function' ? args.beforeWrite : undefined);
  if (taken) return refuse(taken);
  const inWorkspace = !!vscode.workspace.getWorkspaceFolder(target);
  if (inWorkspace) index.scan(target.toString());
  if (args.open === false) return target;
  if (inWorkspace) {
    await vscode.window.showTextDocument(vscode.Uri.joinPath(target, 'plan.yaml'), { preview: false });
  } else {
    await vscode.commands.executeCommand(BUILTIN_COMMANDS.openFolder, target, { forceNewWindow: (vscode.workspace.workspaceFolders?.length ?? 0) > 0 });
  }
  return target;
}

async function askParent(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    openLabel: vscode.l10n.t('Copy the sample here'),
    title: vscode.l10n.t('Where should the sample project go?'),
  });
  return picked?.[0];
}
