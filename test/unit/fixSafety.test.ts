/**
 * Quick fixes never damage text: a fix on a block scalar keeps the line break and the next key; a
 * fix whose diagnostic is gone from the current text does nothing (so a second application equals
 * one); and, over random mutations of every YAML document kind, every offered fix leaves no new
 * YAML error, keeps every key that was there and is idempotent (`src/core/authoring/fixes.ts`).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isMap, isSeq, parseDocument, type Node } from 'yaml';
import { quickFixes } from '../../src/core/authoring/fixes';
import { applyEdits } from '../../src/core/common/text';
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

    /** A mutation: one line's value replaced, a line removed, or a key misspelt. */
    const mutation = fc.record({ kind: fc.constantFrom(...KINDS), line: fc.nat(40), how: fc.constantFrom('value', 'drop', 'key'), value: fc.constantFrom(...VALUES) });

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

    it('every offered fix leaves no new YAML error, loses no key, and applied twice equals once', function () {
      this.timeout(120000);
      let fixesTried = 0;
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
          const texts: Texts = {};
          for (const m of mutations) texts[m.kind] = mutate((texts[m.kind] ?? BASE[m.kind]) as string, m);
          for (const { kind, d } of diagnostics(texts)) {
            const text = (texts[kind] ?? BASE[kind]) as string;
            const errors = yamlErrors(kind, texts);
            const keys = keyPaths(text);
            for (const fix of quickFixes(kind, text, d)) {
              fixesTried++;
              const after = applyEdits(text, fix.edits);
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
    });
  });
});
