// Driving the VS Code workbench page from outside (Playwright), shared by screenshot.mjs and
// quickstart.mjs: palette labels of the extension's contributions, and picking in Quick Open / F1.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './install-extension.mjs';

/** @typedef {import('./env/node_modules/playwright-core/index.js').Page} Page */

/** package.json and a resolver of its `%key%` placeholders through package.nls.json. */
function manifest() {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  /** @type {Record<string, string>} */
  let nls = {};
  try { nls = JSON.parse(readFileSync(join(REPO_ROOT, 'package.nls.json'), 'utf8')); } catch { /* none */ }
  const t = (/** @type {string} */ s) => (/^%.+%$/.test(s) ? nls[s.slice(1, -1)] ?? s : s);
  return { pkg, t };
}

/** Palette label of the Projects view's focus command, "<container title>: Focus on <view name> View". */
export function focusCommandLabel() {
  const { pkg, t } = manifest();
  const container = pkg.contributes?.viewsContainers?.activitybar?.find((/** @type {any} */ c) => c.id === 'mspDocs');
  const view = pkg.contributes?.views?.mspDocs?.[0];
  return container && view ? `${t(container.title)}: Focus on ${t(view.name)} View` : 'Focus on Projects View';
}

/**
 * Palette label of a contributed command, "<category>: <title>" (English).
 * @param {string} command @returns {string} @throws {Error} when package.json has no such command
 */
export function commandLabel(command) {
  const { pkg, t } = manifest();
  const c = pkg.contributes.commands.find((/** @type {any} */ x) => x.command === command);
  if (!c) throw new Error(`no command ${command} in package.json`);
  return c.category ? `${t(c.category)}: ${t(c.title)}` : t(c.title);
}

/**
 * Types `text` into the quick input opened by `key` and clicks the row showing `rowText`;
 * retries (the palette may not list contributed commands right after load).
 * @param {Page} page @param {string} key @param {string} text @param {string} rowText
 * @param {number} [timeoutMs] @throws {Error} when the row is not offered within the timeout
 */
export async function pick(page, key, text, rowText, timeoutMs = 30000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    await page.keyboard.press(key);
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 10000 });
    await input.fill(text);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: rowText }).first();
    try {
      await row.waitFor({ state: 'visible', timeout: 3000 });
      await row.click();
      return;
    } catch (e) {
      await page.keyboard.press('Escape');
      if (Date.now() > end) throw new Error(`"${rowText}" not offered after ${key} "${text}": ${/** @type {Error} */ (e).message}`);
    }
  }
}
