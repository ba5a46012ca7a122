/**
 * The core's `WorkspaceHost` over `vscode.workspace.fs`, so the same model runs on local,
 * remote and virtual workspaces. Paths are URI strings (`Uri.toString()`), which is also how
 * the rest of the extension keys projects and documents.
 */
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { documentKindOf } from '../../core/document';
import type { WorkspaceHost } from '../../core/project';
import { exists } from './writeFiles';

/**
 * How long the disk text of a project document that is not open is reused, in milliseconds: a
 * keystroke validates its whole project, and reading the other documents from disk every time
 * costs more than the validation. The file watchers forget a file at once when it changes
 * (`WorkspaceHostWithCache.forget`); this bound covers a change they do not report.
 */
export const DISK_TEXT_MAX_AGE_MS = 3000;

/** The host, plus what the file watchers tell it. */
export interface WorkspaceHostWithCache extends WorkspaceHost {
  /**
   * Forgets the cached disk text of `path` (a URI string) and of every file under it (a folder), or
   * of every file with `undefined`.
   */
  forget(path?: string): void;
}

/**
 * Creates the host. `readFile` returns the text of an open document, so that the Problems panel
 * and the tree agree with what the user sees in the editor (also while auto-save is writing it);
 * otherwise it reads the disk. One exception: an open document without unsaved changes whose file
 * was deleted counts as missing, as VS Code keeps such a buffer open after a delete. (A file
 * changed on disk behind an open, clean buffer is reloaded by VS Code, whose change event brings
 * the new text.) Read errors are logged, not thrown: the core treats an unreadable file as missing.
 * The disk text of a project document (`documentKindOf`) is reused for `DISK_TEXT_MAX_AGE_MS`
 * unless `forget` is called for it; other files (such as `.msp-docs.json`) are always read.
 */
export function createWorkspaceHost(log: vscode.LogOutputChannel): WorkspaceHostWithCache {
  // The default TextDecoder drops a UTF-8 BOM, as VS Code's own buffers do.
  const decoder = new TextDecoder('utf-8');
  const diskTexts = new Map<string, { text: string | undefined; at: number }>();
  // Counts `forget` calls: a read that a forget overtook is used once but not kept (it may be older).
  let generation = 0;
  const readDisk = async (file: string, uri: vscode.Uri): Promise<string | undefined> => {
    try {
      return decoder.decode(await vscode.workspace.fs.readFile(uri));
    } catch (error) {
      if (!isNotFound(error)) log.warn(`Cannot read ${file}: ${String(error)}`);
      return undefined;
    }
  };
  return {
    forget(path) {
      generation++;
      if (path === undefined) diskTexts.clear();
      // A document (every keystroke comes here) is one entry; only a folder needs the walk.
      else if (documentKindOf(vscode.Uri.parse(path).path)) diskTexts.delete(path);
      else for (const file of diskTexts.keys()) if (isAtOrUnder(file, path)) diskTexts.delete(file);
    },

    async readDirectory(dir) {
      try {
        const uri = vscode.Uri.parse(dir);
        const entries = await vscode.workspace.fs.readDirectory(uri);
        const result: Array<{ name: string; type: 'file' | 'directory' }> = [];
        for (const [name, type] of entries) {
          // A symbolic link carries the type of its target as well (e.g. SymbolicLink | Directory).
          // A linked folder is followed only on disk (`file:`), where `realPath` resolves it, so
          // `findProjects` walks each real folder once and a link back up the tree ends. Other file
          // systems have no way to ask where a link leads, so their linked folders are not followed.
          const linkedFolder = type & vscode.FileType.SymbolicLink && type & vscode.FileType.Directory;
          if (linkedFolder && uri.scheme !== 'file') continue;
          if (type & vscode.FileType.Directory) result.push({ name, type: 'directory' });
          else if (type & vscode.FileType.File) result.push({ name, type: 'file' });
        }
        return result;
      } catch (error) {
        if (!isNotFound(error)) log.warn(`Cannot read folder ${dir}: ${String(error)}`);
        return [];
      }
    },

    async readFile(file) {
      const uri = vscode.Uri.parse(file);
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file);
      if (open?.isDirty) return open.getText();
      if (!documentKindOf(uri.path)) {
        if (open) return (await exists(uri)) ? open.getText() : undefined;
        return readDisk(file, uri);
      }
      let cached = diskTexts.get(file);
      if (!cached || Date.now() - cached.at >= DISK_TEXT_MAX_AGE_MS) {
        const at = Date.now();
        const before = generation;
        cached = { text: await readDisk(file, uri), at };
        if (generation === before) diskTexts.set(file, cached);
      }
      // An open, clean document counts only while its file is there (the disk read says).
      if (open) return cached.text === undefined ? undefined : open.getText();
      return cached.text;
    },

    join(dir, name) {
      return vscode.Uri.joinPath(vscode.Uri.parse(dir), name).toString();
    },

    // `vscode.workspace.fs` has no realpath; on disk the extension host (Node) asks the file system.
    async realPath(dir) {
      const uri = vscode.Uri.parse(dir);
      if (uri.scheme !== 'file') return dir;
      return vscode.Uri.file(await fs.realpath(uri.fsPath)).toString();
    },
  };
}


function isNotFound(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'EntryNotFound');
}

/** The URI string of the folder that holds `uri` (a project folder for one of its documents). */
export function parentOf(uri: vscode.Uri): string {
  return vscode.Uri.joinPath(uri, '..').toString();
}

/** Whether the URI string `path` is `folder` itself or lies inside it. */
export function isAtOrUnder(path: string, folder: string): boolean {
  const base = folder.endsWith('/') ? folder.slice(0, -1) : folder;
  return path === base || path.startsWith(base + '/');
}
