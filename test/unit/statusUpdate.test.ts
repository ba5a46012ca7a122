import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { decisionsNeeded, nextMilestone, runningStages, statusUpdate } from '../../src/core/delivery/statusUpdate';
import { sample, sampleText } from './deliveryFixtures';

const plan = () => parse(sampleText('plan')) as Record<string, unknown>;
const manifest = () => parse(sampleText('project')) as Record<string, unknown>;

/** The text under a `## heading`, up to the next heading. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`## ${heading}\n`);
  assert.ok(start >= 0, `no section "${heading}" in:\n${markdown}`);
  const rest = markdown.slice(start + heading.length + 4);
  // A section ends at the next heading or at the sign-off.
  const end = rest.search(/\n## |\n(Kind regards|Met vriendelijke groet),\n/);
  return (end < 0 ? rest : rest.slice(0, end)).trim();
}

describe('status update', () => {
  it('tells the steering group where the project stands, in English', () => {
    const text = statusUpdate(sample(), 'steering-group', '2026-11-29');
    assert.match(text, /^# Status update: Move to Microsoft 365\n\nDekker & Partners Accountants · November 2026 · for the steering group\n/);
    assert.equal(section(text, 'Where we are'), '- Phase: Approach\n- Status: on track');
    assert.equal(
      section(text, 'This month'),
      [
        '- **Mail and file migration**: month 2 of 3 (Oct 2026 – Dec 2026)',
        '- **Intune and MFA rollout**: month 2 of 3 (Oct 2026 – Dec 2026)',
        '- **Adoption and ways of working**: month 1 of 4 (Nov 2026 – Feb 2027)',
      ].join('\n'),
    );
    assert.equal(section(text, 'Next milestone'), '**All mail and files migrated**: December 2026 (Mail and file migration)');
    const decisions = section(text, 'Decisions needed');
    assert.match(decisions, /Open item: Switching off the old server/);
    assert.match(decisions, /Move on to the next phase, Stakeholders: the documents of Approach are complete\./);
    assert.equal(section(text, 'Top risks').split('\n').length, 3, 'three risks at most');
    assert.equal(section(text, 'Changed since the last proposal version'), 'v0.3 (20 August 2026): Added the security check and the tested backup; budget updated.');
    assert.ok(text.endsWith('Kind regards,\n\nLotte van Rijn (MSP)\n'));
  });

  it('writes Dutch for a Dutch project, whatever the UI language', () => {
    const text = statusUpdate(sample({ project: { ...manifest(), language: 'nl' } }), 'steering-group', '2026-12-03');
    assert.match(text, /^# Statusupdate: Move to Microsoft 365\n\nDekker & Partners Accountants · december 2026 · voor de stuurgroep\n/);
    assert.equal(section(text, 'Waar we staan'), '- Fase: Aanpak\n- Status: op koers');
    assert.match(section(text, 'Deze maand'), /\*\*Mail and file migration\*\*: maand 3 van 3 \(okt 2026 – dec 2026\)/);
    assert.equal(section(text, 'Volgende mijlpaal'), '**All mail and files migrated**: deze maand (Mail and file migration)');
    assert.match(section(text, 'Gevraagde besluiten'), /Go\/no-go voor de fase "Security check", die in januari 2027 begint\./);
    assert.match(section(text, 'Gewijzigd sinds de vorige versie van het voorstel'), /^v0\.3 \(20 augustus 2026\): /);
    assert.ok(text.endsWith('Met vriendelijke groet,\n\nLotte van Rijn (MSP)\n'));
  });

  it('leaves the decisions out for all stakeholders and tells users how to reach the service desk', () => {
    const all = statusUpdate(sample(), 'stakeholders', '2026-11-29');
    assert.match(all, /for all stakeholders/);
    assert.ok(!all.includes('## Decisions needed'));
    assert.ok(all.includes('## Top risks'));
    const users = statusUpdate(sample(), 'users', '2026-11-29', 'nl');
    assert.match(users, /^# Wat er verandert: Move to Microsoft 365/);
    assert.ok(!users.includes('## Belangrijkste risico'));
    assert.ok(!users.includes('## Gevraagde besluiten'));
    assert.match(section(users, 'Deze maand'), /\n {2}- Mailboxes in Exchange Online\n/);
    assert.equal(section(users, 'Vragen?'), 'Call 030 700 12 34, mail support@msp.example or use the Teams chat "IT help". Bereikbaar: Mon-Fri 08:00-18:00.');
  });

  it('says so when nothing runs, no milestone is ahead and no version is recorded', () => {
    const p = plan();
    const text = statusUpdate(sample({ plan: { ...p, history: undefined } }), 'steering-group', '2028-01-10');
    assert.equal(section(text, 'This month'), 'No stage of the plan runs this month.');
    assert.equal(section(text, 'Next milestone'), 'No milestones ahead in the plan.');
    assert.equal(section(text, 'Changed since the last proposal version'), 'No proposal version has been recorded yet.');
    const bare = statusUpdate(sample({ plan: undefined, handover: undefined, stakeholders: undefined, scope: undefined, intake: undefined }), 'users', '2026-11-29');
    assert.match(bare, /No stage of the plan runs this month\./);
  });

  it('asks for a go/no-go before a stage starts, and for the phase advance only when the phase is complete', () => {
    assert.deepEqual(decisionsNeeded(sample({ handover: undefined }), '2026-12-15'), [
      'Go/no-go for the stage "Security check", which starts in January 2027.',
      'Move on to the next phase, Stakeholders: the documents of Approach are complete.',
    ]);
    const broken = sample({ handover: undefined, plan: { ...plan(), method: 'waterfall' } });
    assert.deepEqual(decisionsNeeded(broken, '2026-06-10'), []);
    const delivery = sample({ project: { ...manifest(), phase: 'delivery' }, handover: { ...(parse(sampleText('handover')) as object), lessons_learned: [{ observation: 'Demo helped', kind: 'went-well' }] } });
    assert.ok(decisionsNeeded(delivery, '2026-06-10').includes('Close the project: the handover documents are complete.'));
  });

  it('finds the running stages with their progress, and the next milestone', () => {
    const stages = [
      { id: 'a', start: '2026-10', end: '2026-12', deliverables: [] },
      { id: 'b', start: '2027-01', end: '2027-01', deliverables: [] },
      { id: 'c', deliverables: [] },
    ];
    assert.deepEqual(runningStages(stages, '2026-11').map((r) => [r.stage.id, r.month, r.total]), [['a', 2, 3]]);
    assert.deepEqual(runningStages(stages, '2027-01').map((r) => [r.stage.id, r.month, r.total]), [['b', 1, 1]]);
    const milestones = [{ name: 'late', month: '2027-03' }, { name: 'soon', month: '2026-12' }, { name: 'past', month: '2026-01' }, { name: 'undated' }];
    assert.equal(nextMilestone(milestones, '2026-11')?.name, 'soon');
    assert.equal(nextMilestone(milestones, '2026-12')?.name, 'soon');
    assert.equal(nextMilestone(milestones, '2027-04'), undefined);
  });
});
