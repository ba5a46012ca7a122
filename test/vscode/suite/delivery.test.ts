// Integration tests of the features of docs/delivery.md inside a real VS Code, on the temp copy of
// test/fixtures/workspace: proposal snapshots and their comparison, the status update, the Delivery
// checklist in the tree, and the Portfolio view over two workspace roots. Every wait is for an
// event with a timeout.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import JSZip from 'jszip';
import type { MspDocsApi } from '../../../src/extension/api';
import type { PortfolioNode } from '../../../src/extension/delivery/portfolioView';
import type { ProjectsTreeNode } from '../../../src/extension/projects/projectsTree';
import type { SnapshotResult } from '../../../src/extension/delivery/snapshot';
import { DEKKER, workspaceRoot, fileUri, iconId, waitFor, activateForTests, restoreAutoSave } from './helpers';
import { COMMANDS } from '../../../src/extension/common/commands';

/** The repository, seen from out/test/vscode/suite/ where this file runs. */
const REPO = path.resolve(__dirname, '../../../..');

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('delivery: versions, status update, handover checklist, portfolio', function () {
  let api: MspDocsApi;

  async function children<T>(provider: vscode.TreeDataProvider<T>, node?: T): Promise<Array<{ node: T; item: vscode.TreeItem }>> {
    const nodes = (await provider.getChildren(node)) ?? [];
    return Promise.all(nodes.map(async (n) => ({ node: n, item: await provider.getTreeItem(n) })));
  }

  /** The Delivery checklist of the sample as `{ check id: [icon, description] }`. */
  async function checklist(): Promise<Record<string, [string | undefined, string | undefined]>> {
    const dir = fileUri(DEKKER).toString();
    const project = (await children(api.tree)).find((c) => c.node.dir === dir);
    assert.ok(project, 'the sample is not in the tree');
    const delivery = (await children(api.tree, project.node)).find((c) => c.item.label === 'Delivery');
    assert.ok(delivery, 'no Delivery phase');
    const items = await children<ProjectsTreeNode>(api.tree, delivery.node);
    assert.equal(items[0].item.label, 'handover.yaml', 'the handover document comes first');
    const checks = items.filter((c) => c.node.type === 'check');
    for (const c of checks) assert.equal(api.tree.getParent?.(c.node), delivery.node);
    return Object.fromEntries(checks.map((c) => [c.node.type === 'check' ? c.node.check : '', [iconId(c.item), String(c.item.description)]]));
  }

  before(async function () {
    api = await activateForTests();
  });

  after(async function () {
    await restoreAutoSave();
  });

  afterEach(async function () {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('snapshot writes the export and the history entry, one undo reverts the edit, and two versions compare as text', async function () {
    this.timeout(60000);
    const plan = fileUri(`${DEKKER}/plan.yaml`);
    const exportsDir = fileUri(`${DEKKER}/exports`);
    const original = fs.readFileSync(plan.fsPath, 'utf8');
    try {
      const note = 'Pilot moved to October: feedback from Hans.';
      const result = (await vscode.commands.executeCommand(COMMANDS.proposalSnapshot, { project: fileUri(DEKKER).toString(), version: '0.4', changes: note })) as SnapshotResult;
      assert.equal(result.status, 'done', `no PDF: ${result.message}`);
      const html = fs.readFileSync(path.join(exportsDir.fsPath, 'dekker-m365-v0.4.html'), 'utf8');
      assert.match(html, /<title>[^<]*v0\.4<\/title>/);
      assert.ok(html.includes(note), 'the note is not in the revision line');
      const text = fs.readFileSync(path.join(exportsDir.fsPath, 'dekker-m365-v0.4.md'), 'utf8');
      assert.match(text, /\n- Version: 0\.4\n/);
      assert.equal(fs.readFileSync(path.join(exportsDir.fsPath, 'dekker-m365-v0.4.pdf')).subarray(0, 5).toString('latin1'), '%PDF-');

      const editor = vscode.window.activeTextEditor;
      assert.equal(editor?.document.uri.toString(), plan.toString(), 'plan.yaml is not shown');
      const expected = original
        .replace('version: "0.3"', 'version: "0.4"')
        .replace(/\n$/, `\n  - version: "0.4"\n    date: ${today()}\n    changes: "${note}"\n`);
      assert.equal(editor.document.getText(), expected);
      assert.equal(fs.readFileSync(plan.fsPath, 'utf8'), expected, 'plan.yaml is not saved');

      await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.getText(), original, 'one undo did not revert the whole edit');
      await editor.document.save();

      // The export of 0.4 is a record: a second snapshot as 0.4 is refused before anything changes.
      const again = (await vscode.commands.executeCommand(COMMANDS.proposalSnapshot, { project: fileUri(DEKKER).toString(), version: '0.4', changes: 'again', pdf: false })) as SnapshotResult;
      assert.equal(again.status, 'refused');
      assert.match(again.message ?? '', /already exists/);
      assert.equal(editor.document.getText(), original);

      const compared = (await vscode.commands.executeCommand(COMMANDS.proposalCompare, { project: fileUri(DEKKER).toString(), left: 'export:dekker-m365-v0.4', right: 'current' })) as {
        left: string;
        right: string;
      };
      const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      assert.ok(tab instanceof vscode.TabInputTextDiff, 'no diff editor');
      assert.equal(tab.original.scheme, 'msp-docs-proposal');
      // The older version on the left: the current documents (0.3), then the 0.4 export.
      assert.equal(tab.original.toString(), compared.left);
      const left = await vscode.workspace.openTextDocument(vscode.Uri.parse(compared.left));
      const right = await vscode.workspace.openTextDocument(vscode.Uri.parse(compared.right));
      assert.match(left.getText(), /\n- Version: 0\.3\n/);
      assert.match(right.getText(), /\n- Version: 0\.4\n/);

      // The Word redline of the same two versions: the version, the date and the new revision line are tracked changes.
      const redlined = (await vscode.commands.executeCommand(COMMANDS.proposalCompare, {
        project: fileUri(DEKKER).toString(),
        left: 'export:dekker-m365-v0.4',
        right: 'current',
        redline: true,
      })) as { redline?: string };
      assert.equal(redlined.redline, vscode.Uri.joinPath(exportsDir, 'dekker-m365-v0.3-to-v0.4.docx').toString());
      const docx = await JSZip.loadAsync(fs.readFileSync(vscode.Uri.parse(redlined.redline).fsPath));
      const body = (await docx.file('word/document.xml')?.async('string')) ?? '';
      assert.ok([...body.matchAll(/<w:delText[^>]*>([^<]*)</g)].some((m) => m[1] === '0.3'), 'no deleted 0.3');
      const inserted = [...body.matchAll(/<w:ins [^>]*[^/]>([\s\S]*?)<\/w:ins>/g)].map((m) => m[1]);
      assert.ok(inserted.some((m) => m.includes('>0.4<')), 'no inserted 0.4');
      assert.ok(inserted.some((m) => m.includes(note)), 'the new revision line is not inserted');
      assert.doesNotMatch(body.replace(/<w:ins [^>]*[^/]>[\s\S]*?<\/w:ins>/g, ''), new RegExp(note.replace(/[.]/g, '\\.')), 'the note outside an insertion');
      // Asked again, with overwrite: false, the existing redline is kept.
      const kept = (await vscode.commands.executeCommand(COMMANDS.proposalCompare, {
        project: fileUri(DEKKER).toString(),
        left: 'export:dekker-m365-v0.4',
        right: 'current',
        redline: true,
        overwrite: false,
      })) as { redline?: string };
      assert.equal(kept.redline, undefined);
    } finally {
      await vscode.workspace.fs.delete(exportsDir, { recursive: true }).then(undefined, () => undefined);
      if (fs.readFileSync(plan.fsPath, 'utf8') !== original) fs.writeFileSync(plan.fsPath, original);
    }
  });

  it('snapshot never replaces an export created after its check (while "What changed?" is open): it refuses and edits nothing', async function () {
    this.timeout(60000);
    const plan = fileUri(`${DEKKER}/plan.yaml`);
    const exportsDir = fileUri(`${DEKKER}/exports`);
    const original = fs.readFileSync(plan.fsPath, 'utf8');
    const text = path.join(exportsDir.fsPath, 'dekker-m365-v0.5.md');
    try {
      const result = (await vscode.commands.executeCommand(COMMANDS.proposalSnapshot, {
        project: fileUri(DEKKER).toString(),
        version: '0.5',
        changes: 'race',
        beforeWrite: (uri: vscode.Uri) => {
          if (uri.path.endsWith('.md')) fs.writeFileSync(uri.fsPath, 'made by someone else');
        },
      })) as SnapshotResult;
      assert.equal(result.status, 'refused');
      assert.match(result.message ?? '', /dekker-m365-v0\.5\.md already exists/);
      assert.equal(fs.readFileSync(text, 'utf8'), 'made by someone else');
      assert.deepEqual(fs.readdirSync(exportsDir.fsPath), ['dekker-m365-v0.5.md'], 'the HTML claimed before is removed again');
      assert.equal(fs.readFileSync(plan.fsPath, 'utf8'), original, 'plan.yaml was edited');
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === plan.toString());
      assert.ok(!open || open.getText() === original, 'the open plan.yaml was edited');
    } finally {
      await vscode.workspace.fs.delete(exportsDir, { recursive: true }).then(undefined, () => undefined);
      if (fs.readFileSync(plan.fsPath, 'utf8') !== original) fs.writeFileSync(plan.fsPath, original);
    }
  });

  it('the Word redline never replaces a file created between its check and its write without consent', async function () {
    this.timeout(60000);
    const exportsDir = fileUri(`${DEKKER}/exports`);
    const redline = vscode.Uri.joinPath(exportsDir, 'dekker-m365-v0.2-to-v0.3.docx');
    const planted = Buffer.from('PK edited by hand');
    const hooked: string[] = [];
    const plant = (uri: vscode.Uri) => {
      hooked.push(path.basename(uri.fsPath));
      fs.writeFileSync(uri.fsPath, planted);
    };
    // An older version to compare with: its text export, as a snapshot writes it.
    fs.mkdirSync(exportsDir.fsPath, { recursive: true });
    fs.writeFileSync(path.join(exportsDir.fsPath, 'dekker-m365-v0.2.md'), '# Move to Microsoft 365\n\n- Version: 0.2\n');
    const compare = (overwrite: boolean) =>
      vscode.commands.executeCommand(COMMANDS.proposalCompare, {
        project: fileUri(DEKKER).toString(),
        left: 'export:dekker-m365-v0.2',
        right: 'current',
        redline: true,
        overwrite,
        beforeWrite: plant,
      }) as Thenable<{ redline?: string }>;
    try {
      const kept = await compare(false);
      assert.equal(kept.redline, undefined);
      assert.deepEqual(hooked, ['dekker-m365-v0.2-to-v0.3.docx']);
      assert.deepEqual(fs.readFileSync(redline.fsPath), planted, 'the file made in between is not kept byte for byte');

      fs.rmSync(redline.fsPath);
      const replaced = await compare(true);
      assert.equal(replaced.redline, redline.toString());
      const written = fs.readFileSync(redline.fsPath);
      assert.notDeepEqual(written, planted, 'replaced after consent');
      assert.ok((await JSZip.loadAsync(written)).file('word/document.xml'), 'a Word document');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(exportsDir, { recursive: true }).then(undefined, () => undefined);
    }
  });

  it('the handover document is created exclusively: a file made at the moment of writing is replaced only with consent', async function () {
    const target = fileUri(`${DEKKER}/handover-dekker-m365.md`);
    const plant = (uri: vscode.Uri) => fs.writeFileSync(uri.fsPath, 'edited by hand');
    try {
      assert.ok(!fs.existsSync(target.fsPath));
      const kept = await vscode.commands.executeCommand(COMMANDS.handoverGenerate, { project: fileUri(DEKKER).toString(), overwrite: false, beforeWrite: plant });
      assert.equal(kept, undefined);
      assert.equal(fs.readFileSync(target.fsPath, 'utf8'), 'edited by hand');
      fs.rmSync(target.fsPath);
      const replaced = await vscode.commands.executeCommand(COMMANDS.handoverGenerate, { project: fileUri(DEKKER).toString(), overwrite: true, beforeWrite: plant });
      assert.equal(replaced, target.toString());
      assert.match(fs.readFileSync(target.fsPath, 'utf8'), /^# /);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(target.fsPath, { force: true });
    }
  });

  it("opens the status update as an untitled Markdown document with the sample's next milestone", async function () {
    await vscode.commands.executeCommand(COMMANDS.statusDraft, { project: fileUri(DEKKER).toString(), audience: 'steering-group', today: '2026-11-29' });
    const document = vscode.window.activeTextEditor?.document;
    assert.ok(document, 'no editor opened');
    assert.equal(document.isUntitled, true);
    assert.equal(document.languageId, 'markdown');
    assert.match(document.getText(), /^# Status update: Move to Microsoft 365\n/);
    assert.match(document.getText(), /## Next milestone\n\n\*\*All mail and files migrated\*\*: December 2026/);
  });

  it('shows the handover checklist under Delivery and follows an edit to handover.yaml', async function () {
    const before = await checklist();
    assert.deepEqual(Object.keys(before), ['operations-team', 'documents', 'open-items', 'shadow-period', 'service-desk', 'user-instructions', 'lessons-learned', 'evaluation']);
    assert.deepEqual(before['operations-team'][0], 'pass-filled');
    assert.deepEqual(before['open-items'][0], 'circle-large-outline');
    assert.deepEqual(before['lessons-learned'], ['circle-large-outline', 'not recorded']);

    // Edited on disk, as git or another tool would: the projects suite expects this file never opened.
    const uri = fileUri(`${DEKKER}/handover.yaml`);
    const original = fs.readFileSync(uri.fsPath, 'utf8');
    assert.match(original, /\nlessons_learned: \[\]\n/);
    let seen = '';
    try {
      fs.writeFileSync(uri.fsPath, original.replace('\nlessons_learned: []\n', '\nlessons_learned:\n  - observation: The partner demo convinced Hans.\n    kind: went-well\n'));
      await waitFor('the lessons-learned item ticked', [api.onDidUpdate], async () => {
        const now = (await checklist())['lessons-learned'];
        seen = JSON.stringify(now);
        return now[0] === 'pass-filled' && now[1] === '1 went well, 0 to improve';
      }, () => seen);
    } finally {
      fs.writeFileSync(uri.fsPath, original);
    }
    await waitFor('the lessons-learned item open again', [api.onDidUpdate], async () => {
      const now = (await checklist())['lessons-learned'];
      seen = JSON.stringify(now);
      return now[0] === 'circle-large-outline';
    }, () => seen);
  });

  it('lists the projects of two workspace roots in the Portfolio, grouped and sorted', async function () {
    this.timeout(60000);
    const second = vscode.Uri.joinPath(workspaceRoot(), '..', 'second-root');
    fs.cpSync(path.join(REPO, 'test/fixtures/render/bakker-installatietechniek'), path.join(second.fsPath, 'bakker-installatietechniek'), { recursive: true });
    const bakker = vscode.Uri.joinPath(second, 'bakker-installatietechniek').toString();
    const count = vscode.workspace.workspaceFolders?.length ?? 1;
    const portfolio = api.portfolio as vscode.TreeDataProvider<PortfolioNode>;
    const labels = async (): Promise<Array<[string, string[]]>> =>
      Promise.all((await children(portfolio)).map(async (g) => [`${String(g.item.label)} (${String(g.item.description)})`, (await children(portfolio, g.node)).map((p) => `${String(p.item.label)}: ${String(p.item.description)}`)] as [string, string[]]));
    let seen = '';
    try {
      const changed = new Promise((resolve) => {
        const sub = vscode.workspace.onDidChangeWorkspaceFolders((e) => {
          sub.dispose();
          resolve(e);
        });
      });
      assert.ok(vscode.workspace.updateWorkspaceFolders(count, 0, { uri: second }), 'the second root was not accepted');
      await changed;
      await waitFor('the second root in the portfolio', [api.onDidUpdate], async () => {
        seen = JSON.stringify(await labels());
        return api.projects().some((p) => p.dir === bakker);
      }, () => seen);
      await api.whenIdle();
      await vscode.commands.executeCommand(COMMANDS.portfolioSortBy, 'phase');
      const byPhase = await labels();
      assert.deepEqual(byPhase.map(([g]) => g), ['Approach (2 projects)', 'Phase not set (1 project)']);
      assert.deepEqual(byPhase[0][1], ['Veilige werkplekken met Intune: Bakker Installatietechniek B.V. · On track', 'Move to Microsoft 365: Dekker & Partners Accountants · On track']);
      assert.match(byPhase[1][1][0], /^Veilige werkplekken: Hartman Logistiek B\.V\. · On track · \d+ errors?/);

      await vscode.commands.executeCommand(COMMANDS.portfolioSortBy, 'client');
      assert.deepEqual((await labels()).map(([g]) => g), ['Bakker Installatietechniek B.V. (1 project)', 'Dekker & Partners Accountants (1 project)', 'Hartman Logistiek B.V. (1 project)']);
      await vscode.commands.executeCommand(COMMANDS.portfolioSortBy, 'status');
      assert.deepEqual((await labels()).map(([g]) => g), ['On track (3 projects)']);

      const [approach] = await children(portfolio);
      const [first] = await children(portfolio, approach.node);
      assert.equal((await portfolio.getParent?.(first.node))?.id, approach.node.id);
      assert.equal(first.item.command?.command, COMMANDS.portfolioReveal);
      await vscode.commands.executeCommand(COMMANDS.portfolioReveal, ...(first.item.command?.arguments ?? []));
    } finally {
      await vscode.commands.executeCommand(COMMANDS.portfolioSortBy, 'phase');
      const index = vscode.workspace.workspaceFolders?.findIndex((f) => f.uri.toString() === second.toString()) ?? -1;
      if (index >= 0) vscode.workspace.updateWorkspaceFolders(index, 1);
      await waitFor('the second root gone', [api.onDidUpdate], () => !api.projects().some((p) => p.dir === bakker), () => JSON.stringify(api.projects().map((p) => p.dir)));
      fs.rmSync(second.fsPath, { recursive: true, force: true });
    }
  });
});
