// The suite's client of the harness's Playwright driver (test/vscode/driver.mjs, reached at
// MSP_DOCS_TEST_DRIVER): acting in a webview or the workbench, and reading what a webview shows
// or what the Command Palette offers. The board tests build on it (./boardDriver.ts).
import * as assert from 'node:assert/strict';

/** A command for the webview driver (see test/vscode/driver.mjs for the protocol). */
export type DriverCommand =
  | { action: 'drag'; frame: string; from: string; to: string }
  | { action: 'press'; frame: string; selector?: string; keys: string[] }
  | { action: 'click'; frame: string; selector: string; button?: 'right' }
  | { action: 'fill'; frame: string; selector: string; text: string }
  | { action: 'menu'; choose?: string; close?: boolean }
  | { action: 'read'; frame: string; selector: string; properties?: string[] }
  | { action: 'palette'; text: string; expect: string };

/** What the driver's `read` answers about the elements of a webview matching a selector; all but `count` describe the first. */
export interface ReadElement {
  /** How many elements match (0: the other fields are absent). */
  count: number;
  /** Its `textContent`. */
  text?: string;
  /** The computed values of the properties asked for, by name (`getPropertyValue`). */
  style?: Record<string, string>;
  /** For an `<img>`: whether it finished loading and its natural size (px); otherwise absent. */
  image?: { complete: boolean; naturalWidth: number; naturalHeight: number };
  /** Its border box in the webview document, CSS px. */
  box?: { x: number; y: number; width: number; height: number };
}

/** Whether the suite runs under test/vscode/run.mjs, which starts the driver. */
export const hasDriver = (): boolean => !!process.env.MSP_DOCS_TEST_DRIVER;

interface DriverAnswer {
  ok: boolean;
  error?: string;
  items?: string[];
  read?: ReadElement;
}

/** Sends `cmd` to the harness's Playwright; throws with the driver's error when it fails. */
export async function request(cmd: DriverCommand): Promise<DriverAnswer> {
  const url = process.env.MSP_DOCS_TEST_DRIVER;
  assert.ok(url, 'MSP_DOCS_TEST_DRIVER is not set (run through test/vscode/run.mjs)');
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(cmd) });
  const body = (await res.json()) as DriverAnswer;
  assert.ok(body.ok, `driver ${cmd.action}: ${body.error}`);
  return body;
}

/**
 * Reads the elements matching `selector` in the webview document matching `frame` (waiting up to
 * 10 s for that document, not for the elements: wait for the render first).
 */
export async function readElement(frame: string, selector: string, properties: string[] = []): Promise<ReadElement> {
  const { read } = await request({ action: 'read', frame, selector, properties });
  assert.ok(read, 'the driver answered no element');
  return read;
}

/**
 * The labels of the Command Palette's rows after typing `text` (e.g. `>MSP Docs:`), read once a
 * row labelled `expect` shows (a command that is always offered, so the list is complete).
 */
export async function paletteLabels(text: string, expect: string): Promise<string[]> {
  return (await request({ action: 'palette', text, expect })).items ?? [];
}
