/** The Word export (`src/core/word/`), read back by mammoth and at the XML level. */
import * as assert from 'node:assert/strict';
import { loadProject } from '../../src/core/project/workspace';
import { nodeHost } from '../../src/cli/nodeHost';
import { loadWord } from '../../src/core/word';
import { proposalLabels } from '../../src/core/render/labels';
import { docsOf, DUTCH, projectFrom, SAMPLE } from './renderFixtures';
import { docxPart, firstOutOfOrder, readDocx } from './wordHelpers';

const DATE = { date: '2026-08-20' };

type Rec = Record<string, unknown>;
const titles = (list: unknown) => ((list ?? []) as Rec[]).map((r) => String(r.title));

for (const [name, dir, language] of [
  ['the sample', SAMPLE, 'en'],
  ['the Dutch fixture', DUTCH, 'nl'],
] as const) {
  describe(`Word proposal of ${name}`, function () {
    this.timeout(30_000);
    let data: Uint8Array;
    let fileName: string;
    before(async () => {
      ({ data, fileName } = await loadWord().proposalDocx(await loadProject(nodeHost, dir), DATE));
    });

    it('has every section heading, as Word heading styles, in the A4 order and the project language', async () => {
      const labels = proposalLabels(language);
      const { headings } = await readDocx(data);
      const h1 = headings.filter(([level]) => level === 'h1').map(([, text]) => text);
      assert.deepEqual(h1, [labels.background, labels.goal, labels.scope, labels.approach, labels.stakeholders, labels.risks, labels.revisions]);
      assert.deepEqual(
        headings.filter(([level]) => level === 'h2').map(([, text]) => text),
        [labels.deliverables, labels.steeringGroup, labels.keyStakeholders],
      );
      const document = await docxPart(data, 'word/document.xml');
      assert.match(document, /<w:pStyle w:val="Title"\/>/);
      assert.equal(document.match(/<w:pStyle w:val="Heading1"\/>/g)?.length, 7);
      const styles = await docxPart(data, 'word/styles.xml');
      assert.match(styles, /<w:style w:type="paragraph" w:styleId="Heading1">\s*<w:name w:val="Heading 1"\/>/);
      assert.match(styles, /<w:style w:type="paragraph" w:styleId="Heading2">\s*<w:name w:val="Heading 2"\/>/);
      assert.match(styles, new RegExp(`<w:lang w:val="${language === 'nl' ? 'nl-NL' : 'en-GB'}"`));
    });

    it('lists every scope item, stage and stakeholder, in order', async () => {
      const docs = docsOf(dir);
      const { text } = await readDocx(data);
      const scope = docs.scope;
      const items = [...titles(scope.in_scope), ...titles(scope.out_of_scope), ...titles(scope.later)];
      assert.ok(items.length >= 5);
      assert.equal(firstOutOfOrder(text, items), undefined, 'scope items in canvas order');
      const stages = (docs.plan.stages as Rec[]).map((s) => String(s.name));
      assert.equal(firstOutOfOrder(text, stages), undefined, 'stages in plan order');
      const people = docs.stakeholders.stakeholders as Rec[];
      const steering = people.filter((p) => p.steering_group === true);
      const deciders = steering.filter((p) => p.decision_maker === true);
      const others = people.filter((p) => p.steering_group !== true && p.organisation !== 'msp');
      assert.ok(steering.length && others.length);
      const labels = proposalLabels(language);
      // Stage owners are named in the month table too: look from the stakeholders' heading on.
      const section = text.slice(text.lastIndexOf(labels.stakeholders));
      const keyAt = section.indexOf(labels.keyStakeholders);
      assert.ok(keyAt > 0);
      for (const p of steering) assert.ok(section.includes(String(p.name)) && section.indexOf(String(p.name)) < keyAt, `${String(p.name)} in the steering group`);
      for (const p of others) assert.ok(section.indexOf(String(p.name), keyAt) > keyAt, `${String(p.name)} among the key stakeholders`);
      // The steering group as on the A4: deciders first, each group in register order.
      const undecided = steering.filter((p) => p.decision_maker !== true);
      assert.equal(firstOutOfOrder(section, [...deciders, ...undecided].map((p) => String(p.name))), undefined);
    });

    it('is A4, in Arimo with Arial named as the fallback, with a page footer', async () => {
      const document = await docxPart(data, 'word/document.xml');
      assert.match(document, /<w:pgSz w:w="11906" w:h="16838"/);
      const styles = await docxPart(data, 'word/styles.xml');
      assert.match(styles, /<w:rFonts w:ascii="Arimo" w:cs="Arimo" w:eastAsia="Arimo" w:hAnsi="Arimo"\/>/);
      assert.match(await docxPart(data, 'word/fontTable.xml'), /<w:font w:name="Arimo"><w:altName w:val="Arial"\/><w:family w:val="swiss"\/>/);
      const footerXml = await docxPart(data, 'word/footer1.xml');
      assert.match(footerXml, /PAGE/);
      assert.match(footerXml, /NUMPAGES/);
      assert.match(footerXml, new RegExp(proposalLabels(language).page));
      assert.match(fileName, /^[a-z0-9-]+-v0\.\d\.docx$/);
    });
  });
}

describe('Word proposal tables', function () {
  this.timeout(30_000);
  it('draws the plan as a month table: one column per month, the months of each stage shaded', async () => {
    const docs = docsOf(SAMPLE);
    const plan = {
      ...docs.plan,
      stages: [
        { id: 'a', name: 'Alpha', start: '2026-09', end: '2026-11', approach: 'prince2', type: 'migration', deliverables: ['X'] },
        { id: 'b', name: 'Beta', start: '2026-11', end: '2026-12', approach: 'agile', type: 'adoption', deliverables: ['Y'] },
      ],
      milestones: [{ name: 'Go-live', month: '2026-12', stage: 'b' }],
    };
    const { data } = await loadWord().proposalDocx(projectFrom({ ...docs, handover: undefined, plan }), DATE);
    const document = await docxPart(data, 'word/document.xml');
    const tables = document.split('<w:tbl>').slice(1);
    const months = tables.find((t) => t.includes('Alpha'));
    assert.ok(months);
    // 4 months (Sep–Dec 2026, the project starts in September) plus the label column.
    assert.equal(months.match(/<w:gridCol /g)?.length, 5);
    assert.equal(months.match(/w:fill="2F5B8A"/g)?.length, 3, 'Alpha: three PRINCE2 months');
    assert.equal(months.match(/w:fill="13857A"/g)?.length, 2, 'Beta: two Agile months');
    const rows = months.split('<w:tr>').slice(1);
    const milestoneRow = rows.find((r) => r.includes('Go-live')) ?? '';
    // The milestone's mark sits in its month, the last column.
    assert.match(milestoneRow.split('<w:tc>').at(-1) ?? '', /◆ 1/);
  });

  it('renders Markdown as Word formatting and drops unsafe links', async () => {
    const docs = docsOf(SAMPLE);
    const plan = { ...docs.plan, summary: 'A **bold** goal with [a site](https://example.com) and [bad](javascript:alert(1)).' };
    const { data } = await loadWord().proposalDocx(projectFrom({ ...docs, handover: undefined, plan }), DATE);
    const document = await docxPart(data, 'word/document.xml');
    const rels = await docxPart(data, 'word/_rels/document.xml.rels');
    assert.match(rels, /Target="https:\/\/example\.com"/);
    // As on the A4, markdown-it does not make a link of an unsafe target: it stays text, never a hyperlink.
    assert.doesNotMatch(rels, /javascript:/);
    assert.equal(document.match(/<w:hyperlink /g)?.length, 1);
    assert.match(document, /<w:r><w:t xml:space="preserve">A <\/w:t><\/w:r><w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">bold<\/w:t>/);
    const { text } = await readDocx(data);
    assert.match(text, /A bold goal with a site and /);
  });

  it('never throws on missing documents: placeholders instead', async () => {
    const { data } = await loadWord().proposalDocx(projectFrom({ project: { id: 'x', title: 'T', client: 'C', phase: 'intake' } }), DATE);
    const { text } = await readDocx(data);
    const labels = proposalLabels('en');
    assert.match(text, new RegExp(labels.missing.scope.replace(/\./g, '\\.')));
    assert.match(text, new RegExp(labels.missing.stakeholders.replace(/\./g, '\\.')));
  });
});
