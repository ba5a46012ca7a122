// README screenshot: opens the workbench on a copy of the fixture workspace with
// the built extension installed (like scripts/serve.mjs), focuses the extension's
// Projects view, opens broken/…/plan.yaml, waits for an error squiggle and saves a PNG.
// With --preview: opens clients/dekker-accountants/plan.yaml instead, runs "Open A4 Preview"
// through F1 and waits until the preview has measured its page (in the sample's house style:
// samples/.msp-docs.json and its logo are copied into clients/).
// With --board scope|stakeholders: opens that document of the sample and its board ("Open Board")
// and waits until the board drew its cards; --theme light|dark picks VS Code's Modern theme,
// --theme hc|hc-light its High Contrast (dark) or High Contrast Light theme.
// Usage: npm run build && node test/vscode/screenshot.mjs <out.png> [--width 1280] [--height 800] [--preview] [--board scope] [--theme dark|hc|hc-light]
// Env: MSP_DOCS_SCREENSHOT_TIMEOUT (s, default 120), MSP_DOCS_TEST_VERBOSE=1.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { installExtension, REPO_ROOT } from './install-extension.mjs';
import { ensureSetup, launchBrowser, startServer } from './server.mjs';
import { commandLabel, focusCommandLabel, pick } from './workbench.mjs';

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    width: { type: 'string', default: '1280' },
    height: { type: 'string', default: '800' },
    preview: { type: 'boolean', default: false },
    board: { type: 'string' },
    theme: { type: 'string' },
  },
});
if (positionals.length !== 1) {
  console.error('Usage: node test/vscode/screenshot.mjs <out.png> [--width 1280] [--height 800] [--preview]');
  process.exit(2);
}
const outPng = resolve(positionals[0]);
/** VS Code's built-in themes by `--theme`: the Modern light and dark ones and the two high-contrast ones. */
const THEMES = { light: 'Default Light Modern', dark: 'Default Dark Modern', hc: 'Default High Contrast', 'hc-light': 'Default High Contrast Light' };
const verbose = !!process.env.MSP_DOCS_TEST_VERBOSE;
const t0 = Date.now();
const log = (/** @type {string} */ m) => console.log(`[screenshot +${((Date.now() - t0) / 1000).toFixed(1)} s] ${m}`);

/**
 * The A4 preview of the sample beside its plan.yaml: Quick Open, then the command through F1; waits
 * until the webview (two iframes deep) shows the sheet and the one-page check's verdict.
 * @param {import('./env/node_modules/playwright-core/index.js').Page} page
 */
async function showPreview(page) {
  const plan = 'clients/dekker-accountants/plan.yaml';
  log(`Quick Open → ${plan}`);
  await pick(page, 'Control+P', plan, 'dekker-accountants');
  await page.locator('.monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: 30000 });
  // Expand the sample in the tree: its phases and the current one's document.
  await page.locator('.sidebar .monaco-list-row', { hasText: 'Move to Microsoft 365' }).first().click();
  await page.keyboard.press('ArrowRight');
  await page.locator('.sidebar .monaco-list-row', { hasText: 'Approach' }).first().click();
  await page.keyboard.press('ArrowRight');
  await page.locator('.monaco-editor .view-lines').first().click();
  const label = commandLabel('mspDocs.preview.open');
  log(`F1 → ${label}`);
  await pick(page, 'F1', `>${label}`, label);
  const frame = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
  await frame.locator('.sheet .sec-title').waitFor({ state: 'visible', timeout: 30000 });
  await frame.locator('#msp-status', { hasText: 'A4' }).waitFor({ state: 'visible', timeout: 30000 });
  log('preview measured');
  // Toasts from elsewhere (e.g. another extension's start-up) must not cover the page.
  await pick(page, 'F1', '>Notifications: Clear All Notifications', 'Clear All Notifications');
  // The page is the subject: give the side bar's width to the editor and the preview.
  await pick(page, 'F1', '>View: Close Primary Side Bar', 'Close Primary Side Bar');
  await page.locator('.sidebar').waitFor({ state: 'hidden', timeout: 10000 });
  await frame.locator('#msp-zoom-value', { hasNotText: '76 %' }).waitFor({ state: 'visible', timeout: 10000 });
  // The editor's cursor line and the tree's selection would draw the eye: put the cursor at the top.
  await page.locator('.monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Home');
}

/**
 * The board of the sample's scope.yaml or stakeholders.yaml: Quick Open, then "Open Board" through
 * F1; waits until the webview (two iframes deep) drew its cards.
 * @param {import('./env/node_modules/playwright-core/index.js').Page} page @param {string} kind
 */
async function showBoard(page, kind) {
  const file = `clients/dekker-accountants/${kind}.yaml`;
  log(`Quick Open → ${file}`);
  await pick(page, 'Control+P', file, 'dekker-accountants');
  await page.locator('.monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: 30000 });
  const label = commandLabel('mspDocs.board.open');
  log(`F1 → ${label}`);
  await pick(page, 'F1', `>${label}`, label);
  const frame = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
  await frame.locator('.card[data-id]').first().waitFor({ state: 'visible', timeout: 30000 });
  log('board drawn');
  await pick(page, 'F1', '>Notifications: Clear All Notifications', 'Clear All Notifications');
  await pick(page, 'F1', '>View: Close Primary Side Bar', 'Close Primary Side Bar');
  await page.locator('.sidebar').waitFor({ state: 'hidden', timeout: 10000 });
  await frame.locator('.card[data-id]').first().focus();
}

/**
 * The sample's house style beside its copy: `samples/.msp-docs.json` and the logo it names, into
 * `dir` (the fixture's `clients/`, which holds the sample), so the preview shows it as in `samples/`.
 * @param {string} dir
 */
function sampleHouseStyle(dir) {
  const config = join(REPO_ROOT, 'samples', '.msp-docs.json');
  const logo = JSON.parse(readFileSync(config, 'utf8')).style?.logo;
  cpSync(config, join(dir, '.msp-docs.json'));
  if (typeof logo === 'string') cpSync(join(REPO_ROOT, 'samples', logo), join(dir, logo));
}

/** First `plan.yaml` under `<workspace>/broken`, relative to the workspace. @param {string} ws */
function brokenPlan(ws) {
  /** @param {string} dir @returns {string | undefined} */
  const find = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) { const hit = find(p); if (hit) return hit; } else if (name === 'plan.yaml') return p;
    }
    return undefined;
  };
  const hit = find(join(ws, 'broken'));
  if (!hit) throw new Error('no plan.yaml under broken/ in the fixture workspace');
  return relative(ws, hit);
}

const tmp = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'msp-screenshot-'));
/** @type {Awaited<ReturnType<typeof startServer>> | undefined} */ let server;
/** @type {import('./env/node_modules/playwright-core/index.js').Browser | undefined} */ let browser;
let code = 0;
const watchdog = setTimeout(() => { console.error('[screenshot] TIMEOUT'); process.kill(process.pid, 'SIGTERM'); },
  Number(process.env.MSP_DOCS_SCREENSHOT_TIMEOUT ?? 120) * 1000);
process.on('SIGTERM', () => void cleanup(124));
process.on('SIGINT', () => void cleanup(130));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true })); // last resort
let cleaning = false;
/** @param {number} exitCode */
async function cleanup(exitCode) {
  if (cleaning) return;
  cleaning = true;
  await browser?.close().catch(() => {});
  await server?.stop().catch(() => {});
  rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  process.exit(exitCode);
}

try {
  ensureSetup();
  const workspace = join(tmp, 'workspace');
  cpSync(join(REPO_ROOT, 'test/fixtures/workspace'), workspace, { recursive: true, dereference: true });
  sampleHouseStyle(join(workspace, 'clients'));
  const extensionsDir = join(tmp, 'extensions');
  const { id } = installExtension(extensionsDir);
  log(`installed ${id}`);
  const [srv, brw] = await Promise.all([startServer({ workspace, extensionsDir, verbose,
    // Beside the preview the editor is narrow: give its width to the text.
    userSettings: {
      ...(opts.preview ? { 'editor.minimap.enabled': false } : {}),
      ...(opts.theme ? { 'workbench.colorTheme': THEMES[opts.theme] ?? 'Default Light Modern' } : {}),
    } }), launchBrowser()]);
  [server, browser] = [srv, brw];
  const page = await brw.newPage({ viewport: { width: Number(opts.width), height: Number(opts.height) } });
  if (verbose) page.on('console', (/** @type {import('./env/node_modules/playwright-core/index.js').ConsoleMessage} */ m) => console.error(`[browser:${m.type()}] ${m.text()}`));
  await page.goto(srv.url);
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60000 });
  log('workbench loaded');

  const label = focusCommandLabel();
  log(`F1 → ${label}`);
  await pick(page, 'F1', `>${label}`, label);
  await page.locator('.sidebar .monaco-list-row').first().waitFor({ state: 'visible', timeout: 30000 });
  log('view shows projects');

  if (opts.board) await showBoard(page, opts.board);
  else if (opts.preview) await showPreview(page);
  else await showBrokenPlan(page, workspace);

  mkdirSync(dirname(outPng), { recursive: true });
  await page.screenshot({ path: outPng });
  log(`saved ${outPng}`);
} catch (e) {
  console.error(`[screenshot] ERROR: ${/** @type {Error} */ (e).message}`);
  code = 1;
}
clearTimeout(watchdog);
await cleanup(code);

/**
 * The broken project's plan.yaml with its squiggles, the tree expanded, one diagnostic hovered.
 * @param {import('./env/node_modules/playwright-core/index.js').Page} page @param {string} workspace
 */
async function showBrokenPlan(page, workspace) {
  const plan = brokenPlan(workspace);
  log(`Quick Open → ${plan}`);
  await pick(page, 'Control+P', plan, dirname(plan).split('/').pop() ?? plan);
  await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: 30000 });
  log('squiggle shown');
  // Expand the broken project and its current phase in the tree, so states and counts show.
  const rows = page.locator('.sidebar .monaco-list-row');
  await rows.first().click();
  await page.keyboard.press('ArrowRight');
  await rows.nth(3).waitFor({ state: 'visible', timeout: 10000 });
  for (const phase of ['Scope', 'Approach']) {
    await page.locator('.sidebar .monaco-list-row', { hasText: phase }).first().click();
    await page.keyboard.press('ArrowRight');
  }
  // Show one diagnostic's message as the user sees it: hover over the first squiggle.
  const squiggle = page.locator('.monaco-editor .squiggly-error').first();
  const box = await squiggle.boundingBox();
  if (!box) throw new Error('squiggle has no box');
  // The text layer lies over the squiggle; move the pointer over the squiggled text instead.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 4);
  await page.locator('.monaco-hover .marker.hover-contents').first().waitFor({ state: 'visible', timeout: 15000 });
}
