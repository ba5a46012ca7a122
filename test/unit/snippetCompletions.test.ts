import * as assert from 'node:assert/strict';
import { completionsAt } from '../../src/core/authoring/completions';
import { ALL_SNIPPETS, prefixOf, SNIPPET_PLACES, snippetsAt } from '../../src/core/authoring/snippetCompletions';
import { expandSnippet } from '../../src/core/authoring/snippets';
import type { DocumentKind } from '../../src/core/common/types';
import { BASE, diagnostics } from './ruleHelpers';

const NOW = new Date(2026, 8, 7);
/** The stakeholders of BASE, as the extension passes them from the register. */
const OPTIONS = { language: 'en' as const, stakeholders: [{ id: 'sponsor' }, { id: 'it' }, { id: 'pm' }] };

/** The snippet labels offered where `|` stands in `text`. */
function offered(kind: DocumentKind, text: string): string[] {
  const offset = text.indexOf('|');
  assert.ok(offset >= 0, 'no | in the text');
  return snippetsAt(kind, text.replace('|', ''), offset, OPTIONS).map((e) => e.label);
}

/** `text` with `line` inserted after the line `after` (or at the end). */
function withLine(text: string, line: string, after?: string): string {
  if (after === undefined) return `${text}${line}\n`;
  assert.ok(text.includes(`\n${after}\n`) || text.startsWith(`${after}\n`), `${after} not in the text`);
  return text.replace(new RegExp(`^${after.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n`, 'm'), `${after}\n${line}\n`);
}

/** Where each snippet's prefix is typed in BASE: the document text with `|` at the cursor. */
function placeOf(prefix: string): { kind: DocumentKind; text: string } {
  const place = SNIPPET_PLACES[prefix];
  if (!place) return { kind: 'intake', text: `${BASE.intake}\n${prefix}|\n` };
  if (place.key) return { kind: place.kind, text: withLine(BASE[place.kind].replace(/^evaluation:\n( {2}.*\n)*/m, ''), `${prefix}|`) };
  return { kind: place.kind, text: withLine(BASE[place.kind], `  ${prefix}|`, `${place.list}:`) };
}

/** Accepts the completion as VS Code does: the range replaced by the snippet with its defaults, continuation lines indented like the line. */
function accept(text: string, offset: number, prefix: string, kind: DocumentKind): string {
  const entry = snippetsAt(kind, text, offset, OPTIONS).find((e) => e.label === prefix);
  assert.ok(entry, `${prefix} not offered`);
  const lineStart = text.lastIndexOf('\n', entry.range.start - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const inserted = expandSnippet(entry.insertText, NOW).replace(/\n/g, `\n${indent}`).replace(/\n[ \t]*$/, '');
  return text.slice(0, entry.range.start) + inserted + text.slice(entry.range.end);
}

describe('snippets as completions', () => {
  it('every snippet, offered where its prefix is typed and accepted with its defaults, leaves its project without errors', () => {
    let count = 0;
    for (const { snippets } of ALL_SNIPPETS) {
      for (const snippet of Object.values(snippets)) {
        const prefix = prefixOf(snippet);
        const { kind, text } = placeOf(prefix);
        const offset = text.indexOf('|');
        const document = accept(text.replace('|', ''), offset, prefix, kind);
        assert.ok(!document.includes(prefix), `${prefix}: the prefix stayed`);
        const errors = diagnostics({ [kind]: document }).filter(({ d }) => d.severity === 'error' || /^(schema|yaml)\./.test(d.code));
        assert.deepEqual(errors.map(({ d }) => `${d.code} ${d.message}`), [], `${prefix}:\n${document}`);
        count++;
      }
    }
    assert.equal(count, 30);
  });

  it('a stage snippet offers the stakeholders as owners and a milestone snippet the plan\'s stages, defaulting to the first', () => {
    const stage = placeOf('msp-stage');
    const entry = snippetsAt('plan', stage.text.replace('|', ''), stage.text.indexOf('|'), OPTIONS).find((e) => e.label === 'msp-stage')!;
    assert.match(entry.insertText, /^ {2}owner: \$\{8\|sponsor,it,pm\|\}$/m);
    const milestone = placeOf('msp-mijlpaal');
    const inserted = accept(milestone.text.replace('|', ''), milestone.text.indexOf('|'), 'msp-mijlpaal', 'plan');
    assert.match(inserted, /^milestones:\n {2}- name: Wat er bereikt is\n {4}month: 2026-09\n {4}stage: init\n/m);
    // Without stakeholders the placeholder stays as written.
    assert.match(snippetsAt('plan', stage.text.replace('|', ''), stage.text.indexOf('|'), { language: 'en' }).find((e) => e.label === 'msp-stage')!.insertText, /owner: \$\{8:stakeholder-id\}/);
  });

  it('YAML snippets only in their own document, where an item of their list or their root key can start', () => {
    assert.deepEqual(offered('plan', withLine(BASE.plan, '  msp-st|', 'stages:')), ['msp-stage', 'msp-fase']);
    assert.deepEqual(offered('plan', withLine(BASE.plan, '  |', 'milestones:')), ['msp-milestone', 'msp-mijlpaal']);
    assert.deepEqual(offered('plan', withLine(BASE.plan, '  msp|', 'history:')), ['msp-revision', 'msp-herziening']);
    assert.deepEqual(offered('scope', withLine(BASE.scope, '  msp-|', 'later:')), ['msp-scope-later', 'msp-scope-misschien-later']);
    assert.deepEqual(offered('stakeholders', withLine(BASE.stakeholders, '  m|', 'stakeholders:')), ['msp-stakeholder', 'msp-stakeholder-nl']);
    // Not in another document, not in a value, not as a key inside an item, not after a dash, not at the root of a list document.
    assert.deepEqual(offered('scope', withLine(BASE.scope, '  msp-st|', 'in_scope:')), ['msp-scope-in', 'msp-scope-wel']);
    assert.deepEqual(offered('stakeholders', BASE.stakeholders.replace('attitude: supporter', 'attitude: |')), []);
    assert.deepEqual(offered('stakeholders', BASE.stakeholders.replace('attitude: supporter', 'attitude: msp|')), []);
    assert.deepEqual(offered('plan', withLine(BASE.plan, '    o|', '    owner: pm')), []);
    assert.deepEqual(offered('plan', withLine(BASE.plan, '  - msp|', 'stages:')), []);
    assert.deepEqual(offered('plan', `${BASE.plan}msp|`), []);
    assert.deepEqual(offered('plan', withLine(BASE.plan, '  msp-stage| x', 'stages:')), []);
    // The evaluation only where the root key can start and is not there yet.
    assert.deepEqual(offered('handover', `${BASE.handover}msp|\n`), []);
    assert.deepEqual(offered('handover', withLine(BASE.handover.replace(/^evaluation:\n( {2}.*\n)*/m, ''), 'msp-ev|')), ['msp-evaluation', 'msp-evaluatie']);
    assert.deepEqual(offered('project', `${BASE.project}msp|\n`), []);
  });

  it('intake questions in the body of intake.md at the start of a line, not in the front matter', () => {
    const labels = offered('intake', `${BASE.intake}\nmsp-intake-d|`);
    assert.equal(labels.length, 12);
    assert.ok(labels.includes('msp-intake-doelen') && labels.includes('msp-intake-goals'));
    assert.deepEqual(offered('intake', BASE.intake.replace('client: Acme', 'client: Acme\nmsp|')), []);
    assert.deepEqual(offered('intake', `${BASE.intake}\n  msp|`), []);
    assert.deepEqual(offered('intake', `${BASE.intake}\nSome text msp|`), []);
  });

  it('a snippet sorts before the schema completions at the same place, so a prefix typed in full is the first suggestion', () => {
    const text = withLine(BASE.plan, '  msp-stage', 'stages:');
    const offset = text.indexOf('msp-stage') + 'msp-stage'.length;
    const snippets = snippetsAt('plan', text, offset, OPTIONS);
    const others = completionsAt('plan', text, offset, OPTIONS);
    assert.ok(others.length > 0, 'the schema offers its own item here');
    const worstSnippet = snippets.map((e) => e.sortText).sort().pop()!;
    for (const other of others) assert.ok(worstSnippet < other.sortText, `${other.label} (${other.sortText}) sorts before a snippet (${worstSnippet})`);
    assert.deepEqual(snippets[0].range, { start: text.indexOf('msp-stage'), end: offset });
  });
});
