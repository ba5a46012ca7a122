import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { t } from '../core/common';
import { findProjects, MAX_PROJECT_DEPTH, type WorkspaceHost } from '../core/project';

/**
 * The workspace host of the command line: plain file-system paths. Symbolic links to folders are
 * followed (a sample may be linked into a workspace); `realPath` lets `findProjects` walk each real
 * folder once, so a link back up the tree ends.
 */
export const nodeHost: WorkspaceHost = {
  async readDirectory(dir) {
    try {
      const entries = await fs.readdir(dir, { withFileTypes: true });
      return Promise.all(
        entries.map(async (e) => {
          let isDir = e.isDirectory();
          if (e.isSymbolicLink()) isDir = await fs.stat(path.join(dir, e.name)).then((s) => s.isDirectory(), () => false);
          return { name: e.name, type: isDir ? ('directory' as const) : ('file' as const) };
        }),
      );
    } catch {
      return [];
    }
  },
  async readFile(file) {
    try {
      return await fs.readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  },
  join: (dir, name) => path.join(dir, name),
  realPath: (dir) => fs.realpath(dir),
};

/**
 * The projects under a folder of the disk, and a warning (for stderr, after `msp-docs: `) for each
 * folder where the search stopped at the depth bound.
 */
export async function findProjectsOnDisk(dir: string, maxDepth = MAX_PROJECT_DEPTH): Promise<{ projects: string[]; warnings: string[] }> {
  const warnings: string[] = [];
  const projects = await findProjects(nodeHost, [dir], {
    maxDepth,
    onDepthLimit: (deep) => warnings.push(t('the search for projects stopped {0} folders deep in {1}; folders below it were not searched.', maxDepth, deep)),
  });
  return { projects, warnings };
}
