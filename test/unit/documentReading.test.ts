import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Alias } from 'yaml';
import { setTranslations } from '../../src/core/common/l10n';
import { clearValidationCache, validateDocument } from '../../src/core/document/validate';
import type { DocumentKind } from '../../src/core/common/types';
import { generateDuplicateKeys, generateMerges, generateUnknownKeys } from '../../bench/generate';
import { at } from './helpers';

const DUTCH = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'l10n', 'bundle.l10n.nl.json'), 'utf8')) as Record<string, string>;

/** `[code, range, message]` of every finding, in English or (with `nl`) in Dutch. */
function read(kind: DocumentKind, text: string, nl = false): Array<[string, string, string]> {
  clearValidationCache();
  setTranslations(nl ? DUTCH : undefined);
  try {
    return validateDocument(kind, text).diagnostics.map((d) => [d.code, at(d), d.message]);
  } finally {
    setTranslations(undefined);
    clearValidationCache();
  }
}

const MANIFEST = 'id: acme\ntitle: T\nclient: Acme\nproject_manager: Sam\nphase: scope\n';
const PLAN = 'method: hybrid\nversion: "0.3"\ngoal: G\n';

describe('reading documents: one regression per kind of fault', function () {
  // The large inputs take seconds on a busy machine; what they guard against took minutes.
  this.timeout(60_000);
  it('puts a key indented by a stray space after a comment on the key, not on the comment', () => {
    const text = 'id: acme\n# comment\n title: T\nclient: Acme\nproject_manager: Sam\nphase: scope\n';
    assert.deepEqual(read('project', text), [['yaml.bad-indent', '3:2-3:7', 'This line is not indented like the lines around it; line it up with the other keys or items at its level (spaces only).']]);
    assert.deepEqual(read('project', text, true)[0][2], 'Deze regel springt anders in dan de regels eromheen; lijn hem uit met de andere sleutels of items op zijn niveau (alleen spaties).');
  });

  it('covers a value with a colon and a space in it and says to quote it', () => {
    const text = 'id: acme\ntitle: Note: this\nclient: Acme\nproject_manager: Sam\nphase: scope\n';
    assert.deepEqual(read('project', text), [['yaml.block-as-implicit-key', '2:8-2:18', 'A colon followed by a space inside a value without quotes starts a new key; put the whole value in quotes: "Note: this".']]);
    assert.deepEqual(read('project', text, true), [
      ['yaml.block-as-implicit-key', '2:8-2:18', 'Een dubbele punt met een spatie erna in een waarde zonder aanhalingstekens begint een nieuwe sleutel; zet de hele waarde tussen aanhalingstekens: "Note: this".'],
    ]);
  });

  it('never ends a range between the two halves of an emoji', () => {
    const [[code, range]] = read('project', 'id: acme\ntitle: "Move 😀\nclient: Acme\n');
    assert.deepEqual([code, range], ['yaml.missing-char', '2:8-2:16']);
    assert.deepEqual(read('project', 'id: acme\ntitle: "Move 😀\nclient: Acme\n', true), [
      ['yaml.missing-char', '2:8-2:16', 'Deze waarde tussen aanhalingstekens heeft geen sluitend aanhalingsteken; zet het waar de waarde eindigt.'],
    ]);
    // Line 2 is `title: "Move 😀`: character 15 (0-based 14) would split the emoji; the range ends after it.
    assert.equal('title: "Move 😀'.length, 15);
  });

  it('reads a complex key without a warning on stderr and reports it on the key', () => {
    const warnings: string[] = [];
    const listener = (w: Error) => warnings.push(w.message);
    process.on('warning', listener);
    const originalEmit = process.emitWarning;
    process.emitWarning = ((w: string | Error) => warnings.push(String(w))) as typeof process.emitWarning;
    try {
      const found = read('project', MANIFEST + '? [a, b]\n: 1\n');
      assert.deepEqual(found.map(([c, r]) => [c, r]), [['schema.additionalProperties', '6:3-6:9']]);
      assert.match(found[0][2], /^Unknown property "\[ a, b \]"/);
      assert.deepEqual(read('project', MANIFEST + '? [a, b]\n: 1\n', true)[0].slice(0, 2), ['schema.additionalProperties', '6:3-6:9']);
      assert.match(read('project', MANIFEST + '? [a, b]\n: 1\n', true)[0][2], /^Onbekende eigenschap "\[ a, b \]"/);
    } finally {
      process.emitWarning = originalEmit;
      process.off('warning', listener);
    }
    assert.deepEqual(warnings, []);
  });

  it('checks the second document of a file too, and still warns that it is ignored', () => {
    const found = read('project', MANIFEST + '---\nid: 5\n');
    assert.deepEqual(found[0], ['yaml.multiple-documents', '6:1-6:4', 'project.yaml holds one YAML document; this second document is ignored.']);
    assert.deepEqual(found[found.length - 1], ['schema.type', '7:5-7:6', 'Expected text but found a number; put it in quotes: "5".']);
    assert.deepEqual(read('project', MANIFEST + '---\nid: 5\n', true).at(-1), ['schema.type', '7:5-7:6', 'Hier hoort tekst, maar er staat een getal; zet het tussen aanhalingstekens: "5".']);
  });

  it('says that .inf is not a usable number instead of "expected a number but found a number"', () => {
    const text = PLAN + 'stages: []\nbudget:\n  hours: .inf\n';
    assert.deepEqual(read('plan', text), [['schema.type', '6:10-6:14', '".inf" is not a usable number here; write a plain number, e.g. 420.']]);
    assert.deepEqual(read('plan', text, true), [['schema.type', '6:10-6:14', '".inf" is hier geen bruikbaar getal; schrijf een gewoon getal, bijvoorbeeld 420.']]);
  });

  it('validates thousands of merges of an anchor with an error in it without searching the document per alias', () => {
    const resolve = Alias.prototype.resolve;
    let calls = 0;
    Alias.prototype.resolve = function (this: Alias, ...args: Parameters<typeof resolve>) {
      calls++;
      return resolve.apply(this, args);
    };
    try {
      const found = read('plan', generateMerges(2000));
      assert.deepEqual(found, [['schema.enum', '6:9-6:14', '"bogus" is not allowed here; use one of: initiation, migration, adoption, security-check, delivery, other.']]);
      // The same file with the anchor right (the benchmark's other merge row) has nothing to say.
      assert.deepEqual(read('plan', generateMerges(2000, false)), []);
      assert.deepEqual(read('plan', generateMerges(20), true), [['schema.enum', '6:9-6:14', '"bogus" is hier niet toegestaan; gebruik een van: initiation, migration, adoption, security-check, delivery, other.']]);
    } finally {
      Alias.prototype.resolve = resolve;
    }
    assert.equal(calls, 0, 'Alias.resolve walks the whole document on every call');
  });

  it('reports thousands of duplicate keys in time close to parsing them', () => {
    const small = generateDuplicateKeys(500);
    const large = generateDuplicateKeys(4000);
    read('project', small);
    const t0 = process.cpuUsage();
    const found = read('project', large);
    const spent = process.cpuUsage(t0);
    assert.equal(found.filter(([c]) => c === 'yaml.duplicate-key').length, 4000);
    assert.deepEqual(found[0], ['yaml.duplicate-key', '6:1-6:7', 'The key "client" appears twice in this mapping; keep one (YAML keeps only the last).']);
    // Before the index, each duplicate walked the document: 4,000 took about 6 s of CPU.
    assert.ok((spent.user + spent.system) / 1000 < 3000, `${(spent.user + spent.system) / 1000} ms`);
    assert.deepEqual(read('project', generateDuplicateKeys(3), true), [
      ['yaml.duplicate-key', '6:1-6:7', 'De sleutel "client" staat twee keer in deze mapping; houd er één (YAML onthoudt alleen de laatste).'],
      ['yaml.duplicate-key', '7:1-7:7', 'De sleutel "client" staat twee keer in deze mapping; houd er één (YAML onthoudt alleen de laatste).'],
      ['yaml.duplicate-key', '8:1-8:7', 'De sleutel "client" staat twee keer in deze mapping; houd er één (YAML onthoudt alleen de laatste).'],
    ]);
  });

  it('reports each of 5,000 unknown keys on its own key, in English and Dutch (its time: npm run bench, "Hostile files")', () => {
    const found = read('project', generateUnknownKeys(5000));
    assert.equal(found.length, 5000);
    assert.deepEqual(found.at(-1)?.slice(0, 2), ['schema.additionalProperties', '5005:1-5005:11']);
    const known = 'id, title, client, project_manager, phase, status, start, language, tags';
    assert.deepEqual(read('project', generateUnknownKeys(2)), [
      ['schema.additionalProperties', '6:1-6:8', `Unknown property "extra-0". Known properties here: ${known}.`],
      ['schema.additionalProperties', '7:1-7:8', `Unknown property "extra-1". Known properties here: ${known}.`],
    ]);
    assert.deepEqual(read('project', generateUnknownKeys(2), true), [
      ['schema.additionalProperties', '6:1-6:8', `Onbekende eigenschap "extra-0". Bekende eigenschappen hier: ${known}.`],
      ['schema.additionalProperties', '7:1-7:8', `Onbekende eigenschap "extra-1". Bekende eigenschappen hier: ${known}.`],
    ]);
  });

  it('turns a plan with 18,000 list items into findings, not "Maximum call stack size exceeded"', () => {
    // Seven findings per empty stage: 126,000, more than a spread into `push` can pass.
    const found = read('plan', PLAN + 'stages:\n' + '  - {}\n'.repeat(18_000));
    assert.equal(found.length, 126_000);
    assert.deepEqual(found[0], ['schema.required', '5:5-5:7', 'Missing required property "id".']);
    assert.deepEqual(found.at(-1), ['schema.required', '18004:5-18004:7', 'Missing required property "deliverables".']);
    const nl = read('plan', PLAN + 'stages:\n' + '  - {}\n'.repeat(18_000), true);
    assert.equal(nl.length, 126_000);
    assert.deepEqual(nl[0], ['schema.required', '5:5-5:7', 'Verplichte eigenschap "id" ontbreekt.']);
    assert.deepEqual(nl.at(-1), ['schema.required', '18004:5-18004:7', 'Verplichte eigenschap "deliverables" ontbreekt.']);
    assert.deepEqual(read('plan', PLAN + 'stages:\n  - x\n', true), [['schema.type', '5:5-5:6', 'Hier hoort een mapping van sleutels en waarden, maar er staat tekst.']]);
  });
});

describe('reading documents: every message in Dutch', function () {
  this.timeout(60_000);
  /** English words that never appear in a Dutch sentence of ours (quoted user text is removed first). */
  const ENGLISH = /\b(the|and|not|found|expected|must|should|missing|allowed|quote|error|this|with|without|nested|compact|implicit|indicator|cannot|here|but|line|value|number|alias count)\b/i;
  const INPUTS: Array<[DocumentKind, string]> = [
    ['project', 'id: acme\n# c\n title: T\n'],
    ['project', 'id: acme\ntitle: Note: this\n'],
    ['project', 'id: acme\ntitle: x\n  bad: 1\n'],
    ['project', 'id: "open\n'],
    ['project', "id: 'open\n"],
    ['project', 'id: a\nid: b\n'],
    ['project', 'id:\n\t- a\n'],
    ['project', 'a: "\\q"\n'],
    ['project', 'a: @x\n'],
    ['project', 'a: [1, 2\nb: 1\n'],
    ['project', 'a: {b: 1 c: 2}\n'],
    ['project', 'a: &x &y 1\n'],
    ['project', 'a: *\n'],
    ['project', 'a: *nowhere\n'],
    ['project', '- a\nb: 1\n'],
    ['project', 'a: [\n- b]\n'],
    ['project', '['.repeat(2000)],
    ['project', 'a: b#c\nd: e #f\nx:#y\n'],
    ['project', 'a: 1\n---\nb: 2\n'],
    ['project', ''],
    ['project', '\u0000'],
    ['project', 'id: 5\ntitle: [a]\nclient: {}\nproject_manager: null\nphase: nowhere\nstart: 2026-13\nlanguage: 1\nunknown: 1\n'],
    ['plan', 'method: hybrid\nversion: 1\ngoal: G\nstages: []\nbudget:\n  hours: .inf\n  amount: x\n  currency: euro\nx: &a [1]\ny:\n  <<: *a\n'],
    ['stakeholders', 'stakeholders:\n  - name: A\n    email: not-an-address\n'],
    ['intake', 'no front matter\n'],
    ['intake', '---\nclient: A\ndate: 2026-02-30\n---\n'],
  ];

  it('uses no English words in any finding', () => {
    const codes = new Set<string>();
    for (const [kind, text] of INPUTS) {
      for (const [code, , message] of read(kind, text, true)) {
        codes.add(code);
        const words = message.replace(/"[^"]*"/g, '').replace(/: [^;.]*[.;]?$/, '');
        assert.ok(!ENGLISH.test(words), `${kind} ${JSON.stringify(text.slice(0, 30))}: ${code}: ${message}`);
      }
    }
    // The walk reaches the syntax, alias, schema and document paths.
    for (const code of ['yaml.bad-indent', 'yaml.block-as-implicit-key', 'yaml.missing-char', 'yaml.duplicate-key', 'yaml.tab-indent', 'yaml.undefined-alias', 'yaml.invalid', 'yaml.multiple-documents', 'schema.type', 'schema.enum', 'schema.pattern', 'schema.format', 'schema.required', 'schema.additionalProperties', 'schema.empty', 'document.not-text', 'intake.no-front-matter']) {
      assert.ok(codes.has(code), `no input reaches ${code}`);
    }
  });
});
