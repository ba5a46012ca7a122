// The context menu of the board's cards and chips in a REAL VS Code: the harness's Playwright
// right-clicks a card inside the webview (or presses Shift+F10 on a focused card), the workbench
// shows its own context menu (HTML in code-server's workbench page, items with role=menuitem), the
// test chooses an item there and checks scope.yaml / stakeholders.yaml and the undo stack. A
// forged context, passed to the command directly, must change nothing. Every wait is for an event
// with a timeout.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BoardEvent } from '../../../src/extension/board';
import { COMMANDS } from '../../../src/extension/common/commands';
import { GRID, SCOPE, drivenBoardSuite, drive, nextChange, textOf } from './boardDriver';

/** The menu items' titles (package.nls.json; the suite runs VS Code in English). */
const WILL_DO = 'Move to "We will do"';
const WILL_NOT_DO = 'Move to "We will not do"';
const LATER = 'Move to "Maybe later"';

describe('Board context menu driven through the webview (Playwright)', function () {
  this.timeout(90000);
  const { api, scopeUri, peopleUri, ids, boardShows, openBoard, undoRestores } = drivenBoardSuite();

  it('right-click on a card, "Move to We will not do": asks the reason as a drag does, one undo puts it back', async function () {
    const uri = scopeUri();
    const original = await textOf(uri);
    await openBoard(uri, 'in_scope', 'backup');

    await drive({ action: 'click', frame: SCOPE, button: 'right', selector: '.column-in_scope .card[data-id="backup"]' });
    const items = await drive({ action: 'menu' });
    // The card's own column is left out; the rest of the board's items are there, and no Cut/Copy/Paste.
    assert.deepEqual(items, [WILL_NOT_DO, LATER, 'Move Up', 'Move Down', 'Edit', 'Remove']);
    await drive({ action: 'menu', choose: WILL_NOT_DO });
    // The same reason form as a keyboard move, in the card, prefilled with the description.
    await drive({ action: 'fill', frame: SCOPE, selector: '.column-in_scope .card[data-id="backup"] .edit-form textarea', text: 'The client keeps its own backup.' });
    const changed = nextChange(uri);
    await drive({ action: 'click', frame: SCOPE, selector: '.column-in_scope .card[data-id="backup"] .edit-form button[type="submit"]' });
    await changed;
    await boardShows(uri, 'the card last in "will not do"', () => ids(uri, 'out_of_scope').at(-1) === 'backup' && !ids(uri, 'in_scope').includes('backup'));
    const moved = await textOf(uri);
    assert.ok(moved.includes('Windows 11.\n  - id: backup\n    title: Tested Microsoft 365 backup\n    reason: The client keeps its own backup.\nlater:'), moved);
    assert.ok(!moved.includes('Backup of mail, SharePoint'), 'the description went with the move');

    await undoRestores(uri, original, 'the card back in "will do"', () => ids(uri, 'in_scope').includes('backup') && !ids(uri, 'out_of_scope').includes('backup'));
  });

  it('a forged or stale context changes nothing: wrong id, wrong place, unknown list, own column, no board', async function () {
    const uri = scopeUri();
    await openBoard(uri, 'in_scope', 'backup');
    const document = await vscode.workspace.openTextDocument(uri);
    const [text, version] = [document.getText(), document.version];
    const events: BoardEvent[] = [];
    const sub = api().boards.onDidEvent((e) => e.uri === uri.toString() && e.kind !== 'rendered' && e.kind !== 'posted' && events.push(e));
    const card = { webview: 'mspDocs.scopeBoard', mspDocsCard: true, mspDocsColumn: 'in_scope', preventDefaultContextMenuItems: true };
    try {
      const forged: Array<[string, unknown]> = [
        [COMMANDS.boardMoveToWillNotDo, { ...card, itemPath: 'in_scope/4/mail' }], // mail is at 0
        [COMMANDS.boardRemoveItem, { ...card, itemPath: 'in_scope/99/backup' }],
        [COMMANDS.boardMoveUp, { ...card, itemPath: '../project/0/backup' }],
        [COMMANDS.boardMoveDown, { ...card, itemPath: ['in_scope', 4, 'backup'] }],
        [COMMANDS.boardEditItem, { ...card }],
        [COMMANDS.boardMoveToWillDo, { ...card, itemPath: 'in_scope/4/backup' }], // its own column
        [COMMANDS.boardMoveToManageClosely, { ...card, itemPath: 'in_scope/4/backup' }], // a grid command on a card
      ];
      for (const [command, context] of forged) assert.equal(await vscode.commands.executeCommand(command, context), false, `${command} ${JSON.stringify(context)}`);
      // No board of the view type the context names (none is open): nothing to refuse it on.
      assert.equal(await vscode.commands.executeCommand(COMMANDS.boardRemoveItem, { webview: 'mspDocs.stakeholderGrid', mspDocsChip: true, itemPath: 'stakeholders/1/senior-partner' }), false);
      assert.equal(await vscode.commands.executeCommand(COMMANDS.boardRemoveItem, undefined), false);
    } finally {
      sub.dispose();
    }
    assert.deepEqual(
      events.map((e) => e.kind),
      Array(7).fill('refused'),
      'each forged command on the open board was refused, none applied',
    );
    assert.equal(document.getText(), text);
    assert.equal(document.version, version, 'the document did not change at all');
    // The real path still works right after: the command with the card's true context.
    const changed = nextChange(uri);
    assert.equal(await vscode.commands.executeCommand(COMMANDS.boardRemoveItem, { ...card, itemPath: 'in_scope/4/backup' }), true);
    await changed;
    await boardShows(uri, 'the card removed', () => !ids(uri, 'in_scope').includes('backup'));
  });

  it('the context menu key and Shift+F10 on a focused card open the same menu; "Move Down" moves it one place in one undo step', async function () {
    const uri = scopeUri();
    const original = await textOf(uri);
    await openBoard(uri, 'in_scope', 'mail');

    // The first card of its column: no "Move Up".
    const expected = [WILL_NOT_DO, LATER, 'Move Down', 'Edit', 'Remove'];
    await drive({ action: 'press', frame: SCOPE, selector: '.column-in_scope .card[data-id="mail"]', keys: ['ContextMenu'] });
    assert.deepEqual(await drive({ action: 'menu', close: true }), expected);
    await drive({ action: 'press', frame: SCOPE, selector: '.column-in_scope .card[data-id="mail"]', keys: ['Shift+F10'] });
    const items = await drive({ action: 'menu' });
    assert.deepEqual(items, expected);
    const changed = nextChange(uri);
    await drive({ action: 'menu', choose: 'Move Down' });
    await changed;
    await boardShows(uri, 'mail second in "will do"', () => ids(uri, 'in_scope').slice(0, 2).join() === 'files,mail');

    await undoRestores(uri, original, 'mail first again', () => ids(uri, 'in_scope')[0] === 'mail');
  });

  it('right-click on a stakeholder chip: its own quadrant is left out, another one moves it', async function () {
    const uri = peopleUri();
    const original = await textOf(uri);
    await openBoard(uri, 'stakeholders', 'senior-partner');

    await drive({ action: 'click', frame: GRID, button: 'right', selector: '.card[data-id="senior-partner"]' });
    const items = await drive({ action: 'menu' });
    // senior-partner has high power and medium interest: "Keep satisfied".
    assert.deepEqual(items, ['Move to "Manage closely"', 'Move to "Keep informed"', 'Move to "Monitor"', 'Edit', 'Remove']);
    const changed = nextChange(uri);
    await drive({ action: 'menu', choose: 'Move to "Manage closely"' });
    await changed;
    await boardShows(uri, 'the chip in "manage closely"', () => api().boards.model(uri.toString())!.lists[0].items.find((i) => i.id === 'senior-partner')?.fields.interest === 'high');
    const after = await textOf(uri);
    const diff = after.split('\n').filter((line, i) => line !== original.split('\n')[i]);
    assert.deepEqual(diff, ['    interest: high'], diff.join('|'));
    assert.ok(!items.includes(WILL_DO));
  });
});
