/**
 * A Chromium-family browser already installed on the machine (Chromium, Google Chrome, Microsoft
 * Edge), driven headless for the PDF export and the one-page check. Never downloads a browser.
 *
 * Plain Node (child processes and the file system): used by the command line and by the
 * extension's export command, which both run in Node. All of it is asynchronous.
 */
import { constants as fsConstants, promises as fs, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type ChildProcess, spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { t } from '../common';
import { standaloneHtml } from './embed';
import { MEASURE_RUNNER, MEASURE_SCRIPT, parseMeasureResult } from './measure';
import type { A4Measurement } from '../common';
import type { RenderedProposal } from './proposal';

/** Where a browser was found. */
export interface FoundBrowser {
  path: string;
  source: 'configured' | 'path' | 'install-location';
}

/** What to search. Everything but `configuredName` has a default from the running process. */
export interface BrowserSearch {
  /** Path from the setting or the command-line flag. When given, it is the only one tried. */
  configured?: string;
  /** How the user sets that path, named in messages: `--browser` or `mspDocs.browserPath`. */
  configuredName: string;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  /** Home folder for per-user install locations (macOS `~/Applications`). */
  home?: string;
  /** True when `file` is an executable file. Tests replace it. */
  isExecutable?: (file: string) => Promise<boolean>;
}

/** No usable browser: the message names the setting or flag to set. */
export class BrowserNotFoundError extends Error {
  constructor(
    message: string,
    /** Every path that was tried, in order. */
    readonly tried: readonly string[],
  ) {
    super(message);
    this.name = 'BrowserNotFoundError';
  }
}

/** The browser ran but did not produce what was asked (a PDF, a measurement). */
export class BrowserRunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BrowserRunError';
  }
}

/** Executable names looked up on `PATH`, most specific first (pdf-export.md). */
const PATH_NAMES: Record<'linux' | 'darwin' | 'win32', readonly string[]> = {
  linux: ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable'],
  darwin: ['chromium', 'google-chrome', 'microsoft-edge'],
  win32: ['chrome.exe', 'msedge.exe', 'chromium.exe'],
};

/**
 * Every place to look, in order: names on `PATH`, then the usual install locations of Chromium,
 * Chrome and Edge for the platform. Paths are built for `platform`, not for the running system,
 * so tests can check the Windows list on Linux.
 */
export function browserCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home = os.homedir()): Array<{ path: string; source: FoundBrowser['source'] }> {
  const kind = platform === 'win32' ? 'win32' : platform === 'darwin' ? 'darwin' : 'linux';
  const p = kind === 'win32' ? path.win32 : path.posix;
  const delimiter = kind === 'win32' ? ';' : ':';
  const dirs = (env.PATH ?? env.Path ?? '').split(delimiter).filter(Boolean);
  const found: Array<{ path: string; source: FoundBrowser['source'] }> = [];
  for (const name of PATH_NAMES[kind]) for (const dir of dirs) found.push({ path: p.join(dir, name), source: 'path' });
  const locations: string[] = [];
  if (kind === 'linux') {
    locations.push(
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/snap/bin/chromium',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/opt/google/chrome/chrome',
      '/usr/bin/microsoft-edge',
      '/opt/microsoft/msedge/msedge',
    );
  } else if (kind === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'];
    for (const app of apps) locations.push(p.join('/Applications', app), p.join(home, 'Applications', app));
  } else {
    const roots = [env.ProgramFiles, env['ProgramFiles(x86)'], env.LOCALAPPDATA].filter((r): r is string => !!r);
    for (const exe of ['Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe']) {
      for (const root of roots) locations.push(p.join(root, exe));
    }
  }
  for (const location of locations) found.push({ path: location, source: 'install-location' });
  const seen = new Set<string>();
  return found.filter((c) => !seen.has(c.path) && !!seen.add(c.path));
}

async function defaultIsExecutable(file: string): Promise<boolean> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return false;
    await fs.access(file, process.platform === 'win32' ? fsConstants.F_OK : fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds a browser: the configured path when there is one (and only that: a wrong setting is
 * reported, not silently replaced), else the first candidate of `browserCandidates` that is an
 * executable file. Throws `BrowserNotFoundError` with a message naming the setting or flag.
 */
export async function findBrowser(search: BrowserSearch): Promise<FoundBrowser> {
  const isExecutable = search.isExecutable ?? defaultIsExecutable;
  const configured = search.configured?.trim();
  if (configured) {
    if (await isExecutable(configured)) return { path: configured, source: 'configured' };
    throw new BrowserNotFoundError(t('The browser set in {0} was not found or cannot be run: {1}', search.configuredName, configured), [configured]);
  }
  const candidates = browserCandidates(search.platform ?? process.platform, search.env ?? process.env, search.home);
  for (const candidate of candidates) {
    if (await isExecutable(candidate.path)) return candidate;
  }
  throw new BrowserNotFoundError(
    t('No Chromium, Google Chrome or Microsoft Edge was found on this machine. Install one, or set the path of its executable in {0}.', search.configuredName),
    candidates.map((c) => c.path),
  );
}

/**
 * Flags for every headless run: no sandbox (needed as root and in many containers; the pages we
 * load carry no active content of their own), no GPU, and none of the background traffic
 * Chromium otherwise starts (pdf-export.md).
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

/** Longest a headless run may take before it is stopped. */
export const DEFAULT_TIMEOUT_MS = 60_000;

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Browsers running now and the temporary folders that hold their profiles, for `stopBrowsers`. */
const running = new Set<ChildProcess>();
const tempDirs = new Set<string>();

/**
 * Stops every headless browser this process started and deletes their temporary folders (profile,
 * intermediate files) at once, synchronously: for a command line interrupted by Ctrl-C, which must
 * not leave browser processes or profiles behind. Returns how many browsers were stopped.
 */
export function stopBrowsers(): number {
  const stopped = running.size;
  for (const child of running) child.kill('SIGKILL');
  running.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
  return stopped;
}

/** Runs the browser headless with a fresh profile in `workDir`, stopping it after `timeoutMs`. */
async function runHeadless(browser: string, workDir: string, args: readonly string[], timeoutMs: number): Promise<RunResult> {
  const profile = path.join(workDir, 'profile');
  await fs.mkdir(profile, { recursive: true });
  return new Promise<RunResult>((resolve, reject) => {
    const child = spawn(browser, [...HEADLESS_FLAGS, `--user-data-dir=${profile}`, ...args], { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    running.add(child);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let errBytes = 0;
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => {
      // Chromium can be chatty on stderr; keep the start, which says what went wrong.
      if (errBytes < 64 * 1024) err.push(b);
      errBytes += b.length;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new BrowserRunError(t('The browser did not finish within {0} seconds: {1}', Math.round(timeoutMs / 1000), browser)));
    }, timeoutMs);
    child.on('error', (e) => {
      running.delete(child);
      clearTimeout(timer);
      reject(new BrowserRunError(t('The browser could not be started: {0} ({1})', browser, e.message)));
    });
    child.on('close', (code) => {
      running.delete(child);
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/** The last lines of Chromium's stderr that are not its usual D-Bus noise, for error messages. */
function stderrTail(stderr: string): string {
  return stderr
    .split(/\r?\n/)
    .filter((l) => l.trim() && !/dbus|unexpected operator/i.test(l))
    .slice(-3)
    .join(' | ');
}

async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'msp-docs-'));
  tempDirs.add(dir);
  try {
    return await fn(dir);
  } finally {
    tempDirs.delete(dir);
    await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

export interface PrintOptions {
  browser: string;
  /** The HTML file to print (the exported, self-contained proposal). */
  htmlFile: string;
  /** Where the PDF goes. Replaced only when printing succeeded. */
  pdfFile: string;
  /** Never replace a file at `pdfFile`: it is created in one step that fails when one exists. */
  exclusive?: boolean;
  timeoutMs?: number;
}

/**
 * Prints an HTML file to PDF with `--print-to-pdf`. The PDF is written in a temporary folder,
 * checked (non-empty, a complete PDF), copied next to `pdfFile` and renamed into place: on any
 * failure no empty or partial PDF is left at `pdfFile`. With `exclusive`, resolves `false` (and
 * writes nothing) when a file is at `pdfFile`; else `true`. Throws `BrowserRunError`.
 */
export async function printToPdf(options: PrintOptions): Promise<boolean> {
  return withTempDir(async (dir) => {
    const out = path.join(dir, 'print.pdf');
    const url = pathToFileURL(path.resolve(options.htmlFile)).href;
    const run = await runHeadless(options.browser, dir, ['--no-pdf-header-footer', `--print-to-pdf=${out}`, url], options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const pdf = await fs.readFile(out).catch(() => undefined);
    const complete = !!pdf && pdf.length > 0 && pdf.subarray(0, 5).toString('latin1') === '%PDF-' && pdf.subarray(-1024).toString('latin1').includes('%%EOF');
    if (!complete) {
      const detail = stderrTail(run.stderr) || t('exit code {0}', String(run.code));
      throw new BrowserRunError(t('The browser did not write a PDF ({0}).', detail));
    }
    return placeFile(options.pdfFile, !options.exclusive, (partial) => fs.writeFile(partial, pdf));
  });
}

export interface MeasureOptions {
  browser: string;
  /** The rendered proposal; it is measured in its standalone page, as exported. */
  rendered: RenderedProposal;
  timeoutMs?: number;
}

/**
 * Virtual time the headless measurement may run before the DOM is dumped. Chromium fast-forwards
 * it while the page is idle, so it costs no real time; it lets the page's fonts load and the
 * measurement run (`MEASURE_RUNNER`) before `--dump-dom` prints the page.
 */
const MEASURE_VIRTUAL_TIME_MS = 10_000;

/**
 * The one-page check in headless Chromium: loads the standalone page (with the bundled fonts)
 * and the measurement script (the same one the webview runs), and reads the result from the
 * dumped DOM. Throws `BrowserRunError`.
 */
export async function measureInBrowser(options: MeasureOptions): Promise<A4Measurement> {
  return withTempDir(async (dir) => {
    const file = path.join(dir, 'measure.html');
    await fs.writeFile(file, standaloneHtml(options.rendered, { scripts: [MEASURE_SCRIPT, MEASURE_RUNNER] }), 'utf8');
    const run = await runHeadless(options.browser, dir, [`--virtual-time-budget=${MEASURE_VIRTUAL_TIME_MS}`, '--dump-dom', pathToFileURL(file).href], options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const result = parseMeasureResult(run.stdout);
    if (!result) {
      const detail = stderrTail(run.stderr) || t('exit code {0}', String(run.code));
      throw new BrowserRunError(t('The browser did not report the page measurement ({0}).', detail));
    }
    return result;
  });
}

/**
 * Puts a file into place in one step through a temporary file beside it (`write` fills that one),
 * so a reader never sees half a file. With `replace` the temporary file is renamed over `file`;
 * without, it is hard-linked to `file`, which fails in the same step when `file` exists (where
 * links are not supported, it is copied with `COPYFILE_EXCL`, also exclusive). Resolves `false`
 * when `file` exists and `replace` is not set: nothing was written. Throws on other failures.
 */
export async function placeFile(file: string, replace: boolean, write: (partial: string) => Promise<void>): Promise<boolean> {
  const partial = `${file}.${process.pid}.partial`;
  try {
    await write(partial);
    if (replace) {
      await fs.rename(partial, file);
      return true;
    }
    try {
      await fs.link(partial, file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw e;
      try {
        await fs.copyFile(partial, file, fsConstants.COPYFILE_EXCL);
      } catch (copyError) {
        if ((copyError as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw copyError;
      }
    }
    return true;
  } finally {
    await fs.rm(partial, { force: true }).catch(() => undefined);
  }
}
