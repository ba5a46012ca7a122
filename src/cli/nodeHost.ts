import { constants as fsConstants, promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import { t } from '../core/common';
import { findProjects, MAX_PROJECT_DEPTH, UnreadableFileError, type WorkspaceHost } from '../core/project';

/** Whether `inner` is `outer` or lies inside it (both absolute, real paths). */
export function isInside(outer: string, inner: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Lone carriage returns (old Mac line ends) as line feeds: the YAML parser reads only `\n` and
 * `\r\n` as line breaks, and a file with CR-only line ends would read as one long line. The text
 * keeps its length, so offsets stay those of the file.
 */
export function normalizeLoneCarriageReturns(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/**
 * A workspace host over plain file-system paths, confined to `root` when given: a symbolic link
 * (to a folder or a document) whose target lies outside `root` is not followed, so a checked-out
 * repository cannot make the command line read files elsewhere. Links inside `root` are followed;
 * `realPath` lets `findProjects` walk each real folder once, so a link back up the tree ends.
 *
 * `readFile` checks the file's type before opening it (a pipe named `plan.yaml` would block the
 * read forever) and throws `UnreadableFileError` for a folder, pipe, socket or device of a
 * document's name, a file it may not read, or a link out of `root`.
 */
export function nodeHostFor(root?: string): WorkspaceHost {
  let rootReal: Promise<string> | undefined;
  const realRoot = () => (rootReal ??= root === undefined ? Promise.resolve('') : fs.realpath(root).catch(() => path.resolve(root)));
  const allowed = async (real: string) => root === undefined || isInside(await realRoot(), real);
  // Real paths of the folders files were read from (one `realpath` per project folder, not per file).
  const realDirs = new Map<string, Promise<string>>();
  const realDir = (dir: string): Promise<string> => {
    let real = realDirs.get(dir);
    if (!real) {
      real = fs.realpath(dir);
      realDirs.set(dir, real);
      // A folder that could not be resolved (gone, no permission) is asked again next time.
      real.catch(() => realDirs.delete(dir));
    }
    return real;
  };
  return {
    async readDirectory(dir) {
      try {
        const entries = await fs.readdir(dir, { withFileTypes: true });
        const listed = await Promise.all(
          entries.map(async (e) => {
            if (!e.isSymbolicLink()) return { name: e.name, type: e.isDirectory() ? ('directory' as const) : ('file' as const) };
            const target = await fs.realpath(path.join(dir, e.name)).catch(() => undefined);
            if (target === undefined || !(await allowed(target))) return undefined;
            const isDir = await fs.stat(target).then((s) => s.isDirectory(), () => false);
            return { name: e.name, type: isDir ? ('directory' as const) : ('file' as const) };
          }),
        );
        return listed.filter((e) => e !== undefined);
      } catch {
        return [];
      }
    },
    async readFile(file) {
      const name = path.basename(file);
      let handle: FileHandle | undefined;
      try {
        let real = file;
        try {
          // Open first, without following a link and without waiting for a writer (a pipe), then
          // ask the open file what it is: one system call fewer per document than a `stat` first.
          handle = await fs.open(file, OPEN_FIRST ?? fsConstants.O_RDONLY);
          if (OPEN_FIRST === undefined || root !== undefined) {
            // Without those flags, or under a confining root: is it a link, and where does it lead?
            const link = OPEN_FIRST === undefined && (await fs.lstat(file)).isSymbolicLink();
            real = link ? await fs.realpath(file) : root !== undefined ? path.join(await realDir(path.dirname(file)), name) : file;
          }
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'ELOOP' || OPEN_FIRST === undefined) throw e;
          // The document is a symbolic link (or a loop of them): read what it leads to, if allowed.
          real = await fs.realpath(file);
          handle = await fs.open(real, OPEN_FIRST);
        }
        if (!(await allowed(real))) throw new UnreadableFileError(t('{0} is a symbolic link to a place outside the folder being checked; it was not read.', name));
        const info = await handle.stat();
        if (info.isDirectory()) throw new UnreadableFileError(t('{0} is a folder, not a file; it was not read.', name));
        if (!info.isFile()) throw new UnreadableFileError(t('{0} is not a regular file (a pipe, socket or device); it was not read.', name));
        return normalizeLoneCarriageReturns(await handle.readFile('utf8'));
      } catch (e) {
        if (e instanceof UnreadableFileError) throw e;
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
        if (code === 'EISDIR') throw new UnreadableFileError(t('{0} is a folder, not a file; it was not read.', name));
        throw new UnreadableFileError(unreadable(name, e));
      } finally {
        await handle?.close();
      }
    },
    join: (dir, name) => path.join(dir, name),
    realPath: (dir) => fs.realpath(dir),
  };
}

/**
 * Flags to open a document with before knowing what it is: read only, not following a final
 * symbolic link (`ELOOP` then), not blocking on a pipe. `undefined` where the platform lacks them
 * (Windows), where `readFile` asks `lstat` first.
 */
const OPEN_FIRST: number | undefined =
  fsConstants.O_NOFOLLOW !== undefined && fsConstants.O_NONBLOCK !== undefined ? fsConstants.O_RDONLY | fsConstants.O_NOFOLLOW | fsConstants.O_NONBLOCK : undefined;

/** The reason a file could not be read, as a sentence naming it. */
function unreadable(name: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return t('{0} cannot be read: permission denied.', name);
  if (code === 'ELOOP') return t('{0} is a symbolic link that points to itself in a loop; it was not read.', name);
  return t('{0} cannot be read: {1}', name, code ?? (error instanceof Error ? error.message : String(error)));
}

/** The workspace host of the command line without a confining folder (for a document named directly). */
export const nodeHost: WorkspaceHost = nodeHostFor();

/**
 * The projects under a folder of the disk, and a warning (for stderr, after `msp-docs: `) for each
 * folder where the search stopped at the depth bound. Links out of `dir` are not followed.
 */
export async function findProjectsOnDisk(dir: string, maxDepth = MAX_PROJECT_DEPTH): Promise<{ projects: string[]; warnings: string[] }> {
  const warnings: string[] = [];
  const projects = await findProjects(nodeHostFor(dir), [dir], {
    maxDepth,
    onDepthLimit: (deep) => warnings.push(t('the search for projects stopped {0} folders deep in {1}; folders below it were not searched.', maxDepth, deep)),
  });
  return { projects, warnings };
}
