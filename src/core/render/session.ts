/**
 * One headless browser process for a whole render: launched once, driven through the Chrome
 * DevTools Protocol (https://chromedevtools.github.io/devtools-protocol/) over a pipe
 * (`--remote-debugging-pipe`: the browser reads commands on file descriptor 3 and answers on 4,
 * each message JSON ended by a NUL byte), then closed. A page is loaded once and both measured
 * and printed, and the command line keeps one session for a whole folder of projects.
 *
 * Only the few protocol methods below are used (Target, Page, Runtime, Browser): they are stable
 * parts of the protocol. Why not a library: `playwright-core` bundles to 3.8 MB and reads its own
 * package.json at run time, `puppeteer-core` brings a WebSocket stack and browser download
 * helpers; the extension and the command line ship as single bundles (docs/ARCHITECTURE.md).
 *
 * Every step has a deadline (`timeoutMs`); a browser that misses it is stopped with all its child
 * processes (its process group on Linux and macOS, `taskkill /T` on Windows).
 */
import { promises as fs, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { t } from '../common';
import { browserEnvironment } from './fontconfig';

/** Longest one step (start, load, measure, print) may take before the browser is stopped. */
export const STEP_TIMEOUT_MS = 15_000;

/** Waited for a browser to exit by itself on `close` before it is stopped. */
const CLOSE_GRACE_MS = 3_000;

/**
 * Flags for every headless run: no sandbox (needed as root and in many containers; the pages we
 * load carry no active content of their own), no GPU, and none of the background traffic
 * Chromium otherwise starts (`docs/pdf-export.md`).
 */
export const HEADLESS_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
  '--mute-audio',
  '--hide-scrollbars',
  '--window-size=1200,1700',
];

/** The browser ran but did not produce what was asked (a PDF, a measurement). */
export class BrowserRunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BrowserRunError';
  }
}

/** How to start a session. */
export interface SessionOptions {
  /** The browser's executable. */
  browser: string;
  /** How the user sets the browser (`mspDocs.browserPath`, `--browser`), named in every error. */
  setting: string;
  /** Deadline of each step, in milliseconds (default `STEP_TIMEOUT_MS`). */
  timeoutMs?: number;
}

interface Pending {
  resolve: (value: Record<string, unknown>) => void;
  reject: (error: Error) => void;
}

/** Stops a process and every process it started. */
function killTree(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  if (process.platform === 'win32') {
    spawn('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true }).on('error', () => child.kill('SIGKILL'));
    return;
  }
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

/** The last lines of the browser's stderr that are not its usual D-Bus noise, for error messages. */
function stderrTail(stderr: string): string {
  return stderr
    .split(/\r?\n/)
    .filter((l) => l.trim() && !/dbus|unexpected operator/i.test(l))
    .slice(-3)
    .join(' | ');
}

/** Browsers running now with their profile folders, for `stopBrowsers`. */
const live = new Map<ChildProcess, string>();

/**
 * Stops every headless browser this process started (with their child processes) and deletes
 * their temporary profiles at once, synchronously: for a command line interrupted by Ctrl-C, which
 * must not leave browser processes or profiles behind. Returns how many browsers were stopped.
 */
export function stopBrowsers(): number {
  const stopped = live.size;
  for (const [child, profile] of live) {
    killTree(child);
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  }
  live.clear();
  return stopped;
}

/** A headless browser with one page, driven over the DevTools protocol. Close it with `close()`. */
export class BrowserSession {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly waiters = new Set<{ event: string; resolve: () => void; reject: (error: Error) => void }>();
  private buffer = '';
  private stderr = '';
  private failure: BrowserRunError | undefined;
  private pageSession: string | undefined;
  private readonly exited: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    private readonly options: Required<SessionOptions>,
    private readonly profile: string,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.stderr?.on('data', (b: Buffer) => {
      // Chromium can be chatty on stderr; keep the start, which says what went wrong.
      if (this.stderr.length < 64 * 1024) this.stderr += b.toString('utf8');
    });
    const input = child.stdio[4] as Readable;
    input.on('data', (b: Buffer) => this.receive(b.toString('utf8')));
    input.on('error', () => undefined);
    (child.stdio[3] as Writable).on('error', () => undefined);
    child.on('error', (e) => this.fail(t('The browser could not be started: {0} ({1})', options.browser, e.message)));
    child.on('exit', (code) => this.fail(t('The browser stopped unexpectedly ({0}).', stderrTail(this.stderr) || t('exit code {0}', String(code)))));
  }

  /**
   * Starts the browser headless with a fresh profile and opens a blank page. Throws
   * `BrowserRunError` (naming `options.setting`) when it cannot be started or does not answer
   * within the deadline; the process is stopped then.
   */
  static async launch(options: SessionOptions): Promise<BrowserSession> {
    const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'msp-docs-browser-'));
    // The bundled fonts known to fontconfig and its rendering settings fixed (fontconfig.ts).
    const env = await browserEnvironment(profile).catch((e: unknown) => {
      rmSync(profile, { recursive: true, force: true });
      throw e;
    });
    const child = spawn(options.browser, [...HEADLESS_FLAGS, '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank'], {
      env,
      stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
      // Its own process group, so a stop reaches the renderer and helper processes too.
      detached: process.platform !== 'win32',
      windowsHide: true,
    });
    live.set(child, profile);
    const session = new BrowserSession(child, { timeoutMs: STEP_TIMEOUT_MS, ...options }, profile);
    try {
      const { targetId } = await session.send('Target.createTarget', { url: 'about:blank' });
      const { sessionId } = await session.send('Target.attachToTarget', { targetId, flatten: true });
      session.pageSession = String(sessionId);
      await session.send('Page.enable', {}, session.pageSession);
      return session;
    } catch (e) {
      await session.close();
      throw e;
    }
  }

  /** Loads a URL (a `file:` URL of a page) in the session's page and waits for its load event. */
  async load(url: string): Promise<void> {
    const loaded = this.waitFor('Page.loadEventFired');
    const result = await this.send('Page.navigate', { url }, this.pageSession);
    if (typeof result.errorText === 'string' && result.errorText) throw this.error(t('The browser could not open the page ({0}).', result.errorText));
    await loaded;
  }

  /**
   * Evaluates a script in the page and returns its value (a promise's value when it returns one),
   * which must be JSON. Throws `BrowserRunError` when the script throws.
   */
  async evaluate(expression: string): Promise<unknown> {
    const result = await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, this.pageSession);
    const exception = result.exceptionDetails as { text?: string; exception?: { description?: string } } | undefined;
    if (exception) throw this.error(t('The page script failed ({0}).', exception.exception?.description ?? exception.text ?? ''));
    return (result.result as { value?: unknown } | undefined)?.value;
  }

  /** Prints the loaded page as PDF with its CSS page size (`@page`), backgrounds included. */
  async printPdf(): Promise<Buffer> {
    const result = await this.send('Page.printToPDF', { preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false }, this.pageSession);
    return Buffer.from(typeof result.data === 'string' ? result.data : '', 'base64');
  }

  /** Closes the browser (asks, then stops it and its children) and removes its profile. Never throws. */
  async close(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null && !this.failure) {
      this.write({ id: this.nextId++, method: 'Browser.close' });
      await Promise.race([this.exited, new Promise((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref())]);
    }
    this.fail(t('The browser was closed.'));
    killTree(this.child);
    live.delete(this.child);
    await fs.rm(this.profile, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
  }

  /** An error that names the setting where another browser can be chosen. */
  private error(message: string): BrowserRunError {
    return new BrowserRunError(`${message} ${t('Browser: {0} (set in {1}).', this.options.browser, this.options.setting)}`);
  }

  /** Marks the session failed: every waiting step is rejected, the browser is stopped. */
  private fail(message: string): void {
    if (this.failure) return;
    this.failure = this.error(message);
    for (const p of this.pending.values()) p.reject(this.failure);
    for (const w of this.waiters) w.reject(this.failure);
    this.pending.clear();
    this.waiters.clear();
    killTree(this.child);
  }

  /** Runs `promise` against the step deadline: past it the browser is stopped and the step fails. */
  private deadline<T>(promise: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.fail(t('The browser did not finish within {0} seconds ({1}) and was stopped.', Math.round(this.options.timeoutMs / 100) / 10, what));
        reject(this.failure);
      }, this.options.timeoutMs);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }

  private write(message: Record<string, unknown>): void {
    (this.child.stdio[3] as Writable).write(`${JSON.stringify(message)}\0`);
  }

  private send(method: string, params: Record<string, unknown>, sessionId?: string): Promise<Record<string, unknown>> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const answer = new Promise<Record<string, unknown>>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.write({ id, method, params, ...(sessionId ? { sessionId } : {}) });
    return this.deadline(answer, method);
  }

  /** Waits for a protocol event of the page (such as `Page.loadEventFired`). */
  private waitFor(event: string): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    let waiter: { event: string; resolve: () => void; reject: (error: Error) => void } | undefined;
    const happened = new Promise<void>((resolve, reject) => {
      waiter = { event, resolve, reject };
      this.waiters.add(waiter);
    });
    return this.deadline(happened, event).finally(() => waiter && this.waiters.delete(waiter));
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\0')) >= 0) {
      const text = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 1);
      let message: { id?: number; method?: string; sessionId?: string; result?: Record<string, unknown>; error?: { message?: string } };
      try {
        message = JSON.parse(text) as typeof message;
      } catch {
        continue;
      }
      if (message.id !== undefined) {
        const p = this.pending.get(message.id);
        if (!p) continue;
        this.pending.delete(message.id);
        if (message.error) p.reject(this.error(t('The browser refused a request ({0}).', message.error.message ?? '')));
        else p.resolve(message.result ?? {});
      } else if (message.method) {
        for (const w of [...this.waiters]) if (w.event === message.method && message.sessionId === this.pageSession) w.resolve();
      }
    }
  }
}
