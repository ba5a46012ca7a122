import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { DOCUMENT_FILES, DOCUMENT_KINDS } from '../../src/core/document/documents';
import { clearValidationCache, validateDocument } from '../../src/core/document/validate';
import { buildValue } from '../../src/core/document/yamlValue';
import { LineIndex, stripBom } from '../../src/core/common/text';

const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'dekker-accountants');

/** Pieces a mutation inserts: the characters and constructs that break YAML in real files. */
const PIECES = ['😀', ': ', ' ', '\t', '\n', '#', '"', "'", '- ', '[', ']', '{', '}', '&a ', '*a', '<<: *a\n', '? ', '---\n', '.inf', 'é', '\r\n', '\\', '%'];

describe('document reading, property-based', function () {
  this.timeout(120_000);

  it('never throws on random mutations of every document kind, and every range lies inside the text without splitting a character', () => {
    for (const kind of DOCUMENT_KINDS) {
      const base = readFileSync(path.join(SAMPLE, DOCUMENT_FILES[kind]), 'utf8');
      const mutation = fc.array(fc.tuple(fc.nat(base.length), fc.nat(40), fc.constantFrom(...PIECES)), { minLength: 1, maxLength: 4 });
      fc.assert(
        fc.property(mutation, (edits) => {
          let text = base;
          for (const [at, del, piece] of edits) {
            const o = Math.min(at, text.length);
            text = text.slice(0, o) + piece + text.slice(Math.min(text.length, o + (del % 5)));
          }
          clearValidationCache();
          const { diagnostics } = validateDocument(kind, text);
          const plain = stripBom(text);
          const lines = new LineIndex(plain);
          for (const d of diagnostics) {
            const { start, end } = d.range;
            assert.ok(start.line < lines.lineCount && end.line < lines.lineCount, `${d.code}: line outside the text`);
            const lineLength = (line: number) => lines.lineEnd(line) - lines.lineStart(line);
            // An empty line (or text) gets a one-character mark: the only range past a line's end.
            assert.ok(start.character <= lineLength(start.line), `${d.code}: start outside its line`);
            assert.ok(end.character <= lineLength(end.line) || (lineLength(end.line) === 0 && end.character === 1), `${d.code}: end outside its line`);
            assert.ok(start.line < end.line || (start.line === end.line && start.character < end.character), `${d.code}: start not before end`);
            for (const p of [start, end]) {
              const o = lines.lineStart(p.line) + p.character;
              const low = plain.charCodeAt(o);
              const high = plain.charCodeAt(o - 1);
              assert.ok(!(low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff), `${d.code}: splits a surrogate pair`);
            }
            assert.ok(d.message && !/\bat line \d+/.test(d.message), `${d.code}: ${d.message}`);
          }
        }),
        { numRuns: 60, seed: 20261130 },
      );
    }
  });

  it('builds the same value as the yaml package for documents with anchors, aliases and merge keys', () => {
    const scalar = fc.constantFrom('1', 'x', 'null', '"q"', 'true', '2.5');
    const entry = fc.tuple(fc.constantFrom('a', 'b', 'c', '1'), scalar);
    const doc = fc.tuple(fc.array(entry, { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(fc.array(entry, { maxLength: 3 }), fc.boolean(), fc.boolean()), { maxLength: 5 }));
    fc.assert(
      fc.property(doc, ([anchored, users]) => {
        let text = 'base: &base\n' + anchored.map(([k, v]) => `  ${k}: ${v}\n`).join('') + 'other: &other {c: 3, d: 4}\nusers:\n';
        for (const [own, first, both] of users) {
          const pairs = own.map(([k, v]) => `${k}: ${v}`);
          const merge = both ? '<<: [*base, *other]' : '<<: *base';
          const lines = first ? [merge, ...pairs] : [...pairs, merge];
          text += `  - ${lines.join('\n    ')}\n`;
        }
        text += 'again: *base\n';
        const parsed = parseDocument(text, { version: '1.2', schema: 'core', merge: true, uniqueKeys: false, logLevel: 'error' });
        assert.deepEqual(parsed.errors, []);
        assert.deepStrictEqual(buildValue(parsed, 10_000), parsed.toJS({ maxAliasCount: 10_000 }));
      }),
      { numRuns: 200, seed: 20261130 },
    );
  });
});
