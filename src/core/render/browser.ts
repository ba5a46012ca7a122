/**
 * A Chromium-family browser already installed on the machine (Chromium, Google Chrome, Microsoft
 * Edge), driven headless for the PDF export and the one-page check. Never downloads a browser.
 *
 * Plain Node (child processes and the file system): used by the command line and by the
 * extension's export command, which both run in Node. All of it is asynchronous. The browser is
 * driven through `BrowserSession` (`session.ts`): one launch per render, one per folder on the
 * command line.
 */
import { constants as fsConstants, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isA4Measurement, t } from '../common';
import { MEASURE_FUNCTION } from '../webview';
import { standaloneHtml } from './embed';
import { MEASURE_SCRIPT } from './measure';
import { BrowserRunError, BrowserSession } from './session';
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

/** Executable names looked up on `PATH`, most specific first (`docs/pdf-export.md`). */
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

export interface PrintOptions {
  browser: string;
  /** The HTML file to print (the exported, self-contained proposal). */
  htmlFile: string;
  /** Where the PDF goes. Replaced only when printing succeeded. */
  pdfFile: string;
  /** Never replace a file at `pdfFile`: it is created in one step that fails when one exists. */
  exclusive?: boolean;
  /** How the user sets the browser, named in errors (default `--browser`). */
  setting?: string;
  /** Deadline of each step (default `STEP_TIMEOUT_MS`). */
  timeoutMs?: number;
  /** A session to use instead of launching a browser for this one print. */
  session?: BrowserSession;
}

/** Runs `fn` in `session`, or in a browser launched for it and closed afterwards. */
async function inSession<T>(options: { browser: string; setting?: string; timeoutMs?: number; session?: BrowserSession }, fn: (session: BrowserSession) => Promise<T>): Promise<T> {
  if (options.session) return fn(options.session);
  const session = await BrowserSession.launch({ browser: options.browser, setting: options.setting ?? '--browser', ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
  try {
    return await fn(session);
  } finally {
    await session.close();
  }
}

/**
 * Prints the page loaded in `session` to `pdfFile`. The PDF is checked (non-empty, a complete
 * PDF), written beside `pdfFile` and put into place in one step (`placeFile`): on any failure no
 * empty or partial PDF is left at `pdfFile` (an older one stays: the caller decides whether to
 * remove it). With `exclusive`, resolves `false` (and writes nothing) when a file is at `pdfFile`;
 * else `true`. Throws `BrowserRunError`.
 */
export async function printLoadedPage(session: BrowserSession, pdfFile: string, exclusive = false): Promise<boolean> {
  // The bundled fonts are data: URLs; make sure they are in before the page is printed.
  await session.evaluate('document.fonts ? document.fonts.ready.then(function () { return true; }) : true');
  const pdf = await session.printPdf();
  const complete = pdf.length > 0 && pdf.subarray(0, 5).toString('latin1') === '%PDF-' && pdf.subarray(-1024).toString('latin1').includes('%%EOF');
  if (!complete) throw new BrowserRunError(t('The browser did not write a PDF ({0}).', t('{0} bytes', String(pdf.length))));
  return placeFile(pdfFile, !exclusive, (partial) => fs.writeFile(partial, pdf));
}

/**
 * Prints an HTML file to PDF (see `printLoadedPage`), in `options.session` or a browser launched
 * for it. Resolves `false` when `options.exclusive` is set and a file is at `pdfFile` (nothing
 * written), else `true`. Throws `BrowserRunError`.
 */
export async function printToPdf(options: PrintOptions): Promise<boolean> {
  return inSession(options, async (session) => {
    await session.load(pathToFileURL(path.resolve(options.htmlFile)).href);
    return printLoadedPage(session, options.pdfFile, options.exclusive);
  });
}

/**
 * The one-page check of the page loaded in `session`: runs the measurement script (the same one
 * the webview runs) once the page's fonts have loaded. Throws `BrowserRunError`, also when the
 * result is not a measurement (`isA4Measurement`).
 */
export async function measureLoadedPage(session: BrowserSession): Promise<A4Measurement> {
  await session.evaluate(MEASURE_SCRIPT);
  const value = await session.evaluate(
    `(document.fonts ? document.fonts.ready : Promise.resolve()).then(function () { return window.${MEASURE_FUNCTION}(document); })`,
  );
  if (!isA4Measurement(value)) {
    throw new BrowserRunError(t('The browser did not report a valid page measurement (it reported {0}).', JSON.stringify(value ?? null).slice(0, 200)));
  }
  return value;
}

export interface MeasureOptions {
  browser: string;
  /** The rendered proposal; it is measured in its standalone page, as exported. */
  rendered: RenderedProposal;
  /** How the user sets the browser, named in errors (default `--browser`). */
  setting?: string;
  timeoutMs?: number;
  /** A session to use instead of launching a browser for this one measurement. */
  session?: BrowserSession;
}

/**
 * The one-page check in headless Chromium: loads the standalone page (with the bundled fonts) and
 * measures it (`measureLoadedPage`). Throws `BrowserRunError`.
 */
export async function measureInBrowser(options: MeasureOptions): Promise<A4Measurement> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'msp-docs-'));
  try {
    const file = path.join(dir, 'measure.html');
    await fs.writeFile(file, standaloneHtml(options.rendered), 'utf8');
    return await inSession(options, async (session) => {
      await session.load(pathToFileURL(file).href);
      return measureLoadedPage(session);
    });
  } finally {
    await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
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

export { BrowserRunError, BrowserSession, stopBrowsers } from './session';
