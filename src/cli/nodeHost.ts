import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { WorkspaceHost } from '../core/workspace';

/**
 * The workspace host of the command line: plain file-system paths. Symbolic links to folders are
 * followed (a sample may be linked into a workspace).
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
};
