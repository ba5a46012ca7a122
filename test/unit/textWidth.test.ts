import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { shortenToWidth } from '../../src/core/common/text';
import { fitText, graphemeWidth } from '../../src/core/render/textWidth';
import { renderProposal } from '../../src/core/render/proposal';
import { docsOf, projectFrom, SAMPLE } from './renderFixtures';

const graphemes = (s: string) => Array.from(new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(s), (x) => x.segment);

describe('text widths in Arimo and shortening to a width', () => {
  it('shortens to a width on whole graphemes, the ellipsis counted, and keeps a text that fits', () => {
    const one = () => 1;
    assert.equal(shortenToWidth('abcdef', 6, one), 'abcdef');
    assert.equal(shortenToWidth('abcdefg', 6, one), 'abcde…');
    assert.equal(shortenToWidth('abc defg', 5, one), 'abc…', 'the space before the ellipsis goes');
    assert.equal(shortenToWidth('Go 👩‍👩‍👧 x', 4, one), 'Go…', 'a ZWJ family is one grapheme, cut whole');
    assert.equal(shortenToWidth('Go 👩‍👩‍👧 x', 5, one), 'Go 👩‍👩‍👧…');
    assert.equal(shortenToWidth('abc', 0.5, one), '…');
    const wide = (g: string) => (g === 'W' ? 3 : 1);
    assert.equal(shortenToWidth('WWWiii', 8, wide), 'WW…');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer({ min: 1, max: 30 }), (text, max) => {
        const out = shortenToWidth(text, max, wide);
        const width = graphemes(out).reduce((sum, g) => sum + wide(g), 0);
        if (out === text) return assert.ok(width <= max);
        assert.ok(out.endsWith('…') && width <= Math.max(max, 1), `${out} (${width}) within ${max}`);
        assert.ok(text.startsWith(out.slice(0, -1).trimEnd()));
      }),
      { numRuns: 300 },
    );
  });

  it('knows Arimo: capitals wider than lower case, bold wider than regular, an accented letter as its base', () => {
    assert.equal(graphemeWidth('W', 700), 944);
    assert.equal(graphemeWidth('i', 400), 223);
    assert.ok(graphemeWidth('i', 700) > graphemeWidth('i', 400));
    assert.equal(graphemeWidth('e\u0301', 400), graphemeWidth('e', 400));
    assert.equal(graphemeWidth('ő', 700), graphemeWidth('o', 700));
    assert.ok(graphemeWidth('日', 400) >= 1000 && graphemeWidth('👩‍👩‍👧', 400) >= 1000, 'unknown characters count as more than an em');
    assert.equal(fitText('Mail and file migration', 188, 10, 700), 'Mail and file migration');
    // 40 capitals at 10px bold are about 330 px: cut to about 21 of them; 40 i's (110 px) stay whole.
    assert.equal(fitText('M'.repeat(40), 188, 10, 700), `${'M'.repeat(21)}…`);
    assert.equal(fitText('i'.repeat(40), 188, 10, 700), 'i'.repeat(40));
  });

  it('shortens stage labels on the timeline by their width, not their count of characters', () => {
    const docs = docsOf(SAMPLE);
    const plan = docs.plan as { stages: Array<Record<string, unknown>> };
    const names = ['SHAREPOINT MIGRATION WAVE ONE AND TWO', 'Mail and file migration'];
    const html = renderProposal(projectFrom({ ...docs, handover: undefined, plan: { ...plan, stages: plan.stages.map((s, i) => ({ ...s, name: names[i] ?? s.name })) } }), { date: '2026-08-20' }).html;
    const labels = [...html.matchAll(/<text class="tl-name"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    // 37 capitals (about 280 px) were kept to 33 characters by the old count; now cut to fit 188 px.
    assert.equal(labels[0], 'SHAREPOINT MIGRATION WAVE ON…');
    assert.equal(labels[1], 'Mail and file migration');
    const width = (text: string) => graphemes(text).reduce((sum, g) => sum + graphemeWidth(g, 700), 0) / 100;
    assert.ok(width(labels[0]) <= 188, `${labels[0]}: ${width(labels[0])} px`);
  });
});
