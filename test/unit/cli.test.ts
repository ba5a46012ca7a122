import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { run } from '../../src/cli/main';
import type { JsonDiagnostic } from '../../src/cli/output';

const ROOT = path.join(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'samples');
const BROKEN = path.join(ROOT, 'test', 'fixtures', 'workspace', 'broken');

interface Planted extends JsonDiagnostic {
  what: string;
}

describe('msp-docs validate', () => {
  it('exits 0 on the sample with no findings at all', async () => {
    const result = await run(['validate', SAMPLE, '--format', 'json']);
    assert.equal(result.exitCode, 0);
    assert.deepEqual(JSON.parse(result.stdout), []);
  });

  it('exits 1 on the broken project and reports each planted error at its exact place', async () => {
    const result = await run(['validate', BROKEN, '--format', 'json']);
    assert.equal(result.exitCode, 1);
    const got = (JSON.parse(result.stdout) as JsonDiagnostic[]).map(({ message: _m, ...rest }) => rest);
    const planted = JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'planted-errors.json'), 'utf8')) as Planted[];
    const expected = planted.map(({ what: _w, message: _m, ...rest }) => ({ ...rest, file: path.relative(BROKEN, path.join(ROOT, rest.file)) }));
    const key = (d: { file: string; line: number; column: number }) => `${d.file}:${String(d.line).padStart(4)}:${String(d.column).padStart(4)}`;
    assert.deepEqual([...got].sort((a, b) => key(a).localeCompare(key(b))), [...expected].sort((a, b) => key(a).localeCompare(key(b))));
  });

  it('prints compiler-style text lines, the path relative to the current folder', async () => {
    const result = await run(['validate', path.join(BROKEN, 'hartman-logistics', 'project.yaml')]);
    assert.equal(result.exitCode, 1);
    assert.equal(
      result.stdout,
      `${path.relative(process.cwd(), path.join(BROKEN, 'hartman-logistics', 'project.yaml'))}:6:8: error "planning" is not allowed here; use one of: intake, scope, approach, stakeholders, delivery, closed. [schema.enum]`,
    );
  });

  it('prints SARIF 2.1.0 that validates against the SARIF schema', async () => {
    const result = await run(['validate', BROKEN, '--format', 'sarif']);
    assert.equal(result.exitCode, 1);
    type SarifResult = { ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: object } }> };
    const log = JSON.parse(result.stdout) as { version: string; runs: Array<{ results: SarifResult[] }> };
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    // The published schema has one pattern that is invalid in Unicode mode.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 1));
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs[0].results.length, 10);
    const enumResult = log.runs[0].results.find((r) => r.ruleId === 'schema.enum' && r.locations[0].physicalLocation.artifactLocation.uri.endsWith('project.yaml'));
    assert.ok(enumResult);
    assert.deepEqual(enumResult.locations[0].physicalLocation.region, { startLine: 6, startColumn: 8, endLine: 6, endColumn: 16 });
  });

  it('prints messages in Dutch with --lang nl', async () => {
    const result = await run(['validate', path.join(BROKEN, 'hartman-logistics', 'project.yaml'), '--lang', 'nl']);
    assert.match(result.stdout, /"planning" is hier niet toegestaan/);
    await run(['validate', SAMPLE, '--lang', 'en']);
  });

  it('exits 2 with a message for bad arguments and unreadable paths', async () => {
    for (const args of [['validate'], ['validate', '/no/such/path'], ['validate', SAMPLE, '--format', 'xml'], ['frobnicate', SAMPLE], ['validate', SAMPLE, '--bogus'], ['validate', path.join(ROOT, 'README.md')]]) {
      const result = await run(args);
      assert.equal(result.exitCode, 2, args.join(' '));
      assert.match(result.stderr ?? '', /msp-docs: |Usage:/, args.join(' '));
    }
  });

  it('runs as a process with the documented exit code', () => {
    const cli = spawnSync(process.execPath, ['-r', 'tsx/cjs', path.join(ROOT, 'src', 'cli', 'main.ts'), 'validate', BROKEN], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(cli.status, 1, cli.stderr);
    assert.equal(cli.stdout.trim().split('\n').length, 10);
    assert.match(cli.stderr, /12|6 file\(s\) checked: 9 error\(s\)/);
  });
});
