// The quick start's VS Code as a user meets it: starts `node scripts/serve.mjs` (the README's
// first command ends there) on a copy of samples/, opens the printed URL in headless Chromium,
// exports the sample's A4 proposal twice and checks that the second export asks before it
// overwrites (a modal dialog: Cancel keeps the files, Overwrite writes them again), then stops
// the server with Ctrl-C (SIGINT) as a user would and checks it cleaned up.
// Usage: npm run build && node test/vscode/quickstart.mjs [--screenshot dialog.png]
// Env: MSP_DOCS_TEST_TIMEOUT (s, default 300), MSP_DOCS_TEST_VERBOSE=1.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './install-extension.mjs';
import { freePort, launchBrowser, waitFor } from './server.mjs';
import { commandLabel, pick } from './workbench.mjs';

const { values: opts } = parseArgs({ options: { screenshot: { type: 'string' } } });
const verbose = !!process.env.MSP_DOCS_TEST_VERBOSE;
const t0 = Date.now();
const log = (/** @type {string} */ m) => console.log(`[quickstart +${((Date.now() - t0) / 1000).toFixed(1)} s] ${m}`);

const tmp = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'msp-quickstart-'));
const workspace = join(tmp, 'samples');
cpSync(join(REPO_ROOT, 'samples'), workspace, { recursive: true });
const exportsDir = join(workspace, 'dekker-accountants', 'exports');

/** @type {import('node:child_process').ChildProcess | undefined} */ let serve;
/** @type {import('./env/node_modules/playwright-core/index.js').Browser | undefined} */ let browser;
let serveOutput = '';
const watchdog = setTimeout(() => { console.error('[quickstart] TIMEOUT'); void finish(124); },
  Number(process.env.MSP_DOCS_TEST_TIMEOUT ?? 300) * 1000);

/** Stops browser and server (SIGINT, as Ctrl-C), removes the temp folder, exits. @param {number} code */
async function finish(code) {
  clearTimeout(watchdog);
  await browser?.close().catch(() => {});
  await stopServe();
  rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  process.exit(code);
}
process.on('SIGINT', () => void finish(130));

/**
 * Ctrl-C for serve.mjs (SIGINT; SIGKILL after 20 s); resolves with its exit code (null when killed).
 * @returns {Promise<number | null>}
 */
async function stopServe() {
  if (!serve || serve.exitCode !== null || serve.signalCode !== null) return serve?.exitCode ?? null;
  const exited = /** @type {Promise<number | null>} */ (new Promise((r) => serve?.once('exit', (c) => r(c))));
  serve.kill('SIGINT');
  const timer = setTimeout(() => serve?.kill('SIGKILL'), 20000);
  const code = await exited;
  clearTimeout(timer);
  return code;
}

/** mtime (ms) of every file in the sample's exports folder, by name. */
function exportTimes() {
  /** @type {Record<string, number>} */ const out = {};
  for (const name of ['dekker-m365-v0.3.html', 'dekker-m365-v0.3.pdf']) {
    const p = join(exportsDir, name);
    if (existsSync(p)) out[name] = statSync(p).mtimeMs;
  }
  return out;
}

try {
  const port = await freePort();
  log(`node scripts/serve.mjs --folder ${workspace} --port ${port}`);
  serve = spawn(process.execPath, [resolve(REPO_ROOT, 'scripts/serve.mjs'), '--folder', workspace, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const onOutput = (/** @type {Buffer} */ c) => { serveOutput += c; if (verbose) process.stderr.write(`[serve] ${c}`); };
  serve.stdout?.on('data', onOutput);
  serve.stderr?.on('data', onOutput);
  const url = await new Promise((res, rej) => {
    const timer = setInterval(() => {
      const m = /Open (http:\S+)/.exec(serveOutput);
      if (m) { clearInterval(timer); res(m[1]); }
      else if (serve?.exitCode !== null) { clearInterval(timer); rej(new Error(`serve.mjs exited (${serve?.exitCode}):\n${serveOutput}`)); }
    }, 50);
  });
  log(`serve.mjs printed ${url}`);

  browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60000 });
  log('workbench loaded');
  await pick(page, 'Control+P', 'dekker-accountants/plan.yaml', 'dekker-accountants');
  await page.locator('.monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: 30000 });
  const exportLabel = commandLabel('mspDocs.preview.export');
  const exported = page.locator('.notification-toast', { hasText: 'Exported the A4 proposal' });

  log(`F1 → ${exportLabel} (first export)`);
  await pick(page, 'F1', `>${exportLabel}`, exportLabel, 60000);
  await exported.first().waitFor({ state: 'visible', timeout: 90000 });
  const first = exportTimes();
  if (Object.keys(first).length !== 2) throw new Error(`first export wrote ${JSON.stringify(first)}, expected the HTML and the PDF`);
  log('first export wrote the HTML and the PDF');
  await pick(page, 'F1', '>Notifications: Clear All Notifications', 'Clear All Notifications');

  log(`F1 → ${exportLabel} (second export: must ask)`);
  await pick(page, 'F1', `>${exportLabel}`, exportLabel);
  const dialog = page.locator('.monaco-dialog-box', { hasText: 'already exist' });
  await dialog.waitFor({ state: 'visible', timeout: 30000 });
  const text = (await dialog.innerText()).replace(/\s+/g, ' ');
  for (const want of ['dekker-m365-v0.3.html and dekker-m365-v0.3.pdf already exist. Overwrite them?', 'raise the version in plan.yaml']) {
    if (!text.includes(want)) throw new Error(`the dialog does not say "${want}": ${text}`);
  }
  if (opts.screenshot) await page.screenshot({ path: resolve(opts.screenshot) });
  log('the overwrite dialog is shown; Cancel');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 10000 });
  const afterCancel = exportTimes();
  if (JSON.stringify(afterCancel) !== JSON.stringify(first)) throw new Error(`Cancel changed the files: ${JSON.stringify({ first, afterCancel })}`);

  log(`F1 → ${exportLabel} (third export: Overwrite)`);
  await pick(page, 'F1', `>${exportLabel}`, exportLabel);
  await dialog.waitFor({ state: 'visible', timeout: 30000 });
  await dialog.getByRole('button', { name: 'Overwrite' }).click();
  const rewritten = await waitFor(() => {
    const now = exportTimes();
    return Object.keys(first).every((k) => (now[k] ?? 0) > first[k]);
  }, 90000);
  if (!rewritten) throw new Error(`Overwrite did not write both files again: ${JSON.stringify({ first, now: exportTimes() })}`);
  log('Overwrite wrote the HTML and the PDF again');
  await browser.close();
  const code = await stopServe();
  if (code !== 0) throw new Error(`serve.mjs did not stop cleanly on Ctrl-C (exit ${code})`);
  if (!serveOutput.includes('stopping')) throw new Error('serve.mjs did not say it was stopping');
  log('Ctrl-C stopped serve.mjs (exit 0)');
  log('PASS: the quick-start VS Code asks before it overwrites an export');
  await finish(0);
} catch (e) {
  console.error(`[quickstart] FAIL: ${/** @type {Error} */ (e).message}`);
  if (!verbose) console.error(`--- serve.mjs output ---\n${serveOutput}`);
  await finish(1);
}
