import * as assert from 'node:assert/strict';
import { isBoardToHostMessage } from '../../src/core/webview';

describe('board messages: what the host accepts from a board webview', () => {
  it('accepts ready, rendered, a valid edit and a fix naming a problem of a version', () => {
    assert.equal(isBoardToHostMessage('scope', { type: 'ready' }), true);
    assert.equal(isBoardToHostMessage('scope', { type: 'rendered', version: 3, cards: 12 }), true);
    assert.equal(isBoardToHostMessage('scope', { type: 'edit', version: 1, op: { type: 'remove', item: { list: 'in_scope', index: 0, id: 'mail' } } }), true);
    assert.equal(isBoardToHostMessage('scope', { type: 'fix', version: 4, problem: 0 }), true);
    assert.equal(isBoardToHostMessage('stakeholders', { type: 'fix', version: 1, problem: 7 }), true);
  });

  it('refuses forged fix messages', () => {
    const forged: unknown[] = [
      { type: 'fix', version: 1 },
      { type: 'fix', problem: 0 },
      { type: 'fix', version: 1, problem: -1 },
      { type: 'fix', version: 1, problem: 1.5 },
      { type: 'fix', version: 1, problem: '0' },
      { type: 'fix', version: 1, problem: 100_000 },
      { type: 'fix', version: 1, problem: 0, edit: { text: 'x' } },
      { type: 'fix', version: '1', problem: 0 },
      ['fix', 1, 0],
      null,
    ];
    for (const m of forged) assert.equal(isBoardToHostMessage('scope', m), false, JSON.stringify(m));
  });

  it('refuses edits with unknown lists, fields or values', () => {
    const forged: unknown[] = [
      { type: 'edit', version: 1, op: { type: 'remove', item: { list: '../project', index: 0, id: 'mail' } } },
      { type: 'edit', version: 1, op: { type: 'edit', item: { list: 'in_scope', index: 0, id: 'mail' }, fields: { 'x-evil': 'a' } } },
      { type: 'edit', version: 1, op: { type: 'rewrite', item: { list: 'in_scope', index: 0, id: 'mail' } } },
      { type: 'exec', command: 'rm' },
    ];
    for (const m of forged) assert.equal(isBoardToHostMessage('scope', m), false, JSON.stringify(m));
  });

  it('accepts the webview\'s timestamps (drop time on an edit, drawn time on rendered) only as wall-clock numbers', () => {
    const remove = { type: 'remove', item: { list: 'in_scope', index: 0, id: 'mail' } };
    assert.equal(isBoardToHostMessage('scope', { type: 'edit', version: 1, op: remove, at: 1_764_547_200_000 }), true);
    assert.equal(isBoardToHostMessage('scope', { type: 'rendered', version: 2, cards: 3, drawnAt: 1_764_547_200_123 }), true);
    for (const at of ['1', -1, Number.NaN, Number.POSITIVE_INFINITY, null, {}]) {
      assert.equal(isBoardToHostMessage('scope', { type: 'edit', version: 1, op: remove, at }), false, `at ${String(at)}`);
      assert.equal(isBoardToHostMessage('scope', { type: 'rendered', version: 2, cards: 3, drawnAt: at }), false, `drawnAt ${String(at)}`);
    }
  });
});
