import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, BOM, bomLength, eolOf, shiftEdits, stripBom, type TextEdit } from '../../src/core/common/text';

/** A text and non-overlapping edits of it, in random order. */
const textWithEdits = fc.string({ unit: 'grapheme', maxLength: 40 }).chain((text) =>
  fc
    .uniqueArray(fc.integer({ min: 0, max: text.length }), { maxLength: 8 })
    .chain((cuts) => {
      const sorted = [...cuts].sort((a, b) => a - b);
      // Consecutive pairs of cut points are the edits' ranges: never overlapping, possibly empty.
      const ranges = sorted.flatMap((start, i) => (i % 2 === 0 ? [{ start, end: sorted[i + 1] ?? start }] : []));
      return fc.tuple(fc.constant(text), fc.tuple(...ranges.map((r) => fc.string({ maxLength: 5 }).map((newText): TextEdit => ({ ...r, newText })))));
    })
    .chain(([text, edits]) => fc.tuple(fc.constant(text), fc.shuffledSubarray(edits, { minLength: edits.length, maxLength: edits.length }))),
);

/** Applies edits one by one from the end of the text, the obvious way. */
function reference(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

describe('common text', () => {
  describe('byte order mark', () => {
    it('strips a leading BOM only', () => {
      assert.equal(stripBom(`${BOM}a: 1`), 'a: 1');
      assert.equal(stripBom('a: 1'), 'a: 1');
      assert.equal(stripBom(`a${BOM}`), `a${BOM}`);
      assert.equal(bomLength(`${BOM}x`), 1);
      assert.equal(bomLength(`x${BOM}`), 0);
    });

    it('keeps the BOM when edits made on the text without it are shifted past it', () => {
      fc.assert(
        fc.property(textWithEdits, ([body, edits]) => {
          const text = BOM + body;
          assert.equal(applyEdits(text, shiftEdits(edits, bomLength(text))), BOM + applyEdits(body, edits));
        }),
      );
    });
  });

  describe('text edits', () => {
    it('applies edits given in any order, offsets all on the original text', () => {
      const text = 'version: 0.3\nhistory: []\n';
      const edits: TextEdit[] = [
        { start: 22, end: 24, newText: '\n  - v' },
        { start: 9, end: 12, newText: '"0.4"' },
      ];
      assert.equal(applyEdits(text, edits), 'version: "0.4"\nhistory: \n  - v\n');
      assert.equal(applyEdits(text, [...edits].reverse()), 'version: "0.4"\nhistory: \n  - v\n');
      assert.equal(applyEdits(text, []), text);
    });

    it('keeps insertions at one offset in their order, also next to a deletion there', () => {
      assert.equal(applyEdits('ab', [{ start: 1, end: 1, newText: 'X' }, { start: 1, end: 1, newText: 'Y' }]), 'aXYb');
      assert.equal(applyEdits('abcd', [{ start: 1, end: 3, newText: '' }, { start: 1, end: 1, newText: 'X' }]), 'aXd');
      assert.equal(applyEdits('abcd', [{ start: 1, end: 1, newText: 'X' }, { start: 1, end: 3, newText: '' }]), 'aXd');
    });

    it('counts offsets in UTF-16 code units', () => {
      assert.equal(applyEdits('😀 x', [{ start: 3, end: 4, newText: 'y' }]), '😀 y');
    });

    it('gives the same text as applying the edits one by one from the end', () => {
      fc.assert(fc.property(textWithEdits, ([text, edits]) => assert.equal(applyEdits(text, edits), reference(text, edits))));
    });

    it('shifts edits without changing their text', () => {
      assert.deepEqual(shiftEdits([{ start: 0, end: 2, newText: 'a' }], 3), [{ start: 3, end: 5, newText: 'a' }]);
    });
  });

  it('finds the first line ending, LF without one', () => {
    assert.equal(eolOf('a\r\nb\nc'), '\r\n');
    assert.equal(eolOf('a\nb\r\n'), '\n');
    assert.equal(eolOf('a\rb'), '\r');
    assert.equal(eolOf('abc'), '\n');
  });
});
