import * as assert from 'node:assert/strict';
import { groupPortfolio, isPortfolioSort, portfolioEntry, type PortfolioEntry } from '../../src/core/delivery/portfolio';
import { project } from './deliveryFixtures';

function entry(dir: string, client: string | undefined, phase: string | undefined, status: PortfolioEntry['status'], errors = 0): PortfolioEntry {
  return { dir, title: `Project ${dir}`, client, phase, status, errors, warnings: 0 };
}

const ENTRIES = [
  entry('a', 'Zeeman', 'approach', 'on-track'),
  entry('b', 'Albers', 'delivery', 'at-risk', 2),
  entry('c', 'Albers', 'approach', 'off-track'),
  entry('d', undefined, undefined, undefined, 5),
  entry('e', 'bakker', 'intake', 'done'),
  entry('f', 'Zeeman', 'closed', 'on-track'),
];

const shape = (sort: 'phase' | 'client' | 'status') => groupPortfolio(ENTRIES, sort).map((g) => [g.key, g.entries.map((e) => e.dir).join('')]);

describe('portfolio', () => {
  it('groups by phase in method order, clients A–Z within, unknown phase last', () => {
    assert.deepEqual(shape('phase'), [
      ['intake', 'e'],
      ['approach', 'ca'],
      ['delivery', 'b'],
      ['closed', 'f'],
      ['', 'd'],
    ]);
  });

  it('groups by client A–Z (case-insensitive), phases in method order within', () => {
    assert.deepEqual(shape('client'), [
      ['Albers', 'cb'],
      ['bakker', 'e'],
      ['Zeeman', 'af'],
      ['', 'd'],
    ]);
  });

  it('groups by status, most urgent first', () => {
    assert.deepEqual(shape('status'), [
      ['off-track', 'c'],
      ['at-risk', 'b'],
      ['on-track', 'af'],
      ['done', 'e'],
      ['', 'd'],
    ]);
  });

  it('leaves the input alone and drops empty groups', () => {
    const before = JSON.stringify(ENTRIES);
    groupPortfolio(ENTRIES, 'status');
    assert.equal(JSON.stringify(ENTRIES), before);
    assert.deepEqual(groupPortfolio([], 'phase'), []);
  });

  it('reads a project report, ignoring a phase or status that is not one', () => {
    const good = portfolioEntry(project({ project: 'id: a\ntitle: A\nclient: C\nproject_manager: P\nphase: delivery\nstatus: at-risk\n' }, '/x/a'));
    assert.deepEqual(good, { dir: '/x/a', id: 'a', title: 'A', client: 'C', phase: 'delivery', status: 'at-risk', errors: 0, warnings: 0 });
    const typo = portfolioEntry(project({ project: 'id: b\ntitle: B\nclient: C\nproject_manager: P\nphase: planning\nstatus: fine\n' }, '/x/b'));
    assert.equal(typo.phase, undefined);
    assert.equal(typo.status, undefined);
    assert.ok(typo.errors >= 2);
    assert.equal(isPortfolioSort('client'), true);
    assert.equal(isPortfolioSort('title'), false);
  });
});
