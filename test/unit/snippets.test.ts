import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_SNIPPETS, prefixOf } from '../../src/core/authoring/snippetCompletions';
import { expandSnippet, intakeHeadings, type SnippetDefinition } from '../../src/core/authoring/snippets';
import type { DocumentKind } from '../../src/core/common/types';
import { validateDocument } from '../../src/core/document/validate';
import { BASE } from './ruleHelpers';

const ROOT = path.join(__dirname, '..', '..');
const NOW = new Date(2026, 8, 7);

function snippetsOf(file: string): Array<[string, SnippetDefinition]> {
  return Object.entries(JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, SnippetDefinition>);
}

/** Indents every line but empty ones. */
const indent = (text: string, n: number): string => text.replace(/^(?=.)/gm, ' '.repeat(n));

/** Where each YAML snippet goes in a valid document: the document and the line after which it is inserted (indented by 2), or `root`. */
const PLACES: Record<string, { kind: DocumentKind; after?: string; root?: boolean }> = {
  'msp-scope-in': { kind: 'scope', after: 'in_scope:' },
  'msp-scope-wel': { kind: 'scope', after: 'in_scope:' },
  'msp-scope-out': { kind: 'scope', after: 'out_of_scope:' },
  'msp-scope-niet': { kind: 'scope', after: 'out_of_scope:' },
  'msp-scope-later': { kind: 'scope', after: 'later:' },
  'msp-scope-misschien-later': { kind: 'scope', after: 'later:' },
  'msp-stakeholder': { kind: 'stakeholders', after: 'stakeholders:' },
  'msp-stakeholder-nl': { kind: 'stakeholders', after: 'stakeholders:' },
  'msp-stage': { kind: 'plan', after: 'stages:' },
  'msp-fase': { kind: 'plan', after: 'stages:' },
  'msp-milestone': { kind: 'plan', after: 'milestones:' },
  'msp-mijlpaal': { kind: 'plan', after: 'milestones:' },
  'msp-revision': { kind: 'plan', after: 'history:' },
  'msp-herziening': { kind: 'plan', after: 'history:' },
  'msp-lesson': { kind: 'handover', after: 'lessons_learned:' },
  'msp-les': { kind: 'handover', after: 'lessons_learned:' },
  'msp-evaluation': { kind: 'handover', root: true },
  'msp-evaluatie': { kind: 'handover', root: true },
};

describe('snippets', () => {
  it('come from the completion provider, not from package.json; English and Dutch, with unique msp- prefixes and a description', () => {
    assert.equal((JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { snippets?: unknown } }).contributes.snippets, undefined);
    assert.deepEqual(ALL_SNIPPETS.map((s) => s.file).sort(), ['snippets/intake.en.json', 'snippets/intake.nl.json', 'snippets/yaml.en.json', 'snippets/yaml.nl.json']);
    for (const { file, snippets } of ALL_SNIPPETS) assert.deepEqual(snippets, JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')), file);
    const prefixes = ALL_SNIPPETS.flatMap((c) => snippetsOf(c.file).map(([, s]) => prefixOf(s)));
    assert.equal(prefixes.length, 30);
    assert.equal(new Set(prefixes).size, prefixes.length, 'duplicate prefixes');
    for (const c of ALL_SNIPPETS) {
      for (const [name, s] of snippetsOf(c.file)) {
        assert.match(prefixOf(s), /^msp-[a-z-]+$/, name);
        assert.ok(s.description, `${name} has no description`);
      }
    }
  });

  it('expands placeholders, choices, variables and escapes as VS Code does with the defaults', () => {
    assert.equal(expandSnippet(['a: ${1:x}', 'b: ${2|p,q|}', 'c: $3${4}', 'd: ${5:$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE}', 'e: \\$1 \\}$0'], NOW), 'a: x\nb: p\nc: \nd: 2026-09-07\ne: $1 }');
    assert.equal(expandSnippet('${1:outer ${2:inner} end}', NOW), 'outer inner end');
  });

  for (const [language, file] of [['en', 'snippets/intake.en.json'], ['nl', 'snippets/intake.nl.json']] as const) {
    it(`intake question sets (${language}): six themes in order, each a level-2 heading and at least five questions`, () => {
      const sets = snippetsOf(file);
      const expected = language === 'en' ? ['Goals', 'Current situation', 'Earlier attempts', 'Constraints and risks', 'Success criteria', 'People'] : ['Doelen', 'Huidige situatie', 'Eerdere pogingen', "Randvoorwaarden en risico's", 'Succescriteria', 'Mensen'];
      assert.deepEqual(intakeHeadings(language), expected);
      assert.equal(sets.length, 6);
      sets.forEach(([name, snippet], i) => {
        const text = expandSnippet(snippet.body, NOW);
        assert.deepEqual([...text.matchAll(/^#{1,6} (.*)$/gm)].map((m) => m[1]), [expected[i]], name);
        const questions = text.match(/^\*\*[QV]: .+\?\*\*\nA:/gm) ?? [];
        assert.ok(questions.length >= 5, `${name}: ${questions.length} questions`);
        // Placed under the front matter of a valid intake.md, the document stays valid.
        const intake = BASE.intake.replace('## Goals\n\nNo data leaks.\n', text + '\n');
        assert.deepEqual(validateDocument('intake', intake).diagnostics, [], name);
      });
    });
  }

  for (const file of ['snippets/yaml.en.json', 'snippets/yaml.nl.json']) {
    it(`every YAML snippet of ${file}, expanded in a valid document, has no schema or YAML errors`, () => {
      for (const [name, snippet] of snippetsOf(file)) {
        const prefix = prefixOf(snippet);
        const place = PLACES[prefix];
        assert.ok(place, `${prefix}: no place in this test; add one`);
        const text = expandSnippet(snippet.body, NOW).replace(/\n$/, '');
        const base = place.root ? BASE[place.kind].replace(/^evaluation:\n(  .*\n)*/m, '') : BASE[place.kind];
        const document = place.root ? `${base}${text}\n` : base.replace(new RegExp(`^${place.after}\n`, 'm'), `${place.after}\n${indent(text, 2)}\n`);
        assert.notEqual(document, base, `${prefix}: not inserted`);
        const problems = validateDocument(place.kind, document).diagnostics.filter((d) => /^(schema|yaml)\./.test(d.code));
        assert.deepEqual(problems.map((d) => `${d.code} ${d.message}`), [], `${name} (${prefix}):\n${document}`);
      }
    });
  }
});
