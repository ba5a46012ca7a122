// What the board tests that drive the REAL webview share (boardDrive.test.ts, boardMenu.test.ts):
// the client of the harness's Playwright driver (test/vscode/driver.mjs, reached at
// MSP_DOCS_TEST_DRIVER) and waits on what a board drew. Every wait is for an event with a timeout.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MspDocsApi } from '../../../src/extension/api';
import { COMMANDS } from '../../../src/extension/common/commands';
import { DEKKER, activateForTests, fileUri, restoreAutoSave, revertAndCloseAll, waitFor } from './helpers';
import { type DriverCommand, request } from './webviewDriver';

export type { DriverCommand } from './webviewDriver';

/** Sends `cmd` to the harness's Playwright; throws with the driver's error when it fails. Resolves the items of a `menu`. */
export async function drive(cmd: DriverCommand): Promise<string[]> {
  return (await request(cmd)).items ?? [];
}

/** The webview documents of the two boards, as the driver's `frame`. */
export const SCOPE = 'body[data-kind="scope"]';
export const GRID = 'body[data-kind="stakeholders"]';

/** The text of `uri` as VS Code holds it (unsaved changes included). */
export const textOf = async (uri: vscode.Uri): Promise<string> => (await vscode.workspace.openTextDocument(uri)).getText();

/** Resolves on the next change of the text of `uri`. */
export function nextChange(uri: vscode.Uri): Promise<void> {
  return new Promise((resolve) => {
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.toString() === uri.toString() && e.contentChanges.length) {
        sub.dispose();
        resolve();
      }
    });
  });
}

/** Waits on the boards of the extension `api()` (a function: the API exists after `before`). */
export function boardWaits(api: () => MspDocsApi) {
  /** The ids of the items of `list` as the board of `uri` last showed them. */
  const ids = (uri: vscode.Uri, list: string): string[] => api().boards.model(uri.toString())?.lists.find((l) => l.key === list)?.items.map((i) => i.id) ?? [];

  /** Waits until the board of `uri` drew a model for which `check` holds. */
  async function boardShows(uri: vscode.Uri, what: string, check: () => boolean): Promise<void> {
    const boards = api().boards;
    let rendered = -1;
    const sub = boards.onDidEvent((e) => {
      if (e.uri === uri.toString() && e.kind === 'rendered') rendered = e.version ?? -1;
    });
    try {
      await waitFor(what, [boards.onDidEvent], () => rendered === boards.version(uri.toString()) && check(), () => `rendered ${rendered}, version ${boards.version(uri.toString())}, lists ${JSON.stringify(boards.model(uri.toString())?.lists.map((l) => [l.key, l.items.map((i) => i.id)]))}`);
    } finally {
      sub.dispose();
    }
  }

  /** Opens the board of `uri` and waits until it drew `id` in `list`. */
  async function openBoard(uri: vscode.Uri, list: string, id: string): Promise<void> {
    await vscode.commands.executeCommand(COMMANDS.boardOpen, uri);
    await boardShows(uri, `the board drew ${id}`, () => ids(uri, list).includes(id));
  }

  /** Undo in the text editor: the board of `uri` shows `what` (`check`) and the text is `original` again. */
  async function undoRestores(uri: vscode.Uri, original: string, what: string, check: () => boolean): Promise<void> {
    await vscode.commands.executeCommand('undo');
    await boardShows(uri, what, check);
    assert.equal(await textOf(uri), original, 'one undo step restores the text');
  }

  return { ids, boardShows, openBoard, undoRestores };
}

/**
 * The hooks of a suite that drives the boards of the sample's `scope.yaml` and `stakeholders.yaml`
 * through the webview (call inside `describe`): skipped without the driver, both documents reverted
 * and closed after each test. Returns the extension's API (after `before`), the two URIs and the
 * waits of `boardWaits`.
 */
export function drivenBoardSuite() {
  let current: MspDocsApi | undefined;
  const api = (): MspDocsApi => {
    if (!current) throw new Error('the extension API is there only after the suite\'s before hook');
    return current;
  };
  const scopeUri = (): vscode.Uri => fileUri(`${DEKKER}/scope.yaml`);
  const peopleUri = (): vscode.Uri => fileUri(`${DEKKER}/stakeholders.yaml`);
  before(async function () {
    if (!process.env.MSP_DOCS_TEST_DRIVER) this.skip();
    current = await activateForTests();
  });
  afterEach(() => revertAndCloseAll([scopeUri(), peopleUri()]));
  after(restoreAutoSave);
  return { api, scopeUri, peopleUri, ...boardWaits(api) };
}
