// Starts the VS Code server shipped inside the `code-server` npm package
// (test/vscode/env, see docs/testing.md) on a workspace,
// with fresh temp dirs and quiet settings. Used by run.mjs, screenshot.mjs and
// scripts/serve.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** Absolute path of VS Code's server entry inside the pinned test environment. */
export const SERVER_MAIN = join(here, 'env/node_modules/code-server/lib/vscode/out/server-main.js');

/** Settings that keep the workbench quiet and offline-friendly. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  // Desktop VS Code's default; the web default (after 1 s) races edits and undo in tests.
  'files.autoSave': 'off',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.commandCenter.enabled': false,
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'npm.autoDetect': 'off',
};

/** Chromium flags for a headless workbench on a server (see docs/testing.md). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

/**
 * Runs env/setup.sh (idempotent, 0.1 s when all is in place) unless
 * MSP_DOCS_SKIP_SETUP is set; throws when it fails.
 */
export function ensureSetup() {
  if (process.env.MSP_DOCS_SKIP_SETUP) return;
  const r = spawnSync('bash', [join(here, 'env/setup.sh')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('test/vscode/env/setup.sh failed');
}

/**
 * Launches Debian's Chromium (or CHROMIUM_PATH) headless through the pinned playwright-core.
 * @param {object} [options] extra playwright launch options
 * @returns {Promise<import('./env/node_modules/playwright-core/index.js').Browser>}
 */
export async function launchBrowser(options = {}) {
  const { chromium } = /** @type {typeof import('./env/node_modules/playwright-core/index.js')} */ (
    await import(/** @type {string} */ ('./env/node_modules/playwright-core/index.mjs')));
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    ...options,
  });
}

/**
 * Finds a free TCP port on the host.
 * @param {string} host
 * @returns {Promise<number>}
 */
export function freePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

/** @param {number} pid @returns {boolean} whether any process of the group is alive */
function groupAlive(pid) {
  try { process.kill(-pid, 0); return true; } catch { return false; }
}

/**
 * Polls a condition until it holds or the timeout passes.
 * @param {() => boolean} cond @param {number} timeoutMs @returns {Promise<boolean>}
 */
export async function waitFor(cond, timeoutMs, intervalMs = 50) {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  return true;
}

/**
 * @typedef {object} ServerOptions
 * @property {string} workspace absolute folder, or a `.code-workspace` file
 * @property {string} [extensionsDir] extensions folder (caller owns it); default a fresh temp dir
 * @property {Record<string, unknown>} [userSettings] merged over QUIET_SETTINGS
 * @property {number} [port] default: a free port
 * @property {string} [host] bind address, default 127.0.0.1
 * @property {Record<string, string>} [env] extra env for the server (the extension host inherits it)
 * @property {number} [readyTimeoutMs] default 30000
 * @property {boolean} [verbose] echo the server's output
 * @property {boolean} [workspaceTrust] keep workspace trust on (default false: started with
 *   `--disable-workspace-trust`); the restricted run (run.mjs --restricted) turns it on
 * @property {boolean} [smokeTestDriver] start with `--enable-smoke-test-driver` (default true: the
 *   test runs drive the workbench through it); false for a VS Code to use by hand
 *   (scripts/serve.mjs), whose dialogs then behave as on a desktop
 */

/**
 * Starts the server; resolves once it prints its ready line.
 * @param {ServerOptions} opts
 * @returns {Promise<{url: string, port: number, host: string, tmp: string, readyMs: number, stop: () => Promise<void>}>}
 */
export async function startServer(opts) {
  if (!existsSync(SERVER_MAIN)) {
    throw new Error(`VS Code server not found at ${SERVER_MAIN}: run test/vscode/env/setup.sh first`);
  }
  const host = opts.host ?? '127.0.0.1';
  const port = opts.port ?? (await freePort(host === '0.0.0.0' ? '127.0.0.1' : host));
  const tmp = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'msp-vscode-server-'));
  const dirs = { server: join(tmp, 'server-data'), user: join(tmp, 'user-data'), ext: opts.extensionsDir ?? join(tmp, 'extensions') };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  // code-server's workbench keeps user settings on the server, in <user-data-dir>/User.
  mkdirSync(join(dirs.user, 'User'), { recursive: true });
  writeFileSync(join(dirs.user, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...opts.userSettings }, null, 2));
  const args = [
    SERVER_MAIN, '--host', host, '--port', String(port),
    '--without-connection-token', '--accept-server-license-terms',
    ...(opts.smokeTestDriver === false ? [] : ['--enable-smoke-test-driver']),
    '--disable-telemetry', ...(opts.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--server-data-dir', dirs.server, '--user-data-dir', dirs.user, '--extensions-dir', dirs.ext,
  ];
  const started = Date.now();
  const child = spawn(process.execPath, args, {
    detached: true, // own process group, so stop() can kill the extension host & co. too
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...opts.env },
  });
  const pid = /** @type {number} */ (child.pid);
  const killGroup = () => { try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ } };
  // Last resort when the caller dies without stop() (uncaught error, process.exit).
  const killOnExit = () => { killGroup(); rmSync(tmp, { recursive: true, force: true }); };
  process.on('exit', killOnExit);

  let output = '';
  let stopped = false;
  /** @returns {Promise<void>} */
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (groupAlive(pid)) {
      try { process.kill(-pid, 'SIGTERM'); } catch { /* gone */ }
      if (!(await waitFor(() => !groupAlive(pid), 5000))) killGroup();
      await waitFor(() => !groupAlive(pid), 2000);
    }
    process.off('exit', killOnExit);
    rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  };

  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`VS Code server not ready after ${opts.readyTimeoutMs ?? 30000} ms`)), opts.readyTimeoutMs ?? 30000);
      const onData = (/** @type {Buffer} */ chunk) => {
        const text = chunk.toString();
        output += text;
        if (opts.verbose) process.stderr.write(`[server] ${text}`);
        if (/Server bound to|Web UI available at/.test(output)) { clearTimeout(timer); resolve(undefined); }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('error', (e) => { clearTimeout(timer); reject(e); });
      child.once('exit', (code, sig) => { clearTimeout(timer); reject(new Error(`VS Code server exited early (${code ?? sig})`)); });
    });
  } catch (e) {
    await stop();
    throw new Error(`${/** @type {Error} */ (e).message}\n--- server output ---\n${output}`);
  }
  // Keep draining the pipes so the server never blocks on a full pipe.
  child.stdout?.removeAllListeners('data');
  child.stderr?.removeAllListeners('data');
  const drain = (/** @type {Buffer} */ c) => { if (opts.verbose) process.stderr.write(`[server] ${c}`); };
  child.stdout?.on('data', drain);
  child.stderr?.on('data', drain);
  child.removeAllListeners('exit');
  child.unref();

  const urlHost = host === '0.0.0.0' ? '127.0.0.1' : host;
  const key = opts.workspace.endsWith('.code-workspace') ? 'workspace' : 'folder';
  const url = `http://${urlHost}:${port}/?${key}=${encodeURIComponent(opts.workspace).replace(/%2F/g, '/')}`;
  return { url, port, host: urlHost, tmp, readyMs: Date.now() - started, stop };
}
