// Integration tests of the Scope Canvas board and the stakeholder grid in a real VS Code. The
// webview runs in the harness's Chromium: the tests wait for its `rendered` message (so the script
// ran under the CSP and drew the cards) and hand the board's messages to the provider's handler
// the way the webview posts them (`MspDocsApi.boards.handle`), including forged ones. Every test
// leaves the documents as it found them; every wait is for an event with a timeout.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MspDocsApi } from '../../../src/extension/api';
import type { BoardOperation } from '../../../src/core/webview';
import { DEKKER, fileUri, waitFor, activateForTests, restoreAutoSave, revertAndCloseAll } from './helpers';
import { COMMANDS } from '../../../src/extension/common/commands';

describe('Scope Canvas board and stakeholder grid', function () {
  this.timeout(90000);
  let api: MspDocsApi;
  const scopeUri = () => fileUri(`${DEKKER}/scope.yaml`);
  const peopleUri = () => fileUri(`${DEKKER}/stakeholders.yaml`);

  /** Waits until the board of `uri` drew a model for which `check` holds. */
  async function boardShows(uri: vscode.Uri, what: string, check: () => boolean): Promise<void> {
    let rendered = -1;
    const sub = api.boards.onDidEvent((e) => {
      if (e.uri === uri.toString() && e.kind === 'rendered') rendered = e.version ?? -1;
    });
    try {
      await waitFor(what, [api.boards.onDidEvent], () => rendered === api.boards.version(uri.toString()) && check(), () => `rendered ${rendered}, version ${api.boards.version(uri.toString())}`);
    } finally {
      sub.dispose();
    }
  }

  function ids(uri: vscode.Uri, list: string): string[] {
    return api.boards.model(uri.toString())?.lists.find((l) => l.key === list)?.items.map((i) => i.id) ?? [];
  }

  async function send(uri: vscode.Uri, op: unknown): Promise<boolean> {
    return api.boards.handle(uri.toString(), { type: 'edit', version: api.boards.version(uri.toString()), op });
  }

  async function textOf(uri: vscode.Uri): Promise<string> {
    return (await vscode.workspace.openTextDocument(uri)).getText();
  }

  before(async function () {
    api = await activateForTests();
  });

  afterEach(() => revertAndCloseAll([scopeUri(), peopleUri()]));

  after(restoreAutoSave);

  it('opens from the command, moves a card to "will not do" in one undo step, and follows the text', async function () {
    const uri = scopeUri();
    const original = await textOf(uri);
    await vscode.commands.executeCommand(COMMANDS.boardOpen, uri);
    await boardShows(uri, 'the board drew scope.yaml', () => ids(uri, 'in_scope').includes('backup'));
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputCustom && tab.input.viewType === 'mspDocs.scopeBoard', 'the board is the active editor');

    const op: BoardOperation = { type: 'move', item: { list: 'in_scope', index: ids(uri, 'in_scope').indexOf('backup'), id: 'backup' }, to: 'out_of_scope', index: 0, fields: { reason: 'The client keeps its own backup.' } };
    assert.equal(await send(uri, op), true);
    await boardShows(uri, 'the card in "will not do"', () => ids(uri, 'out_of_scope')[0] === 'backup' && !ids(uri, 'in_scope').includes('backup'));
    const moved = await textOf(uri);
    assert.ok(moved.includes('out_of_scope:\n  - id: backup\n    title: Tested Microsoft 365 backup\n    reason: The client keeps its own backup.\n  - id: practice-software'), moved);
    assert.ok(!/description: >-\n\s+Backup of mail/.test(moved), 'the description went with the move');

    // One undo step puts the text, and the card, back.
    await vscode.commands.executeCommand('undo');
    await boardShows(uri, 'the card back in "will do"', () => ids(uri, 'in_scope').includes('backup'));
    assert.equal(await textOf(uri), original);

    // Typing in the text editor beside moves the card: cut the item, paste it under `later:`.
    const editor = await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
    const text = editor.document.getText();
    const start = text.indexOf('  - id: hardware\n');
    const end = text.indexOf('later:\n');
    const after = text.indexOf('assumptions:\n');
    await editor.edit((b) => {
      b.delete(new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(end)));
      b.insert(editor.document.positionAt(after), '  - id: hardware\n    title: Replacing laptops\n    trigger: In 2028.\n');
    });
    await boardShows(uri, 'the card moved by typing', () => ids(uri, 'later').includes('hardware') && !ids(uri, 'out_of_scope').includes('hardware'));
  });

  it('refuses forged and unknown messages and changes nothing', async function () {
    const uri = scopeUri();
    const original = await textOf(uri);
    await vscode.commands.executeCommand('vscode.openWith', uri, 'mspDocs.scopeBoard');
    await boardShows(uri, 'the board drew scope.yaml', () => ids(uri, 'in_scope').length > 0);
    const forged: unknown[] = [
      { type: 'move', item: { list: 'in_scope', index: 0, id: 'telephony' }, to: 'later', index: 0, fields: { trigger: 'x' } },
      { type: 'remove', item: { list: 'in_scope', index: 99, id: 'mail' } },
      { type: 'remove', item: { list: '../project', index: 0, id: 'mail' } },
      { type: 'edit', item: { list: 'in_scope', index: 0, id: 'mail' }, fields: { 'x-evil': 'a', title: 'T' } },
      { type: 'edit', item: { list: 'in_scope', index: 0, id: 'mail' }, fields: { priority: 'urgent' } },
      { type: 'rewrite', item: { list: 'in_scope', index: 0, id: 'mail' } },
      { type: 'remove', item: { list: 'in_scope', index: 0, id: 'mail', extra: 1 } },
    ];
    const events: string[] = [];
    const sub = api.boards.onDidEvent((e) => e.uri === uri.toString() && (e.kind === 'refused' || e.kind === 'rejected') && events.push(e.kind));
    try {
      for (const op of forged) assert.equal(await send(uri, op), false, JSON.stringify(op));
      assert.equal(await api.boards.handle(uri.toString(), { type: 'exec', command: 'rm' }), false);
      assert.equal(await api.boards.handle(uri.toString(), { type: 'edit', version: -1 + (api.boards.version(uri.toString()) ?? 0), op: { type: 'remove', item: { list: 'in_scope', index: 0, id: 'mail' } } }), false, 'a stale version');
    } finally {
      sub.dispose();
    }
    assert.equal(events.length, forged.length + 2);
    assert.equal(await textOf(uri), original);
    assert.equal((await vscode.workspace.openTextDocument(uri)).isDirty, false);
  });

  it('moves a stakeholder to another quadrant by changing power and interest', async function () {
    const uri = peopleUri();
    const original = await textOf(uri);
    await vscode.commands.executeCommand(COMMANDS.boardOpen, uri);
    await boardShows(uri, 'the grid drew stakeholders.yaml', () => ids(uri, 'stakeholders').length > 0);
    const person = api.boards.model(uri.toString())!.lists[0].items.find((i) => i.fields.power !== 'high')!;
    assert.equal(await send(uri, { type: 'edit', item: { list: 'stakeholders', index: person.index, id: person.id }, fields: { power: 'high', interest: 'high' } }), true);
    await boardShows(uri, 'the chip in "manage closely"', () => {
      const now = api.boards.model(uri.toString())!.lists[0].items[person.index];
      return now.fields.power === 'high' && now.fields.interest === 'high';
    });
    const after = await textOf(uri);
    const changed = after.split('\n').filter((line, i) => line !== original.split('\n')[i]);
    assert.ok(changed.length <= 2 && changed.every((l) => /^\s+(power|interest): high$/.test(l)), changed.join('|'));
  });
});
