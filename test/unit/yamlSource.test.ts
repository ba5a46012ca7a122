import * as assert from 'node:assert/strict';
import { validateDocument } from '../../src/core/document/validate';
import { readYaml } from '../../src/core/document/yamlSource';
import { at, findings, PROJECT } from './helpers';

describe('reading YAML with source positions', () => {
  it('accepts a valid document without findings', () => {
    assert.deepEqual(findings('project', PROJECT), []);
  });

  it('reads every document of a multi-document file and reports syntax errors in each', () => {
    const src = readYaml('a: 1\n---\nb: [1\n---\nc: 3\n');
    assert.equal(src.documents.length, 3);
    assert.deepEqual(src.documents[0].value, { a: 1 });
    assert.equal(src.documents[1].broken, true);
    assert.deepEqual(src.documents[2].value, { c: 3 });
    assert.equal(src.diagnostics.length, 1);
    assert.equal(src.diagnostics[0].range.start.line, 3);
  });

  it('warns that a second document in a project file is ignored, and still shows the mistakes in it', () => {
    assert.deepEqual(findings('project', PROJECT + '---\nx: 1\n'), [
      ['yaml.multiple-documents', '6:1-6:4'],
      ...['id', 'title', 'client', 'project_manager', 'phase'].map((): [string, string] => ['schema.required', '7:1-7:2']),
      ['schema.additionalProperties', '7:1-7:2'],
    ]);
  });

  it('puts a syntax error at its real place, not on a comment line above it', () => {
    const text = ['# the manifest', '# of a project', 'id: acme', 'title: "unterminated', 'client: Acme', ''].join('\n');
    const diags = validateDocument('project', text).diagnostics;
    assert.ok(diags.length >= 1);
    for (const d of diags) assert.ok(d.range.start.line >= 2, `${d.code} at ${at(d)} is on a comment line`);
    assert.ok(diags.every((d) => d.code.startsWith('yaml.')), 'no schema errors from a broken structure');
  });

  it('reports a duplicate key on the second occurrence', () => {
    const text = PROJECT + 'title: Again\n';
    const diags = validateDocument('project', text).diagnostics;
    assert.deepEqual(diags.map((d) => [d.code, at(d)]), [['yaml.duplicate-key', '6:1-6:6']]);
    assert.match(diags[0].message, /"title" appears twice/);
  });

  it('reports a tab used as indentation on the tab, with no schema errors from the mis-parse', () => {
    const text = 'in_scope:\n  - id: a\n\t  title: A\nout_of_scope: []\n';
    assert.deepEqual(findings('scope', text), [['yaml.tab-indent', '3:1-3:2']]);
  });

  it('gives the same columns with a UTF-8 BOM as without', () => {
    const text = PROJECT.replace('phase: scope', 'phase: planning');
    assert.deepEqual(findings('project', '\uFEFF' + text), findings('project', text));
    assert.deepEqual(findings('project', text), [['schema.enum', '5:8-5:16']]);
  });

  it('gives the same line and column for CRLF as for LF', () => {
    const text = PROJECT.replace('phase: scope', 'phase: planning');
    assert.deepEqual(findings('project', text.replace(/\n/g, '\r\n')), [['schema.enum', '5:8-5:16']]);
  });

  it('counts columns in UTF-16 code units, so accents and emoji before an error do not shift it', () => {
    // "é" is one code unit, "🚚" two (a surrogate pair): 9 + 11 + 20 + 18 + 7 units precede `nope`.
    const flow = '{ id: x, client: C, project_manager: P, title: "Café 🚚", phase: nope }\n';
    const col = flow.indexOf('nope') + 1;
    assert.deepEqual(findings('project', flow), [['schema.enum', `1:${col}-1:${col + 4}`]]);
    assert.equal(col, 66);
  });

  it('reads YAML 1.2 core even under a %YAML 1.1 directive: dates and `no` stay strings', () => {
    const src = readYaml('%YAML 1.1\n---\nstart: 2026-05\nday: 2026-05-01\nanswer: no\nother: yes\n');
    assert.deepEqual(src.documents[0].value, { start: '2026-05', day: '2026-05-01', answer: 'no', other: 'yes' });
    assert.deepEqual(src.diagnostics, []);
  });

  it('supports merge keys', () => {
    const text = ['defaults: &d', '  approach: prince2', '  type: migration', 'items:', '  - <<: *d', '    id: s1', ''].join('\n');
    assert.deepEqual(readYaml(text).documents[0].value, { defaults: { approach: 'prince2', type: 'migration' }, items: [{ approach: 'prince2', type: 'migration', id: 's1' }] });
  });

  it('maps schema errors inside merged values to the anchored node', () => {
    const text = ['method: hybrid', 'version: "0.1"', 'goal: G', 'x-defaults: &d', '  approach: waterfall', '  type: migration', '  deliverables: []', 'stages:', '  - <<: *d', '    id: s1', '    name: S', '    start: 2026-01', '    end: 2026-02', ''].join('\n');
    assert.deepEqual(findings('plan', text), [['schema.enum', '5:13-5:22']]);
  });

  it('reports an undefined alias once, on the alias', () => {
    const text = PROJECT.replace('client: Acme', 'client: *who');
    const diags = validateDocument('project', text).diagnostics;
    assert.deepEqual(diags.map((d) => [d.code, at(d)]), [['yaml.undefined-alias', '3:9-3:13']]);
    assert.match(diags[0].message, /\*who/);
  });

  it('stops an alias bomb within milliseconds with one clear error', () => {
    let text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    const names = 'abcdefghij';
    for (let i = 1; i < 10; i++) text += `${names[i]}: &${names[i]} [${Array(9).fill('*' + names[i - 1]).join(',')}]\n`;
    const started = process.hrtime.bigint();
    const diags = validateDocument('project', text).diagnostics;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.deepEqual(diags.map((d) => [d.code, at(d)]), [['yaml.alias-limit', '2:8-2:10']]);
    assert.ok(ms < 1000, `took ${ms} ms`);
  });

  it('lets a normal file with a few hundred merge keys pass', () => {
    const lines = ['method: hybrid', 'version: "0.1"', 'goal: G', 'x-defaults: &d', '  approach: prince2', '  type: migration', '  deliverables: [x]', 'stages:'];
    for (let i = 0; i < 400; i++) lines.push('  - <<: *d', `    id: s${i}`, `    name: Stage ${i}`, '    start: 2026-01', '    end: 2026-02');
    assert.deepEqual(findings('plan', lines.join('\n') + '\n'), []);
  });

  it('gives an empty file a readable message on a visible range', () => {
    const diags = validateDocument('scope', '').diagnostics;
    assert.deepEqual(diags.map((d) => [d.code, at(d)]), [['schema.empty', '1:1-1:2']]);
    assert.match(diags[0].message, /scope\.yaml is empty; it needs at least: in_scope, out_of_scope/);
  });

  it('treats a file with only comments as empty, on its first line', () => {
    assert.deepEqual(findings('scope', '# nothing yet\n'), [['schema.empty', '1:1-1:14']]);
  });

  it('gives a key without value a readable message on the key', () => {
    const text = PROJECT.replace('title: Move to Microsoft 365', 'title:');
    const diags = validateDocument('project', text).diagnostics;
    assert.deepEqual(diags.map((d) => [d.code, at(d)]), [['schema.type', '2:1-2:6']]);
    assert.equal(diags[0].message, '"title" has no value; expected text.');
  });
});
