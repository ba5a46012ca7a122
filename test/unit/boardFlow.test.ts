// Lists written in YAML flow style (`out_of_scope: [{id: a, ...}]`, `- {id: a, ...}`) on the boards:
// the edit engine does not change them (src/core/board/layout.ts); every change that would touch
// one is refused with a plain reason (English and Dutch) and no edits, the board offers nothing on
// such a list (its cards have no menu and no move into it), and the block lists around it stay
// fully editable with every byte outside the edited item kept.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { applyEdits } from '../../src/core/common/text';
import { setTranslations } from '../../src/core/common/l10n';
import { validateDocument } from '../../src/core/document';
import { boardEdits, menuTarget, readBoard } from '../../src/core/board';
import { cardContext, type BoardOperation } from '../../src/core/webview';

const lines = (...l: string[]) => l.join('\n') + '\n';

const FLOW_LINE = 'out_of_scope: [{id: telephony, title: Telephony, reason: "Another supplier, renewed."}, {id: printers, title: Printers, reason: Leased}]';
const FLOW = lines(
  '# Scope Canvas',
  'in_scope:',
  '  - id: mail # the big one',
  '    title: Mail to Exchange Online',
  '    description: >-',
  '      Move all mailboxes',
  '      and calendars.',
  '',
  '  - id: files',
  "    title: 'Files to SharePoint'",
  '    description: Move the shares.',
  FLOW_LINE,
  'later:',
  '   -   id: copilot',
  '       title: Copilot pilot',
  '       trigger: After the tax season.',
);

const errors = (text: string) => validateDocument('scope', text).diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);

function refused(text: string, op: BoardOperation): string {
  const result = boardEdits('scope', text, op);
  assert.equal(result.ok, false, `${JSON.stringify(op)} was not refused`);
  return result.ok ? '' : result.error;
}

describe('board edits next to lists in flow style', () => {
  afterEach(() => setTranslations(undefined));

  it('refuses every change that touches a flow list, naming the list and what to do, in English and Dutch', () => {
    const ops: BoardOperation[] = [
      { type: 'move', item: { list: 'in_scope', index: 0, id: 'mail' }, to: 'out_of_scope', index: 0, fields: { reason: 'R' } },
      { type: 'move', item: { list: 'out_of_scope', index: 0, id: 'telephony' }, to: 'later', index: 0, fields: { trigger: 'T' } },
      { type: 'move', item: { list: 'out_of_scope', index: 1, id: 'printers' }, to: 'out_of_scope', index: 0 },
      { type: 'edit', item: { list: 'out_of_scope', index: 0, id: 'telephony' }, fields: { title: 'Phones' } },
      { type: 'remove', item: { list: 'out_of_scope', index: 1, id: 'printers' } },
      { type: 'add', list: 'out_of_scope', fields: { id: 'fax', title: 'Fax', reason: 'Gone.' } },
    ];
    for (const op of ops) {
      const message = refused(FLOW, op);
      assert.match(message, /The list "out_of_scope" is written in YAML flow style \(\[ \.\.\. \]\).*Edit it in the text, or put each item on its own lines starting with "- "/, message);
    }
    const item = lines('in_scope:', '  - {id: a, title: A, description: D}', '  - id: b', '    title: B', '    description: E', 'out_of_scope: []');
    assert.match(refused(item, { type: 'edit', item: { list: 'in_scope', index: 1, id: 'b' }, fields: { title: 'Bee' } }), /An item of the list "in_scope" is written in YAML flow style \(\{ \.\.\. \}\).*put each field of the item on its own line/);

    setTranslations(JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'l10n', 'bundle.l10n.nl.json'), 'utf8')) as Record<string, string>);
    assert.match(refused(FLOW, ops[0]), /^De lijst "out_of_scope" staat in YAML-flow-stijl \(\[ \.\.\. \]\); die past het bord niet aan\. .*eigen regels die met "- " beginnen/);
    assert.match(readBoard('scope', item).lists[0].readOnly ?? '', /^Een item van de lijst "in_scope" staat in YAML-flow-stijl/);
  });

  it('edits the block lists of a file with a flow list: every byte outside the item kept, the result valid (LF, CRLF, BOM)', () => {
    for (const variant of [FLOW, FLOW.replace(/\n/g, '\r\n'), '\uFEFF' + FLOW.replace(/\n/g, '\r\n')]) {
      const eol = variant.includes('\r\n') ? '\r\n' : '\n';
      const apply = (op: BoardOperation) => {
        const result = boardEdits('scope', variant, op);
        if (!result.ok) assert.fail(result.error);
        const out = applyEdits(variant, result.edits);
        assert.deepEqual(errors(out), []);
        assert.ok(out.includes(FLOW_LINE + eol), 'the flow list is byte for byte the same');
        assert.equal(out.startsWith('\uFEFF'), variant.startsWith('\uFEFF'), 'the BOM stays');
        if (eol === '\r\n') assert.ok(!/[^\r]\n/.test(out), 'only CRLF');
        return out;
      };
      const moved = apply({ type: 'move', item: { list: 'in_scope', index: 1, id: 'files' }, to: 'later', index: 1, fields: { trigger: 'Next year.' } });
      assert.ok(moved.endsWith(['   -   id: copilot', '       title: Copilot pilot', '       trigger: After the tax season.', '   - id: files', "     title: 'Files to SharePoint'", '     trigger: Next year.', ''].join(eol)), JSON.stringify(moved));
      assert.ok(moved.includes(['  - id: mail # the big one', '    title: Mail to Exchange Online', '    description: >-', '      Move all mailboxes', '      and calendars.', FLOW_LINE].join(eol)));
      // An id used in the flow list is still taken: the engine reads it even where it does not edit.
      assert.match(boardEdits('scope', variant, { type: 'add', list: 'in_scope', fields: { id: 'telephony', title: 'T', description: 'D' } }).ok ? '' : 'refused', /refused/);
      const added = apply({ type: 'add', list: 'in_scope', fields: { id: 'teams', title: 'Teams rooms', description: 'Two rooms.' } });
      assert.ok(added.includes(['    description: Move the shares.', '', '  - id: teams', '    title: Teams rooms', '    description: Two rooms.', FLOW_LINE].join(eol)), JSON.stringify(added));
      const edited = apply({ type: 'edit', item: { list: 'later', index: 0, id: 'copilot' }, fields: { title: 'Copilot, a pilot' } });
      assert.ok(edited.includes('       title: "Copilot, a pilot"' + eol) || edited.includes('       title: Copilot, a pilot' + eol), JSON.stringify(edited));
      const removed = apply({ type: 'remove', item: { list: 'in_scope', index: 0, id: 'mail' } });
      assert.ok(removed.includes('in_scope:' + eol + '  - id: files' + eol), JSON.stringify(removed));
    }
  });

  it('shows a flow list read-only and offers nothing on it: no menu on its cards, no move into it', () => {
    const board = readBoard('scope', FLOW);
    const flow = board.lists.find((l) => l.key === 'out_of_scope')!;
    assert.deepEqual(flow.items.map((i) => i.id), ['telephony', 'printers']);
    assert.match(flow.readOnly ?? '', /flow style/);
    assert.equal(board.lists.find((l) => l.key === 'in_scope')!.readOnly, undefined);
    const locked = board.lists.filter((l) => l.readOnly !== undefined).map((l) => l.key);
    const onFlow = cardContext('scope', 'out_of_scope', flow.items[0], 2, locked);
    assert.equal(onFlow.mspDocsCard, false, 'a card of a flow list has no menu');
    const onBlock = cardContext('scope', 'in_scope', board.lists[0].items[0], 2, locked);
    assert.equal(onBlock.mspDocsCard, true);
    assert.equal(onBlock.mspDocsLocked_out_of_scope, true, 'the menu leaves out "Move to We will not do"');
    assert.equal(onBlock.mspDocsLocked_later, undefined);
    // The host checks a menu command against the text as well: refused, with the reason.
    const into = menuTarget('scope', FLOW, { itemPath: 'in_scope/0/mail' }, { type: 'move', to: 'out_of_scope' });
    assert.equal(into.ok, false);
    assert.match(into.ok ? '' : into.error, /flow style/);
    const on = menuTarget('scope', FLOW, { itemPath: 'out_of_scope/0/telephony' }, { type: 'edit' });
    assert.match(on.ok ? '' : on.error, /flow style/);
    assert.equal(menuTarget('scope', FLOW, { itemPath: 'in_scope/0/mail' }, { type: 'move', to: 'later' }).ok, true);
  });
});

describe('board edits next to a flow list, property: random moves', () => {
  it('never change the flow list: a move touching it is refused with no edits, any other keeps it byte for byte and validates', function () {
    this.timeout(120_000);
    const columns = ['in_scope', 'out_of_scope', 'later'] as const;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(20), fc.constantFrom(...columns), fc.nat(5)), { minLength: 1, maxLength: 6 }), fc.boolean(), (moves, crlf) => {
        let text = crlf ? FLOW.replace(/\n/g, '\r\n') : FLOW;
        for (const [pick, to, index] of moves) {
          const all = readBoard('scope', text).lists.flatMap((l) => l.items.map((i) => ({ list: l.key, index: i.index, id: i.id })));
          const item = all[pick % all.length];
          const fields: Record<string, string> = to === 'out_of_scope' ? { reason: 'R' } : to === 'later' ? { trigger: 'T' } : { description: 'D' };
          const result = boardEdits('scope', text, { type: 'move', item, to, index, fields: to === item.list ? undefined : fields });
          const touchesFlow = item.list === 'out_of_scope' || to === 'out_of_scope';
          if (touchesFlow) {
            assert.equal(result.ok, false, `${item.id} -> ${to} was not refused`);
            continue;
          }
          // Moving the only item of a list within it is refused too (nothing to move); anything else must work.
          if (!result.ok) {
            assert.equal(item.list, to, result.error);
            continue;
          }
          text = applyEdits(text, result.edits);
          assert.deepEqual(errors(text), []);
          assert.ok(text.includes(FLOW_LINE), 'the flow list is byte for byte the same');
          if (crlf) assert.ok(!/[^\r]\n/.test(text), 'only CRLF');
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });
});
