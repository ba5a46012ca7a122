/**
 * Finds project folders with VS Code's file search (`workspace.findFiles`, ripgrep on disk) rather
 * than walking every folder through `workspace.fs.readDirectory`: one request per folder searched
 * instead of one per subfolder. Honours `files.exclude` and `search.exclude`, and applies the
 * core's skip list (`isSkippedFolder`: hidden folders, `node_modules`, build output) to the results,
 * so the tree shows the same projects as the command line.
 */
import * as vscode from 'vscode';
import { DOCUMENT_FILES } from '../../core/document';
import { findProjects, isSkippedFolder, type WorkspaceHost } from '../../core/project';

/** The patterns of `files.exclude` and `search.exclude` that are on (`true`), each once. */
export function excludePatterns(): string[] {
  const patterns: string[] = [];
  for (const section of ['files.exclude', 'search.exclude']) {
    const value = vscode.workspace.getConfiguration().get<Record<string, unknown>>(section) ?? {};
    for (const [pattern, on] of Object.entries(value)) if (on === true && !patterns.includes(pattern)) patterns.push(pattern);
  }
  return patterns;
}

/** The glob of folders and files never searched: the two settings' `true` patterns. */
export function excludeGlob(): string | undefined {
  // Braces cannot nest in a VS Code glob; patterns with braces of their own are left to the skip list.
  const flat = excludePatterns().filter((p) => !/[{}]/.test(p));
  return flat.length ? `{${flat.join(',')}}` : undefined;
}

/**
 * Returns a finder for `ProjectIndex`: the project folders (URI strings) under `folders`, folders
 * in order, each one's projects sorted. Falls back to the core's walk over `host` when the search
 * fails (a file system without search support).
 */
export function createProjectFinder(host: WorkspaceHost, log: vscode.LogOutputChannel): (folders: readonly string[]) => Promise<string[]> {
  return async (folders) => {
    const found: string[] = [];
    const seen = new Set<string>();
    const exclude = excludeGlob();
    for (const folder of folders) {
      const base = vscode.Uri.parse(folder);
      let files: vscode.Uri[];
      try {
        files = await vscode.workspace.findFiles(new vscode.RelativePattern(base, `**/${DOCUMENT_FILES.project}`), exclude);
      } catch (error) {
        log.warn(`File search failed in ${folder}, walking the folders instead: ${String(error)}`);
          for (const dir of await findProjects(host, [folder])) {
          if (seen.has(dir)) continue;
          seen.add(dir);
          found.push(dir);
        }
        continue;
      }
      const mine: string[] = [];
      const prefix = base.path.replace(/\/+$/, '');
      for (const file of files) {
        const dirUri = vscode.Uri.joinPath(file, '..');
        const relative = dirUri.path.startsWith(prefix) ? dirUri.path.slice(prefix.length) : dirUri.path;
        if (relative.split('/').some((segment) => segment && isSkippedFolder(segment))) continue;
        const dir = dirUri.toString();
        if (seen.has(dir)) continue;
        seen.add(dir);
        mine.push(dir);
      }
      found.push(...mine.sort());
    }
    return found;
  };
}
