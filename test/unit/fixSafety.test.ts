/**
 * Quick fixes never damage text: a fix on a block scalar keeps the line break and the next key; a
 * fix whose diagnostic is gone from the current text does nothing (so a second application equals
 * one); and, over random mutations of every YAML document kind, every offered fix leaves no new
 * YAML error, keeps every key that was there, changes nothing outside the range it claims
 * (`claimedRange`) and is idempotent (`src/core/authoring/fixes.ts`).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isMap, isSeq, parseDocument, type Node } from 'yaml';
import { FIXABLE_CODES, quickFixes, type QuickFix } from '../../src/core/authoring/fixes';
import { applyEdits, LineIndex } from '../../src/core/common/text';
import type { Diagnostic, DocumentKind } from '../../src/core/common/types';
import { BASE, diagnostics, edit, type Texts } from './ruleHelpers';
import { at } from './helpers';

/** The diagnostics of `code` in `kind` for the project BASE with `texts`. */
function found(kind: DocumentKind, texts: Texts, code: string): Diagnostic[] {
  return diagnostics(texts)
    .filter((x) => x.kind === kind && x.d.code === code)
    .map((x) => x.d);
}

/** Every key path of a YAML text (`a.b.0.c`), to see that no key is lost or merged into a value. */
function keyPaths(text: string): Set<string> {
  const paths = new Set<string>();
  const walk = (node: unknown, prefix: string): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = `${prefix}${String((pair.key as { value?: unknown } | null)?.value ?? pair.key)}`;
        paths.add(key);
        walk(pair.value, `${key}.`);
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item, `${prefix}${i}.`));
  };
  walk(parseDocument(text.replace(/^\uFEFF/, '')).contents as Node | null, '');
  return paths;
}

const yamlErrors = (kind: DocumentKind, texts: Texts): number => diagnostics(texts).filter((x) => x.kind === kind && x.d.code.startsWith('yaml.')).length;

/** Where the line holding offset `at` ends (before its line break), in `text`. */
function lineEndAt(text: string, at: number): number {
  const m = /\r|\n/.exec(text.slice(at));
  return m ? at + m.index : text.length;
}

/**
 * The range of the text a fix of diagnostic `d` may change (offsets `[start, end]`), and how:
 * - a fix of a value or key (`schema.enum`, `schema.type`, `schema.additionalProperties`,
 *   `plan.day-instead-of-month`, `plan.number-looks-like-thousands`, `plan.unknown-owner`,
 *   `plan.unknown-stage`): the diagnostic's own range, which is that value or key, up to its last
 *   visible character: the line break a block scalar (`|`) carries in its range stays outside;
 * - `schema.required` (add the missing property): the mapping that `data.path` names, from its first
 *   character to the end of its last line; the fix only inserts (removes nothing) and, in a block
 *   mapping, inserts whole lines at a line end (its text starts with a line break), so no line of the
 *   text changes (the diagnostic marks the mapping, e.g. on its key, and may lie outside this range);
 * - `scope.no-out-of-scope` (add an item): the line of the `out_of_scope` key the diagnostic is on,
 *   from the key to the line's end (not its line break); it removes nothing but the empty value
 *   (`[]`, `null`, `~`) and the blanks before it, and inserts new lines at that line's end.
 */
function claimedRange(text: string, d: Diagnostic): { start: number; end: number; insertsOnly?: boolean; wholeLines?: boolean; removable?: RegExp } {
  const lines = new LineIndex(text);
  const start = lines.lineStart(d.range.start.line) + d.range.start.character;
  const end = lines.lineStart(d.range.end.line) + d.range.end.character;
  if (d.code === 'scope.no-out-of-scope') return { start, end: lineEndAt(text, start), removable: /^[ \t]*(\[\s*\]|null|~)?$/ };
  if (d.code !== 'schema.required') {
    let visible = end;
    while (visible > start && /\s/.test(text[visible - 1])) visible--;
    return { start, end: visible };
  }
  const map = parseDocument(text).getIn(d.data?.path as unknown[], true) as Node | undefined;
  assert.ok(isMap(map) && map.range, `schema.required names no mapping at ${JSON.stringify(d.data?.path)}`);
  let last = map.range[1];
  while (last > map.range[0] && /\s/.test(text[last - 1])) last--;
  return { start: map.range[0], end: map.flow ? map.range[1] : lineEndAt(text, last - 1), insertsOnly: true, wholeLines: !map.flow };
}

/**
 * Asserts that `fix` of `d` changes nothing outside `claimedRange`: every edit lies inside it and
 * removes only what the rule allows, and the text before its start and after its end is the same,
 * byte for byte, in `after`.
 */
function assertInsideClaim(text: string, d: Diagnostic, fix: QuickFix, after: string): void {
  const claim = claimedRange(text, d);
  const where = `${d.code} "${fix.title}" at ${claim.start}-${claim.end}, edits ${JSON.stringify(fix.edits)}:\n${text}\n---\n${after}`;
  for (const e of fix.edits) {
    assert.ok(claim.start <= e.start && e.start <= e.end && e.end <= claim.end, `an edit outside the claimed range: ${where}`);
    const removed = text.slice(e.start, e.end);
    if (claim.insertsOnly) assert.equal(removed, '', `a fix that adds a property removed text: ${where}`);
    if (claim.removable) assert.match(removed, claim.removable, `removed more than the empty value: ${where}`);
    if (claim.wholeLines) assert.ok(/^(\r\n|\n|\r)/.test(e.newText) && lineEndAt(text, e.start) === e.start, `inserted inside a line: ${where}`);
    assert.doesNotMatch(removed, /(\r|\n)[ \t]*$/, `removed a line break: ${where}`);
  }
  assert.ok(after.length >= claim.start + text.length - claim.end, `shorter than the unclaimed text: ${where}`);
  assert.equal(after.slice(0, claim.start), text.slice(0, claim.start), `changed text before the claimed range: ${where}`);
  assert.equal(after.slice(after.length - (text.length - claim.end)), text.slice(claim.end), `changed text after the claimed range: ${where}`);
}

describe('quick fixes never damage text', () => {
  it('a fix on a block scalar keeps its line break and the next key', () => {
    const project = edit(BASE.project, 5, 'phase: approach', 'phase: >-', '  approch', 'status: on-track');
    const [diagnostic] = found('project', { project }, 'schema.enum');
    assert.ok(diagnostic, 'no schema.enum on the block scalar');
    const fix = quickFixes('project', project, diagnostic).find((f) => f.isPreferred);
    assert.equal(fix?.title, 'Change to "approach"');
    const after = applyEdits(project, fix.edits);
    assert.equal(after, edit(BASE.project, 5, 'phase: approach', 'phase: approach', 'status: on-track'));
  });

  it('a fix applied again before re-validation does nothing: "12" stays "12"', () => {
    const plan = edit(BASE.plan, 3, 'goal: Work safely.', 'goal: 12');
    const [diagnostic] = found('plan', { plan }, 'schema.type');
    assert.equal(at(diagnostic), '3:7-3:9');
    const once = applyEdits(plan, quickFixes('plan', plan, diagnostic)[0].edits);
    assert.match(once, /^goal: "12"$/m);
    assert.deepEqual(quickFixes('plan', once, diagnostic), [], 'the stale diagnostic still offers a fix');
  });

  it('a reference fix applied again does nothing: tech-lead does not become tech-leadd', () => {
    const stakeholders = edit(BASE.stakeholders, 17, '  - id: pm', '  - id: tech-lead');
    const plan = edit(BASE.plan, 12, '    owner: pm', '    owner: tech-lea');
    const [diagnostic] = found('plan', { stakeholders, plan }, 'plan.unknown-owner');
    assert.equal(at(diagnostic), '12:12-12:20');
    const fix = quickFixes('plan', plan, diagnostic).find((f) => f.isPreferred);
    assert.equal(fix?.title, 'Change to "tech-lead"');
    const once = applyEdits(plan, fix.edits);
    assert.match(once, /^ {4}owner: tech-lead$/m);
    assert.deepEqual(quickFixes('plan', once, diagnostic), []);
  });

  it('the out-of-scope stub is added once, however often it is applied', () => {
    const scope = 'in_scope:\n  - id: mail\n    title: Mail\n    description: All.\nout_of_scope: []\n';
    const project = edit(BASE.project, 5, 'phase: approach', 'phase: scope');
    const [diagnostic] = found('scope', { project, scope }, 'scope.no-out-of-scope');
    const once = applyEdits(scope, quickFixes('scope', scope, diagnostic)[0].edits);
    assert.deepEqual(quickFixes('scope', once, diagnostic), []);
  });

  describe('properties over random mutations (fast-check)', () => {
    const KINDS: DocumentKind[] = ['project', 'scope', 'stakeholders', 'plan', 'handover'];
    /** Values that make fixable diagnostics: wrong types, near-miss enums, days for months, unknown ids, block scalars. */
    const VALUES = ['12', '1.5', 'true', 'approch', 'supporterr', 'mediun', '2026-09-15', '"2026-10-01"', 'pmm', 'initt', '>-\n    approch', '|\n    12', "'it'", '""', '[]', '{}', 'null'];

    /**
     * Other starting points besides BASE, each with findings whose fixes the mutations of BASE
     * rarely reach: a day for a month, budget figures with points as thousands separators, a
     * mistyped stage (quoted) and owner, an empty `out_of_scope: []` with a comment after it, a
     * block mapping missing a required key, and a flow mapping missing one.
     */
    const VARIANTS: Partial<Record<DocumentKind, string[]>> = {
      plan: [
        edit(BASE.plan, 15, '    start: 2026-10', '    start: 2026-10-01'),
        edit(BASE.plan, 3, 'goal: Work safely.', 'goal: Work safely.', 'budget:', '  hours: 1.200', '  amount: 48.300 # euro'),
        edit(edit(BASE.plan, 24, '    stage: init', "    stage: 'initt'"), 12, '    owner: pm', '    owner: pmm'),
      ],
      scope: [edit(BASE.scope, 5, 'out_of_scope:', 'out_of_scope: []  # none yet').split('\n').filter((_, i) => i < 5 || i > 7).join('\n')],
      handover: [edit(BASE.handover, 5, '  end: 2027-04-14'), edit(edit(BASE.handover, 5, '  end: 2027-04-14'), 4, '  start: 2027-04-01').replace('shadow_period:', 'shadow_period: { start: 2027-04-01 }')],
    };

    /** A mutation: one line's value replaced, a line removed, or a key misspelt, of BASE or one of its VARIANTS. */
    const mutation = fc.record({
      kind: fc.constantFrom(...KINDS),
      variant: fc.nat(3),
      line: fc.nat(40),
      how: fc.constantFrom('value', 'drop', 'key'),
      value: fc.constantFrom(...VALUES),
    });
    const start = (kind: DocumentKind, variant: number): string => {
      const choices = [BASE[kind], ...(VARIANTS[kind] ?? [])];
      return choices[variant % choices.length];
    };

    function mutate(text: string, m: { line: number; how: string; value: string }): string {
      const lines = text.split('\n');
      const i = m.line % Math.max(1, lines.length - 1);
      const match = /^(\s*(?:- )?)([\w-]+):(.*)$/.exec(lines[i]);
      if (!match) return text;
      if (m.how === 'drop') lines.splice(i, 1);
      else if (m.how === 'key') lines[i] = `${match[1]}${match[2]}x:${match[3]}`;
      else lines[i] = `${match[1]}${match[2]}: ${m.value.replace(/\n {4}/, `\n${' '.repeat(match[1].length + 2)}`)}`;
      return lines.join('\n');
    }

    it('every offered fix leaves no new YAML error, loses no key, changes nothing outside its range, and applied twice equals once', function () {
      this.timeout(120000);
      let fixesTried = 0;
      const codesTried = new Set<string>();
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
          const texts: Texts = {};
          for (const m of mutations) texts[m.kind] = mutate((texts[m.kind] ?? start(m.kind, m.variant)) as string, m);
          for (const { kind, d } of diagnostics(texts)) {
            const text = (texts[kind] ?? BASE[kind]) as string;
            const errors = yamlErrors(kind, texts);
            const keys = keyPaths(text);
            for (const fix of quickFixes(kind, text, d)) {
              fixesTried++;
              codesTried.add(d.code);
              const after = applyEdits(text, fix.edits);
              assertInsideClaim(text, d, fix, after);
              assert.ok(yamlErrors(kind, { ...texts, [kind]: after }) <= errors, `${d.code} "${fix.title}" made a YAML error:\n${text}\n---\n${after}`);
              const renamed = d.code === 'schema.additionalProperties' ? String(d.data?.property) : undefined;
              for (const key of keys) {
                if (!key.split('.').includes(renamed ?? '\u0000')) assert.ok(keyPaths(after).has(key), `${d.code} "${fix.title}" lost ${key}:\n${text}\n---\n${after}`);
              }
              // Applied again with the same (now stale) diagnostic: nothing more changes.
              const again = quickFixes(kind, after, d).find((f) => f.title === fix.title);
              if (again) assert.equal(applyEdits(after, again.edits), after, `${d.code} "${fix.title}" applied twice differs from once:\n${after}`);
            }
          }
        }),
        { numRuns: 150, seed: 11 },
      );
      assert.ok(fixesTried > 50, `only ${fixesTried} fixes were tried`);
      assert.deepEqual([...codesTried].sort(), [...FIXABLE_CODES].sort(), 'not every fixable code was tried');
    });
  });
});
