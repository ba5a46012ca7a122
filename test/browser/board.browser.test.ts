/**
 * The board's webview script (media/board.js, built from src/webview/board.ts) in a real headless
 * Chromium, with a stand-in for `acquireVsCodeApi` that records what the board posts: drag and
 * drop and the keyboard alone (focus, Alt+Arrow keys, the form that asks for a reason) turn into
 * the right `edit` messages. The host side of those messages is tested in test/vscode/suite/board.test.ts.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findBrowser } from '../../src/core/render/browser';
import { browserEnvironment } from '../../src/core/render/fontconfig';
import { readBoard } from '../../src/core/board';
import { setTranslations } from '../../src/core/common/l10n';
import { boardStrings, type BoardKind, type HostToBoardMessage } from '../../src/core/webview';

const ROOT = path.join(__dirname, '..', '..');
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'workspace', 'clients', 'dekker-accountants');
const STRINGS: Record<string, string> = { gone: 'The item "{0}" is no longer at that place', in_scope: 'We will do', out_of_scope: 'We will not do', later: 'Maybe later', field_reason: 'Reason', save: 'Save', readOnly: 'Read-only on the board: {0}' };

describe('board webview in headless Chromium', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;
  let fontDir: string | undefined;

  after(async () => {
    await browser?.close();
    if (fontDir) rmSync(fontDir, { recursive: true, force: true });
  });

  /** A page running the board script for `kind`, showing `text` (default: the fixture's document) with `strings`. */
  async function board(kind: BoardKind, text?: string, strings: Record<string, string> = STRINGS): Promise<Page> {
    const executable = (await findBrowser({ configured: process.env.MSP_DOCS_BROWSER, configuredName: 'MSP_DOCS_BROWSER' })).path;
    // With the export's font environment (src/core/render/fontconfig.ts): a machine without fonts
    // would otherwise lay out no text at all.
    browser ??= await chromium.launch({ executablePath: executable, env: await browserEnvironment((fontDir = mkdtempSync(path.join(os.tmpdir(), 'msp-board-')))), args: ['--no-sandbox', '--disable-gpu'] });
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    page.on('pageerror', (e) => console.error('pageerror', e.message));
    const css = readFileSync(path.join(ROOT, 'media', 'board.css'), 'utf8');
    await page.setContent(`<!DOCTYPE html><html><head><style>${css}</style></head><body data-kind="${kind}"><main id="board"></main><div id="status" role="status"></div></body></html>`);
    // Strings, not functions: the test's compiled functions would carry helpers the page lacks.
    await page.evaluate('window.posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.posted.push(m) });');
    await page.addScriptTag({ content: readFileSync(path.join(ROOT, 'media', 'board.js'), 'utf8') });
    const model = readBoard(kind, text ?? readFileSync(path.join(FIXTURE, `${kind}.yaml`), 'utf8'));
    const message: HostToBoardMessage = { type: 'model', version: 7, model, problems: text ? [] : [{ severity: 'warning', message: 'No trigger', list: 'later', index: 0 }], strings };
    await page.evaluate(`window.postMessage(${JSON.stringify(message)}, '*')`);
    await page.waitForSelector('.card[data-id]');
    return page;
  }

  /**
   * The `edit` messages posted so far, without their `at` (the time of the drop, key or submit on
   * the page's clock, checked here to be a time during the test).
   */
  async function edits(page: Page): Promise<unknown[]> {
    const posted = (await page.evaluate("window.posted.filter((m) => m.type === 'edit')")) as Array<Record<string, unknown>>;
    return posted.map(({ at, ...rest }) => {
      assert.ok(typeof at === 'number' && at > Date.now() - 60_000 && at <= Date.now() + 1000, `at ${String(at)}`);
      return rest;
    });
  }

  it('draws three columns with a card per item, ARIA labels, and a problem on its card', async () => {
    const page = await board('scope');
    assert.deepEqual(await page.$$eval('section.column', (s) => s.map((c) => c.getAttribute('aria-label'))), ['We will do', 'We will not do', 'Maybe later']);
    assert.equal(await page.$$eval('.column-in_scope .card', (c) => c.length), 6);
    assert.equal(await page.$eval('.card[data-id="decommission"] .problem', (p) => p.textContent), 'No trigger');
    const { drawnAt, ...rendered } = (await page.evaluate("window.posted.find((m) => m.type === 'rendered')")) as Record<string, unknown>;
    assert.deepEqual(rendered, { type: 'rendered', version: 7, cards: 13 });
    assert.ok(typeof drawnAt === 'number' && Math.abs(drawnAt - Date.now()) < 60_000, 'the board says when it drew the cards, on the wall clock');
  });

  it('moves a card by keyboard only: Alt+Down within the column, Alt+Right asks for the reason', async () => {
    const page = await board('scope');
    await page.focus('.card[data-id="mail"]');
    await page.keyboard.press('Alt+ArrowDown');
    await page.focus('.card[data-id="mfa"]');
    await page.keyboard.press('Alt+ArrowRight');
    await page.waitForSelector('.card[data-id="mfa"] form textarea');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Done by the client.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    assert.deepEqual(await edits(page), [
      { type: 'edit', version: 7, op: { type: 'move', item: { list: 'in_scope', index: 0, id: 'mail' }, to: 'in_scope', index: 1 } },
      { type: 'edit', version: 7, op: { type: 'move', item: { list: 'in_scope', index: 3, id: 'mfa' }, to: 'out_of_scope', index: 99_999, fields: { reason: 'Done by the client.' } } },
    ]);
  });

  it('moves a card by drag and drop to another column, asking for the trigger', async () => {
    const page = await board('scope');
    await page.dragAndDrop('.card[data-id="telephony"]', '.column-later h2');
    await page.waitForSelector('.column-later form textarea');
    await page.fill('.column-later form textarea', 'When the contract ends.');
    await page.click('.column-later form button[type="submit"]');
    assert.deepEqual(await edits(page), [{ type: 'edit', version: 7, op: { type: 'move', item: { list: 'out_of_scope', index: 1, id: 'telephony' }, to: 'later', index: 0, fields: { trigger: 'When the contract ends.' } } }]);
  });

  it('moves a stakeholder on the grid by drag and drop and by Alt+Arrow keys', async () => {
    const page = await board('stakeholders');
    const informed = await page.$$eval('.quadrant-keepInformed .card', (c) => c.map((n) => n.getAttribute('data-id')));
    assert.ok(informed.includes('key-user'), 'the key user is kept informed');
    const id = 'key-user';
    await page.dragAndDrop(`.card[data-id="${id}"]`, '.quadrant-manageClosely h2');
    await page.focus(`.card[data-id="${id}"]`);
    await page.keyboard.press('Alt+ArrowUp');
    const posted = (await edits(page)) as Array<{ op: { type: string; item: { id: string }; fields: Record<string, string> } }>;
    assert.equal(posted.length, 2);
    assert.deepEqual(posted[0].op.fields, { power: 'high', interest: 'high' });
    assert.equal(posted[0].op.item.id, id);
    assert.equal(posted[1].op.fields.power, 'medium', 'one level up from low');
    assert.deepEqual(Object.keys(posted[1].op.fields), ['power']);
  });

  /** Posts `message` to the board as the host would. */
  async function hostSends(page: Page, message: HostToBoardMessage): Promise<void> {
    await page.evaluate(`window.postMessage(${JSON.stringify(message)}, '*')`);
  }

  it('gives every card and chip its data-vscode-context, and its forms the default menu back', async () => {
    const page = await board('scope');
    const context = async (selector: string) => JSON.parse((await page.getAttribute(selector, 'data-vscode-context')) ?? 'null');
    assert.deepEqual(await context('.card[data-id="mail"]'), { mspDocsCard: true, mspDocsChip: false, mspDocsColumn: 'in_scope', mspDocsFirst: true, mspDocsLast: false, itemPath: 'in_scope/0/mail', preventDefaultContextMenuItems: true });
    assert.equal((await context('.card[data-id="client-portal"]')).mspDocsLast, true);
    assert.equal(await page.$$eval('.card[data-id]:not([data-vscode-context])', (c) => c.length), 0);
    // Enter on a focused card opens its edit form (and stays open: the Enter does not submit it).
    await page.focus('.card[data-id="mail"]');
    await page.keyboard.press('Enter');
    assert.equal(await page.inputValue('.card[data-id="mail"] form input[type="text"]'), 'Mail to Exchange Online');
    assert.deepEqual(await edits(page), []);
    assert.deepEqual(await context('.card[data-id="mail"] form'), { mspDocsCard: false, mspDocsChip: false, preventDefaultContextMenuItems: false });
    const grid = await board('stakeholders');
    assert.equal(JSON.parse((await grid.getAttribute('.card[data-id="senior-partner"]', 'data-vscode-context')) ?? '{}').mspDocsQuadrant, 'keepSatisfied');
  });

  it('runs a menu command as the card\'s own key or drag: the reason form, a move, a quadrant', async () => {
    const page = await board('scope');
    // "Move to We will not do": the reason form opens in the card, as with Alt+ArrowRight.
    await hostSends(page, { type: 'menu', item: { list: 'in_scope', index: 3, id: 'mfa' }, action: { type: 'move', to: 'out_of_scope' } });
    await page.waitForSelector('.card[data-id="mfa"] form textarea');
    const mfa = readBoard('scope', readFileSync(path.join(FIXTURE, 'scope.yaml'), 'utf8')).lists.find((list) => list.key === 'in_scope')?.items.find((item) => item.id === 'mfa');
    const description = mfa?.fields.description;
    assert.ok(typeof description === 'string' && description.length > 20, 'the fixture\'s mfa item has a description');
    assert.equal(await page.inputValue('.card[data-id="mfa"] form textarea'), description, 'prefilled with the description');
    await page.fill('.card[data-id="mfa"] form textarea', 'Done by the client.');
    await page.click('.card[data-id="mfa"] form button[type="submit"]');
    await hostSends(page, { type: 'menu', item: { list: 'in_scope', index: 1, id: 'files' }, action: { type: 'up' } });
    await hostSends(page, { type: 'menu', item: { list: 'in_scope', index: 1, id: 'files' }, action: { type: 'remove' } });
    // An item the board does not show at that place: nothing is posted, the status says why.
    await hostSends(page, { type: 'menu', item: { list: 'in_scope', index: 2, id: 'files' }, action: { type: 'remove' } });
    await page.waitForFunction("document.getElementById('status').textContent.includes('files')");
    assert.deepEqual(await edits(page), [
      { type: 'edit', version: 7, op: { type: 'move', item: { list: 'in_scope', index: 3, id: 'mfa' }, to: 'out_of_scope', index: 99_999, fields: { reason: 'Done by the client.' } } },
      { type: 'edit', version: 7, op: { type: 'move', item: { list: 'in_scope', index: 1, id: 'files' }, to: 'in_scope', index: 0 } },
      { type: 'edit', version: 7, op: { type: 'remove', item: { list: 'in_scope', index: 1, id: 'files' } } },
    ]);

    const grid = await board('stakeholders');
    await hostSends(grid, { type: 'menu', item: { list: 'stakeholders', index: 1, id: 'senior-partner' }, action: { type: 'quadrant', quadrant: 'manageClosely' } });
    await grid.waitForFunction("window.posted.some((m) => m.type === 'edit')");
    assert.deepEqual(await edits(grid), [{ type: 'edit', version: 7, op: { type: 'edit', item: { list: 'stakeholders', index: 1, id: 'senior-partner' }, fields: { power: 'high', interest: 'high' } } }]);
  });

  it('shows a list in flow style with the reason and offers nothing on it: no drag, buttons, add or move into it', async () => {
    const text = [
      'in_scope:',
      '  - id: mail',
      '    title: Mail',
      '    description: Move the mailboxes.',
      'out_of_scope: [{id: telephony, title: Telephony, reason: Another supplier.}]',
      'later:',
      '  - id: copilot',
      '    title: Copilot',
      '    trigger: Next year.',
      '',
    ].join('\n');
    const page = await board('scope', text);
    assert.match((await page.textContent('.column-out_of_scope .readonly')) ?? '', /^Read-only on the board: The list "out_of_scope" is written in YAML flow style/);
    assert.equal(await page.getAttribute('.card[data-id="telephony"]', 'draggable'), 'false');
    assert.equal(await page.$$eval('.card[data-id="telephony"] button', (b) => b.length), 0, 'no edit, remove or move buttons');
    assert.equal(await page.$$eval('.column-out_of_scope button.add', (b) => b.length), 0, 'no add button');
    assert.equal(await page.$$eval('.column-in_scope button.add', (b) => b.length), 1);
    assert.deepEqual(await page.$$eval('.card[data-id="mail"] button', (b) => b.map((n) => n.getAttribute('title'))), ['edit', 'remove'], 'no "move right" into the flow list');
    assert.equal(JSON.parse((await page.getAttribute('.card[data-id="telephony"]', 'data-vscode-context')) ?? '{}').mspDocsCard, false, 'no context menu on its cards');
    assert.equal(JSON.parse((await page.getAttribute('.card[data-id="mail"]', 'data-vscode-context')) ?? '{}').mspDocsLocked_out_of_scope, true);
    // Dragging into it, keys on its cards and keys into it post nothing; the status says why.
    await page.dragAndDrop('.card[data-id="mail"]', '.column-out_of_scope h2');
    await page.focus('.card[data-id="telephony"]');
    await page.keyboard.press('Alt+ArrowRight');
    await page.keyboard.press('Delete');
    await page.focus('.card[data-id="copilot"]');
    await page.keyboard.press('Alt+ArrowLeft');
    assert.match((await page.textContent('#status')) ?? '', /flow style/);
    assert.equal(await page.$$eval('form', (f) => f.length), 0, 'no form opened');
    // The block lists stay editable: a key on one of their cards posts its move.
    await page.keyboard.press('Alt+ArrowDown');
    assert.deepEqual(await edits(page), [{ type: 'edit', version: 7, op: { type: 'move', item: { list: 'later', index: 0, id: 'copilot' }, to: 'later', index: 1 } }]);
  });

  it('in a Dutch VS Code: Dutch column and quadrant names, labels, buttons and help, as the host sends them', async () => {
    setTranslations(JSON.parse(readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.nl.json'), 'utf8')) as Record<string, string>);
    let scopeStrings: Record<string, string>;
    let gridStrings: Record<string, string>;
    try {
      scopeStrings = boardStrings('scope');
      gridStrings = boardStrings('stakeholders');
    } finally {
      setTranslations(undefined);
    }
    const page = await board('scope', undefined, scopeStrings);
    assert.deepEqual(await page.$$eval('section.column', (s) => s.map((c) => c.getAttribute('aria-label'))), ['Doen we', 'Doen we niet', 'Misschien later']);
    assert.deepEqual(await page.$$eval('section.column h2', (h) => h.map((n) => n.firstChild?.textContent)), ['Doen we', 'Doen we niet', 'Misschien later']);
    assert.match((await page.textContent('.help')) ?? '', /^Alt\+pijltjestoetsen verplaatsen de kaart/);
    assert.deepEqual(await page.$$eval('.card[data-id="mail"] button', (b) => b.map((n) => n.getAttribute('title'))), ['Naar rechts', 'Bewerken', 'Verwijderen']);
    assert.equal(await page.getAttribute('.card[data-id="mail"] button[title="Bewerken"]', 'aria-label'), 'Bewerken: Mail to Exchange Online');
    assert.match((await page.textContent('.column-in_scope button.add')) ?? '', /Toevoegen/);
    await page.focus('.card[data-id="mfa"]');
    await page.keyboard.press('Alt+ArrowRight');
    assert.equal(await page.textContent('.card[data-id="mfa"] form label'), 'Reden');
    assert.match((await page.textContent('#status')) ?? '', /Reden/);
    const grid = await board('stakeholders', undefined, gridStrings);
    assert.deepEqual(await grid.$$eval('section.quadrant h2', (h) => h.map((n) => n.textContent)), ['Tevreden houden', 'Nauw betrekken', 'Volgen', 'Informeren']);
    assert.match((await grid.getAttribute('.grid', 'aria-label')) ?? '', /^Macht \/ Belang$/);
  });

  it('shows a description\'s Markdown as the A4 does (strong, emphasis, code), never its markers or markup', async () => {
    const page = await board('scope');
    assert.equal(await page.$eval('.card[data-id="mail"] .card-description strong', (n) => n.textContent), 'Exchange Online');
    const shown = await page.$$eval('.card-description', (d) => d.map((n) => n.textContent ?? ''));
    assert.ok(shown.length >= 6 && shown.every((t) => !t.includes('**')), shown.join(' | '));
    const text = [
      'in_scope:',
      '  - id: a',
      '    title: A',
      '    description: "*One* `two` ~~three~~ [label](javascript:window.hacked=1) <img src=x onerror=\\"window.hacked=1\\"> ![alt text](x.png)"',
      'out_of_scope: []',
      '',
    ].join('\n');
    const unsafe = await board('scope', text);
    assert.equal(await unsafe.$eval('.card-description', (n) => n.innerHTML), '<em>One</em> <code>two</code> <s>three</s> label &lt;img src=x onerror="window.hacked=1"&gt; alt text');
    assert.equal(await unsafe.evaluate('window.hacked'), undefined);
    assert.equal(await unsafe.$$eval('.card-description a, .card-description img', (n) => n.length), 0);
  });
});
