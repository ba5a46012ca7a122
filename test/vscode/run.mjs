// Runs the mocha suite (out/test/vscode/suite/index.js) inside a REAL VS Code:
// the VS Code server from the `code-server` npm package (test/vscode/env) with its
// Node extension host, opened in headless Chromium through playwright-core; the
// extension and the suite are loaded through the workbench URL's `payload`.
// Usage: npm run build && npm run test:vscode     (= node test/vscode/run.mjs, then the same with --restricted, then --empty)
//
// `--empty` runs the small suite of a workspace without projects instead (test/vscode/suite/empty/):
// the workspace is an empty folder, not a copy of the fixture; the suite gets MSP_DOCS_TEST_EMPTY=1.
//
// `--restricted` runs the small Restricted Mode suite instead (test/vscode/suite/restricted/): the
// server keeps workspace trust on (no `--disable-workspace-trust`), the user settings never ask for
// trust at start-up, so the temp copy of the fixture opens untrusted; the copy's
// `.vscode/settings.json` sets `mspDocs.browserPath` to a script that writes a marker file if it is
// ever run. The suite gets MSP_DOCS_TEST_RESTRICTED=1 and MSP_DOCS_TEST_MARKER=<marker file>.
//
// Environment:
//   MSP_DOCS_TEST_GREP=<regexp>   run only matching tests (the extension host inherits the server's env)
//   MSP_DOCS_TEST_TIMEOUT=<s>     watchdog, default 600 (the suite takes 2-5 min on 2 cores)
//   MSP_DOCS_TEST_VERBOSE=1       echo server output and browser console
//   MSP_DOCS_SKIP_SETUP=1         do not run test/vscode/env/setup.sh first
//   MSP_DOCS_TEST_SETTLE=1        the suite waits for the extension's first scan before loading mocha
//                                 (test/vscode/suite/index.ts; bench/activation.mjs)
//   MSP_DOCS_TEST_EXTENSION, MSP_DOCS_TEST_SUITE, MSP_DOCS_TEST_FIXTURE
//                                 override extension folder, suite entry, fixture folder
//   CHROMIUM_PATH                 default /usr/bin/chromium
// The suite gets MSP_DOCS_TEST_DRIVER = the address of the webview driver (test/vscode/driver.mjs)
// and MSP_DOCS_TEST_WORKSPACE = the temp copy of the fixture workspace
// (informative only: vscode.workspace.workspaceFolders[0] is the same folder). The copy is opened
// through a one-folder `.code-workspace` file beside it, so tests may add workspace folders.
//
// Measured here (2 cores, Node 20, 2026-11-29; other test runs sharing the machine):
//   env/setup.sh: npm ci 92 s the first time (316 MB), 0.1 s when up to date;
//   server ready 0.3-0.6 s (3-4 s when the machine is loaded);
//   workbench load in Chromium 4-6 s; extension host start to suite end about 2 s + the tests;
//   throwaway 5-test suite: 9-12 s from server start, 11-13 s for the whole command
//   (20-26 s at load average 6-9); cleanup (browser, server group, temp dirs) 1-2 s.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSetup, launchBrowser, startServer } from './server.mjs';
import { startDriver } from './driver.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const env = process.env;
const extensionPath = resolve(env.MSP_DOCS_TEST_EXTENSION ?? repo);
const suitePath = resolve(env.MSP_DOCS_TEST_SUITE ?? join(repo, 'out/test/vscode/suite/index.js'));
const fixture = resolve(env.MSP_DOCS_TEST_FIXTURE ?? join(repo, 'test/fixtures/workspace'));
const timeoutS = Number(env.MSP_DOCS_TEST_TIMEOUT ?? 600);
const verbose = !!env.MSP_DOCS_TEST_VERBOSE;
const restricted = process.argv.includes('--restricted');
const empty = process.argv.includes('--empty');
/** User settings of the restricted run: trust on, and no start-up prompt (it would be modal). */
const RESTRICTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
  'security.workspace.trust.banner': 'never',
};
/** Workbench chatter hidden unless verbose (offline gallery, sockets, service worker). */
const NOISE = /^(Resolv(ing|ed) connection token|Creating a socket|Updating additional builtin extensions cache|ChatSessionStore:|\[Service Worker\]|getaddrinfo ENOTFOUND open-vsx\.org)/;

/** @param {string} msg */
const log = (msg) => console.log(`[test:vscode${restricted ? ' restricted' : empty ? ' empty' : ''}] ${msg}`);
/** @param {number} ms */
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** What to clean up, in this order: browser, server (process group + temp dirs), workspace copy. */
const res = {
  /** @type {Promise<{close(): Promise<void>}> | undefined} */ browser: undefined,
  /** @type {Promise<{stop(): Promise<void>}> | undefined} */ server: undefined,
  /** @type {string | undefined} */ tmp: undefined,
  /** @type {{close(): Promise<void>} | undefined} */ driver: undefined,
};
let cleaning = false;
/** Cleans up everything once, then exits with `code`. @param {number} code */
async function finish(code) {
  if (cleaning) return;
  cleaning = true;
  const t = Date.now();
  const steps = [
    async () => (await res.browser)?.close(),
    async () => (await res.server)?.stop(),
    async () => res.driver?.close(),
    () => res.tmp && rmSync(res.tmp, { recursive: true, force: true, maxRetries: 3 }),
  ];
  for (const step of steps) {
    try { await step(); } catch (e) { if (verbose) console.error(`[test:vscode] cleanup: ${/** @type {Error} */ (e).message}`); }
  }
  if (verbose) log(`cleaned up in ${secs(Date.now() - t)}`);
  process.exit(code);
}
process.on('SIGINT', () => { log('interrupted'); void finish(130); });
process.on('SIGTERM', () => void finish(143));
process.on('SIGHUP', () => void finish(129));
process.on('exit', () => res.tmp && rmSync(res.tmp, { recursive: true, force: true })); // last resort
process.stdout.on('error', () => {}); // a closed pipe (`| head`) must not skip the cleanup

const t0 = Date.now();
const watchdog = setTimeout(() => {
  console.error(`[test:vscode] TIMEOUT: the suite did not finish within ${timeoutS} s ` +
    '(set MSP_DOCS_TEST_TIMEOUT=<seconds> to change; MSP_DOCS_TEST_VERBOSE=1 shows server and browser output)');
  void finish(124);
}, timeoutS * 1000);

try {
  ensureSetup();
  for (const [what, p] of [['suite entry', suitePath], ['fixture workspace', fixture], ['extension package.json', join(extensionPath, 'package.json')]]) {
    if (!existsSync(p)) throw new Error(`${what} not found: ${p}${what === 'suite entry' ? ' (run `npm run build` first)' : ''}`);
  }

  const tmp = (res.tmp = mkdtempSync(join(env.TMPDIR || tmpdir(), 'msp-vscode-test-')));
  const workspace = join(tmp, 'workspace');
  if (empty) mkdirSync(workspace);
  else cpSync(fixture, workspace, { recursive: true, dereference: true });
  // The copy is opened through a workspace file listing it as the only folder, so that a test can
  // add a second root with `updateWorkspaceFolders`: the web workbench would otherwise reload the
  // page to turn a single-folder window into a multi-root one, and the suite with it.
  // `workspaceFolders[0]` is the same folder either way.
  const workspaceFile = join(tmp, 'test.code-workspace');
  writeFileSync(workspaceFile, JSON.stringify({ folders: [{ path: 'workspace' }] }, null, 2));
  /** @type {Record<string, string>} */
  const suiteEnv = { MSP_DOCS_TEST_WORKSPACE: workspace, ...(empty ? { MSP_DOCS_TEST_EMPTY: '1' } : {}) };
  if (restricted) {
    // A "browser" planted by the workspace: running it would leave the marker file behind.
    const marker = join(tmp, 'planted-browser-ran');
    const planted = join(workspace, '.vscode', 'browser.sh');
    mkdirSync(dirname(planted), { recursive: true });
    writeFileSync(planted, `#!/bin/sh\necho ran > '${marker}'\nexit 1\n`, { mode: 0o755 });
    writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'mspDocs.browserPath': planted }, null, 2));
    Object.assign(suiteEnv, { MSP_DOCS_TEST_RESTRICTED: '1', MSP_DOCS_TEST_MARKER: marker, MSP_DOCS_TEST_PLANTED_BROWSER: planted });
  }

  // Server and browser start in parallel; each registers its cleanup as soon as it is up.
  const tServer = Date.now();
  // The webview driver (test/vscode/driver.mjs): the suite asks it to drag, press and click in a
  // webview through the page below; the extension host inherits its address from the server.
  /** @type {import('./env/node_modules/playwright-core/index.js').Page | undefined} */
  let workbench;
  const driver = (res.driver = await startDriver(() => workbench));
  const serverP = (res.server = startServer({
    workspace: workspaceFile, verbose, env: { ...suiteEnv, MSP_DOCS_TEST_DRIVER: driver.url },
    ...(restricted ? { workspaceTrust: true, userSettings: RESTRICTED_SETTINGS } : {}),
  }));
  const browserP = (res.browser = launchBrowser());
  const [server, browser] = await Promise.all([serverP, browserP]);
  log(`server ready on port ${server.port} in ${secs(server.readyMs)}`);
  const page = (workbench = await browser.newPage());

  /** @type {(code: number) => void} */
  let onExit = () => {};
  /** @type {Promise<number>} the suite's exit code, from `codeAutomationExit` once run() settles */
  const exitCode = new Promise((resolveExit, rejectExit) => {
    onExit = resolveExit;
    page.on('crash', () => rejectExit(new Error('the workbench page crashed')));
    browser.on('disconnected', () => rejectExit(new Error('the browser closed unexpectedly')));
  });
  exitCode.catch(() => {}); // awaited below; a rejection during shutdown must not crash the process
  await page.exposeFunction('codeAutomationExit', (/** @type {number} */ code) => onExit(code));
  // The workbench forwards its log and the extension host's console here (args: an array).
  await page.exposeFunction('codeAutomationLog', (/** @type {string} */ type, /** @type {unknown} */ args) => {
    const list = Array.isArray(args) ? args : [args];
    if (cleaning || (!verbose && NOISE.test(String(list[0])))) return; // (reconnect chatter while shutting down)
    (type === 'error' ? console.error : type === 'warn' ? console.warn : console.log)(...list);
  });
  if (verbose) {
    page.on('console', (/** @type {import('./env/node_modules/playwright-core/index.js').ConsoleMessage} */ m) => console.error(`[browser:${m.type()}] ${m.text()}`));
    page.on('pageerror', (/** @type {Error} */ e) => console.error(`[browser:pageerror] ${e.message}`));
  }

  const remote = (/** @type {string} */ p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(suitePath)],
    ['skipWelcome', 'true'],
  ];
  if (env.MSP_DOCS_TEST_GREP) log(`grep: ${env.MSP_DOCS_TEST_GREP}`);
  await page.goto(`${server.url}&payload=${encodeURIComponent(JSON.stringify(payload))}`);

  const code = await exitCode;
  const now = Date.now();
  log(`suite exited with code ${code}: ${secs(now - tServer)} from server start, ${secs(now - t0)} wall in all`);
  clearTimeout(watchdog);
  await finish(code);
} catch (e) {
  clearTimeout(watchdog);
  if (cleaning) await new Promise(() => {}); // the watchdog or a signal is already finishing
  console.error(`[test:vscode] ERROR: ${/** @type {Error} */ (e).message}`);
  await finish(2);
}
