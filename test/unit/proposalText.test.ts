import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { htmlToText, proposalText } from '../../src/core/delivery/proposalText';
import { standaloneHtml } from '../../src/core/render';
import { renderProposal } from '../../src/core/render/proposal';
import { sample, sampleText } from './deliveryFixtures';

describe('proposal as text', () => {
  it('prints every part of the proposal, one fact per line, in the project language', () => {
    const text = proposalText(sample());
    assert.match(text, /^# Move to Microsoft 365\n\n- Client: Dekker & Partners Accountants\n- Project manager: Lotte van Rijn \(MSP\)\n- Version: 0\.3\n- Date: 20 August 2026\n/);
    assert.match(text, /\n- \*\*Mail to Exchange Online\*\* \(must\): Move all 60 mailboxes/);
    assert.match(text, /\n### We will not do\n\n- \*\*Replacing the practice-management software\*\*: It works/);
    assert.match(text, /\n- \*\*Initiation and design\*\* \(Sep 2026, PRINCE2, Initiation, Lotte van Rijn\)\n/);
    assert.match(text, /\n- Dec 2026: All mail and files migrated\n/);
    assert.match(text, /\n4\. Partners ask for MFA exceptions\. → Partner demo/);
    assert.match(text, /\n- v0\.3 \(20 August 2026\): Added the security check/);
    const nl = proposalText(sample({ project: { ...(parse(sampleText('project')) as object), language: 'nl' } }));
    assert.match(nl, /\n- Klant: Dekker & Partners Accountants\n/);
    assert.match(nl, /\n### Dit doen we niet\n/);
  });

  it('shows a change of version as a small diff', () => {
    const plan = parse(sampleText('plan')) as Record<string, unknown>;
    const before = proposalText(sample()).split('\n');
    const after = proposalText(sample({ plan: { ...plan, version: '0.4', goal: 'A new goal.', history: [...(plan.history as object[]), { version: '0.4', date: '2026-11-29', changes: 'New goal.' }] } })).split('\n');
    const changed = after.filter((l) => !before.includes(l));
    assert.deepEqual(changed, ['- Version: 0.4', '- Date: 29 November 2026', 'A new goal.', '- v0.4 (29 November 2026): New goal.']);
  });

  it('never throws on a project with nothing but its manifest', () => {
    const text = proposalText(sample({ intake: undefined, scope: undefined, plan: undefined, stakeholders: undefined, handover: undefined }), { date: '2026-01-02' });
    assert.match(text, /- Date: 2 January 2026/);
    assert.match(text, /No stages planned yet\./);
  });

  it('turns an exported page back into readable text', () => {
    const html = standaloneHtml(renderProposal(sample()));
    const text = htmlToText(html);
    assert.ok(!/<\w/.test(text), 'markup left in the text');
    assert.ok(!text.includes('@page'), 'CSS left in the text');
    assert.match(text, /\n# Move to Microsoft 365\n/);
    assert.match(text, /\n- Mail to Exchange Online/);
    assert.match(text, /Dekker & Partners Accountants/);
    assert.equal(htmlToText('<p>a &amp; b &#39;c&#x27; &lt;d&gt;</p><ul><li>x</li></ul>'), "a & b 'c' <d>\n\n- x\n");
  });
});
