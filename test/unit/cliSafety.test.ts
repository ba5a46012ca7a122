import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { run } from '../../src/cli/main';
import type { JsonDiagnostic } from '../../src/cli/output';
import { validateCommand } from '../../src/cli/validateCommand';
import { exportFileName } from '../../src/core/render';
import { RULES } from '../../src/core/rules';
import { ruleHelp } from '../../src/cli/ruleHelp';
import { setTranslations } from '../../src/core/common/l10n';

const ROOT = path.join(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'samples', 'dekker-accountants');
const BROKEN = path.join(ROOT, 'test', 'fixtures', 'workspace', 'broken');
const TOOL = { name: 'msp-docs', version: '0.0.0' };
const MAIN = path.join(ROOT, 'src', 'cli', 'main.ts');

type SarifRule = { id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string }; helpUri: string; defaultConfiguration: { level: string } };
type Sarif = { runs: Array<{ tool: { driver: { rules: SarifRule[] } }; results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }> }> }> };

const unreadable = (found: JsonDiagnostic[], file: string) => found.filter((d) => d.code === 'document.unreadable' && d.file.endsWith(file));
/** `[line, column, endLine, endColumn, message]` (1-based) of the `document.unreadable` findings on `file`. */
const unreadableAt = (found: JsonDiagnostic[], file: string) => unreadable(found, file).map((d) => [d.line, d.column, d.endLine, d.endColumn, d.message]);
const DUTCH = JSON.parse(readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.nl.json'), 'utf8')) as Record<string, string>;

/** `validate --format json` of `paths` (relative to `cwd`), in English or (with `nl`) in Dutch. */
async function validateJson(paths: string[], cwd: string, nl = false): Promise<{ found: JsonDiagnostic[]; exitCode: number; stderr?: string }> {
  setTranslations(nl ? DUTCH : undefined);
  try {
    const result = await validateCommand(paths, 'json', TOOL, { cwd });
    return { found: JSON.parse(result.stdout) as JsonDiagnostic[], exitCode: result.exitCode, stderr: result.stderr };
  } finally {
    setTranslations(undefined);
  }
}

describe('msp-docs: files the walk cannot read', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'msp-walk-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('reports a pipe named plan.yaml on that document instead of hanging, and goes on', async function () {
    if (process.platform === 'win32') this.skip();
    cpSync(SAMPLE, path.join(tmp, 'p'), { recursive: true });
    rmSync(path.join(tmp, 'p', 'plan.yaml'));
    assert.equal(spawnSync('mkfifo', [path.join(tmp, 'p', 'plan.yaml')]).status, 0);
    const result = await validateCommand(['p'], 'json', TOOL, { cwd: tmp });
    assert.equal(result.exitCode, 1);
    const found = JSON.parse(result.stdout) as JsonDiagnostic[];
    assert.deepEqual(unreadable(found, 'plan.yaml').map((d) => [d.line, d.column, d.message]), [[1, 1, 'plan.yaml is not a regular file (a pipe, socket or device); it was not read.']]);
    assert.match(result.stderr ?? '', /6 file\(s\) checked: 1 error/);
    const nl = await validateJson(['p'], tmp, true);
    assert.equal(nl.exitCode, 1);
    assert.deepEqual(unreadableAt(nl.found, 'plan.yaml'), [[1, 1, 1, 2, 'plan.yaml is geen gewoon bestand (een pipe, socket of apparaat); het is niet gelezen.']]);
  });

  it('reports a folder named like a document, in English and Dutch', async () => {
    cpSync(SAMPLE, path.join(tmp, 'p'), { recursive: true });
    rmSync(path.join(tmp, 'p', 'stakeholders.yaml'));
    mkdirSync(path.join(tmp, 'p', 'stakeholders.yaml'));
    const found = JSON.parse((await validateCommand(['p'], 'json', TOOL, { cwd: tmp })).stdout) as JsonDiagnostic[];
    assert.equal(unreadable(found, 'stakeholders.yaml')[0]?.message, 'stakeholders.yaml is a folder, not a file; it was not read.');
    assert.deepEqual(unreadableAt(found, 'stakeholders.yaml'), [[1, 1, 1, 2, 'stakeholders.yaml is a folder, not a file; it was not read.']]);
    const nl = await run(['validate', path.join(tmp, 'p'), '--format', 'json', '--lang', 'nl']);
    assert.equal(unreadable(JSON.parse(nl.stdout) as JsonDiagnostic[], 'stakeholders.yaml')[0]?.message, 'stakeholders.yaml is een map, geen bestand; het is niet gelezen.');
    await run(['validate', SAMPLE, '--lang', 'en']);
  });

  it('reports a file it may not read', async function () {
    if (process.platform === 'win32' || process.getuid?.() === 0) this.skip(); // root reads everything
    cpSync(SAMPLE, path.join(tmp, 'p'), { recursive: true });
    chmodSync(path.join(tmp, 'p', 'scope.yaml'), 0o000);
    const found = JSON.parse((await validateCommand(['p'], 'json', TOOL, { cwd: tmp })).stdout) as JsonDiagnostic[];
    assert.equal(unreadable(found, 'scope.yaml')[0]?.message, 'scope.yaml cannot be read: permission denied.');
    assert.deepEqual(unreadableAt(found, 'scope.yaml'), [[1, 1, 1, 2, 'scope.yaml cannot be read: permission denied.']]);
    assert.deepEqual(unreadableAt((await validateJson(['p'], tmp, true)).found, 'scope.yaml'), [[1, 1, 1, 2, 'scope.yaml kan niet worden gelezen: geen toestemming.']]);
  });

  it('reports a document that is a symbolic link in a loop on that document, in English and Dutch, and goes on', async function () {
    if (process.platform === 'win32') this.skip();
    cpSync(SAMPLE, path.join(tmp, 'p'), { recursive: true });
    rmSync(path.join(tmp, 'p', 'scope.yaml'));
    symlinkSync('scope.yaml', path.join(tmp, 'p', 'scope.yaml'));
    const en = await validateJson(['p'], tmp);
    assert.equal(en.exitCode, 1);
    assert.deepEqual(unreadableAt(en.found, 'scope.yaml'), [[1, 1, 1, 2, 'scope.yaml is a symbolic link that points to itself in a loop; it was not read.']]);
    assert.match(en.stderr ?? '', /6 file\(s\) checked: 1 error/);
    const nl = await validateJson(['p'], tmp, true);
    assert.deepEqual(unreadableAt(nl.found, 'scope.yaml'), [[1, 1, 1, 2, 'scope.yaml is een symbolische koppeling die in een kring naar zichzelf wijst; het bestand is niet gelezen.']]);
  });

  it('never follows a symbolic link out of the folder it was given, and ends on a link to /', async function () {
    if (process.platform === 'win32') this.skip();
    const outside = path.join(tmp, 'outside');
    cpSync(BROKEN, outside, { recursive: true });
    const work = path.join(tmp, 'work');
    cpSync(SAMPLE, path.join(work, 'p'), { recursive: true });
    rmSync(path.join(work, 'p', 'plan.yaml'));
    symlinkSync(path.join(outside, 'hartman-logistics', 'plan.yaml'), path.join(work, 'p', 'plan.yaml'));
    symlinkSync(outside, path.join(work, 'linked-out'));
    symlinkSync('/', path.join(work, 'root'));
    const result = await validateCommand(['work'], 'json', TOOL, { cwd: tmp });
    const found = JSON.parse(result.stdout) as JsonDiagnostic[];
    assert.deepEqual(found.map((d) => [d.file, d.code]), [['p/plan.yaml', 'document.unreadable']]);
    assert.equal(found[0].message, 'plan.yaml is a symbolic link to a place outside the folder being checked; it was not read.');
    assert.deepEqual(unreadableAt(found, 'plan.yaml'), [[1, 1, 1, 2, 'plan.yaml is a symbolic link to a place outside the folder being checked; it was not read.']]);
    assert.ok(!found.some((d) => d.message.includes('owner_id')), 'a file outside was read');
    const nl = await validateJson(['work'], tmp, true);
    assert.deepEqual(
      nl.found.map((d) => [d.file, d.line, d.column, d.endLine, d.endColumn, d.message]),
      [['p/plan.yaml', 1, 1, 1, 2, 'plan.yaml is een symbolische koppeling naar een plek buiten de map die wordt gecontroleerd; het bestand is niet gelezen.']],
    );
  });

  it('reads a file with CR-only line ends as lines, like the editor', async () => {
    cpSync(SAMPLE, path.join(tmp, 'p'), { recursive: true });
    const file = path.join(tmp, 'p', 'plan.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\r?\n/g, '\r'));
    const clean = await validateCommand(['p'], 'json', TOOL, { cwd: tmp });
    assert.equal(clean.stdout, '[]');
    const broken = readFileSync(path.join(BROKEN, 'hartman-logistics', 'plan.yaml'), 'utf8');
    writeFileSync(file, broken.replace(/\r?\n/g, '\r'));
    const lf = JSON.parse((await validateCommand([path.join(BROKEN, 'hartman-logistics', 'plan.yaml')], 'json', TOOL)).stdout) as JsonDiagnostic[];
    const cr = JSON.parse((await validateCommand(['p/plan.yaml'], 'json', TOOL, { cwd: tmp })).stdout) as JsonDiagnostic[];
    assert.deepEqual(cr.map(({ file: _f, ...d }) => d).filter((d) => d.code.startsWith('schema.')), lf.map(({ file: _f, ...d }) => d).filter((d) => d.code.startsWith('schema.')));
  });

  it('bounds the export name derived from a 300-character project id, so render writes it', async () => {
    const id = 'a'.repeat(300);
    assert.equal(exportFileName(id, '1.0'), `${'a'.repeat(120)}-v1.0.html`);
    assert.ok(exportFileName(id, 'x'.repeat(300)).length < 200);
    cpSync(SAMPLE, path.join(tmp, 'p'), { recursive: true });
    const manifest = path.join(tmp, 'p', 'project.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/^id: .*$/m, `id: ${id}`));
    const result = await run(['render', path.join(tmp, 'p'), '--out', path.join(tmp, 'out'), '--browser', '/nonexistent/chromium', '--lang', 'en']);
    assert.equal(result.exitCode, 0, result.stderr);
    assert.equal(path.dirname(result.stdout), path.join(tmp, 'out'));
    assert.match(path.basename(result.stdout), /^a{120}-v[0-9.]+\.html$/);
    assert.ok(existsSync(result.stdout));
  });
});

describe('msp-docs: what it writes, encoded for where it goes', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'msp-out-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('gives SARIF rules their descriptions, help, helpUri and default level, valid against SARIF 2.1.0', async () => {
    const log = JSON.parse((await run(['validate', BROKEN, '--format', 'sarif'])).stdout) as Sarif;
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 1));
    const rules = log.runs[0].tool.driver.rules;
    assert.ok(rules.length >= 5);
    for (const rule of rules) {
      assert.ok(rule.shortDescription.text.length > 10 && rule.shortDescription.text !== rule.id, rule.id);
      assert.ok(rule.fullDescription.text.length > 10 && rule.help.text.includes(rule.helpUri), rule.id);
      assert.match(rule.helpUri, /^https:\/\/github\.com\/msp-docs\/msp-project-docs\/blob\/main\/docs\/(FORMAT|method-rules)\.md$/);
      // The broken fixture's findings: errors, and the glyph warning (planted-errors.json).
      assert.equal(rule.defaultConfiguration.level, rule.id === 'project.glyphs-missing' ? 'warning' : 'error', rule.id);
    }
    // Every method rule has its own help and its default severity.
    for (const rule of RULES) {
      const help = ruleHelp(rule.code);
      assert.equal(help.defaultSeverity, rule.defaultSeverity, rule.code);
      assert.ok(help.helpUri.endsWith('method-rules.md') && help.short !== ruleHelp('schema.x').short, rule.code);
    }
    assert.equal(ruleHelp('stakeholders.duplicate-id').short, 'Two stakeholders share an id.');
  });

  it('encodes SARIF URIs per path segment, so # and ? in folder names stay in the path', async () => {
    const dir = path.join(tmp, 'client #12? 100%');
    cpSync(BROKEN, dir, { recursive: true });
    const log = JSON.parse((await validateCommand([tmp], 'sarif', TOOL)).stdout) as Sarif;
    const uris = log.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri);
    assert.ok(uris.length > 0);
    for (const uri of uris) assert.match(uri, /^client%20%2312%3F%20100%25\/hartman-logistics\/[a-z]+\.(yaml|md)$/);
    assert.equal(decodeURIComponent(new URL(uris[0], 'file:///r/').pathname).startsWith('/r/client #12? 100%/'), true);
  });

  it('stops quietly when the reader closes the pipe (| head), with its own exit code', async () => {
    const child = spawn(process.execPath, ['-r', 'tsx/cjs', MAIN, 'validate', BROKEN], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 1);
    assert.doesNotMatch(stderr, /EPIPE|Error|    at /);
  });

  it('stops the browser and deletes its temporary profile on Ctrl-C during render --pdf', async function () {
    if (process.platform === 'win32') this.skip();
    this.timeout(30000);
    const seen = path.join(tmp, 'browser-args');
    const fake = path.join(tmp, 'chromium');
    // A stand-in browser that records its pid and arguments and then waits, like a slow print.
    writeFileSync(fake, `#!/bin/sh\necho "$$ $*" > "${seen}.tmp" && mv "${seen}.tmp" "${seen}"\nexec sleep 60\n`, { mode: 0o755 });
    const child = spawn(process.execPath, ['-r', 'tsx/cjs', MAIN, 'render', SAMPLE, '--pdf', '--out', path.join(tmp, 'out'), '--browser', fake], { cwd: ROOT, stdio: 'ignore' });
    const deadline = Date.now() + 20000;
    while (!existsSync(seen)) {
      if (Date.now() > deadline) assert.fail('the stand-in browser was not started');
      await new Promise((r) => setTimeout(r, 50));
    }
    const [pid, ...args] = readFileSync(seen, 'utf8').trim().split(' ');
    const profile = args.find((a) => a.startsWith('--user-data-dir='))?.slice('--user-data-dir='.length) ?? '';
    assert.ok(existsSync(profile), profile);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 130);
    // The profile is the temporary folder the session made (mkdtemp): it must be gone.
    assert.match(path.basename(profile), /^msp-docs-/);
    assert.ok(!existsSync(profile), 'the temporary profile is left behind');
    const status = existsSync(`/proc/${pid}/status`) ? readFileSync(`/proc/${pid}/status`, 'utf8') : '';
    const state = /^State:\s+(\w)/m.exec(status)?.[1] ?? 'gone';
    assert.ok(state === 'Z' || state === 'gone', `the browser still runs (state ${state})`);
  });
});
