// A workspace root with 200 projects, added while the extension runs: the Projects tree and the
// Portfolio show every project as soon as the manifests are read, with "checking…" phase states,
// and fill in as the background validation proceeds; a project created meanwhile appears within
// a second (docs/benchmarks.md). Every wait is for an event with a timeout.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MspDocsApi } from '../../../src/extension/api';
import type { ProjectsTreeNode } from '../../../src/extension/projects/projectsTree';
import { activateForTests, DEKKER, fileUri, restoreAutoSave, waitFor, workspaceRoot } from './helpers';

const PROJECTS = 200;

describe('scale: 200 projects, the tree first', function () {
  let api: MspDocsApi;

  before(async () => {
    api = await activateForTests();
  });

  after(restoreAutoSave);

  it('shows 200 projects as "checking" before their validation ends, then the final states; a new project appears within 1 s', async function () {
    this.timeout(120000);
    const root = vscode.Uri.joinPath(workspaceRoot(), '..', 'scale-root');
    const sample = fileUri(DEKKER).fsPath;
    for (let i = 0; i < PROJECTS; i++) {
      const dir = path.join(root.fsPath, `client-${String(i).padStart(3, '0')}`);
      fs.cpSync(sample, dir, { recursive: true });
      const manifest = path.join(dir, 'project.yaml');
      fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace(/^title: .*$/m, `title: Scale project ${i}`));
    }
    const under = (dir: string): boolean => dir.startsWith(root.toString() + '/');
    const mine = (): ReturnType<MspDocsApi['projects']> => api.projects().filter((p) => under(p.dir));
    const phaseNode = (dir: string): ProjectsTreeNode => ({ type: 'phase', id: `${dir}::scope`, dir, phase: 'scope' });
    const newDir = vscode.Uri.joinPath(root, 'zz-created-meanwhile');
    const count = vscode.workspace.workspaceFolders?.length ?? 1;
    let firstChecking: string | undefined;
    let treeWhileChecking = 0;
    const subscription = api.onDidUpdate((change) => {
      if (!firstChecking && change.report?.checking && under(change.dir)) firstChecking = change.dir;
    });
    try {
      const started = Date.now();
      assert.ok(vscode.workspace.updateWorkspaceFolders(count, 0, { uri: root }), 'the new root was not accepted');
      await waitFor('all 200 projects in the tree', [api.onDidUpdate], () => mine().length >= PROJECTS, () => `${mine().length} projects`, 60000);
      const shownMs = Date.now() - started;
      const checking = mine().filter((p) => p.checking).length;
      const roots = (await api.tree.getChildren()) ?? [];
      treeWhileChecking = roots.filter((n) => under(n.dir)).length;
      assert.ok(firstChecking, 'no project was shown as checking first');
      assert.ok(checking > 0, 'every project was validated before the tree had them all');
      const item = await api.tree.getTreeItem(phaseNode(mine().find((p) => p.checking)!.dir));
      assert.match(String(item.description), /checking…/);
      assert.equal(treeWhileChecking, PROJECTS, 'the tree shows every project while they are checked');

      // A project made meanwhile (as New Project does: a WorkspaceEdit) jumps the queue.
      const created = Date.now();
      const edit = new vscode.WorkspaceEdit();
      edit.createFile(vscode.Uri.joinPath(newDir, 'project.yaml'), { contents: new TextEncoder().encode('id: created-meanwhile\ntitle: Created meanwhile\nclient: Nieuw B.V.\nphase: intake\nlanguage: en\n') });
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitFor('the new project in the tree', [api.onDidUpdate], () => api.projects().some((p) => p.dir === newDir.toString() && !p.checking), undefined, 20000);
      const appearedMs = Date.now() - created;
      const stillChecking = mine().filter((p) => p.checking).length;
      const nodes = (await api.tree.getChildren()) ?? [];
      assert.ok(nodes.some((n) => n.dir === newDir.toString()), 'the new project is not in the tree');

      await api.whenIdle();
      const validatedMs = Date.now() - started;
      assert.equal(mine().length, PROJECTS + 1);
      assert.equal(mine().filter((p) => p.checking).length, 0, 'projects still checking once idle');
      const final = await api.tree.getTreeItem(phaseNode(mine()[0].dir));
      assert.doesNotMatch(String(final.description), /checking/);
      console.log(`      [timing] ${PROJECTS} projects: all in the tree after ${shownMs} ms (${checking} still checking), validated after ${validatedMs} ms; ` +
        `a project created meanwhile appeared after ${appearedMs} ms (${stillChecking} still checking then)`);
      assert.ok(appearedMs < 1000, `the new project took ${appearedMs} ms to appear`);
    } finally {
      subscription.dispose();
      const index = vscode.workspace.workspaceFolders?.findIndex((f) => f.uri.toString() === root.toString()) ?? -1;
      if (index >= 0) vscode.workspace.updateWorkspaceFolders(index, 1);
      await waitFor('the scale root gone', [api.onDidUpdate], () => mine().length === 0, () => `${mine().length} left`, 60000);
      fs.rmSync(root.fsPath, { recursive: true, force: true });
    }
  });
});
