/**
 * The newest proposal version is found by version comparison, never by list position
 * (`src/core/common/versions.ts`): a history written newest first (v0.10, v0.9, …, v0.1) keeps
 * v0.10 in the A4's revision line and in the status update's "last change", in English and Dutch.
 */
import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { chronological, isNewestFirst, newestIndex } from '../../src/core/common/versions';
import { statusUpdate } from '../../src/core/delivery/statusUpdate';
import { renderProposal } from '../../src/core/render/proposal';
import { sample, sampleText } from './deliveryFixtures';

/** v0.10 down to v0.1, newest first, dated one month apart. */
const NEWEST_FIRST = Array.from({ length: 10 }, (_, i) => 10 - i).map((n) => ({ version: `0.${n}`, date: `2026-${String(n + 1).padStart(2, '0')}-01`, changes: `Round ${n}.` }));

function withHistory(history: unknown[], language?: string) {
  const plan = { ...(parse(sampleText('plan')) as Record<string, unknown>), version: '0.10', history };
  const project = { ...(parse(sampleText('project')) as Record<string, unknown>), ...(language ? { language } : {}) };
  return sample({ plan, project });
}

describe('the newest version by comparison, not by position', () => {
  it('orders and picks versions as numbers: 0.10 after 0.9', () => {
    assert.equal(newestIndex(['0.10', '0.9', '0.1']), 0);
    assert.equal(newestIndex(['0.9', '0.10']), 1);
    assert.equal(newestIndex(['x', undefined]), -1);
    assert.equal(isNewestFirst(['0.10', '0.9']), true);
    assert.equal(isNewestFirst(['0.9', '0.10']), false);
    assert.equal(isNewestFirst(['0.3']), false);
    assert.deepEqual(chronological([{ version: '0.10' }, { version: '0.9' }]).map((h) => h.version), ['0.9', '0.10']);
  });

  it('the A4 revision line keeps v0.10 of a history written newest first, oldest of the four first', () => {
    const html = renderProposal(withHistory(NEWEST_FIRST)).html;
    const versions = [...html.matchAll(/<span class="rev-version">([^<]*)<\/span>/g)].map((m) => m[1]);
    assert.deepEqual(versions, ['v0.7', 'v0.8', 'v0.9', 'v0.10']);
  });

  it('the status update calls v0.10 the last change, in English and Dutch', () => {
    const en = statusUpdate(withHistory(NEWEST_FIRST), 'steering-group', '2026-11-29');
    assert.match(en, /## Changed since the last proposal version\n\nv0\.10 \(1 November 2026\): Round 10\.\n/);
    const nl = statusUpdate(withHistory(NEWEST_FIRST, 'nl'), 'steering-group', '2026-11-29');
    assert.match(nl, /## Gewijzigd sinds de vorige versie van het voorstel\n\nv0\.10 \(1 november 2026\): Round 10\.\n/);
  });
});
