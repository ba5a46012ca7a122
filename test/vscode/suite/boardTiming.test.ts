// How fast the Scope Canvas board and its text follow each other in the real VS Code, measured
// end to end, ten times each, with the text editor beside the board:
// - drop to text: the harness's Playwright drags a card in the webview; the webview stamps the drop
//   (`Date.now()` in its drop handler, sent with the `edit` message as `at`), and the extension
//   host stamps the text document's change (`onDidChangeTextDocument`, `Date.now()`);
// - text edit to board: a character typed into the text editor (the `type` command, as a keystroke
//   does); the host stamps the keystroke, the webview stamps when it had laid out the new cards
//   (`drawnAt` of its `rendered` message, after reading a layout property; painted in the next frame).
// Both clocks are the machine's wall clock (the preview's typing test, typing.test.ts, does the
// same with `shownAt`). Prints median, min and max for README.md; asserts
// only a generous sanity bound, as the machine's load decides the absolute figures.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { timingSummary, upperMedian, waitFor } from './helpers';
import { SCOPE, drivenBoardSuite, drive } from './boardDriver';
import type { BoardEvent } from '../../../src/extension/board/boardEditor';

const ROUNDS = 10;

describe('board timing (drop to text, typing to board)', function () {
  // Twenty round trips through the webview, each waited for: minutes on a loaded machine.
  this.timeout(300000);
  const { api, scopeUri, ids, openBoard } = drivenBoardSuite();

  /** Collects the board events of `uri` until disposed. */
  function record(uri: vscode.Uri): { events: BoardEvent[]; dispose(): void } {
    const events: BoardEvent[] = [];
    const sub = api().boards.onDidEvent((e) => e.uri === uri.toString() && events.push(e));
    return { events, dispose: () => sub.dispose() };
  }

  it('measures drop to text and text edit to board (median of 10, webview and host clocks)', async function () {
    const uri = scopeUri();
    // The last version the board drew, from the start: a wait for a drawing cannot miss one that
    // came before the wait began (a fast undo).
    let drawn = -1;
    const drawing = api().boards.onDidEvent((e) => {
      if (e.uri === uri.toString() && e.kind === 'rendered') drawn = e.version ?? -1;
    });
    try {
      await measure(uri, () => drawn);
    } finally {
      drawing.dispose();
    }
  });

  /** The ten drops and ten keystrokes on the board of `uri`; `drawn()`: the last version its webview drew. */
  async function measure(uri: vscode.Uri, drawn: () => number): Promise<void> {
    /** Waits until the board drew the document's current model and `check` holds. */
    const boardShows = (what: string, check: () => boolean) =>
      waitFor(what, [api().boards.onDidEvent], () => drawn() === api().boards.version(uri.toString()) && check(), () => `drawn ${drawn()}, version ${api().boards.version(uri.toString())}, lists ${JSON.stringify(api().boards.model(uri.toString())?.lists.map((l) => [l.key, l.items.map((i) => [i.id, i.fields.title])]))}`);
    await openBoard(uri, 'later', 'client-portal');
    const editor = await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
    assert.equal(ids(uri, 'later').length, 3);

    const dropToText: number[] = [];
    const dropToBoard: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      // Each round starts with the extension idle (the previous change validated), as the preview's typing test does.
      await api().whenIdle();
      // The last card of "Maybe later" dropped on the column's heading: it becomes the first.
      const last = ids(uri, 'later').at(-1)!;
      const expected = [last, ...ids(uri, 'later').slice(0, -1)];
      let changedAt = NaN;
      const onChange = vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === uri.toString() && e.contentChanges.length && Number.isNaN(changedAt)) changedAt = Date.now();
      });
      const log = record(uri);
      try {
        await drive({ action: 'drag', frame: SCOPE, from: `.column-later .card[data-id="${last}"]`, to: '.column-later h2' });
        await waitFor('the drop applied to the text', [vscode.workspace.onDidChangeTextDocument, api().boards.onDidEvent], () => !Number.isNaN(changedAt) && log.events.some((e) => e.kind === 'applied'), () => log.events.map((e) => e.kind).join(','));
        await boardShows(`round ${i}: the dropped card drawn first`, () => JSON.stringify(ids(uri, 'later')) === JSON.stringify(expected));
      } finally {
        onChange.dispose();
        log.dispose();
      }
      const at = log.events.find((e) => e.kind === 'applied')?.at;
      assert.ok(at !== undefined, 'the edit message carries the time of the drop');
      const shownVersions = new Set(log.events.filter((e) => e.kind === 'posted' && e.message?.type === 'model' && e.message.model.lists.find((l) => l.key === 'later')?.items[0]?.id === last).map((e) => e.version));
      const drawnAt = log.events.find((e) => e.kind === 'rendered' && shownVersions.has(e.version))?.drawnAt;
      assert.ok(drawnAt !== undefined, 'the rendered message carries the time it was drawn');
      dropToText.push(changedAt - at);
      dropToBoard.push(drawnAt - at);
    }

    const typedToBoard: number[] = [];
    const typedToText: number[] = [];
    const line = editor.document.getText().split('\n').indexOf('    title: Telephony');
    assert.ok(line >= 0, 'the sample has the Telephony card');
    const title = () => api().boards.model(uri.toString())?.lists.find((l) => l.key === 'out_of_scope')?.items.find((it) => it.id === 'telephony')?.fields.title;
    for (let i = 0; i < ROUNDS; i++) {
      await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
      await api().whenIdle();
      const end = editor.document.lineAt(line).range.end;
      editor.selection = new vscode.Selection(end, end);
      let changedAt = NaN;
      const onChange = vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === editor.document && e.contentChanges.length && Number.isNaN(changedAt)) changedAt = Date.now();
      });
      const log = record(uri);
      const typedAt = Date.now();
      try {
        await vscode.commands.executeCommand('type', { text: 'x' });
        await boardShows(`round ${i}: the typed title drawn`, () => title() === 'Telephonyx');
      } finally {
        onChange.dispose();
        log.dispose();
      }
      const shownVersions = new Set(log.events.filter((e) => e.kind === 'posted' && e.message?.type === 'model' && e.message.model.lists.some((l) => l.items.some((it) => it.fields.title === 'Telephonyx'))).map((e) => e.version));
      const drawnAt = log.events.find((e) => e.kind === 'rendered' && shownVersions.has(e.version))?.drawnAt;
      assert.ok(drawnAt !== undefined, 'the rendered message carries the time it was drawn');
      typedToBoard.push(drawnAt - typedAt);
      typedToText.push(changedAt - typedAt);
      await vscode.commands.executeCommand('undo');
      await boardShows(`round ${i}: the title back after undo`, () => title() === 'Telephony');
    }

    console.log(`      [timing] board: drop in the webview to the changed text in the host: ${timingSummary(dropToText)}`);
    console.log(`      [timing] board: drop to the board's new cards laid out (webview clock): ${timingSummary(dropToBoard)}`);
    console.log(`      [timing] board: keystroke in the text editor beside to the board's new cards laid out: ${timingSummary(typedToBoard)}`);
    console.log(`      [timing] board:   of which keystroke to the text change in the host: ${timingSummary(typedToText)}`);
    // The clocks agree: the text changes after the drop, the board draws after the keystroke.
    assert.ok(dropToText.every((ms) => ms >= 0) && typedToBoard.every((ms, i) => ms >= typedToText[i]), `${dropToText.join()} / ${typedToBoard.join()}`);
    // A sanity bound only (a loaded machine is slow); the figures are in docs/benchmarks.md.
    assert.ok(upperMedian(dropToText) < 2000 && upperMedian(typedToBoard) < 3000, `${timingSummary(dropToText)} / ${timingSummary(typedToBoard)}`);
  }
});
