import * as assert from 'node:assert/strict';
import { completionsAt } from '../../src/core/authoring/completions';
import { DOCUMENT_KINDS } from '../../src/core/document/documents';
import { hoverAt } from '../../src/core/authoring/hover';
import { describedPointers, dutchDescriptions } from '../../src/core/document/schemaInfo';
import { schemaPathAt } from '../../src/core/document/schemaPath';
import type { DocumentKind } from '../../src/core/common/types';

/** A text with `|` marking the cursor → the text without it and the offset. */
function cursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'no | in the text');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

function where(marked: string, frontMatter = false) {
  const { text, offset } = cursor(marked);
  const at = schemaPathAt(text, offset, { frontMatter });
  return at && { on: at.on, path: at.path, key: at.key, word: text.slice(at.word.start, at.word.end), siblings: at.siblings, newItem: !!at.newItem, itemStart: !!at.itemStart };
}

function labels(kind: DocumentKind, marked: string, stakeholders?: Array<{ id: string; name?: string }>): string[] {
  const { text, offset } = cursor(marked);
  return completionsAt(kind, text, offset, { language: 'en', stakeholders }).map((e) => e.label);
}

const PEOPLE = 'stakeholders:\n  - id: sponsor\n    name: Marieke\n';

describe('schemaPathAt: where the cursor is in the schema', () => {
  it('after "key: " is the value of that key, also inside list items', () => {
    assert.deepEqual(where(`${PEOPLE}    attitude: |\n`), { on: 'value', path: ['stakeholders', 0, 'attitude'], key: undefined, word: '', siblings: [], newItem: false, itemStart: false });
    assert.deepEqual(where(`${PEOPLE}    attitude: opp|   # who?\n  - id: it\n`)?.word, 'opp');
  });

  it('a partial word on its own line is a key of the enclosing mapping', () => {
    assert.deepEqual(where(`${PEOPLE}    att|\n`), { on: 'key', path: ['stakeholders', 0], key: undefined, word: 'att', siblings: ['id', 'name'], newItem: false, itemStart: false });
  });

  it('on an existing key gives that key and the path of its mapping', () => {
    assert.deepEqual(where(`${PEOPLE}    na|me2: x\n`)?.key, 'name2');
    assert.deepEqual(where('operations:\n  te|am: x\n')?.path, ['operations']);
  });

  it('a blank line: by its indentation, a key of the item, a new list item, or a top-level key', () => {
    assert.deepEqual(where(`${PEOPLE}    |\n`)?.path, ['stakeholders', 0]);
    assert.deepEqual(where(`${PEOPLE}  |\n`), { on: 'value', path: ['stakeholders', 1], key: undefined, word: '', siblings: [], newItem: true, itemStart: false });
    assert.deepEqual(where(`${PEOPLE}|`)?.path, []);
    assert.deepEqual(where(`${PEOPLE}|`)?.siblings, ['stakeholders']);
  });

  it('after "- " is the first key of a new item', () => {
    assert.deepEqual(where(`${PEOPLE}  - |\n`), { on: 'key', path: ['stakeholders', 1], key: undefined, word: '', siblings: [], newItem: false, itemStart: true });
  });

  it('nothing in comments, on document markers, or outside the front matter of intake.md', () => {
    assert.equal(where(`${PEOPLE}    # a com|ment\n`), undefined);
    assert.equal(where('---\nclient: x\n---\n## Go|als\n', true), undefined);
    assert.equal(where('--|-\nclient: x\n---\n', true), undefined);
    assert.deepEqual(where('---\nclient: x\n|\n---\n## Goals\n', true)?.path, []);
  });

  it('counts a BOM and CRLF line ends correctly', () => {
    const { text, offset } = cursor('\uFEFFstakeholders:\r\n  - id: a\r\n    power: hi|\r\n');
    const at = schemaPathAt(text, offset)!;
    assert.deepEqual(at.path, ['stakeholders', 0, 'power']);
    assert.equal(text.slice(at.word.start, at.word.end), 'hi');
  });
});

describe('completion from the schemas', () => {
  it('offers the enum values of attitude after "attitude: "', () => {
    assert.deepEqual(labels('stakeholders', `${PEOPLE}    attitude: |\n`), ['champion', 'supporter', 'neutral', 'critical', 'opponent']);
  });

  it('adds a space when the cursor is right after the colon', () => {
    const { text, offset } = cursor(`${PEOPLE}    power:|\n`);
    assert.deepEqual(completionsAt('stakeholders', text, offset, { language: 'en' }).map((e) => e.insertText), [' low', ' medium', ' high']);
  });

  it('offers the properties not yet present, required first, with descriptions and snippets', () => {
    const { text, offset } = cursor(`${PEOPLE}    |\n`);
    const entries = completionsAt('stakeholders', text, offset, { language: 'en' });
    assert.ok(!entries.some((e) => e.label === 'id' || e.label === 'name'));
    const sorted = [...entries].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((e) => e.label);
    assert.deepEqual(sorted.slice(0, 4), ['role', 'power', 'interest', 'attitude']);
    const attitude = entries.find((e) => e.label === 'attitude')!;
    assert.equal(attitude.insertText, 'attitude: ${1|champion,supporter,neutral,critical,opponent|}');
    assert.match(attitude.documentation ?? '', /Stance towards the project/);
    assert.equal(entries.find((e) => e.label === 'communication')?.insertText, 'communication:\n  $1');
  });

  it('on an existing key replaces only the name', () => {
    const { text, offset } = cursor(`${PEOPLE}    rol|: Partner\n`);
    const role = completionsAt('stakeholders', text, offset, { language: 'en' }).find((e) => e.label === 'role')!;
    assert.equal(role.insertText, 'role');
    assert.equal(text.slice(role.range.start, role.range.end), 'rol');
  });

  it('offers a list-item skeleton with the required keys on a new item line', () => {
    const { text, offset } = cursor(`${PEOPLE}  |\n`);
    const [skeleton] = completionsAt('stakeholders', text, offset, { language: 'en' });
    assert.equal(skeleton.kind, 'item');
    assert.equal(
      skeleton.insertText,
      '- id: ${1:managing-partner}\n  name: ${2}\n  role: ${3}\n  power: ${4|low,medium,high|}\n  interest: ${5|low,medium,high|}\n  attitude: ${6|champion,supporter,neutral,critical,opponent|}',
    );
  });

  it('after "- " the skeleton continues past the dash', () => {
    const { text, offset } = cursor('milestones:\n  - |\n');
    const entries = completionsAt('plan', text, offset, { language: 'en' });
    assert.equal(entries[0].insertText, 'name: ${1}\n  month: ${2:2026-11}');
    assert.ok(entries.some((e) => e.label === 'stage'));
  });

  it('offers stakeholder ids for a stage owner and stage ids for a milestone', () => {
    const plan = 'stages:\n  - id: init\n    name: Initiation\n    owner: |\nmilestones:\n  - name: Go\n    stage: \n';
    assert.deepEqual(labels('plan', plan, [{ id: 'sponsor', name: 'Marieke' }, { id: 'it' }]), ['sponsor', 'it']);
    const milestone = 'stages:\n  - id: init\n  - id: migrate\nmilestones:\n  - name: Go\n    stage: |\n';
    assert.deepEqual(labels('plan', milestone), ['init', 'migrate']);
  });

  it('offers booleans and nothing for free text', () => {
    assert.deepEqual(labels('stakeholders', `${PEOPLE}    decision_maker: |\n`), ['true', 'false']);
    assert.deepEqual(labels('stakeholders', `${PEOPLE}    concerns: |\n`), []);
  });

  it('completes in the front matter of intake.md only', () => {
    assert.deepEqual(labels('intake', '---\nclient: x\n|\n---\n'), ['contact', 'date', 'request']);
    assert.deepEqual(labels('intake', '---\nclient: x\n---\n\n|'), []);
  });
});

describe('hover from the schemas', () => {
  it('shows the description, allowed values and an example of a key', () => {
    const { text, offset } = cursor(`${PEOPLE}    atti|tude: critical\n`);
    const hover = hoverAt('stakeholders', text, offset, 'en')!;
    assert.match(hover.markdown, /^\*\*attitude\*\*\n\nStance towards the project/);
    assert.match(hover.markdown, /Allowed values: `champion`, `supporter`, `neutral`, `critical`, `opponent`/);
    assert.match(hover.markdown, /Example: `supporter`/);
    assert.equal(text.slice(hover.range.start, hover.range.end), 'attitude');
  });

  it('in Dutch when asked, also on a value, and quotes a version example', () => {
    const { text, offset } = cursor(`${PEOPLE}    attitude: crit|ical\n`);
    assert.match(hoverAt('stakeholders', text, offset, 'nl')!.markdown, /Houding tegenover het project/);
    const version = cursor('vers|ion: "0.1"\n');
    assert.match(hoverAt('plan', version.text, version.offset, 'en')!.markdown, /Example: `"0.1"`/);
  });

  it('says nothing on unknown keys', () => {
    const { text, offset } = cursor('x-no|tes: mine\n');
    assert.equal(hoverAt('plan', text, offset, 'en'), undefined);
  });

  it('has a Dutch description for every described schema node, and none for nodes that do not exist', () => {
    for (const kind of DOCUMENT_KINDS) {
      const pointers = describedPointers(kind);
      const dutch = dutchDescriptions(kind);
      assert.deepEqual(pointers.filter((p) => !dutch[p]), [], `${kind}: Dutch description missing`);
      assert.deepEqual(Object.keys(dutch).filter((p) => !pointers.includes(p)), [], `${kind}: Dutch description for nothing`);
      assert.ok(pointers.filter((p) => /\/properties\/[^/]+$/.test(p)).length >= 4, `${kind}: too few properties found`);
    }
  });
});
