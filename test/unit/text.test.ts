import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, BOM, bomLength, eolOf, shiftEdits, shorten, stripBom, type TextEdit } from '../../src/core/common/text';

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

describe('shorten', () => {
  const graphemes = (s: string) => Array.from(new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(s), (x) => x.segment);
  const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
  /** Texts rich in multi-unit graphemes: ZWJ families, flags, skin tones, combining accents, CJK. */
  const rich = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 60 }),
    fc.array(fc.constantFrom('👩‍👩‍👧', '🇳🇱', '👍🏽', 'e\u0301', '😀', '日本', 'a', ' ', 'ß', 'ﷺ', '\u0915\u094D\u0937'), { maxLength: 40 }).map((parts) => parts.join('')),
  );

  it('never splits a grapheme or leaves a lone surrogate, and keeps a prefix of whole graphemes', () => {
    fc.assert(
      fc.property(rich, fc.integer({ min: 0, max: 50 }), (text, max) => {
        const out = shorten(text, max);
        assert.ok(!LONE_SURROGATE.test(out), JSON.stringify(out));
        const all = graphemes(text);
        if (out === text) return assert.ok(all.length <= Math.max(1, max) || text.length <= Math.max(1, max));
        assert.ok(out.endsWith('…'));
        const kept = graphemes(out.slice(0, -1));
        assert.deepEqual(kept, all.slice(0, kept.length), 'whole graphemes of the text, in order');
        assert.ok(graphemes(out).length <= Math.max(1, max), `${out} has at most ${max} graphemes`);
        assert.ok(all.length > Math.max(1, max), 'only a text that is too long is cut');
      }),
      { numRuns: 500 },
    );
  });

  it('cuts an emoji sequence as a whole', () => {
    assert.equal(shorten('Go live 👩‍👩‍👧 party', 9), 'Go live…');
    assert.equal(shorten('Go live 👩‍👩‍👧 party', 10), 'Go live 👩‍👩‍👧…');
    assert.equal(shorten('🇳🇱🇳🇱🇳🇱', 2), '🇳🇱…');
    assert.equal(shorten('Cafe\u0301 terrace', 5), 'Cafe\u0301…');
    assert.equal(shorten('short', 5), 'short');
    assert.equal(shorten('longer', 0), '…');
  });
});
