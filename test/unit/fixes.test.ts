import * as assert from 'node:assert/strict';
import { quickFixes, type FixOptions, type QuickFix } from '../../src/core/authoring/fixes';
import { applyEdits, eolOf } from '../../src/core/common/text';
import type { Diagnostic, DocumentKind } from '../../src/core/common/types';
import { BASE, diagnostics, edit, type Texts } from './ruleHelpers';

/** The one diagnostic of `code` in `kind` when the project is BASE with `texts`, and its fixes for that text. */
function fixesFor(kind: DocumentKind, texts: Texts, code: string, options?: FixOptions): { fixes: QuickFix[]; diagnostic: Diagnostic; text: string } {
  const text = (texts[kind] ?? BASE[kind]) as string;
  const found = diagnostics(texts).filter((x) => x.kind === kind && x.d.code === code);
  assert.equal(found.length, 1, `expected one ${code} in ${kind}, got ${JSON.stringify(diagnostics(texts).map((x) => [x.kind, x.d.code]))}`);
  const diagnostic = found[0].d;
  return { fixes: quickFixes(kind, text, diagnostic, options), diagnostic, text };
}

/** Applies the first (preferred) fix; checks that its diagnostic is gone afterwards; returns the new text. */
function applyFirst(kind: DocumentKind, texts: Texts, code: string, options?: FixOptions): string {
  const { fixes, text } = fixesFor(kind, texts, code, options);
  assert.ok(fixes.length > 0, `no fix for ${code}`);
  assert.equal(fixes[0].isPreferred, true);
  const after = applyEdits(text, fixes[0].edits);
  const left = diagnostics({ ...texts, [kind]: after }).filter((x) => x.kind === kind && x.d.code === code);
  assert.deepEqual(left.map((x) => x.d.message), [], `${code} still there after the fix:\n${after}`);
  return after;
}

const { scope: SCOPE, stakeholders: PEOPLE, plan: PLAN, handover: HANDOVER, project: PROJECT } = BASE;
const inScopePhase = edit(PROJECT, 5, 'phase: approach', 'phase: scope');
const crlf = (s: string) => s.replace(/\n/g, '\r\n');

describe('quick fixes', () => {
  describe('schema.required: add the missing property with a placeholder from the schema', () => {
    it('at the top level, after the last entry, with an empty string for prose', () => {
      const before = PLAN.replace('goal: Work safely.\n', '');
      const after = applyFirst('plan', { plan: before }, 'schema.required');
      assert.equal(after, before.replace(/\n$/, '\ngoal: ""\n'));
    });

    it('inside a list item, indented like its keys, with the first allowed value of an enum', () => {
      const before = edit(PEOPLE, 16, '    attitude: opponent');
      const after = applyFirst('stakeholders', { stakeholders: before }, 'schema.required');
      assert.equal(after, edit(PEOPLE, 16, '    attitude: opponent').replace('    interest: high\n  - id: pm', '    interest: high\n    attitude: supporter\n  - id: pm'));
    });

    it('a missing mapping with its own required keys, nested', () => {
      const before = HANDOVER.replace('service_desk:\n  how: Call 030 700 12 34.\n', '');
      const after = applyFirst('handover', { handover: before }, 'schema.required');
      assert.equal(after, `${before}service_desk:\n  how: ""\n`);
    });

    it('a missing list of objects gets one item with its required keys', () => {
      const before = 'in_scope:\n  - id: mail\n    title: Mail\n    description: All mailboxes.\n';
      const { fixes } = fixesFor('scope', { project: inScopePhase, scope: before }, 'schema.required');
      assert.equal(applyEdits(before, fixes[0].edits), `${before}out_of_scope:\n  - id: teams-sharepoint\n    title: ""\n    reason: ""\n`);
    });

    it('inside a flow mapping, before the closing brace; an end next to a start starts equal to it', () => {
      const before = HANDOVER.replace('shadow_period:\n  start: 2027-04-01\n  end: 2027-04-14\n', 'shadow_period: { start: 2027-04-01 }  # two weeks\n');
      const after = applyFirst('handover', { handover: before }, 'schema.required');
      assert.match(after, /^shadow_period: \{ start: 2027-04-01, end: 2027-04-01 \}  # two weeks$/m);
    });

    it('in the front matter of intake.md, with CRLF line ends', () => {
      const before = crlf(BASE.intake.replace('request: We want to work safely from home.\n', ''));
      const after = applyFirst('intake', { intake: before }, 'schema.required');
      assert.equal(after, before.replace('date: 2026-06-18\r\n', 'date: 2026-06-18\r\nrequest: ""\r\n'));
    });

    it('after a last value that is a block scalar and a trailing comment', () => {
      const before = 'in_scope:\n  - id: mail\n    description: >-\n      All mailboxes,\n      and calendars.\n\n    # title to come\nout_of_scope: []\n';
      const { fixes } = fixesFor('scope', { project: inScopePhase, scope: before }, 'schema.required');
      assert.equal(applyEdits(before, fixes[0].edits), before.replace('and calendars.\n', 'and calendars.\n    title: ""\n'));
    });
  });

  describe('schema.enum: one fix per allowed value, closest first', () => {
    it('replaces only the value, keeps the comment, prefers the closest value', () => {
      const before = edit(PEOPLE, 16, '    attitude: opponent', '    attitude: oponent # careful');
      const { fixes, text } = fixesFor('stakeholders', { stakeholders: before }, 'schema.enum');
      assert.deepEqual(fixes.map((f) => f.title), ['Change to "opponent"', 'Change to "supporter"', 'Change to "neutral"', 'Change to "champion"', 'Change to "critical"']);
      assert.deepEqual(fixes.map((f) => !!f.isPreferred), [true, false, false, false, false]);
      assert.equal(applyEdits(text, fixes[0].edits), PEOPLE.replace('    attitude: opponent', '    attitude: opponent # careful'));
      applyFirst('stakeholders', { stakeholders: before }, 'schema.enum');
    });

    it('keeps the quotes of a quoted value', () => {
      const before = PLAN.replace('method: hybrid', "method: 'hybird'");
      assert.equal(applyFirst('plan', { plan: before }, 'schema.enum'), PLAN.replace('method: hybrid', "method: 'hybrid'"));
    });
  });

  it('schema.additionalProperties: renames an unknown key to the suggested one, keeping its value', () => {
    const before = PLAN.replace('    owner: it\n', '    ownr: it  # the tech lead\n');
    assert.equal(applyFirst('plan', { plan: before }, 'schema.additionalProperties'), PLAN.replace('    owner: it\n', '    owner: it  # the tech lead\n'));
  });

  it('schema.additionalProperties: no rename when the suggested key is already there', () => {
    const before = PLAN.replace('    owner: it\n', '    owner: it\n    ownr: pm\n');
    assert.deepEqual(fixesFor('plan', { plan: before }, 'schema.additionalProperties').fixes, []);
  });

  it('schema.type: quotes a number that must be text', () => {
    const before = PLAN.replace('version: "0.2"', 'version: 0.10').replace('  - version: "0.2"', '  - version: "0.10"');
    assert.equal(applyFirst('plan', { plan: before }, 'schema.type'), before.replace('version: 0.10', 'version: "0.10"'));
  });

  it('plan.day-instead-of-month: writes the month of the day', () => {
    const before = PLAN.replace('    start: 2026-10\n', '    start: "2026-10-15"\n');
    const { fixes } = fixesFor('plan', { plan: before }, 'plan.day-instead-of-month');
    assert.equal(fixes[0].title, 'Write the month 2026-10');
    assert.equal(applyFirst('plan', { plan: before }, 'plan.day-instead-of-month'), PLAN.replace('    start: 2026-10\n', '    start: "2026-10"\n'));
  });

  it('plan.unknown-owner: the suggestion first and preferred, then the other known ids', () => {
    const before = PLAN.replace('    owner: it\n', '    owner: itt\n');
    const { fixes } = fixesFor('plan', { plan: before }, 'plan.unknown-owner');
    assert.deepEqual(fixes.map((f) => [f.title, !!f.isPreferred]), [['Change to "it"', true], ['Change to "sponsor"', false], ['Change to "pm"', false]]);
    assert.equal(applyFirst('plan', { plan: before }, 'plan.unknown-owner'), PLAN);
  });

  it('plan.unknown-stage: replaces the stage reference by the suggestion', () => {
    const before = PLAN.replace('    stage: init\n', '    stage: inti\n');
    assert.equal(applyFirst('plan', { plan: before }, 'plan.unknown-stage'), PLAN);
  });

  describe('scope.no-out-of-scope: adds a stub to fill in', () => {
    const empty = SCOPE.replace(/out_of_scope:\n(.*\n){3}/, 'out_of_scope: []  # nothing yet\n');

    it('turns [] into a block list with one item, keeping the comment', () => {
      const after = applyFirst('scope', { project: inScopePhase, scope: empty }, 'scope.no-out-of-scope');
      assert.equal(
        after,
        SCOPE.replace(/out_of_scope:\n(.*\n){3}/, 'out_of_scope:  # nothing yet\n  - id: out-of-scope-1\n    title: What we will not do\n    reason: Why it is out, as agreed with the client\n'),
      );
      assert.deepEqual(diagnostics({ project: inScopePhase, scope: after }), []);
    });

    it('in the project\'s language, with an id not used yet', () => {
      const taken = empty.replace('  - id: copilot', '  - id: out-of-scope-1');
      const after = applyFirst('scope', { project: inScopePhase, scope: taken }, 'scope.no-out-of-scope', { language: 'nl' });
      assert.match(after, /  - id: out-of-scope-2\n    title: Wat we niet doen\n    reason: Waarom het erbuiten valt, zoals afgesproken met de klant\n/);
    });
  });

  describe('line ends and byte order mark', () => {
    it('inserts CRLF lines into a CRLF file and leaves every other line end alone', () => {
      const before = crlf(PLAN.replace('goal: Work safely.\n', ''));
      const after = applyFirst('plan', { plan: before }, 'schema.required');
      assert.equal(after, crlf(PLAN.replace('goal: Work safely.\n', '') + 'goal: ""\n'));
      assert.doesNotMatch(after.replace(/\r\n/g, ''), /[\r\n]/);
    });

    it('a CRLF enum fix replaces the value only', () => {
      const before = crlf(edit(PEOPLE, 16, '    attitude: opponent', '    attitude: oponent'));
      assert.equal(applyFirst('stakeholders', { stakeholders: before }, 'schema.enum'), crlf(PEOPLE));
    });

    it('keeps the BOM: edits are shifted past it', () => {
      const bom = '\uFEFF';
      const plain = edit(PEOPLE, 16, '    attitude: opponent', '    attitude: oponent');
      const { diagnostic } = fixesFor('stakeholders', { stakeholders: plain }, 'schema.enum');
      const withBom = quickFixes('stakeholders', bom + plain, diagnostic);
      assert.equal(applyEdits(bom + plain, withBom[0].edits), bom + PEOPLE);
      const missing = bom + crlf(HANDOVER.replace('service_desk:\n  how: Call 030 700 12 34.\n', ''));
      const required = fixesFor('handover', { handover: missing.slice(1) }, 'schema.required').diagnostic;
      assert.equal(applyEdits(missing, quickFixes('handover', missing, required)[0].edits), missing + 'service_desk:\r\n  how: ""\r\n');
    });

    it('uses the given line end for a file with a single line', () => {
      assert.equal(eolOf('a: 1'), '\n');
      const before = 'method: hybrid';
      const d = diagnostics({ plan: before }).find((x) => x.kind === 'plan' && x.d.code === 'schema.required')!.d;
      assert.match(applyEdits(before, quickFixes('plan', before, d, { eol: '\r\n' })[0].edits), /^method: hybrid\r\n/);
    });
  });

  it('gives no fix when the text no longer matches the diagnostic', () => {
    const before = PLAN.replace('    start: 2026-10\n', '    start: 2026-10-15\n');
    const { diagnostic } = fixesFor('plan', { plan: before }, 'plan.day-instead-of-month');
    assert.deepEqual(quickFixes('plan', PLAN, diagnostic), []);
    assert.deepEqual(quickFixes('plan', PLAN, { ...diagnostic, code: 'schema.pattern' }), []);
  });
});
