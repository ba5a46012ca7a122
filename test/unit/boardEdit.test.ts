import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits } from '../../src/core/common/text';
import { validateDocument } from '../../src/core/document';
import { boardEdits, readBoard } from '../../src/core/board';
import type { BoardKind, BoardOperation } from '../../src/core/webview';

const lines = (...l: string[]) => l.join('\n') + '\n';

function run(kind: BoardKind, text: string, op: BoardOperation): string {
  const result = boardEdits(kind, text, op);
  if (!result.ok) assert.fail(result.error);
  return applyEdits(text, result.edits);
}

function errors(kind: BoardKind, text: string): string[] {
  return validateDocument(kind, text)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.code}: ${d.message}`);
}

const SCOPE = lines(
  '# Scope Canvas',
  'in_scope:',
  '  - id: mail # the big one',
  '    title: Mail to Exchange Online',
  '    priority: must',
  '    description: >-',
  '      Move all mailboxes',
  '      and calendars.',
  '',
  '  # files come second',
  '  - id: files',
  "    title: 'Files to SharePoint'",
  '    description: Move the shares.',
  '',
  '  - id: mfa',
  '    title: "MFA for everyone"',
  '    description: Authenticator app.',
  '    x-note: keep',
  'out_of_scope:',
  '  - id: telephony',
  '    title: Telephony',
  '    reason: Another supplier.',
  '',
  '# what may come later',
  'later:',
  '  - id: copilot',
  '    title: Copilot pilot',
  '    trigger: After the tax season.',
);

describe('board edits of scope.yaml', () => {
  it('moves a card from will do to will not do: its lines move, the reason is added, the description goes', () => {
    const out = run('scope', SCOPE, { type: 'move', item: { list: 'in_scope', index: 1, id: 'files' }, to: 'out_of_scope', index: 1, fields: { reason: 'Next year.' } });
    assert.equal(
      out,
      lines(
        '# Scope Canvas',
        'in_scope:',
        '  - id: mail # the big one',
        '    title: Mail to Exchange Online',
        '    priority: must',
        '    description: >-',
        '      Move all mailboxes',
        '      and calendars.',
        '',
        '  - id: mfa',
        '    title: "MFA for everyone"',
        '    description: Authenticator app.',
        '    x-note: keep',
        'out_of_scope:',
        '  - id: telephony',
        '    title: Telephony',
        '    reason: Another supplier.',
        '  # files come second',
        '  - id: files',
        "    title: 'Files to SharePoint'",
        '    reason: Next year.',
        '',
        '# what may come later',
        'later:',
        '  - id: copilot',
        '    title: Copilot pilot',
        '    trigger: After the tax season.',
      ),
    );
    assert.deepEqual(errors('scope', out), []);
  });

  it('keeps CRLF line endings and the BOM, and edits only the item', () => {
    const crlf = '\uFEFF' + SCOPE.replace(/\n/g, '\r\n');
    const op: BoardOperation = { type: 'move', item: { list: 'in_scope', index: 0, id: 'mail' }, to: 'later', index: 0, fields: { trigger: 'When the\nlicences are renewed' } };
    const out = run('scope', crlf, op);
    assert.ok(out.startsWith('\uFEFF# Scope Canvas\r\nin_scope:\r\n  # files come second\r\n  - id: files'));
    assert.equal(out.replace(/\r\n/g, ''), out.replace(/\r\n/g, '').replace(/\n/g, ''), 'no bare LF written');
    assert.ok(out.includes('later:\r\n  - id: mail # the big one\r\n    title: Mail to Exchange Online\r\n    trigger: |-\r\n      When the\r\n      licences are renewed\r\n  - id: copilot'));
    assert.deepEqual(errors('scope', out), []);
    const lf = run('scope', SCOPE, op);
    assert.equal(out, '\uFEFF' + lf.replace(/\n/g, '\r\n'));
  });

  it('asks for what the target column needs', () => {
    const result = boardEdits('scope', SCOPE, { type: 'move', item: { list: 'in_scope', index: 0, id: 'mail' }, to: 'out_of_scope', index: 0 });
    assert.equal(result.ok, false);
    assert.deepEqual(!result.ok && result.missing, ['reason']);
    const back = boardEdits('scope', SCOPE, { type: 'move', item: { list: 'later', index: 0, id: 'copilot' }, to: 'in_scope', index: 0 });
    assert.deepEqual(!back.ok && back.missing, ['description']);
  });

  it('reorders within a column, moving the gap with the item', () => {
    const out = run('scope', SCOPE, { type: 'move', item: { list: 'in_scope', index: 2, id: 'mfa' }, to: 'in_scope', index: 0 });
    const data = validateDocument('scope', out).data as { in_scope: Array<{ id: string }> };
    assert.deepEqual(data.in_scope.map((i) => i.id), ['mfa', 'mail', 'files']);
    assert.ok(out.includes('in_scope:\n  - id: mfa\n    title: "MFA for everyone"\n    description: Authenticator app.\n    x-note: keep\n\n  - id: mail # the big one'));
    assert.ok(out.includes('  # files come second\n  - id: files\n    title: \'Files to SharePoint\'\n    description: Move the shares.\nout_of_scope:'));
    const down = run('scope', SCOPE, { type: 'move', item: { list: 'in_scope', index: 0, id: 'mail' }, to: 'in_scope', index: 2 });
    assert.deepEqual((validateDocument('scope', down).data as { in_scope: Array<{ id: string }> }).in_scope.map((i) => i.id), ['files', 'mfa', 'mail']);
    assert.deepEqual(errors('scope', down), []);
  });

  it('re-indents an item moved into a list with other indentation', () => {
    const text = lines('in_scope:', '-   id: a', '    title: A', '    description: |', '      first', '        indented', 'out_of_scope:', '    - id: b', '      title: B', '      reason: R');
    const out = run('scope', text, { type: 'move', item: { list: 'in_scope', index: 0, id: 'a' }, to: 'out_of_scope', index: 1, fields: { reason: 'Why' } });
    assert.equal(out, lines('in_scope: []', 'out_of_scope:', '    - id: b', '      title: B', '      reason: R', '    -   id: a', '        title: A', '        reason: Why'));
    assert.deepEqual(errors('scope', out), []);
  });

  it('creates a missing column and fills an empty flow list', () => {
    const text = lines('in_scope:', '  - id: a', '    title: A', '    description: D', 'out_of_scope: [] # none yet');
    const later = run('scope', text, { type: 'move', item: { list: 'in_scope', index: 0, id: 'a' }, to: 'later', index: 0, fields: { trigger: 'Q3' } });
    assert.equal(later, lines('in_scope: []', 'out_of_scope: [] # none yet', 'later:', '  - id: a', '    title: A', '    trigger: Q3'));
    const out = run('scope', text, { type: 'move', item: { list: 'in_scope', index: 0, id: 'a' }, to: 'out_of_scope', index: 0, fields: { reason: 'No: budget' } });
    assert.equal(out, lines('in_scope: []', 'out_of_scope:', '  - id: a', '    title: A', '    reason: "No: budget" # none yet'));
    assert.deepEqual(errors('scope', out), []);
  });

  it('refuses flow style, a forged item and an unknown list, changing nothing', () => {
    const flow = lines('in_scope:', '  - {id: a, title: A, description: D}', 'out_of_scope: []');
    const r1 = boardEdits('scope', flow, { type: 'move', item: { list: 'in_scope', index: 0, id: 'a' }, to: 'out_of_scope', index: 0, fields: { reason: 'x' } });
    assert.equal(r1.ok, false);
    const r2 = boardEdits('scope', SCOPE, { type: 'remove', item: { list: 'in_scope', index: 1, id: 'mfa' } });
    assert.equal(r2.ok, false);
    const r3 = boardEdits('scope', SCOPE, { type: 'remove', item: { list: 'acceptance_criteria', index: 0, id: 'mail' } });
    assert.equal(r3.ok, false);
    const r4 = boardEdits('scope', SCOPE, { type: 'edit', item: { list: 'in_scope', index: 0, id: 'mail' }, fields: { priority: 'urgent' } });
    assert.equal(r4.ok, false);
    const r5 = boardEdits('scope', SCOPE, { type: 'edit', item: { list: 'in_scope', index: 0, id: 'mail' }, fields: { reason: 'x' } });
    assert.equal(r5.ok, false);
  });

  it('refuses when the lists it would touch have a syntax error, not when another part has one', () => {
    const broken = SCOPE.replace('    reason: Another supplier.', '    reason: [Another supplier.');
    assert.equal(boardEdits('scope', broken, { type: 'move', item: { list: 'in_scope', index: 0, id: 'mail' }, to: 'out_of_scope', index: 0, fields: { reason: 'x' } }).ok, false);
    const dup = SCOPE.replace("    title: 'Files to SharePoint'", "    title: 'Files to SharePoint'\n    title: again");
    assert.equal(boardEdits('scope', dup, { type: 'edit', item: { list: 'later', index: 0, id: 'copilot' }, fields: { title: 'Copilot' } }).ok, true);
    assert.equal(boardEdits('scope', dup, { type: 'edit', item: { list: 'in_scope', index: 0, id: 'mail' }, fields: { title: 'M' } }).ok, false);
  });

  it('edits fields in place: a value, a removed priority, an added priority, a block scalar', () => {
    const out = run('scope', SCOPE, { type: 'edit', item: { list: 'in_scope', index: 0, id: 'mail' }, fields: { title: 'Mail: Exchange Online', priority: null, description: 'One line now' } });
    assert.ok(out.startsWith(lines('# Scope Canvas', 'in_scope:', '  - id: mail # the big one', '    title: "Mail: Exchange Online"', '    description: One line now', '', '  # files come second')));
    const added = run('scope', SCOPE, { type: 'edit', item: { list: 'in_scope', index: 2, id: 'mfa' }, fields: { priority: 'could' } });
    assert.ok(added.includes('    x-note: keep\n    priority: could\nout_of_scope:'));
    assert.deepEqual(errors('scope', out), []);
  });

  it('adds and removes cards', () => {
    const out = run('scope', SCOPE, { type: 'add', list: 'out_of_scope', fields: { id: 'printers', title: 'Printers', reason: 'Leased.' } });
    assert.ok(out.includes('    reason: Another supplier.\n  - id: printers\n    title: Printers\n    reason: Leased.\n\n# what may come later'));
    assert.equal(boardEdits('scope', SCOPE, { type: 'add', list: 'later', fields: { id: 'mail', title: 'x', trigger: 'y' } }).ok, false, 'an id in use is refused');
    const removed = run('scope', SCOPE, { type: 'remove', item: { list: 'in_scope', index: 1, id: 'files' } });
    assert.equal(removed, SCOPE.replace("  # files come second\n  - id: files\n    title: 'Files to SharePoint'\n    description: Move the shares.\n\n", ''));
    const last = run('scope', SCOPE, { type: 'remove', item: { list: 'later', index: 0, id: 'copilot' } });
    assert.ok(last.endsWith('# what may come later\nlater: []\n'));
    assert.deepEqual(errors('scope', last), []);
  });
});

const PEOPLE = lines(
  'stakeholders:',
  '  - id: partner # boss',
  '    name: Marieke Dekker',
  '    role: Managing partner',
  '    power: high',
  '    interest: medium',
  '    attitude: supporter',
  '    decision_maker: true',
  '    communication:',
  '      channel: meeting',
  '      frequency: monthly',
  '',
  '  - id: office',
  '    name: Sandra',
  '    role: Office manager',
  '    power: "low"',
  '    interest: high',
  '    attitude: champion',
);

describe('board edits of stakeholders.yaml', () => {
  it('changes power and interest in place, leaving every other byte alone', () => {
    const out = run('stakeholders', PEOPLE, { type: 'edit', item: { list: 'stakeholders', index: 1, id: 'office' }, fields: { power: 'high', interest: 'low' } });
    assert.equal(out, PEOPLE.replace('    power: "low"\n    interest: high', '    power: high\n    interest: low'));
    const first = run('stakeholders', PEOPLE, { type: 'edit', item: { list: 'stakeholders', index: 0, id: 'partner' }, fields: { interest: 'high', decision_maker: false, steering_group: true } });
    assert.equal(first, PEOPLE.replace('    interest: medium', '    interest: high').replace('decision_maker: true', 'decision_maker: false').replace('      frequency: monthly', '      frequency: monthly\n    steering_group: true'));
    assert.deepEqual(errors('stakeholders', first), []);
  });

  it('refuses a value outside the schema and a nested field', () => {
    assert.equal(boardEdits('stakeholders', PEOPLE, { type: 'edit', item: { list: 'stakeholders', index: 0, id: 'partner' }, fields: { power: 'huge' } }).ok, false);
    assert.equal(boardEdits('stakeholders', PEOPLE, { type: 'edit', item: { list: 'stakeholders', index: 0, id: 'partner' }, fields: { communication: 'x' } }).ok, false);
  });

  it('reads the board of a document with errors as far as it goes', () => {
    const model = readBoard('stakeholders', PEOPLE.replace('    attitude: champion', '    attitude: fan'));
    assert.equal(model.lists[0].items.length, 2);
    assert.equal(model.lists[0].items[1].fields.power, 'low');
    assert.deepEqual([model.lists[0].items[1].startLine, model.lists[0].items[1].endLine], [12, 17]);
    assert.ok(model.problems.length > 0);
    const flow = readBoard('scope', lines('in_scope: [{id: a, title: A, description: D}]', 'out_of_scope: []'));
    assert.equal(flow.lists[0].items[0].id, 'a');
    assert.ok(flow.lists[0].readOnly);
  });
});

/** The text of each item block by id, as the board reads it. */
function blocksById(text: string): Map<string, string> {
  const model = readBoard('scope', text);
  const all = text.split('\n');
  const map = new Map<string, string>();
  for (const list of model.lists) for (const item of list.items) map.set(item.id, all.slice(item.startLine, item.endLine + 1).join('\n').trim());
  return map;
}

describe('board edits, property: random moves', () => {
  it('keep every other item byte for byte and the result valid', function () {
    this.timeout(120_000);
    const columns = ['in_scope', 'out_of_scope', 'later'] as const;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(20), fc.constantFrom(...columns), fc.nat(5)), { minLength: 1, maxLength: 6 }), fc.boolean(), (moves, crlf) => {
        let text = crlf ? SCOPE.replace(/\n/g, '\r\n') : SCOPE;
        for (const [pick, to, index] of moves) {
          const model = readBoard('scope', text);
          const all = model.lists.flatMap((l) => l.items.map((i) => ({ list: l.key, index: i.index, id: i.id })));
          const item = all[pick % all.length];
          const fields: Record<string, string> = to === 'out_of_scope' ? { reason: 'R' } : to === 'later' ? { trigger: 'T' } : { description: 'D' };
          const before = blocksById(text.replace(/\r\n/g, '\n'));
          const result = boardEdits('scope', text, { type: 'move', item, to, index, fields: to === item.list ? undefined : fields });
          if (!result.ok) return false;
          text = applyEdits(text, result.edits);
          assert.deepEqual(errors('scope', text), []);
          const after = blocksById(text.replace(/\r\n/g, '\n'));
          for (const [id, block] of before) if (id !== item.id) assert.equal(after.get(id), block, `item ${id} changed`);
          assert.equal(after.size, before.size);
          if (crlf) assert.ok(!/[^\r]\n/.test(text), 'only CRLF');
        }
        return true;
      }),
      { numRuns: 80 },
    );
  });
});
