/** Characters the A4's fonts lack: the coverage data, `missingGlyphs` and the rule `project.glyphs-missing`. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { setTranslations } from '../../src/core/common/l10n';
import { facesFor } from '../../src/core/render';
import fonts from '../../src/core/render/fonts.json';
import coverage from '../../src/core/rules/fontCoverage.json';
import { fontsCover, missingGlyphs } from '../../src/core/rules/glyphs';
import { BASE, check, diagnostics, edit } from './ruleHelpers';

const ROOT = path.join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateCoverage, OUT } = require('../../scripts/fontCoverage.cjs') as { generateCoverage(): string; OUT: string };

/** Greek, Cyrillic, Hebrew, Arabic, Vietnamese and Latin names the bundled fonts print. */
const PRINTABLE = ['Ελένη Παπαδοπούλου', 'Дмитрий Иванов', 'Ґанна Їжакова', 'דוד כהן', 'فاطمة الزهراء', 'Nguyễn Thị Hương', 'Łódź, Ærøskøbing', 'Søren Ødegård – “quoted” € 48.300,-', 'ἀρχή'];

describe('the coverage of the A4 fonts', () => {
  it('is the committed file that scripts/fontCoverage.cjs reads from the bundled fonts (npm run build regenerates it)', () => {
    assert.equal(readFileSync(OUT, 'utf8'), generateCoverage());
    assert.deepEqual(coverage.families, ['Arimo', 'Noto Sans Arabic']);
  });

  it("uses each package's own unicode-range per subset", () => {
    for (const family of fonts.families) {
      const ranges = JSON.parse(readFileSync(require.resolve(`${family.package}/unicode.json`, { paths: [ROOT] }), 'utf8')) as Record<string, string>;
      for (const subset of family.subsets) assert.equal((fonts.subsets as Record<string, string>)[subset], ranges[subset], `${family.family} ${subset}`);
    }
  });

  it('covers the scripts shipped, not CJK or emoji', () => {
    for (const ch of ['a', 'é', 'Ω', 'ж', 'ש', 'ع', 'ữ', '€', '–']) assert.ok(fontsCover(ch.codePointAt(0) as number), ch);
    for (const ch of ['日', '한', '中', '😀', '🚚', '✓']) assert.ok(!fontsCover(ch.codePointAt(0) as number), ch);
  });

  it('embeds the Greek, Hebrew, Cyrillic and Arabic faces only for text that has them', () => {
    const used = (html: string) => [...new Set(facesFor(html).map((f) => `${f.family} ${f.subset}`))];
    assert.deepEqual(used('<p>Ελένη</p>'), ['Arimo latin', 'Arimo greek']);
    assert.deepEqual(used('<p>דוד, Дмитрий</p>'), ['Arimo latin', 'Arimo cyrillic', 'Arimo hebrew']);
    assert.deepEqual(used('<p>فاطمة</p>'), ['Arimo latin', 'Noto Sans Arabic arabic']);
    assert.deepEqual(used('<p>日本語 😀</p>'), ['Arimo latin']);
    // Punctuation and joiners of the latin range that the Hebrew and Arabic ranges list too pull in neither.
    assert.deepEqual(used('<p>e\u2011mail, well\u2010known, a\u200Cb\u200Ec</p>'), ['Arimo latin']);
    assert.deepEqual(used('<p>Ελένη\u2011Δ</p>'), ['Arimo latin', 'Arimo greek']);
  });
});

describe('missingGlyphs', () => {
  it('finds nothing in Latin, Greek, Cyrillic, Hebrew, Arabic and Vietnamese text', () => {
    for (const text of PRINTABLE) assert.deepEqual(missingGlyphs(text), [], text);
  });

  it('names CJK and emoji runs with their exact UTF-16 ranges, an emoji ZWJ sequence once', () => {
    const text = 'Team 日本語 and 👩‍💻 with ❤️ 1️⃣ 🇳🇱';
    const runs = missingGlyphs(text);
    assert.deepEqual(
      runs.map((r) => r.text),
      ['日本語', '👩‍💻', '❤️', '1️⃣', '🇳🇱'],
    );
    for (const r of runs) assert.equal(text.slice(r.start, r.end), r.text);
    assert.deepEqual([runs[0].start, runs[0].end], [5, 8]);
    assert.deepEqual([runs[1].start, runs[1].end], [13, 18], 'woman, ZWJ, laptop: five UTF-16 units, one grapheme');
  });

  it('does not name whitespace, controls, joiners or variation selectors', () => {
    assert.deepEqual(missingGlyphs('a\u200Db\u200Cc\uFE0Fd\u00A0e\u2003f\t\u200Fg\u2060'), []);
  });

  it('keeps a letter with a combining mark the fonts lack whole', () => {
    const text = 'x\u0301\u20DDy';
    assert.deepEqual(missingGlyphs(text), [{ text: 'x\u0301\u20DD', start: 0, end: 3 }]);
  });

  it('never warns on text made only of characters the fonts print (property)', () => {
    const printable: number[] = [];
    for (const [lo, hi] of coverage.ranges) for (let cp = lo; cp <= hi; cp++) printable.push(cp);
    const char = fc.oneof(fc.constantFrom(...printable), fc.constantFrom(0x20, 0x0a, 0x200d, 0x200c, 0xfe0f, 0x00a0)).map((cp) => String.fromCodePoint(cp));
    fc.assert(fc.property(fc.array(char, { maxLength: 40 }), (chars) => missingGlyphs(chars.join('')).length === 0));
  });

  it('names a run exactly when some character needs a glyph the fonts lack, whatever the script mix (property)', () => {
    // Mostly characters the fast path of `missingGlyphs` answers for, some it must walk (controls,
    // format characters, CJK, emoji, characters just above the fonts' ranges).
    const noGlyph = /^[\p{White_Space}\p{Cc}\p{Cf}\p{Variation_Selector}]$/u;
    const needsGlyph = (cp: number) => !fontsCover(cp) && !noGlyph.test(String.fromCodePoint(cp));
    const char = fc
      .oneof(fc.integer({ min: 0, max: 0x7ff }), fc.integer({ min: 0x800, max: 0x2fff }), fc.constantFrom(0x4e2d, 0x1f600, 0x200d, 0xfe0f, 0x0001, 0x2028))
      .map((cp) => String.fromCodePoint(cp));
    fc.assert(
      fc.property(fc.array(char, { maxLength: 30 }), (chars) => {
        const text = chars.join('');
        const expected = [...text].some((ch) => needsGlyph(ch.codePointAt(0)!));
        return (missingGlyphs(text).length > 0) === expected;
      }),
      { numRuns: 2000 },
    );
  });

  it('is linear: segments each character at most once, in pieces of at most 256 units, also without spaces or as emoji only', () => {
    // Intl.Segmenter's time grows faster than its input, so what is segmented is what counts.
    const proto = Intl.Segmenter.prototype;
    const original = proto.segment;
    const pieces: number[] = [];
    proto.segment = function (this: Intl.Segmenter, input: string) {
      pieces.push(input.length);
      return original.call(this, input);
    };
    try {
      for (const unit of ['Ελένη 日本 ', '日本語ελένη', 'x\u0301\u20DD ', '😀👩‍💻🇳🇱']) {
        const text = unit.repeat(5000);
        pieces.length = 0;
        const runs = missingGlyphs(text);
        assert.ok(runs.length > 0 && runs.every((r) => text.slice(r.start, r.end) === r.text), unit);
        // Every missing character is in a run (a count: a diff of 100,000 characters helps nobody).
        const missing = (s: string) => [...s].filter((c) => !fontsCover(c.codePointAt(0) as number) && !/[\s\u200D\uFE0F]/.test(c)).length;
        assert.equal(runs.reduce((n, r) => n + missing(r.text), 0), missing(text), unit);
        assert.ok(pieces.every((n) => n <= 256 + 16), `${unit}: a piece of ${Math.max(...pieces)} units`);
        assert.ok(pieces.reduce((a, b) => a + b, 0) <= text.length, `${unit}: ${pieces.reduce((a, b) => a + b, 0)} units segmented of ${text.length}`);
      }
    } finally {
      proto.segment = original;
    }
  });
});

describe('rule project.glyphs-missing', () => {
  it('is silent on a project in Greek, Hebrew, Arabic and Cyrillic', () => {
    const stakeholders = edit(edit(BASE.stakeholders, 3, '    name: Marieke', '    name: Ελένη Παπαδοπούλου'), 12, '    name: Peter', '    name: דוד כהן');
    const scope = edit(edit(BASE.scope, 3, '    title: Mail to Exchange Online', '    title: فاطمة الزهراء'), 7, '    title: Telephony', '    title: Дмитрий');
    assert.deepEqual(check({ stakeholders, scope }), []);
  });

  it('warns in the document that holds the text, on the first run as written, naming every run', () => {
    const stakeholders = edit(edit(BASE.stakeholders, 3, '    name: Marieke', '    name: 田中 美咲'), 13, '    role: External IT', '    role: "IT 🚚 and 田中"');
    const found = diagnostics({ stakeholders }).filter(({ d }) => d.code === 'project.glyphs-missing');
    assert.equal(found.length, 1);
    const [{ kind, d }] = found;
    assert.equal(kind, 'stakeholders');
    assert.equal(d.severity, 'warning');
    // Line 3 `    name: 田中 美咲`: 田中 starts at column 11 (1-based) and takes two UTF-16 units.
    assert.deepEqual([d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1], [3, 11, 3, 13]);
    assert.deepEqual(d.data?.characters, ['田中', '美咲', '🚚']);
    assert.equal(d.message, "The proposal's fonts do not contain 田中, 美咲, 🚚: on the A4 these characters print only where the machine has a font for them, else as empty boxes.");
  });

  it('reports each document once, in scope, plan, project and intake too', () => {
    const found = check({
      scope: edit(BASE.scope, 8, '    reason: Another supplier.', '    reason: Another supplier 😀.'),
      plan: edit(BASE.plan, 22, '  - name: Design approved', '  - name: Design 承認'),
      project: edit(BASE.project, 3, 'client: Acme', 'client: Acme 株式会社'),
      intake: edit(BASE.intake, 3, 'contact: Marieke, managing partner', 'contact: 김민준'),
    }).filter(([, code]) => code === 'project.glyphs-missing');
    assert.deepEqual(found, [
      ['project', 'project.glyphs-missing', '3:14-3:18'],
      ['intake', 'project.glyphs-missing', '3:10-3:13'],
      ['scope', 'project.glyphs-missing', '8:30-8:32'],
      ['plan', 'project.glyphs-missing', '22:18-22:20'],
    ]);
  });

  it('ignores fields the A4 does not print, and an id when its item has a name', () => {
    const stakeholders = edit(BASE.stakeholders, 2, '  - id: sponsor', '  - id: 社長');
    assert.deepEqual(check({ stakeholders }).filter(([, c]) => c === 'project.glyphs-missing'), []);
    const nameless = edit(stakeholders, 3, '    name: Marieke');
    assert.deepEqual(
      check({ stakeholders: nameless }).filter(([, c]) => c === 'project.glyphs-missing'),
      [['stakeholders', 'project.glyphs-missing', '2:9-2:11']],
    );
  });

  it('takes the whole value when the text is written as an escape', () => {
    const stakeholders = edit(BASE.stakeholders, 3, '    name: Marieke', '    name: "\\u65E5 Marieke"');
    const [{ d }] = diagnostics({ stakeholders }).filter(({ d }) => d.code === 'project.glyphs-missing');
    assert.deepEqual([d.range.start.character + 1, d.range.end.character + 1], [11, 27], 'the quoted value, quotes included');
    assert.deepEqual(d.data?.characters, ['日']);
  });

  it('can be switched off', () => {
    const stakeholders = edit(BASE.stakeholders, 3, '    name: Marieke', '    name: 田中');
    assert.deepEqual(check({ stakeholders }, { 'project.glyphs-missing': 'off' }), []);
  });

  it('speaks Dutch', () => {
    setTranslations(JSON.parse(readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.nl.json'), 'utf8')) as Record<string, string>);
    try {
      const stakeholders = edit(BASE.stakeholders, 3, '    name: Marieke', '    name: 田中 😀');
      const [{ d }] = diagnostics({ stakeholders }).filter(({ d }) => d.code === 'project.glyphs-missing');
      assert.equal(d.message, 'De lettertypen van het voorstel bevatten 田中, 😀 niet: op de A4 worden deze tekens alleen afgedrukt waar de computer er een lettertype voor heeft, anders als lege vakjes.');
    } finally {
      setTranslations(undefined);
    }
  });
});
