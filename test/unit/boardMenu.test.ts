// The context menu of the board's cards (src/core/webview/boardMenu.ts, src/core/board/menu.ts):
// what a card carries in data-vscode-context, how an item path is read, the grid's quadrants, and
// the host's check of a menu command's context against the current text.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { menuTarget, readBoard } from '../../src/core/board';
import { FORM_CONTEXT, cardContext, itemPath, parseItemPath, quadrantFields, quadrantOf, type BoardItem, type MenuAction } from '../../src/core/webview';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'workspace', 'clients', 'dekker-accountants');
const scope = readFileSync(path.join(FIXTURE, 'scope.yaml'), 'utf8');
const people = readFileSync(path.join(FIXTURE, 'stakeholders.yaml'), 'utf8');

const chip = (power?: string, interest?: string): BoardItem => ({ index: 0, id: 'p', fields: { ...(power ? { power } : {}), ...(interest ? { interest } : {}) }, startLine: 0, endLine: 0 });

describe('board context menu', () => {
  describe('item paths', () => {
    it('writes <list>/<index>/<id> and reads it back, ids with slashes and dots included', () => {
      for (const ref of [
        { list: 'in_scope', index: 0, id: 'mail' },
        { list: 'later', index: 12, id: 'a/b.c' },
        { list: 'out_of_scope', index: 3, id: '' },
      ]) {
        assert.equal(itemPath(ref), `${ref.list}/${ref.index}/${ref.id}`);
        assert.deepEqual(parseItemPath('scope', itemPath(ref)), ref);
      }
      assert.deepEqual(parseItemPath('stakeholders', 'stakeholders/4/key-user'), { list: 'stakeholders', index: 4, id: 'key-user' });
    });

    it('reads nothing from a path that is not one of the board of that kind', () => {
      const bad: unknown[] = [
        undefined,
        42,
        ['in_scope', 0, 'mail'],
        { list: 'in_scope', index: 0, id: 'mail' },
        'in_scope/0',
        'in_scope/-1/mail',
        'in_scope/01/mail',
        'in_scope/123456/mail',
        'in_scope/1.5/mail',
        '../project/0/mail',
        'assumptions/0/mail',
        'stakeholders/0/mail',
        'in_scope/0/mail\nlater',
        `in_scope/0/${'x'.repeat(201)}`,
      ];
      for (const p of bad) assert.equal(parseItemPath('scope', p), undefined, JSON.stringify(p));
      assert.equal(parseItemPath('stakeholders', 'in_scope/0/mail'), undefined);
    });
  });

  describe('the context a card carries', () => {
    it('names the column, first and last on the Scope Canvas, the quadrant on the grid', () => {
      const model = readBoard('scope', scope);
      const inScope = model.lists[0];
      assert.deepEqual(cardContext('scope', 'in_scope', inScope.items[0], inScope.items.length), {
        mspDocsCard: true,
        mspDocsChip: false,
        mspDocsColumn: 'in_scope',
        mspDocsFirst: true,
        mspDocsLast: false,
        itemPath: 'in_scope/0/mail',
        preventDefaultContextMenuItems: true,
      });
      const last = cardContext('scope', 'in_scope', inScope.items[5], inScope.items.length);
      assert.deepEqual([last.mspDocsFirst, last.mspDocsLast, last.itemPath], [false, true, 'in_scope/5/adoption']);
      const grid = readBoard('stakeholders', people).lists[0];
      const partner = grid.items.find((i) => i.id === 'senior-partner')!;
      assert.deepEqual(cardContext('stakeholders', 'stakeholders', partner, grid.items.length), {
        mspDocsCard: false,
        mspDocsChip: true,
        mspDocsQuadrant: 'keepSatisfied',
        itemPath: `stakeholders/${partner.index}/senior-partner`,
        preventDefaultContextMenuItems: true,
      });
      // A form inside a card turns the card's menu off and gives back Cut, Copy and Paste.
      assert.deepEqual(FORM_CONTEXT, { mspDocsCard: false, mspDocsChip: false, preventDefaultContextMenuItems: false });
    });
  });

  describe('quadrants', () => {
    it('places a stakeholder by high power and high interest', () => {
      assert.equal(quadrantOf(chip('high', 'high')), 'manageClosely');
      assert.equal(quadrantOf(chip('high', 'medium')), 'keepSatisfied');
      assert.equal(quadrantOf(chip('low', 'high')), 'keepInformed');
      assert.equal(quadrantOf(chip('medium', 'low')), 'monitor');
      assert.equal(quadrantOf(chip()), 'monitor');
    });

    it('changes as little as it can: high where needed, medium where high must go, low stays low', () => {
      assert.deepEqual(quadrantFields(chip('high', 'medium'), 'manageClosely'), { power: 'high', interest: 'high' });
      assert.deepEqual(quadrantFields(chip('high', 'high'), 'monitor'), { power: 'medium', interest: 'medium' });
      assert.deepEqual(quadrantFields(chip('low', 'low'), 'keepInformed'), { power: 'low', interest: 'high' });
      assert.deepEqual(quadrantFields(chip(undefined, undefined), 'monitor'), { power: 'medium', interest: 'medium' }, 'missing levels are written');
      assert.equal(quadrantFields(chip('high', 'low'), 'keepSatisfied'), undefined, 'already there');
      assert.equal(quadrantFields(chip('high', 'low'), 'nowhere'), undefined);
    });
  });

  describe("the host's check of a menu command", () => {
    const move = (to: string): MenuAction => ({ type: 'move', to });

    it('accepts the item at its place in the current text, for every action that fits it', () => {
      assert.deepEqual(menuTarget('scope', scope, { webview: 'mspDocs.scopeBoard', itemPath: 'in_scope/4/backup' }, move('out_of_scope')), { ok: true, item: { list: 'in_scope', index: 4, id: 'backup' } });
      for (const action of [move('later'), { type: 'up' }, { type: 'down' }, { type: 'edit' }, { type: 'remove' }] as MenuAction[]) {
        assert.equal(menuTarget('scope', scope, { itemPath: 'in_scope/4/backup' }, action).ok, true, JSON.stringify(action));
      }
      assert.equal(menuTarget('stakeholders', people, { itemPath: 'stakeholders/1/senior-partner' }, { type: 'quadrant', quadrant: 'manageClosely' }).ok, true);
      // The text as the editor holds it: a BOM and CRLF line endings change nothing.
      assert.equal(menuTarget('scope', '\ufeff' + scope.replace(/\n/g, '\r\n'), { itemPath: 'later/2/client-portal' }, { type: 'remove' }).ok, true);
    });

    it('refuses a stale or forged item path', () => {
      const refused: unknown[] = [undefined, null, 'in_scope/4/backup', {}, { itemPath: 'in_scope/4/mail' }, { itemPath: 'in_scope/6/backup' }, { itemPath: '../project/0/backup' }, { itemPath: 'out_of_scope/4/backup' }];
      for (const context of refused) {
        const result = menuTarget('scope', scope, context, { type: 'remove' });
        assert.equal(result.ok, false, JSON.stringify(context));
        assert.ok(!result.ok && result.error.length > 10);
      }
      // The document changed since the menu opened: the card is one place further down.
      const moved = scope.replace('in_scope:\n', 'in_scope:\n  - id: new\n    title: New\n    description: New.\n');
      const stale = menuTarget('scope', moved, { itemPath: 'in_scope/4/backup' }, move('later'));
      assert.deepEqual(stale, { ok: false, error: 'The item "backup" is no longer at that place; the board shows the document again.' });
    });

    it('refuses an action that does not fit the item: its own column, up from the top, down from the bottom, the other board', () => {
      const no = (kind: 'scope' | 'stakeholders', text: string, p: string, action: MenuAction) => assert.equal(menuTarget(kind, text, { itemPath: p }, action).ok, false, `${p} ${JSON.stringify(action)}`);
      no('scope', scope, 'in_scope/4/backup', move('in_scope'));
      no('scope', scope, 'in_scope/4/backup', move('assumptions'));
      no('scope', scope, 'in_scope/0/mail', { type: 'up' });
      no('scope', scope, 'in_scope/5/adoption', { type: 'down' });
      no('scope', scope, 'in_scope/4/backup', { type: 'quadrant', quadrant: 'monitor' });
      no('stakeholders', people, 'stakeholders/1/senior-partner', move('in_scope'));
      no('stakeholders', people, 'stakeholders/1/senior-partner', { type: 'down' });
      no('stakeholders', people, 'stakeholders/1/senior-partner', { type: 'quadrant', quadrant: 'keepSatisfied' });
      no('stakeholders', people, 'stakeholders/1/senior-partner', { type: 'quadrant', quadrant: 'elsewhere' });
      no('scope', scope, 'in_scope/4/backup', { type: 'explode' } as unknown as MenuAction);
    });
  });
});
