import * as assert from 'node:assert/strict';
import { renderProposal } from '../../src/core/render/proposal';
import { TIMELINE_DRAWING_ID, timelineRows } from '../../src/core/render/timelineRows';
import { sampleWithStages } from './renderFixtures';

describe('the timeline in slices (printable across pages)', () => {
  const svg = '<svg class="timeline" viewBox="0 0 600 106" width="100%"><line class="tl-axis" x1="196" y1="27" x2="598" y2="27"/><rect class="tl-bar" y="30"/></svg>';

  it('shows the drawing once, as an axis slice in thead and one slice per row whose heights add up to the drawing', () => {
    const html = timelineRows(svg, 4, 'Approach');
    assert.equal((html.match(/<rect class="tl-bar"/g) ?? []).length, 1);
    assert.equal((html.match(new RegExp(`<use href="#${TIMELINE_DRAWING_ID}"/>`, 'g')) ?? []).length, 5);
    const boxes = [...html.matchAll(/viewBox="0 ([\d.]+) 600 ([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    assert.deepEqual(boxes[0], [0, 28]);
    assert.ok(/<thead><tr><td><svg[^>]*viewBox="0 0 600 28"/.test(html), 'the axis is the header');
    assert.equal((html.match(/<tbody>(.*)<\/tbody>/)?.[1].match(/<tr>/g) ?? []).length, 4);
    // Contiguous bands from the top to the bottom of the drawing; the last row keeps the bottom margin.
    for (let i = 1; i < boxes.length; i++) assert.ok(Math.abs(boxes[i][0] - (boxes[i - 1][0] + boxes[i - 1][1])) < 0.01, `band ${i}`);
    assert.ok(Math.abs(boxes.at(-1)![0] + boxes.at(-1)![1] - 106) < 0.01);
    assert.deepEqual(boxes.slice(1, 4).map((b) => b[1]), [19, 19, 19]);
    assert.match(html, /^<div class="timeline-rows" role="img" aria-label="Approach">/);
  });

  it('leaves a drawing whose geometry it cannot read unchanged', () => {
    assert.equal(timelineRows('<svg viewBox="0 0 600 106"></svg>', 3, 'A'), '<svg viewBox="0 0 600 106"></svg>');
    assert.equal(timelineRows(svg, 0, 'A'), svg);
  });

  it('slices the proposal timeline into one row per stage', () => {
    const html = renderProposal(sampleWithStages(12), { date: '2026-08-20' }).html;
    const table = /<table class="timeline-table">.*?<\/table>/s.exec(html)?.[0] ?? '';
    assert.equal((table.match(/<tbody>.*<\/tbody>/s)?.[0].match(/<tr>/g) ?? []).length, 12);
    assert.equal((html.match(/class="tl-stage"/g) ?? []).length, 12);
  });
});
