// The first scan's first look (src/extension/projects/firstLook.ts): a bounded walk that finds a few
// projects before VS Code's file search answers, honouring the exclude settings exactly or not at all.
import * as assert from 'node:assert/strict';
import type { WorkspaceHost } from '../../../src/core/project';
import { FIRST_LOOK_FOLDERS, firstLook, segmentExcluder, type LookHost } from '../../../src/extension/projects/firstLook';

/** A host over a list of files (`/`-separated paths under `file:///w`), counting the folders it reads. */
function fakeHost(files: readonly string[]): LookHost & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    join: (dir, name) => `${dir}/${encodeURIComponent(name)}`,
    async readDirectory(dir) {
      reads.push(dir);
      const prefix = `${dir}/`;
      const entries = new Map<string, 'file' | 'directory'>();
      for (const file of files.map((f) => `file:///w/${f.split('/').map(encodeURIComponent).join('/')}`)) {
        if (!file.startsWith(prefix)) continue;
        const [name, ...rest] = file.slice(prefix.length).split('/');
        entries.set(decodeURIComponent(name), rest.length ? 'directory' : 'file');
      }
      return [...entries].map(([name, type]) => ({ name, type })) satisfies Awaited<ReturnType<WorkspaceHost['readDirectory']>>;
    },
  };
}

describe('first look', () => {
  it('decides the exclude patterns it understands and gives up on the others', () => {
    const exclude = segmentExcluder(['**/.git', '**/node_modules', '**/*.code-search', 'archive/**', 'old', '**/{a,b}']);
    assert.ok(exclude);
    assert.equal(exclude(['clients', 'node_modules', 'x', 'project.yaml']), true);
    assert.equal(exclude(['archive', 'x', 'project.yaml']), true);
    assert.equal(exclude(['clients', 'archive', 'project.yaml']), false, 'archive/** is a top-level folder only');
    assert.equal(exclude(['old']), true);
    assert.equal(exclude(['a.code-search']), true);
    assert.equal(exclude(['clients', 'dekker', 'project.yaml']), false);
    assert.equal(segmentExcluder(['clients/archive/**']), undefined, 'a pattern over several segments');
    assert.equal(segmentExcluder(['**/[ab]rchive']), undefined, 'a character class');
  });

  it('finds the shallowest projects first, up to the limit, and skips excluded and hidden folders', async () => {
    const host = fakeHost([
      'a/project.yaml', 'b/c/project.yaml', 'b/d/project.yaml', 'node_modules/e/project.yaml',
      '.hidden/f/project.yaml', 'archive/g/project.yaml', 'z z/project.yaml', 'h/i/j/k/project.yaml',
    ]);
    const exclude = segmentExcluder(['archive/**']);
    assert.deepEqual(await firstLook(host, ['file:///w'], 10, exclude), ['file:///w/a', 'file:///w/z%20z', 'file:///w/b/c', 'file:///w/b/d']);
    assert.deepEqual(await firstLook(host, ['file:///w'], 1, exclude), ['file:///w/a']);
    assert.equal(host.reads.includes('file:///w/archive'), false, 'an excluded folder is not read');
  });

  it('takes the open editors\' projects first, reads a bounded number of folders, and looks nowhere when it cannot decide', async () => {
    const files = Array.from({ length: 200 }, (_, i) => `f${String(i).padStart(3, '0')}/notes.md`);
    const host = fakeHost([...files, 'x/y/project.yaml']);
    const exclude = segmentExcluder([]);
    assert.deepEqual(await firstLook(host, ['file:///w'], 4, exclude, ['file:///w/x/y', 'file:///elsewhere/p', 'file:///w/.git/p']), ['file:///w/x/y']);
    assert.ok(host.reads.length <= FIRST_LOOK_FOLDERS, `${host.reads.length} folders read`);
    host.reads.length = 0;
    assert.deepEqual(await firstLook(host, ['file:///w'], 4, undefined, ['file:///w/x/y']), []);
    assert.equal(host.reads.length, 0);
  });
});
