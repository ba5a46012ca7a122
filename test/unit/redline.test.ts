/** The Word redline between two proposal versions (`src/core/word/redline.ts`), read back at the XML level. */
import * as assert from 'node:assert/strict';
import { loadWord } from '../../src/core/word';
import { proposalText } from '../../src/core/delivery/proposalText';
import { docsOf, projectFrom, SAMPLE } from './renderFixtures';
import { docxPart, readDocx } from './wordHelpers';

type Rec = Record<string, unknown>;
const DATE = { date: '2026-08-20' };

interface Piece {
  state: 'same' | 'ins' | 'del';
  text: string;
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The body's paragraphs: whether their mark is inserted or deleted, and their text pieces by state. */
function paragraphs(xml: string): Array<{ mark: Piece['state']; pieces: Piece[] }> {
  const body = xml.slice(xml.indexOf('<w:body>'));
  return [...body.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map(([, inner]) => {
    const pPr = /^<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(inner)?.[1] ?? '';
    const mark = /<w:rPr><w:ins /.test(pPr) ? 'ins' : /<w:rPr><w:del /.test(pPr) ? 'del' : 'same';
    const content = inner.replace(/^<w:pPr>[\s\S]*?<\/w:pPr>/, '');
    const pieces: Piece[] = [...content.matchAll(/<w:(ins|del) [^>]*[^/]>([\s\S]*?)<\/w:\1>|<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => ({
      state: (m[1] as 'ins' | 'del' | undefined) ?? 'same',
      text: decode([...(m[2] ?? m[3]).matchAll(/<w:(?:t|delText)[^>]*>([^<]*)<\/w:(?:t|delText)>/g)].map((t) => t[1]).join('')),
    }));
    return { mark, pieces };
  });
}

/** The document's paragraphs with every change accepted (`ins`) or rejected (`del` kept, `ins` dropped). */
function resolved(xml: string, keep: 'ins' | 'del'): string[] {
  const drop = keep === 'ins' ? 'del' : 'ins';
  return paragraphs(xml)
    .filter((p) => p.mark !== drop)
    .map((p) => p.pieces.filter((piece) => piece.state !== drop).map((piece) => piece.text).join(''));
}

/** The proposal text's lines as the redline shows them (Markdown markers removed). */
function shown(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => l.replace(/\*\*/g, '').replace(/^(#{1,3} |> |\s*- )/, '').trim());
}

describe('Word redline between two proposal versions', function () {
  this.timeout(30_000);
  const after = docsOf(SAMPLE);
  const stages = after.plan.stages as Rec[];
  const inScope = after.scope.in_scope as Rec[];
  // Version a: one more stage (removed in b), one scope item fewer (added in b), one word of the goal different.
  const older = {
    ...after,
    plan: {
      ...after.plan,
      goal: String(after.plan.goal).replace('securely', 'safely'),
      stages: [...stages.slice(0, 2), { id: 'pilot', name: 'Pilot with the finance team', start: '2026-10', end: '2026-10', approach: 'agile', owner: 'tech-lead' }, ...stages.slice(2)],
    },
    scope: { ...after.scope, in_scope: inScope.filter((item) => item.id !== 'files') },
  };
  const beforeText = proposalText(projectFrom(older), DATE);
  const afterText = proposalText(projectFrom(after), DATE);
  const files = inScope.find((item) => item.id === 'files') as Rec;
  let xml: string;
  let data: Uint8Array;
  let fileName: string;
  let changes: number;

  before(async () => {
    ({ data, fileName, changes } = await loadWord().redlineDocx(beforeText, afterText, { id: 'dekker-m365', from: '0.2', to: '0.3', ...DATE }));
    xml = await docxPart(data, 'word/document.xml');
  });

  it('is named <id>-v<a>-to-v<b>.docx and turns on Track Changes', async () => {
    assert.equal(fileName, 'dekker-m365-v0.2-to-v0.3.docx');
    assert.match(await docxPart(data, 'word/settings.xml'), /<w:trackRevisions\/>/);
  });

  it('has exactly the changed texts inside w:ins and w:del, nothing else', () => {
    const pieces = paragraphs(xml).flatMap((p) => p.pieces);
    const inserted = pieces.filter((p) => p.state === 'ins').map((p) => p.text);
    const deleted = pieces.filter((p) => p.state === 'del').map((p) => p.text);
    const stageLine = shown(beforeText).find((l) => l.startsWith('Pilot with the finance team'));
    assert.ok(stageLine?.includes('('), 'the removed stage is one line with its months');
    assert.deepEqual(deleted, ['safely', stageLine]);
    assert.deepEqual(inserted, ['securely', `${String(files.title)} (must): ${String(files.description).replace(/\*\*/g, '').replace(/\s+/g, ' ').trim()}`]);
    assert.equal(changes, 4);
    // Whole added or removed paragraphs have their paragraph mark tracked; changed ones do not.
    assert.deepEqual(
      paragraphs(xml).filter((p) => p.mark !== 'same').map((p) => p.mark),
      ['ins', 'del'],
    );
  });

  it('accepting every change gives version b, rejecting every change gives version a', () => {
    assert.deepEqual(resolved(xml, 'ins'), shown(afterText));
    assert.deepEqual(resolved(xml, 'del'), shown(beforeText));
  });

  it('opens in another reader (mammoth, which shows the changes accepted), headings as heading styles', async () => {
    const { headings, text } = await readDocx(data);
    assert.ok(headings.some(([level, t]) => level === 'h1' && t === 'Scope'));
    assert.match(text, /works securely from office/);
    assert.match(text, new RegExp(String(files.title)));
    assert.doesNotMatch(text, /Pilot with the finance team|safely from office/);
  });

  it('two equal texts give a redline without a tracked change', async () => {
    const same = await loadWord().redlineDocx(afterText, afterText, { id: 'x', from: '0.3', to: '0.3', ...DATE });
    assert.equal(same.changes, 0);
    assert.doesNotMatch(await docxPart(same.data, 'word/document.xml'), /<w:(ins|del) /);
  });
});
