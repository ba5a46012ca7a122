// Shared helpers of the integration suites (they run in the real VS Code extension host).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MspDocsApi } from '../../../src/extension/api';

export const EXTENSION_ID = 'msp-docs.msp-project-docs';
/** The sample project and the project with planted errors, inside the fixture workspace. */
export const DEKKER = 'clients/dekker-accountants';
export const HARTMAN = 'broken/hartman-logistics';

/** The fixture workspace: the first workspace folder. */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is not open');
  return folder.uri;
}

/** A file of the fixture workspace by its `/`-separated relative path. */
export function fileUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
}

/** A diagnostic's code as text (`code` may be a `{ value, target }` object). */
export function codeOf(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' ? d.code.value : d.code);
}

/** The diagnostics of a file as `code@line:character`, for failure messages. */
export function codes(uri: vscode.Uri): string {
  return JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}`));
}

/** The codicon id of a tree item's icon. */
export function iconId(item: vscode.TreeItem): string | undefined {
  return item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined;
}

/**
 * Resolves once `check()` holds (it may be async): at once, or after one of `events` fires.
 * Rejects after `timeoutMs` with `what` and, from `explain`, the state that was last seen.
 * This is how the suites wait: on events, never with fixed sleeps.
 */
export function waitFor(what: string, events: Array<vscode.Event<unknown>>, check: () => boolean | Promise<boolean>, explain?: () => string, timeoutMs = 20000): Promise<void> {
  return new Promise((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    let settled = false;
    const done = (error?: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      subscriptions.forEach((s) => s.dispose());
      if (error) reject(error);
      else resolve();
    };
    const test = (): void => {
      Promise.resolve()
        .then(check)
        .then((ok) => ok && done(), (error: Error) => done(error));
    };
    const timer = setTimeout(() => done(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${explain ? `; last seen: ${explain()}` : ''}`)), timeoutMs);
    for (const event of events) subscriptions.push(event(test));
    test();
  });
}

/**
 * Prepares a suite: turns auto-save off (VS Code in a browser saves after a second by default; a
 * save racing an undo would leave test edits on disk), activates the extension and waits until
 * its first scan is done. Pair with `restoreAutoSave()` in `after`.
 */
export async function activateForTests(): Promise<MspDocsApi> {
  await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  const ext = vscode.extensions.getExtension<MspDocsApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed`);
  const api = await ext.activate();
  await api.whenIdle();
  return api;
}

/**
 * Reverts every dirty document (or, with `uris`, those documents, opened if needed) and closes all
 * editors: what each test leaves behind.
 */
export async function revertAndCloseAll(uris?: readonly vscode.Uri[]): Promise<void> {
  const documents = uris ? await Promise.all(uris.map((uri) => vscode.workspace.openTextDocument(uri))) : vscode.workspace.textDocuments;
  for (const document of documents.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Gives `files.autoSave` back to its default (see `activateForTests`). */
export async function restoreAutoSave(): Promise<void> {
  await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Global);
}

/**
 * Waits until the A4 preview has shown `project` (a folder URI string) with an HTML that `html`
 * accepts (any, when absent) and the webview has measured that very render, so it shows it.
 */
export function previewShows(api: MspDocsApi, project: string, what: string, html: (text: string) => boolean = () => true): Promise<void> {
  const p = api.preview;
  return waitFor(
    what,
    [p.onDidUpdate, p.onDidMeasure],
    () => {
      const update = p.lastUpdate();
      return !!update && update.project === project && html(update.html) && p.lastMeasurement()?.renderId === update.renderId && p.lastMeasurement()?.project === project;
    },
    () => `project ${p.lastUpdate()?.project}, render ${p.lastUpdate()?.renderId}, measured ${p.lastMeasurement()?.renderId}: ${(p.lastUpdate()?.html ?? '').slice(0, 200)}`,
  );
}

/** Median, min and max of timing samples (milliseconds), as the timing tests print them. */
export function timingSummary(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return `median ${median.toFixed(0)} ms (min ${sorted[0].toFixed(0)}, max ${sorted[sorted.length - 1].toFixed(0)}, n=${sorted.length})`;
}

/** The upper median of timing samples (the middle one of an odd count), for the tests' sanity bounds. */
export function upperMedian(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
