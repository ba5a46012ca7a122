/** Input that is not what it claims to be: binary files, long syntax messages, numbers written as versions. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { setTranslations } from '../../src/core/common/l10n';
import { renderProposal } from '../../src/core/render/proposal';
import { looksBinary, validateDocument } from '../../src/core/document/validate';
import { loadProject } from '../../src/core/project/workspace';
import { nodeHost } from '../../src/cli/nodeHost';
import { at, findings } from './helpers';
import { SAMPLE } from './renderFixtures';

const ROOT = path.join(__dirname, '..', '..');
const PNG = readFileSync(path.join(ROOT, 'docs', 'images', 'tree-and-diagnostic.png'));
const HARTMAN = path.join(ROOT, 'test', 'fixtures', 'workspace', 'broken', 'hartman-logistics');

describe('binary files named like a document', () => {
  const NOT_TEXT = {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 'error',
    code: 'document.not-text',
    message: 'plan.yaml is not a text file (it contains binary data); it must hold the document as UTF-8 text.',
  };

  it('gives a PNG read as UTF-8 one error on line 1 and nothing else', () => {
    const result = validateDocument('plan', PNG.toString('utf8'));
    assert.deepEqual(result.diagnostics, [NOT_TEXT]);
    assert.equal(result.data, undefined);
    assert.equal(result.yaml, undefined);
  });

  it('gives a project with such a plan.yaml one error for it, no rule findings about it', async () => {
    const host = { ...nodeHost, readFile: async (file: string) => (path.basename(file) === 'plan.yaml' ? PNG.toString('utf8') : nodeHost.readFile(file)) };
    const report = await loadProject(host, SAMPLE);
    assert.deepEqual(report.documents.plan.diagnostics, [NOT_TEXT]);
    assert.equal(report.errors, 1);
  });

  it('finds binary data by a NUL in the first 8 KB or by many replacement characters, not by one', () => {
    assert.equal(looksBinary('id: a\u0000b\n'), true);
    assert.equal(looksBinary('\uFFFD\uFFFD\uFFFD\uFFFD' + 'x'.repeat(30)), true);
    assert.equal(looksBinary('title: caf\uFFFD\n'), false, 'one Windows-1252 letter is a text problem, not binary data');
    assert.equal(looksBinary('x'.repeat(9000) + '\u0000'), false, 'only the start is looked at');
    assert.deepEqual(findings('project', 'id: acme\ntitle: caf\uFFFD\nclient: C\nproject_manager: P\nphase: scope\n'), []);
    assert.equal(validateDocument('intake', '\u0000\u0000---\n').diagnostics[0].message, 'intake.md is not a text file (it contains binary data); it must hold the document as UTF-8 text.');
  });

  it('says it in Dutch too', () => {
    setTranslations(JSON.parse(readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.nl.json'), 'utf8')) as Record<string, string>);
    try {
      assert.equal(validateDocument('scope', '\u0000').diagnostics[0].message, 'scope.yaml is geen tekstbestand (het bevat binaire gegevens); het moet het document als UTF-8-tekst bevatten.');
    } finally {
      setTranslations(undefined);
    }
  });

  it('says a syntax error in a plain sentence that does not quote the text, on the offending token', () => {
    const [diagnostic] = validateDocument('plan', `version: "1"\nsummary: >${'x'.repeat(300)}\n`).diagnostics;
    assert.equal(diagnostic.code, 'yaml.unexpected-token');
    assert.equal(diagnostic.message, 'This is not expected here; check the indentation, and whether the value needs quotes.');
    assert.ok(!diagnostic.message.includes('xxx'));
    assert.equal(at(diagnostic), '2:11-2:311');
  });
});

describe('a version written as a number', () => {
  it('names the export and shows the version as written: 0.10 stays v0.10', async () => {
    const report = await loadProject(nodeHost, HARTMAN);
    assert.deepEqual(report.documents.plan.numbersAsWritten, { '/version': '0.10' });
    const rendered = renderProposal(report, { date: '2026-08-20' });
    assert.equal(rendered.fileName, 'hartman-werkplekken-v0.10.html');
    assert.equal(rendered.version, '0.10');
  });

  it('records only numbers whose text says more than the number, by JSON Pointer', () => {
    const result = validateDocument('plan', 'version: 1.0\nbudget:\n  hours: 40\n  amount: 1e3\nhistory:\n  - version: 0.20\n  - version: "0.30"\n');
    assert.deepEqual(result.numbersAsWritten, { '/version': '1.0', '/budget/amount': '1e3', '/history/0/version': '0.20' });
    assert.equal(validateDocument('plan', 'version: "0.3"\n').numbersAsWritten, undefined);
  });
});
