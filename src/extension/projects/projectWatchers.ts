/**
 * Turns VS Code's editor and file events into `ProjectIndex` requests, so the model follows
 * typing, saving, closing, renames, deletes, and changes made outside VS Code (git checkout,
 * another editor). Handlers only schedule work; the index does the reading.
 */
import * as vscode from 'vscode';
import { DOCUMENT_FILES, documentKindOf } from '../../core/document';
import { isSkippedFolder } from '../../core/project';
import type { ProjectIndex } from './projectIndex';
import { DEFAULT_DEBOUNCE_MS, parentOf, SETTINGS, type WorkspaceHostWithCache } from '../common';

/** Milliseconds to wait after the last change, from `mspDocs.validation.debounceMs`. */
export function debounceMs(): number {
  const value = vscode.workspace.getConfiguration().get<number>(SETTINGS.validationDebounceMs, DEFAULT_DEBOUNCE_MS);
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : DEFAULT_DEBOUNCE_MS;
}

/**
 * The projects of the open editors, the active one first, then the visible ones, then the other
 * open documents: the order in which the first scan validates them before the rest.
 */
export function* openEditorProjects(): Iterable<string> {
  const uris = [
    vscode.window.activeTextEditor?.document.uri,
    ...vscode.window.visibleTextEditors.map((e) => e.document.uri),
    ...vscode.workspace.textDocuments.map((d) => d.uri),
  ];
  for (const uri of uris) if (uri && documentKindOf(uri.path)) yield parentOf(uri);
}

/** Registers the listeners and file-system watchers that keep `index` current. */
export function registerProjectWatchers(index: ProjectIndex, log: vscode.LogOutputChannel, host: WorkspaceHostWithCache): vscode.Disposable[] {
  /** Never let an exception escape into VS Code's event loop: log it and carry on. */
  const safe =
    <A extends unknown[]>(name: string, handler: (...args: A) => unknown) =>
    (...args: A): void => {
      try {
        const result = handler(...args);
        if (result instanceof Promise) result.catch((error) => log.error(`${name} failed:`, error));
      } catch (error) {
        log.error(`${name} failed:`, error);
      }
    };

  /** A project document changed (in a buffer or on disk): reload its project, if it has one. */
  const documentChanged = (uri: vscode.Uri): void => {
    const kind = documentKindOf(uri.path);
    if (!kind) return;
    // Whatever changed (buffer, save, close, disk), the next read of this file goes to the disk.
    host.forget(uri.toString());
    const dir = parentOf(uri);
    if (index.get(dir)) {
      // A project that validates quickly is validated at every change; a slow one after a pause.
      index.invalidate(dir, index.isCheap(dir) ? 0 : debounceMs());
    } else if (kind === 'project' && vscode.workspace.getWorkspaceFolder(uri)) {
      // A new project.yaml makes its folder a project at once (ahead of any queued validation);
      // outside the workspace it stays a loose file.
      index.invalidate(dir, 0);
    }
  };

  /**
   * A file or folder is gone. VS Code reports a deleted folder once, not each file in it, so
   * every project at or under the path is reloaded (and drops out when its project.yaml is gone).
   */
  const pathRemoved = (uri: vscode.Uri): void => {
    host.forget(uri.toString());
    documentChanged(uri);
    for (const dir of index.projectsUnder(uri.toString())) index.invalidate(dir, debounceMs());
  };

  /** A file or folder appeared. A folder moved or checked out into the workspace may hold projects. */
  const pathCreated = async (uri: vscode.Uri): Promise<void> => {
    if (documentKindOf(uri.path)) {
      documentChanged(uri);
      return;
    }
    if (!vscode.workspace.getWorkspaceFolder(uri) || isIgnored(uri)) return;
    const stat = await vscode.workspace.fs.stat(uri).then(undefined, () => undefined);
    if (stat && stat.type & vscode.FileType.Directory) {
      // A folder moved back in: its documents are read from disk again.
      host.forget(uri.toString());
      index.scan(uri.toString());
    }
  };

  const documentsGlob = `**/{${Object.values(DOCUMENT_FILES).join(',')}}`;
  const documentsWatcher = vscode.workspace.createFileSystemWatcher(documentsGlob);
  // Folder-level creates and deletes only; content changes of other files are of no interest.
  const foldersWatcher = vscode.workspace.createFileSystemWatcher('**', false, true, false);

  return [
    vscode.workspace.onDidChangeTextDocument(
      safe('onDidChangeTextDocument', (e: vscode.TextDocumentChangeEvent) => {
        // Events without content changes only report a dirty-state flip.
        if (e.contentChanges.length > 0) documentChanged(e.document.uri);
      }),
    ),
    vscode.workspace.onDidSaveTextDocument(safe('onDidSaveTextDocument', (d: vscode.TextDocument) => documentChanged(d.uri))),
    // After a close the disk counts again, and it may differ from the buffer that was discarded.
    vscode.workspace.onDidCloseTextDocument(safe('onDidCloseTextDocument', (d: vscode.TextDocument) => documentChanged(d.uri))),
    documentsWatcher,
    documentsWatcher.onDidCreate(safe('documents watcher', documentChanged)),
    documentsWatcher.onDidChange(safe('documents watcher', documentChanged)),
    documentsWatcher.onDidDelete(safe('documents watcher', documentChanged)),
    foldersWatcher,
    foldersWatcher.onDidCreate(safe('folders watcher', (uri: vscode.Uri) => (documentKindOf(uri.path) ? undefined : pathCreated(uri)))),
    foldersWatcher.onDidDelete(safe('folders watcher', (uri: vscode.Uri) => (documentKindOf(uri.path) ? undefined : pathRemoved(uri)))),
    // Explorer and API operations: reported at once, before (or without) the watcher's events.
    vscode.workspace.onDidRenameFiles(
      safe('onDidRenameFiles', async (e: vscode.FileRenameEvent) => {
        for (const { oldUri, newUri } of e.files) {
          pathRemoved(oldUri);
          await pathCreated(newUri);
        }
      }),
    ),
    vscode.workspace.onDidDeleteFiles(safe('onDidDeleteFiles', (e: vscode.FileDeleteEvent) => e.files.forEach(pathRemoved))),
    vscode.workspace.onDidCreateFiles(
      safe('onDidCreateFiles', async (e: vscode.FileCreateEvent) => {
        for (const uri of e.files) await pathCreated(uri);
      }),
    ),
    vscode.workspace.onDidChangeWorkspaceFolders(safe('onDidChangeWorkspaceFolders', () => index.rescanAll())),
  ];
}

/** Hidden folders and tool output are not searched for projects (as in the core's `findProjects`). */
function isIgnored(uri: vscode.Uri): boolean {
  const relative = vscode.workspace.asRelativePath(uri, false);
  return relative.split('/').some(isSkippedFolder);
}
