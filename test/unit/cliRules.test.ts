import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import { DOCUMENT_FILES } from '../../src/core/document/documents';
import type { JsonDiagnostic } from '../../src/cli/output';
import type { DocumentKind } from '../../src/core/common/types';
import { BASE, edit } from './ruleHelpers';

const BROKEN = path.join(__dirname, '..', 'fixtures', 'workspace', 'broken');

/** `[file, code, severity, line:col]` of a JSON run, for exact comparisons. */
function rows(stdout: string): Array<[string, string, string, string]> {
  return (JSON.parse(stdout) as JsonDiagnostic[]).map((d) => [d.file.replace(/\\/g, '/'), d.code, d.severity, `${d.line}:${d.column}`]);
}

describe('msp-docs validate with method rules', () => {
  let root: string;
  /** workspace/clients/acme: out_of_scope empty (a warning), a plan owner that is not a stakeholder (an error, across files). */
  let project: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'msp-docs-rules-'));
    project = path.join(root, 'clients', 'acme');
    mkdirSync(project, { recursive: true });
    const texts: Record<DocumentKind, string> = {
      ...BASE,
      scope: BASE.scope.replace(/out_of_scope:\n.*\n.*\n.*\n/, 'out_of_scope: []\n'),
      plan: edit(BASE.plan, 20, '    owner: it', '    owner: tech-lead'),
    };
    for (const [kind, text] of Object.entries(texts)) writeFileSync(path.join(project, DOCUMENT_FILES[kind as DocumentKind]), text);
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reports rule findings with their codes and default severities', async () => {
    const result = await run(['validate', root, '--format', 'json']);
    assert.equal(result.exitCode, 1);
    assert.deepEqual(rows(result.stdout), [
      ['clients/acme/scope.yaml', 'scope.no-out-of-scope', 'warning', '5:1'],
      ['clients/acme/plan.yaml', 'plan.unknown-owner', 'error', '20:12'],
    ]);
    assert.match(result.stderr ?? '', /6 file\(s\) checked: 1 error\(s\), 1 warning\(s\), 0 other/);
  });

  it('honours the nearest .msp-docs.json in an ancestor folder', async () => {
    writeFileSync(path.join(root, '.msp-docs.json'), JSON.stringify({ rules: { 'plan.unknown-owner': 'warning', 'scope.no-out-of-scope': 'off' } }));
    const result = await run(['validate', root, '--format', 'json']);
    assert.equal(result.exitCode, 0);
    assert.deepEqual(rows(result.stdout), [['clients/acme/plan.yaml', 'plan.unknown-owner', 'warning', '20:12']]);
    // The nearer file wins over the one above it.
    writeFileSync(path.join(project, '.msp-docs.json'), JSON.stringify({ rules: { 'plan.unknown-owner': 'off' } }));
    assert.deepEqual(rows((await run(['validate', root, '--format', 'json'])).stdout), [['clients/acme/scope.yaml', 'scope.no-out-of-scope', 'warning', '5:1']]);
  });

  it('uses --config FILE instead of the nearest file, and warns about unknown codes on stderr', async () => {
    writeFileSync(path.join(root, '.msp-docs.json'), JSON.stringify({ rules: { 'plan.unknown-owner': 'off' } }));
    const config = path.join(root, 'ci.json');
    writeFileSync(config, JSON.stringify({ rules: { 'scope.no-out-of-scope': 'error', 'plan.unkown-owner': 'off' } }));
    const result = await run(['validate', root, '--format', 'json', '--config', config]);
    assert.equal(result.exitCode, 1);
    assert.deepEqual(rows(result.stdout), [
      ['clients/acme/project.yaml', 'project.phase-ahead-of-documents', 'info', '5:8'],
      ['clients/acme/scope.yaml', 'scope.no-out-of-scope', 'error', '5:1'],
      ['clients/acme/plan.yaml', 'plan.unknown-owner', 'error', '20:12'],
    ]);
    assert.match(result.stderr ?? '', /msp-docs: warning: .*ci\.json: Unknown rule "plan\.unkown-owner"; did you mean "plan\.unknown-owner"\? The entry is ignored\./);
    assert.match(result.stderr ?? '', /2 error\(s\), 0 warning\(s\), 1 other/);
  });

  it('exits 2 on a configuration file that is not JSON, or a --config that cannot be read', async () => {
    writeFileSync(path.join(root, '.msp-docs.json'), '{ rules: ');
    const bad = await run(['validate', root]);
    assert.equal(bad.exitCode, 2);
    assert.match(bad.stderr ?? '', /\.msp-docs\.json: The configuration is not valid JSON/);
    const missing = await run(['validate', project, '--config', path.join(root, 'nope.json')]);
    assert.equal(missing.exitCode, 2);
    assert.match(missing.stderr ?? '', /cannot read the configuration file/);
  });

  it('checks a single document as part of its project, so cross-file rules agree with the folder run', async () => {
    const result = await run(['validate', path.join(project, 'plan.yaml'), '--format', 'json']);
    assert.equal(result.exitCode, 1);
    assert.deepEqual(rows(result.stdout).map((r) => r.slice(1)), [['plan.unknown-owner', 'error', '20:12']]);
  });

  it('checks a single document outside a project alone: cross-file rules skip, its own rules run', async () => {
    const lone = path.join(root, 'loose');
    mkdirSync(lone);
    writeFileSync(path.join(lone, 'plan.yaml'), edit(edit(BASE.plan, 20, '    owner: it', '    owner: tech-lead'), 7, '    start: 2026-09', '    start: 2026-09-15'));
    const result = await run(['validate', path.join(lone, 'plan.yaml'), '--format', 'json']);
    assert.equal(result.exitCode, 0);
    assert.deepEqual(rows(result.stdout).map((r) => r.slice(1)), [['plan.day-instead-of-month', 'warning', '7:12']]);
  });

  it('prints rule messages in Dutch with --lang nl', async () => {
    const result = await run(['validate', path.join(project, 'scope.yaml'), '--lang', 'nl']);
    assert.match(result.stdout, /Er valt nog niets buiten de scope\. .* \[scope\.no-out-of-scope\]/);
    await run(['validate', project, '--lang', 'en']);
  });

  it('adds no rule findings to the broken fixture: schema errors do not cascade into rule noise', async () => {
    const result = await run(['validate', BROKEN, '--format', 'json']);
    const codes = rows(result.stdout).map((r) => r[1]);
    // The one rule finding is no cascade: the emoji in a stakeholder's name prints as a box (planted-errors.json).
    assert.deepEqual(codes.filter((c) => !/^(schema|yaml)\./.test(c)), ['project.glyphs-missing']);
  });
});
