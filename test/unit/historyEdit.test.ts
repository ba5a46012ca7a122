import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { applyEdits } from '../../src/core/common/text';
import { PlanEditError, planVersion, snapshotEdits, type Revision } from '../../src/core/delivery/historyEdit';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { setTranslations } from '../../src/core/common/l10n';
import { sampleText } from './deliveryFixtures';

const REVISION: Revision = { version: '0.4', date: '2026-11-29', changes: 'Pilot moved to October.' };

/** The text after the snapshot edit. */
function snapshot(text: string, revision: Revision = REVISION): string {
  return applyEdits(text, snapshotEdits(text, revision));
}

const lines = (...l: string[]) => l.join('\n');

describe('snapshot edit of plan.yaml', () => {
  it('sets the version and appends to a block history, leaving every other character alone', () => {
    const before = lines(
      '# Approach',
      'method: hybrid # how we work',
      'version: "0.3"',
      'history:',
      '  - version: "0.3"',
      '    date: 2026-08-20',
      '    changes: >-',
      '      Added the security',
      '      check.',
      '',
      '# the end',
      '',
    );
    assert.equal(
      snapshot(before),
      lines(
        '# Approach',
        'method: hybrid # how we work',
        'version: "0.4"',
        'history:',
        '  - version: "0.3"',
        '    date: 2026-08-20',
        '    changes: >-',
        '      Added the security',
        '      check.',
        '  - version: "0.4"',
        '    date: 2026-11-29',
        '    changes: Pilot moved to October.',
        '',
        '# the end',
        '',
      ),
    );
  });

  it('creates history when it is absent, in the indentation the file uses for lists', () => {
    const before = lines('method: agile', "version: '0.9'", 'stages:', '- id: a', '  name: A', 'risks: []', '');
    assert.equal(
      snapshot(before, { ...REVISION, version: '0.10' }),
      lines('method: agile', "version: '0.10'", 'stages:', '- id: a', '  name: A', 'risks: []', 'history:', '- version: "0.10"', '  date: 2026-11-29', '  changes: Pilot moved to October.', ''),
    );
  });

  it('keeps CRLF line ends and the byte order mark, and returns offsets into the text as given', () => {
    const before = '\uFEFFmethod: hybrid\r\nversion: "0.3"\r\ngoal: Safe\r\n';
    const edits = snapshotEdits(before, REVISION);
    assert.equal(edits[0].start, before.indexOf('"0.3"'));
    const after = applyEdits(before, edits);
    assert.equal(after, '\uFEFFmethod: hybrid\r\nversion: "0.4"\r\ngoal: Safe\r\nhistory:\r\n  - version: "0.4"\r\n    date: 2026-11-29\r\n    changes: Pilot moved to October.\r\n');
    assert.ok(!/[^\r]\n/.test(after), 'a bare LF slipped in');
  });

  it('edits the sample: one version change and one entry after the last', () => {
    const before = sampleText('plan');
    const edits = snapshotEdits(before, REVISION);
    assert.equal(edits.length, 2);
    const after = applyEdits(before, edits);
    const value = parse(after) as { version: string; history: Revision[] };
    assert.equal(value.version, '0.4');
    assert.deepEqual(value.history.at(-1), REVISION);
    assert.equal(value.history.length, 4);
    assert.ok(after.startsWith(before.slice(0, before.indexOf('version:'))), 'the comment and method moved');
    assert.ok(after.endsWith('    changes: Pilot moved to October.\n'), after.slice(-200));
  });

  it('fills an empty version and an empty or [] history', () => {
    assert.equal(snapshot(lines('version:', 'history:', 'goal: g', '')), lines('version: "0.4"', 'history:', '  - version: "0.4"', '    date: 2026-11-29', '    changes: Pilot moved to October.', 'goal: g', ''));
    assert.equal(snapshot(lines('version: 0.3', 'history: []', '')), lines('version: "0.4"', 'history:', '  - version: "0.4"', '    date: 2026-11-29', '    changes: Pilot moved to October.', ''));
  });

  it('adds a missing version after method, and appends to a flow history', () => {
    assert.equal(
      snapshot(lines('method: prince2', 'goal: g', 'history: [{ version: "0.1", date: 2026-01-05, changes: First }]', '')),
      lines('method: prince2', 'version: "0.4"', 'goal: g', 'history: [{ version: "0.1", date: 2026-01-05, changes: First }, { version: "0.4", date: 2026-11-29, changes: Pilot moved to October. }]', ''),
    );
  });

  it('writes an empty plan from scratch', () => {
    assert.equal(snapshot(''), lines('version: "0.4"', 'history:', '  - version: "0.4"', '    date: 2026-11-29', '    changes: Pilot moved to October.', ''));
    assert.equal(snapshot('# new plan'), lines('# new plan', 'version: "0.4"', 'history:', '  - version: "0.4"', '    date: 2026-11-29', '    changes: Pilot moved to October.', ''));
  });

  it('quotes change notes that YAML would misread, and reads every one back exactly', () => {
    const notes = ['Scope: mail only', 'Budget #2', '- a list?', 'true', '0.5', '"quoted"', "it's", 'two\nlines', ' padded ', '', 'Ünïcode ✓ 🚀', '@mention', 'a: b # c'];
    for (const changes of notes) {
      const after = snapshot(lines('version: "0.3"', 'history:', '  - version: "0.3"', '    date: 2026-08-20', '    changes: x', ''), { ...REVISION, changes });
      const value = parse(after) as { history: Revision[] };
      assert.equal(value.history[1].changes, changes, after);
      assert.equal(after.split('\n').length, 9, `the note took more than one line: ${after}`);
    }
  });

  it('refuses a plan with YAML errors or a history that is not a list', () => {
    assert.throws(() => snapshotEdits('version: "0.3"\nversion: "0.4"\n', REVISION), PlanEditError);
    assert.throws(() => snapshotEdits('goal: [unclosed\n', REVISION), PlanEditError);
    assert.throws(() => snapshotEdits('history: none\n', REVISION), /history in plan.yaml is not a list/);
    assert.throws(() => snapshotEdits('- a list\n', REVISION), /block mapping/);
    assert.throws(() => snapshotEdits('{ version: "0.3" }\n', REVISION), /block mapping/);
  });

  it('keeps a comment after `history: []` on the history line, not on the new entry', () => {
    assert.equal(
      snapshot(lines('version: "0.3"', 'history: []  # none yet', 'goal: g', '')),
      lines('version: "0.4"', 'history:  # none yet', '  - version: "0.4"', '    date: 2026-11-29', '    changes: Pilot moved to October.', 'goal: g', ''),
    );
  });

  it('puts the new entry at the top of a history written newest first (by version, 0.10 after 0.9)', () => {
    const newestFirst = lines('version: "0.10"', 'history:', '  - version: "0.10"', '    date: 2026-10-01', '    changes: b', '  - version: "0.9"', '    date: 2026-09-01', '    changes: a', '');
    const revision = { ...REVISION, version: '0.11' };
    assert.equal(
      snapshot(newestFirst, revision),
      lines('version: "0.11"', 'history:', '  - version: "0.11"', '    date: 2026-11-29', '    changes: Pilot moved to October.', '  - version: "0.10"', '    date: 2026-10-01', '    changes: b', '  - version: "0.9"', '    date: 2026-09-01', '    changes: a', ''),
    );
    // Oldest first (0.9 then 0.10 is ascending, although "0.10" < "0.9" as text): at the end, as before.
    const oldestFirst = lines('version: "0.10"', 'history:', '  - version: "0.9"', '    date: 2026-09-01', '    changes: a', '  - version: "0.10"', '    date: 2026-10-01', '    changes: b', '');
    assert.match(snapshot(oldestFirst, revision), /changes: b\n  - version: "0\.11"\n/);
    assert.equal(
      snapshot(lines('history: [{ version: "0.2", date: 2026-02-01, changes: B }, { version: "0.1", date: 2026-01-05, changes: A }]', ''), REVISION),
      lines('version: "0.4"', 'history: [{ version: "0.4", date: 2026-11-29, changes: Pilot moved to October. }, { version: "0.2", date: 2026-02-01, changes: B }, { version: "0.1", date: 2026-01-05, changes: A }]', ''),
    );
  });

  it('refuses a history with an undefined alias in plain words, in English and Dutch', () => {
    const text = lines('version: "0.3"', 'history:', '  - version: "0.3"', '    date: 2026-08-20', '    changes: *note', '');
    assert.throws(() => snapshotEdits(text, REVISION), (e: Error) => e instanceof PlanEditError && e.message === 'plan.yaml uses *note, but no value is marked &note before it; correct it first, then take the snapshot again.');
    setTranslations(JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'l10n', 'bundle.l10n.nl.json'), 'utf8')) as Record<string, string>);
    try {
      assert.throws(() => snapshotEdits(text, REVISION), (e: Error) => e instanceof PlanEditError && e.message === 'plan.yaml gebruikt *note, maar geen waarde ervoor is gemarkeerd met &note; herstel dat eerst en leg de versie daarna opnieuw vast.');
    } finally {
      setTranslations(undefined);
    }
  });

  it('reads the version as written', () => {
    assert.equal(planVersion(sampleText('plan')), '0.3');
    assert.equal(planVersion('version: 0.10\n'), '0.10');
    assert.equal(planVersion('\uFEFFversion: "1.2"\n'), '1.2');
    assert.equal(planVersion('version:\n'), undefined);
    assert.equal(planVersion('goal: x\n'), undefined);
  });
});
