// The webview driver: a small HTTP server on 127.0.0.1 (ephemeral port) through which the suite,
// running in the extension host, asks the harness's Playwright `page` to act inside a webview
// (drag, press keys, click, fill). run.mjs starts it and passes its address to the VS Code server,
// and so to the extension host, as MSP_DOCS_TEST_DRIVER=http://127.0.0.1:<port>.
//
// Protocol: POST / with a JSON body, answer `{ ok: true, items? }` or `{ ok: false, error }` (status 500).
//   { action: 'drag',  frame, from, to }      HTML5 drag and drop, `from` onto `to` (locator.dragTo)
//   { action: 'press', frame, selector?, keys } focus `selector` (if given), then press each of
//                                              `keys` in turn on the keyboard (Playwright key names)
//   { action: 'click', frame, selector, button? } `button: 'right'` right-clicks (a context menu)
//   { action: 'fill',  frame, selector, text }
//   { action: 'menu',  choose?, close? }       waits for the workbench's context menu (HTML in the
//                                              workbench page, not in the webview: role=menuitem),
//                                              answers its items' accessible names as `items`, and
//                                              clicks the item named `choose` when given; `close:
//                                              true` presses Escape and waits until the menu is gone
//   { action: 'read',  frame, selector, properties? } answers `read`: how many elements match
//                                              `selector` now (no waiting) and, of the first, its text,
//                                              the computed values of the CSS `properties` (e.g.
//                                              `color`), for an <img> whether it loaded and its natural
//                                              size, and its box (CSS px, in the frame)
//   { action: 'palette', text, expect }        opens the Command Palette (F1), types `text`, waits for
//                                              a row labelled `expect` (a command always offered, so
//                                              the list is filled), answers the rows' labels as
//                                              `items` and closes the palette with Escape
// `frame` is a CSS selector that identifies the webview document (e.g. `body[data-kind="scope"]`);
// all other selectors are CSS selectors inside it. VS Code draws a webview in nested iframes (the
// host `index.html?id=...` and the content frame inside it); the driver looks through all frames of
// the page for the one whose document matches `frame`, waiting up to 10 s for it.
// Only requests from the loopback interface are served, bodies are capped at 64 KiB, and the
// server only ever runs for the length of one test run.
import { createServer } from 'node:http';

/** @typedef {import('./env/node_modules/playwright-core/index.js').Page} Page */
/** @typedef {import('./env/node_modules/playwright-core/index.js').Frame} Frame */

const WAIT_MS = 10000;

/**
 * Finds the frame of `page` whose document has an element matching `selector`.
 * @param {Page} page @param {string} selector @returns {Promise<Frame>}
 * @throws {Error} when no frame matches within 10 s
 */
async function frameWith(page, selector) {
  const until = Date.now() + WAIT_MS;
  for (;;) {
    for (const frame of page.frames()) {
      try {
        if (await frame.locator(selector).count()) return frame;
      } catch {
        /* a frame detached while we looked */
      }
    }
    if (Date.now() > until) throw new Error(`no webview frame has ${selector}`);
    await new Promise((r) => setTimeout(r, 100)); // polling the page's frames: there is no event for "a frame's DOM now matches"
  }
}

/**
 * The names of the items of the context menu showing in the workbench (waiting up to 10 s for it),
 * after clicking the one named `choose` when given, or closing the menu with Escape when `close`.
 * @param {Page} page @param {unknown} choose @param {boolean} close
 * @returns {Promise<{ items: string[] }>}
 * @throws {Error} when no menu shows, it has no item named `choose`, or it does not close
 */
async function menu(page, choose, close) {
  const items = page.locator('.context-view .monaco-menu').getByRole('menuitem');
  await items.first().waitFor({ state: 'visible', timeout: WAIT_MS });
  const names = await items.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? n.textContent ?? ''));
  if (close) {
    await page.keyboard.press('Escape');
    await items.first().waitFor({ state: 'hidden', timeout: WAIT_MS });
  } else if (typeof choose === 'string') {
    const item = page.locator('.context-view .monaco-menu').getByRole('menuitem', { name: choose, exact: true });
    if (!(await item.count())) throw new Error(`the context menu has no item "${choose}": ${names.join(' | ')}`);
    await item.first().click({ timeout: WAIT_MS });
  }
  return { items: names };
}

/**
 * The labels of the Command Palette's rows for `text` (see `palette` in the protocol above).
 * @param {Page} page @param {string} text @param {string} expect
 * @returns {Promise<{ items: string[] }>}
 * @throws {Error} when no row labelled `expect` shows within 10 s
 */
async function palette(page, text, expect) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible', timeout: WAIT_MS });
  try {
    await input.fill(text);
    const labels = page.locator('.quick-input-list .monaco-list-row .label-name');
    await labels.filter({ hasText: new RegExp(`^${expect.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).first().waitFor({ state: 'visible', timeout: WAIT_MS });
    return { items: await labels.evaluateAll((nodes) => nodes.map((n) => n.textContent ?? '')) };
  } finally {
    await page.keyboard.press('Escape');
    await input.waitFor({ state: 'hidden', timeout: WAIT_MS });
  }
}

/**
 * What the suite may read of an element inside a webview (see `read` in the protocol above).
 * @param {Frame} frame @param {string} selector @param {string[]} properties
 */
async function read(frame, selector, properties) {
  const count = await frame.locator(selector).count();
  if (!count) return { read: { count } };
  const read = await frame.locator(selector).first().evaluate((node, props) => {
    const style = getComputedStyle(node);
    const box = node.getBoundingClientRect();
    const img = node instanceof HTMLImageElement ? { complete: node.complete, naturalWidth: node.naturalWidth, naturalHeight: node.naturalHeight } : undefined;
    return {
      text: node.textContent ?? '',
      style: Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)])),
      image: img,
      box: { x: box.x, y: box.y, width: box.width, height: box.height },
    };
  }, properties);
  return { read: { count, ...read } };
}

/**
 * Runs one command on `page`.
 * @param {Page} page
 * @param {{ action: string, frame?: string, from?: string, to?: string, selector?: string, keys?: string[], text?: string, button?: string, choose?: string, close?: boolean, properties?: unknown[], expect?: string }} cmd
 * @returns {Promise<unknown>} what the action answers besides `ok` (`menu`, `palette`: items; `read`: read)
 */
async function run(page, cmd) {
  if (cmd?.action === 'menu') return menu(page, cmd.choose, cmd.close === true);
  if (cmd?.action === 'palette') return palette(page, String(cmd.text ?? ''), String(cmd.expect ?? ''));
  if (typeof cmd?.frame !== 'string') throw new Error('frame (a CSS selector) is required');
  const frame = await frameWith(page, cmd.frame);
  const opts = { timeout: WAIT_MS };
  switch (cmd.action) {
    case 'drag': {
      // Not locator.dragTo: it presses on the source, then scrolls the target into view and only
      // then moves, so when the webview scrolls the drag starts on whatever card is now under the
      // mouse. Here the drag starts (first move) before anything scrolls.
      const from = frame.locator(String(cmd.from)).first();
      await from.hover(opts);
      const box = await from.boundingBox();
      if (!box) throw new Error(`${cmd.from} is not visible`);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 + 8, box.y + box.height / 2 + 8, { steps: 2 });
      await frame.locator(String(cmd.to)).first().hover(opts);
      await page.mouse.up();
      return;
    }
    case 'press': {
      if (cmd.selector) await frame.locator(String(cmd.selector)).first().focus(opts);
      for (const key of cmd.keys ?? []) await page.keyboard.press(String(key));
      return;
    }
    case 'click':
      return frame.locator(String(cmd.selector)).first().click({ ...opts, button: cmd.button === 'right' ? 'right' : 'left' });
    case 'fill':
      return frame.locator(String(cmd.selector)).first().fill(String(cmd.text ?? ''), opts);
    case 'read':
      return read(frame, String(cmd.selector), Array.isArray(cmd.properties) ? cmd.properties.map(String) : []);
    default:
      throw new Error(`unknown action ${cmd.action}`);
  }
}

/**
 * Starts the driver for `page` on 127.0.0.1 at an ephemeral port.
 * @param {() => Page | undefined} getPage the workbench page (undefined until it exists)
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export function startDriver(getPage) {
  const server = createServer((req, res) => {
    const answer = (/** @type {number} */ status, /** @type {object} */ body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const local = ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(req.socket.remoteAddress ?? '');
    if (!local || req.method !== 'POST') return answer(403, { ok: false, error: 'forbidden' });
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
      if (body.length > 65536) req.destroy();
    });
    req.on('end', async () => {
      try {
        const page = getPage();
        if (!page) throw new Error('the workbench page is not open yet');
        const result = await run(page, JSON.parse(body));
        answer(200, { ok: true, ...(result && typeof result === 'object' ? result : {}) });
      } catch (e) {
        answer(500, { ok: false, error: /** @type {Error} */ (e).message });
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve({
        url: `http://127.0.0.1:${address.port}`,
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r(undefined)); }),
      });
    });
  });
}
