/**
 * Writing files into the workspace without ever replacing one by accident. A new file is created
 * exclusively, in one step that fails when a file is there (Node's `wx` for `file:` URIs, else a
 * `WorkspaceEdit.createFile` without `overwrite`, applied and checked): there is no window between
 * a check and the write in which another program's file could be replaced. Replacing is a separate,
 * explicit step, taken only after consent asked when the exclusive create found a file.
 */
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { VSCODE_SETTINGS } from './settings';

/**
 * Called just before a command creates a file or folder (with its URI). For tests and other
 * extensions that need to act at the moment of writing, such as creating the file first to prove
 * that it is not replaced; a command passes it through its options as `beforeWrite`.
 */
export type BeforeWrite = (uri: vscode.Uri) => unknown;

/**
 * Creates `uri` with `bytes` only when nothing exists there, in one step. Resolves `true` when it
 * created the file, `false` when a file (or folder) was already there, which is left untouched.
 * The folder is created first. Throws on any other failure (no permission, disk full).
 */
export async function createExclusive(uri: vscode.Uri, bytes: Uint8Array): Promise<boolean> {
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  if (uri.scheme === 'file') {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(uri.fsPath, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
    try {
      await handle.writeFile(bytes);
    } finally {
      await handle.close();
    }
    return true;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: bytes });
  if (await vscode.workspace.applyEdit(edit)) return true;
  if (await exists(uri)) return false;
  throw new Error(vscode.l10n.t('{0} could not be created.', vscode.workspace.asRelativePath(uri)));
}

/** What `writeWithConsent` did. */
export type WriteOutcome = 'created' | 'replaced' | 'kept';

/**
 * Writes `bytes` to `uri`: creates it exclusively; only when a file is there does it call
 * `consent(uri)` (asked at that moment, so the answer is about the file that is really there) and
 * replaces the file when that resolves `true`. `beforeWrite` runs just before the create.
 */
export async function writeWithConsent(uri: vscode.Uri, bytes: Uint8Array, consent: (uri: vscode.Uri) => boolean | Thenable<boolean>, beforeWrite?: BeforeWrite): Promise<WriteOutcome> {
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await beforeWrite?.(uri);
  if (await createExclusive(uri, bytes)) return 'created';
  if (!(await consent(uri))) return 'kept';
  await vscode.workspace.fs.writeFile(uri, bytes);
  return 'replaced';
}

/** Deletes files this command created itself (a rollback); failures are ignored. */
export async function deleteCreated(uris: readonly vscode.Uri[]): Promise<void> {
  for (const uri of uris) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
}

/**
 * Writes `files` (texts with `\n` line ends, converted to the `files.eol` setting), each created
 * exclusively; creates `folder` first. When one of them exists (found beforehand, or created by
 * another program while writing), it says so in one message, deletes the files it had already
 * created in this call and returns false: nothing is replaced and nothing half-made stays.
 * When writing fails, it says so too and returns false. `beforeWrite` runs before each file.
 */
export async function writeNewFiles(folder: vscode.Uri, files: ReadonlyArray<{ uri: vscode.Uri; text: string }>, log: vscode.LogOutputChannel, beforeWrite?: BeforeWrite): Promise<boolean> {
  const existing: string[] = [];
  for (const file of files) if (await exists(file.uri)) existing.push(baseName(file.uri));
  const where = vscode.workspace.asRelativePath(folder);
  const refuse = (names: string[]): false => {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} already exists in {1}. Nothing was written; existing files are never overwritten.', names.join(', '), where));
    return false;
  };
  if (existing.length) return refuse(existing);
  const eol = lineEnding(folder);
  const encoder = new TextEncoder();
  const created: vscode.Uri[] = [];
  try {
    await vscode.workspace.fs.createDirectory(folder);
    for (const file of files) {
      await beforeWrite?.(file.uri);
      if (!(await createExclusive(file.uri, encoder.encode(file.text.replace(/\n/g, eol))))) {
        await deleteCreated(created);
        return refuse([baseName(file.uri)]);
      }
      created.push(file.uri);
    }
  } catch (error) {
    await deleteCreated(created);
    log.error(`Cannot write the documents in ${folder.toString()}:`, error);
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot write in {0}: {1}', where, error instanceof Error ? error.message : String(error)));
    return false;
  }
  return true;
}

/**
 * Copies the folder `source` (files and subfolders, byte for byte) to `target`, a folder that must
 * not exist yet: `target` is created exclusively (Node's `mkdir` without `recursive` for `file:`
 * URIs; elsewhere, where no exclusive folder create exists, after a check), then every file in it
 * with `createExclusive`. Resolves to `undefined` when all was copied, else to the first URI
 * (`target` or a file in it) that was already there: then nothing of anyone else's was touched and
 * the files copied so far are removed again (and `target` too when this call made it and it is
 * empty). Throws on any other failure, after the same clean-up. `beforeWrite` runs before the
 * folder and each file is created.
 */
export async function copyNewFolder(source: vscode.Uri, target: vscode.Uri, beforeWrite?: BeforeWrite): Promise<vscode.Uri | undefined> {
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
  const created: vscode.Uri[] = [];
  const folders: vscode.Uri[] = [];
  const copy = async (from: vscode.Uri, to: vscode.Uri): Promise<vscode.Uri | undefined> => {
    await beforeWrite?.(to);
    if (!(await createFolderExclusive(to))) return to;
    folders.push(to);
    for (const [name, type] of await vscode.workspace.fs.readDirectory(from)) {
      const child = vscode.Uri.joinPath(to, name);
      if (type & vscode.FileType.Directory) {
        const taken = await copy(vscode.Uri.joinPath(from, name), child);
        if (taken) return taken;
        continue;
      }
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(from, name));
      await beforeWrite?.(child);
      if (!(await createExclusive(child, bytes))) return child;
      created.push(child);
    }
    return undefined;
  };
  const undo = async (): Promise<void> => {
    await deleteCreated(created);
    // Innermost first; a folder that holds someone else's file stays (a non-recursive delete fails on it).
    for (const folder of folders.reverse()) await vscode.workspace.fs.delete(folder, { recursive: false, useTrash: false }).then(undefined, () => undefined);
  };
  let taken: vscode.Uri | undefined;
  try {
    taken = await copy(source, target);
  } catch (error) {
    await undo();
    throw error;
  }
  if (taken) await undo();
  return taken;
}

/** Creates the folder `uri` (its parent exists) only when nothing is there; resolves `false` when something was. */
async function createFolderExclusive(uri: vscode.Uri): Promise<boolean> {
  if (uri.scheme === 'file') {
    try {
      await fs.mkdir(uri.fsPath);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
  }
  if (await exists(uri)) return false;
  await vscode.workspace.fs.createDirectory(uri);
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

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** The line ending new files get: the `files.eol` setting, `auto` meaning the platform's. */
function lineEnding(folder: vscode.Uri): string {
  const setting = vscode.workspace.getConfiguration(undefined, folder).get<string>(VSCODE_SETTINGS.filesEol);
  if (setting === '\r\n' || setting === '\n') return setting;
  return process.platform === 'win32' ? '\r\n' : '\n';
}
