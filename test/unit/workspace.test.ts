import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { nodeHost } from '../../src/cli/nodeHost';
import { findProjects, loadProject, manifestReport, MAX_PROJECT_DEPTH, readProject, validateProject, worstState, type WorkspaceHost } from '../../src/core/project/workspace';
import { PROJECT } from './helpers';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'workspace');

/** An in-memory workspace: keys are `/`-separated paths of files. */
function memoryHost(files: Record<string, string>): WorkspaceHost {
  return {
    async readDirectory(dir) {
      const prefix = dir === '' ? '' : dir + '/';
      const names = new Map<string, 'file' | 'directory'>();
      for (const f of Object.keys(files)) {
        if (!f.startsWith(prefix)) continue;
        const [head, ...tail] = f.slice(prefix.length).split('/');
        names.set(head, tail.length ? 'directory' : 'file');
      }
      return [...names].map(([name, type]) => ({ name, type }));
    },
    async readFile(file) {
      return files[file];
    },
    join: (dir, name) => (dir ? `${dir}/${name}` : name),
  };
}

describe('workspace model', () => {
  it('finds projects at any depth in several roots, skipping node_modules and hidden folders', async () => {
    const host = memoryHost({
      'a/project.yaml': PROJECT,
      'a/sub/deeper/client-x/project.yaml': PROJECT,
      'a/node_modules/pkg/project.yaml': PROJECT,
      'a/.git/project.yaml': PROJECT,
      'b/one/project.yaml': PROJECT,
      'b/one/nested/project.yaml': PROJECT,
      'b/readme.md': '',
    });
    assert.deepEqual(await findProjects(host, ['a', 'b']), ['a', 'a/sub/deeper/client-x', 'b/one', 'b/one/nested']);
  });

  it('finds both fixture projects, one of them through a symbolic link', async () => {
    const found = await findProjects(nodeHost, [FIXTURE]);
    assert.deepEqual(found.map((d) => path.relative(FIXTURE, d)), [path.join('broken', 'hartman-logistics'), path.join('clients', 'dekker-accountants')]);
  });

  it('reports each document, its diagnostics and each phase state', async () => {
    const host = memoryHost({
      'p/project.yaml': PROJECT.replace('phase: scope', 'phase: planning'),
      'p/scope.yaml': 'in_scope: []\nout_of_scope: [{ id: hw, title: Hardware, reason: Leased }]\n',
    });
    const report = await loadProject(host, 'p');
    assert.equal(report.title, 'Move to Microsoft 365');
    assert.equal(report.client, 'Acme');
    assert.equal(report.documents.project.state, 'errors');
    assert.equal(report.documents.scope.state, 'ok');
    assert.equal(report.documents.plan.state, 'missing');
    assert.equal(report.documents.plan.path, 'p/plan.yaml');
    assert.deepEqual(report.phases, { intake: 'missing', scope: 'ok', approach: 'missing', stakeholders: 'missing', delivery: 'missing' });
    assert.equal(report.errors, 1);
    assert.equal(report.language, 'en');
  });

  it('gives the sample project no findings at all', async () => {
    const report = await loadProject(nodeHost, path.join(FIXTURE, 'clients', 'dekker-accountants'));
    for (const doc of Object.values(report.documents)) assert.deepEqual([doc.kind, doc.exists, doc.diagnostics], [doc.kind, true, []]);
    assert.equal(report.phase, 'approach');
  });

  it('keeps working on unreadable input: manifest fields of the wrong type are left out', () => {
    const report = validateProject('p', { project: { path: 'p/project.yaml', text: 'title: [1, 2]\nid: 5\n' } }, (k) => `p/${k}`);
    assert.equal(report.title, undefined);
    assert.equal(report.id, undefined);
    assert.equal(report.documents.project.state, 'errors');
  });

  it('orders states ok < warnings < missing < errors', () => {
    assert.equal(worstState([]), 'ok');
    assert.equal(worstState(['ok', 'warnings']), 'warnings');
    assert.equal(worstState(['missing', 'warnings']), 'missing');
    assert.equal(worstState(['missing', 'errors', 'ok']), 'errors');
  });

  describe('symbolic links and depth', () => {
    let tmp: string;
    beforeEach(() => {
      tmp = mkdtempSync(path.join(os.tmpdir(), 'msp-walk-'));
    });
    afterEach(() => rmSync(tmp, { recursive: true, force: true }));

    it('walks a symbolic link back up the tree once and reports its project once', async () => {
      mkdirSync(path.join(tmp, 'loop'));
      writeFileSync(path.join(tmp, 'loop', 'project.yaml'), PROJECT);
      symlinkSync('../loop', path.join(tmp, 'loop', 'self'), 'dir');
      const read: string[] = [];
      const counting: WorkspaceHost = { ...nodeHost, readDirectory: (dir) => (read.push(dir), nodeHost.readDirectory(dir)) };
      assert.deepEqual(await findProjects(counting, [tmp]), [path.join(tmp, 'loop')]);
      assert.deepEqual(read, [tmp, path.join(tmp, 'loop')]);
    });

    it('reports a folder reached through two links once, under the first path', async () => {
      mkdirSync(path.join(tmp, 'real'));
      writeFileSync(path.join(tmp, 'real', 'project.yaml'), PROJECT);
      symlinkSync('real', path.join(tmp, 'a-link'), 'dir');
      symlinkSync('real', path.join(tmp, 'b-link'), 'dir');
      assert.deepEqual(await findProjects(nodeHost, [tmp]), [path.join(tmp, 'a-link')]);
      // A root inside an earlier root is not walked again.
      assert.deepEqual(await findProjects(nodeHost, [path.join(tmp, 'real'), tmp]), [path.join(tmp, 'real')]);
    });

    it('uses the path itself when the host has no realPath or it fails', async () => {
      const host = memoryHost({ 'a/project.yaml': PROJECT, 'a/b/project.yaml': PROJECT });
      assert.deepEqual(await findProjects({ ...host, realPath: () => Promise.reject(new Error('gone')) }, ['a']), ['a', 'a/b']);
    });

    it('finds a project 14 folders deep', async () => {
      const deep = Array.from({ length: 14 }, (_, i) => `d${i + 1}`).join('/');
      const host = memoryHost({ [`root/${deep}/project.yaml`]: PROJECT });
      const limits: string[] = [];
      assert.deepEqual(await findProjects(host, ['root'], { onDepthLimit: (dir) => limits.push(dir) }), [`root/${deep}`]);
      assert.deepEqual(limits, []);
      assert.equal(MAX_PROJECT_DEPTH, 64);
    });

    it('says where it stopped at the depth bound, and only where there was more to search', async () => {
      const host = memoryHost({ 'r/x/y/z/project.yaml': PROJECT, 'r/x/y/project.yaml': PROJECT, 'r/p/q/project.yaml': PROJECT });
      const limits: string[] = [];
      assert.deepEqual(await findProjects(host, ['r'], { maxDepth: 2, onDepthLimit: (dir) => limits.push(dir) }), ['r/p/q', 'r/x/y']);
      assert.deepEqual(limits, ['r/x/y']);
    });
  });
});

describe('manifestReport (the tree before validation)', () => {
  const pathOf = (kind: string): string => `p/${kind}`;

  it('has the manifest fields and its own schema findings, every other document unknown and `checking`', () => {
    const report = manifestReport('p', 'id: x\ntitle: A project\nclient: Client B.V.\nphase: scope\nlanguage: nl\nbogus: 1\n', pathOf);
    assert.equal(report.checking, true);
    assert.deepEqual([report.id, report.title, report.client, report.phase, report.language], ['x', 'A project', 'Client B.V.', 'scope', 'nl']);
    assert.equal(report.documents.project.exists, true);
    assert.ok(report.documents.project.diagnostics.some((d) => d.code.startsWith('schema.')), JSON.stringify(report.documents.project.diagnostics));
    assert.deepEqual([report.errors, report.warnings], [0, 0]);
    for (const kind of ['intake', 'scope', 'plan', 'stakeholders', 'handover'] as const) {
      assert.deepEqual([report.documents[kind].exists, report.documents[kind].path], [false, `p/${kind}`]);
    }
  });

  it('gives the same manifest fields as the full validation', async () => {
    const dir = path.join(FIXTURE, 'clients', 'dekker-accountants');
    const full = await loadProject(nodeHost, dir);
    const { texts } = await readProject(nodeHost, dir);
    const partial = manifestReport(dir, texts.project?.text, (kind) => path.join(dir, kind));
    assert.deepEqual([partial.id, partial.title, partial.client, partial.phase, partial.language], [full.id, full.title, full.client, full.phase, full.language]);
    assert.equal(full.checking, undefined);
    assert.equal(manifestReport(dir, undefined, (kind) => kind).documents.project.exists, false);
  });
});
