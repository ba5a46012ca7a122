// The Scope Canvas board and the stakeholder grid driven through the REAL webview: the harness's
// Playwright drags cards, types in the board's forms and presses keys inside the webview frame
// (test/vscode/driver.mjs through ./boardDriver.ts), and the tests check scope.yaml /
// stakeholders.yaml, the undo stack and the board model. Every wait is for an event with a timeout.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, codes, waitFor } from './helpers';
import { COMMANDS } from '../../../src/extension/common/commands';
import { GRID, SCOPE, drivenBoardSuite, drive, nextChange, textOf } from './boardDriver';

describe('Board driven through the webview (Playwright)', function () {
  this.timeout(90000);
  const { api, scopeUri, peopleUri, ids, boardShows, openBoard, undoRestores } = drivenBoardSuite();

  it('drags a card from "will do" to "will not do", asks the reason, one undo puts it back', async function () {
    const uri = scopeUri();
    const original = await textOf(uri);
    await openBoard(uri, 'in_scope', 'backup');

    await drive({ action: 'drag', frame: SCOPE, from: '.column-in_scope .card[data-id="backup"]', to: '.column-out_of_scope h2' });
    // The board asks for the reason "will not do" needs, in a form in the target column.
    await drive({ action: 'fill', frame: SCOPE, selector: '.column-out_of_scope .edit-form textarea', text: 'The client keeps its own backup.' });
    const changed = nextChange(uri);
    await drive({ action: 'click', frame: SCOPE, selector: '.column-out_of_scope .edit-form button[type="submit"]' });
    await changed;
    await boardShows(uri, 'the card first in "will not do"', () => ids(uri, 'out_of_scope')[0] === 'backup' && !ids(uri, 'in_scope').includes('backup'));
    const moved = await textOf(uri);
    assert.ok(moved.includes('out_of_scope:\n  - id: backup\n    title: Tested Microsoft 365 backup\n    reason: The client keeps its own backup.\n  - id: practice-software'), moved);
    assert.ok(!moved.includes('Backup of mail, SharePoint'), 'the description went with the move');

    await undoRestores(uri, original, 'the card back in "will do"', () => ids(uri, 'in_scope').includes('backup') && !ids(uri, 'out_of_scope').includes('backup'));
  });

  it('moves a card to "will not do" by keyboard only, one undo puts it back', async function () {
    const uri = scopeUri();
    const original = await textOf(uri);
    await openBoard(uri, 'in_scope', 'backup');

    // Alt+ArrowRight on the focused card opens the reason form (prefilled with the description,
    // focused); Control+End goes to its end, typing adds to it, Tab reaches Save, Enter presses it.
    const changed = nextChange(uri);
    await drive({ action: 'press', frame: SCOPE, selector: '.column-in_scope .card[data-id="backup"]', keys: ['Alt+ArrowRight'] });
    await drive({ action: 'press', frame: SCOPE, keys: ['Control+End', ...' Kept by the client.'.split('').map((c) => (c === ' ' ? 'Space' : c)), 'Tab', 'Enter'] });
    await changed;
    await boardShows(uri, 'the card last in "will not do"', () => ids(uri, 'out_of_scope').at(-1) === 'backup' && !ids(uri, 'in_scope').includes('backup'));
    const card = api().boards.model(uri.toString())!.lists.find((l) => l.key === 'out_of_scope')!.items.at(-1)!;
    assert.equal(card.fields.reason, 'Backup of mail, SharePoint and OneDrive with a **restore test shown to the partners** before go-live. Kept by the client.');
    assert.equal(card.fields.description, undefined, 'the description became the reason');
    assert.ok((await textOf(uri)).includes('Kept by the client.\nlater:'));

    await undoRestores(uri, original, 'the card back in "will do"', () => ids(uri, 'in_scope').includes('backup') && !ids(uri, 'out_of_scope').includes('backup'));
  });

  it('drags a stakeholder to another quadrant: power and interest change', async function () {
    const uri = peopleUri();
    const original = await textOf(uri);
    await openBoard(uri, 'stakeholders', 'senior-partner');
    const before = api().boards.model(uri.toString())!.lists[0].items.find((i) => i.id === 'senior-partner')!;
    assert.deepEqual([before.fields.power, before.fields.interest], ['high', 'medium']);

    const changed = nextChange(uri);
    await drive({ action: 'drag', frame: GRID, from: '.card[data-id="senior-partner"]', to: '.quadrant-manageClosely h2' });
    await changed;
    await boardShows(uri, 'the chip in "manage closely"', () => {
      const now = api().boards.model(uri.toString())!.lists[0].items.find((i) => i.id === 'senior-partner');
      return now?.fields.power === 'high' && now.fields.interest === 'high';
    });
    const after = await textOf(uri);
    const diff = after.split('\n').filter((line, i) => line !== original.split('\n')[i]);
    assert.deepEqual(diff, ['    interest: high'], diff.join('|'));
  });

  it('applies a quick fix from the card: the text changes and the problem goes', async function () {
    const uri = peopleUri();
    const document = await vscode.workspace.openTextDocument(uri);
    const at = document.positionAt(document.getText().indexOf('attitude: supporter') + 'attitude: '.length);
    const typo = new vscode.WorkspaceEdit();
    typo.replace(uri, new vscode.Range(at, at.translate(0, 'supporter'.length)), 'suporter');
    assert.ok(await vscode.workspace.applyEdit(typo));
    const enumError = () => vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'schema.enum');
    await waitFor('a schema.enum diagnostic', [vscode.languages.onDidChangeDiagnostics], () => !!enumError(), () => codes(uri));

    let fixOffered = false;
    const sub = api().boards.onDidEvent((e) => {
      if (e.uri === uri.toString() && e.message?.type === 'model') fixOffered = e.message.problems.some((p) => p.fix !== undefined && p.list === 'stakeholders' && p.index !== undefined);
    });
    try {
      await vscode.commands.executeCommand(COMMANDS.boardOpen, uri);
      await boardShows(uri, 'the grid with the quick fix on the card', () => fixOffered);
    } finally {
      sub.dispose();
    }
    const person = api().boards.model(uri.toString())!.lists[0].items.find((i) => i.fields.attitude === 'suporter')!;
    const seen: string[] = [];
    const events = api().boards.onDidEvent((e) => e.uri === uri.toString() && e.kind !== 'rendered' && seen.push(`${e.kind} ${e.version ?? ''} ${e.message?.type === 'refused' ? e.message.message : ''}`));
    try {
      await drive({ action: 'click', frame: GRID, selector: `.card[data-id="${person.id}"] .problem button.fix` });
      await waitFor('the fix applied', [vscode.workspace.onDidChangeTextDocument, api().boards.onDidEvent], () => document.lineAt(at.line).text !== '    attitude: suporter', () => `board events ${seen.join(', ')}`);
    } finally {
      events.dispose();
    }
    assert.equal(document.lineAt(at.line).text, '    attitude: supporter');
    await waitFor('the schema.enum diagnostic gone', [vscode.languages.onDidChangeDiagnostics], () => !enumError(), () => codes(uri));
    await boardShows(uri, 'the card without the problem', () => api().boards.model(uri.toString())!.lists[0].items.find((i) => i.id === person.id)?.fields.attitude === 'supporter');
  });
});
