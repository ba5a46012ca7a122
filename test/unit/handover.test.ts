import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { handoverChecklist, shadowPeriodState, type ChecklistId } from '../../src/core/delivery/handover';
import { handoverDocument, handoverFileName } from '../../src/core/delivery/handoverDocument';
import MarkdownIt from 'markdown-it';
import { markdownLink } from '../../src/core/delivery/handoverDocument';
import { sample, sampleText } from './deliveryFixtures';

type Handover = Record<string, unknown>;
const handover = (): Handover => parse(sampleText('handover')) as Handover;
const manifest = () => parse(sampleText('project')) as Record<string, unknown>;

/** The checklist as `{ id: [done, detail] }` for a handover.yaml value on a day. */
function checklist(value: Handover | undefined, today = '2027-04-05'): Record<ChecklistId, [boolean, string]> {
  const items = handoverChecklist(sample({ handover: value }), today);
  return Object.fromEntries(items.map((i) => [i.id, [i.done, i.detail]])) as Record<ChecklistId, [boolean, string]>;
}

/** A full handover: every item done. */
function complete(): Handover {
  return {
    ...handover(),
    operations: { ...(handover().operations as object), open_items: [] },
    lessons_learned: [
      { observation: 'Demos convinced the partners', kind: 'went-well', action: 'Demo per milestone' },
      { observation: 'Inventory took two weeks', kind: 'improve' },
    ],
    evaluation: { date: '2027-04-02', went_well: ['No lost working day'] },
  };
}

describe('handover checklist', () => {
  it('ticks every item of a complete handover, in the documented order', () => {
    const items = handoverChecklist(sample({ handover: complete() }), '2027-04-05');
    assert.deepEqual(
      items.map((i) => [i.id, i.label, i.done]),
      [
        ['operations-team', 'Operations team named', true],
        ['documents', 'Documents listed', true],
        ['open-items', 'No open items', true],
        ['shadow-period', 'Shadow period planned', true],
        ['service-desk', 'Service desk reachable', true],
        ['user-instructions', 'User instructions', true],
        ['lessons-learned', 'Lessons learned', true],
        ['evaluation', 'Evaluation held', true],
      ],
    );
    const c = checklist(complete());
    assert.deepEqual(c['operations-team'], [true, 'MSP service desk, team Utrecht · Ruben Smit, team lead serv…']);
    assert.deepEqual(c.documents, [true, '5 documents']);
    assert.deepEqual(c['open-items'], [true, 'none']);
    assert.deepEqual(c['shadow-period'], [true, '2027-04-01 to 2027-04-14, running: day 5 of 14']);
    assert.deepEqual(c['user-instructions'], [true, '4 instructions']);
    assert.deepEqual(c['lessons-learned'], [true, '1 went well, 1 to improve']);
    assert.deepEqual(c.evaluation, [true, 'held on 2027-04-02']);
  });

  it('leaves every item open without handover.yaml', () => {
    const c = checklist(undefined);
    for (const [id, [done, detail]] of Object.entries(c)) {
      assert.equal(done, id === 'open-items', id);
      if (id !== 'open-items') assert.equal(detail, 'not recorded', id);
    }
  });

  it('turns each item off on its own', () => {
    const h = complete();
    const ops = h.operations as Handover;
    const off: Array<[ChecklistId, Handover, string]> = [
      ['operations-team', { ...h, operations: { ...ops, team: 'TBD' } }, 'not recorded'],
      ['documents', { ...h, operations: { ...ops, documents: [] } }, 'not recorded'],
      ['open-items', { ...h, operations: { ...ops, open_items: ['Printer A', 'Printer B'] } }, '2 open, first: Printer A'],
      ['shadow-period', { ...h, shadow_period: { start: '2027-04-14', end: '2027-04-01' } }, 'the dates are not valid days, or the end is before the start'],
      ['service-desk', { ...h, service_desk: { how: 'n/a' } }, 'not recorded'],
      ['user-instructions', { ...h, user_instructions: [] }, 'not recorded'],
      ['lessons-learned', { ...h, lessons_learned: [] }, 'not recorded'],
      ['evaluation', { ...h, evaluation: { date: '2027-05-01' } }, 'planned for 2027-05-01'],
    ];
    for (const [id, value, detail] of off) {
      const c = checklist(value);
      assert.deepEqual(c[id], [false, detail], id);
      for (const other of Object.keys(c) as ChecklistId[]) if (other !== id) assert.equal(c[other][0], true, `${other} when ${id} is off`);
    }
  });

  it('says whether the shadow period is still to come, running or over', () => {
    const period = { start: '2027-04-01', end: '2027-04-14' };
    assert.equal(shadowPeriodState(period, '2027-03-31'), 'planned');
    assert.equal(shadowPeriodState(period, '2027-04-01'), 'running');
    assert.equal(shadowPeriodState(period, '2027-04-14'), 'running');
    assert.equal(shadowPeriodState(period, '2027-04-15'), 'over');
    assert.equal(shadowPeriodState({ start: '2027-02-30', end: '2027-03-12' }, '2027-03-01'), 'invalid');
    assert.equal(shadowPeriodState(undefined, '2027-03-01'), 'unplanned');
    assert.deepEqual(checklist(complete(), '2027-03-22')['shadow-period'], [true, '2027-04-01 to 2027-04-14, starts in 10 days']);
    assert.deepEqual(checklist(complete(), '2027-05-01')['shadow-period'], [true, '2027-04-01 to 2027-04-14, over']);
  });

  it('counts an evaluation without a date as held when it records points', () => {
    assert.deepEqual(checklist({ ...complete(), evaluation: { went_well: ['a'], next_steps: ['b', 'c'] } }).evaluation, [true, '3 points recorded']);
    assert.deepEqual(checklist({ ...complete(), evaluation: {} }).evaluation, [false, 'not recorded']);
  });
});

describe('handover document', () => {
  it('brings handover, scope and contacts together for operations, in English', () => {
    const text = handoverDocument(sample({ handover: complete() }), '2027-04-05');
    assert.match(text, /^# Handover to operations: Move to Microsoft 365\n/);
    assert.match(text, /Drawn up on 5 April 2027\./);
    for (const heading of ['Operations team', 'What was delivered', 'Explicitly not delivered', 'Possible follow-up', 'Acceptance criteria', 'Documents handed over', 'Open items', 'Shadow period', 'Service desk', 'User instructions', 'Contacts']) {
      assert.ok(text.includes(`\n## ${heading}\n`), heading);
    }
    assert.match(text, /- \*\*Mail to Exchange Online\*\*: Move all 60 mailboxes/);
    assert.match(text, /- \*\*Telephony\*\*: Contracted with another supplier/);
    assert.match(text, /## Open items\n\nNone\./);
    assert.match(text, /From 1 April 2027 to 14 April 2027 the project team backs up operations\./);
    assert.match(text, /- \[Signing in with MFA\]\(<https:\/\/dekker\.sharepoint\.com\/sites\/it\/mfa>\) \(for All staff\)/);
    assert.match(text, /- Marieke Dekker, Managing partner, project sponsor \(client, decision maker, steering group\): <m\.dekker@dekker-accountants\.nl>/);
  });

  it('writes link destinations in <…> form, so spaces, parentheses and brackets stay one link (English and Dutch)', () => {
    const link = 'https://intranet.example/Handleiding MFA (v2).pdf';
    const h = { ...handover(), user_instructions: [{ title: 'MFA [new]', link, audience: 'All staff' }] };
    const md = new MarkdownIt();
    for (const language of ['en', 'nl']) {
      const text = handoverDocument(sample({ project: { ...manifest(), language }, handover: h }), '2027-04-05');
      const line = text.split('\n').find((l) => l.includes('MFA \\[new\\]'));
      assert.equal(line?.startsWith(`- [MFA \\[new\\]](<${link}>) (`), true, line);
      assert.match(md.render(text), /<a href="https:\/\/intranet\.example\/Handleiding%20MFA%20\(v2\)\.pdf">MFA \[new\]<\/a>/);
    }
    assert.equal(markdownLink('a', 'x<y>\\z\nw'), '[a](<x\\<y\\>\\\\z w>)');
    assert.match(md.render(markdownLink('a', 'x<y>z')), /href="x%3Cy%3Ez"/);
  });

  it('is Dutch for a Dutch project and says what is not recorded', () => {
    const text = handoverDocument(sample({ project: { ...manifest(), language: 'nl' }, handover: undefined }), '2027-04-05');
    assert.match(text, /^# Overdracht aan beheer: Move to Microsoft 365\n/);
    assert.match(text, /Opgesteld op 5 april 2027\./);
    assert.match(text, /## Beheerteam\n\nNog niet vastgelegd \(handover\.yaml\)\./);
    assert.match(text, /## Uitdrukkelijk niet opgeleverd\n\n- \*\*Replacing the practice-management software\*\*/);
    assert.match(text, /## Contactpersonen\n/);
  });

  it('is named after the project id', () => {
    assert.equal(handoverFileName('dekker-m365'), 'handover-dekker-m365.md');
    assert.equal(handoverFileName(undefined), 'handover-project.md');
    assert.equal(handoverFileName('../x y'), 'handover-x-y.md');
  });
});
