import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import { run } from '../../src/cli/main';
import { escapeAzureData, escapeAzureProperty, escapeGithubData, escapeGithubProperty, formatAzure, formatGithub } from '../../src/cli/ciFormats';
import type { FileDiagnostic, JsonDiagnostic } from '../../src/cli/output';
import { validateCommand } from '../../src/cli/validateCommand';

const ROOT = path.join(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'samples', 'dekker-accountants');
const BROKEN = path.join(ROOT, 'test', 'fixtures', 'workspace', 'broken');
const TOOL = { name: 'msp-docs', version: '0.0.0' };

function at(file: string, line: number, character: number, endLine: number, endCharacter: number, severity: FileDiagnostic['diagnostic']['severity'], code: string, message: string): FileDiagnostic {
  return { file, diagnostic: { range: { start: { line, character }, end: { line: endLine, character: endCharacter } }, severity, code, message } };
}

describe('msp-docs validate: CI formats', () => {
  it('escapes GitHub workflow-command data and properties as @actions/core does', () => {
    assert.equal(escapeGithubData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
    assert.equal(escapeGithubProperty('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext%3A a%2C b');
  });

  it('prints one GitHub workflow command per finding, character by character', () => {
    const out = formatGithub([
      at('clients/a,b: c/plan.yaml', 2, 4, 2, 9, 'error', 'schema.enum', 'Say 50% more\nor less, please: now'),
      at('plan.yaml', 0, 0, 3, 1, 'warning', 'plan.day-instead-of-month', 'Plan in months'),
      at('scope.yaml', 5, 0, 5, 3, 'info', 'scope.later-without-trigger', 'When?'),
      at('x.yaml', 1, 1, 1, 2, 'hint', 'yaml.x', 'h'),
    ]);
    assert.equal(
      out,
      [
        '::error file=clients/a%2Cb%3A c/plan.yaml,line=3,col=5,endLine=3,endColumn=10,title=schema.enum::Say 50%25 more%0Aor less, please: now',
        '::warning file=plan.yaml,line=1,endLine=4,title=plan.day-instead-of-month::Plan in months',
        '::notice file=scope.yaml,line=6,col=1,endLine=6,endColumn=4,title=scope.later-without-trigger::When?',
        '::notice file=x.yaml,line=2,col=2,endLine=2,endColumn=3,title=yaml.x::h',
      ].join('\n'),
    );
    // Every line has the documented shape: ::command prop=value,...::message, nothing unescaped.
    for (const line of out.split('\n')) assert.match(line, /^::(error|warning|notice) file=[^,:\r\n]+,line=\d+(,col=\d+)?,endLine=\d+(,endColumn=\d+)?,title=[^,:\r\n]+::[^\r\n]*$/);
  });

  it('escapes Azure logging-command data and properties as azure-pipelines-task-lib does', () => {
    assert.equal(escapeAzureData('50% ; ] \r\n'), '50%AZP25 ; ] %0D%0A');
    assert.equal(escapeAzureProperty('50% ; ] \r\n'), '50%AZP25 %3B %5D %0D%0A');
  });

  it('prints ##vso[task.logissue] for errors and warnings only, character by character', () => {
    const out = formatAzure([
      at('a;b]/plan.yaml', 2, 4, 2, 9, 'error', 'schema.enum', 'Say 50% more\r\nplease ]'),
      at('plan.yaml', 0, 0, 3, 1, 'warning', 'plan.day-instead-of-month', 'Plan in months'),
      at('scope.yaml', 5, 0, 5, 3, 'info', 'scope.later-without-trigger', 'When?'),
    ]);
    assert.equal(
      out,
      [
        '##vso[task.logissue type=error;sourcepath=a%3Bb%5D/plan.yaml;linenumber=3;columnnumber=5;code=schema.enum]Say 50%AZP25 more%0D%0Aplease ]',
        '##vso[task.logissue type=warning;sourcepath=plan.yaml;linenumber=1;columnnumber=1;code=plan.day-instead-of-month]Plan in months',
      ].join('\n'),
    );
    for (const line of out.split('\n')) assert.match(line, /^##vso\[task\.logissue type=(error|warning);sourcepath=[^;\]\r\n]+;linenumber=\d+;columnnumber=\d+;code=[^;\]\r\n]+\][^\r\n]*$/);
  });

  it('prints the broken project as GitHub and Azure commands with paths relative to the current folder', async () => {
    const rel = path.relative(process.cwd(), BROKEN).split(path.sep).join('/');
    const gh = await run(['validate', BROKEN, '--format', 'github']);
    assert.equal(gh.exitCode, 1);
    assert.equal(gh.stdout.split('\n').length, 10);
    assert.ok(gh.stdout.split('\n').every((l) => l.startsWith(`::error file=${rel}/hartman-logistics/`) || l.startsWith(`::warning file=${rel}/hartman-logistics/stakeholders.yaml`)), gh.stdout);
    assert.equal(gh.stdout.split('\n').filter((l) => l.startsWith('::warning')).length, 1, 'the glyph warning (planted-errors.json)');
    const az = await run(['validate', BROKEN, '--format', 'azure']);
    assert.equal(az.stdout.split('\n').length, 10);
    assert.ok(az.stdout.split('\n').every((l) => l.startsWith(`##vso[task.logissue type=error;sourcepath=${rel}/hartman-logistics/`) || l.startsWith(`##vso[task.logissue type=warning;sourcepath=${rel}/hartman-logistics/stakeholders.yaml`)), az.stdout);
    assert.equal(az.stdout.split('\n').filter((l) => l.includes('type=warning')).length, 1, 'the glyph warning (planted-errors.json)');
  });
});

describe('msp-docs validate: inputs', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'msp-inputs-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('takes several paths, each file once, and reports them relative to the current folder', async () => {
    const plan = path.join(BROKEN, 'hartman-logistics', 'plan.yaml');
    const result = await run(['validate', path.join(SAMPLE, 'plan.yaml'), plan, path.join(BROKEN, 'hartman-logistics', 'scope.yaml'), plan]);
    assert.equal(result.exitCode, 1);
    assert.match(result.stderr ?? '', /^3 file\(s\) checked: 4 error\(s\)/m);
    const files = new Set(result.stdout.split('\n').map((l) => l.split(':')[0]));
    assert.deepEqual([...files].sort(), [path.relative(process.cwd(), plan), path.relative(process.cwd(), path.join(BROKEN, 'hartman-logistics', 'scope.yaml'))].sort());
  });

  it('expands glob patterns against the current folder', async () => {
    cpSync(BROKEN, path.join(tmp, 'broken'), { recursive: true });
    cpSync(SAMPLE, path.join(tmp, 'clean', 'dekker'), { recursive: true });
    const result = await validateCommand(['**/plan.yaml'], 'json', TOOL, { cwd: tmp });
    assert.equal(result.exitCode, 1);
    assert.match(result.stderr ?? '', /^2 file\(s\) checked: 3 error\(s\)/m);
    const found = JSON.parse(result.stdout) as JsonDiagnostic[];
    assert.deepEqual([...new Set(found.map((d) => d.file))], ['broken/hartman-logistics/plan.yaml']);
    await assert.rejects(validateCommand(['nothing/**/plan.yaml'], 'text', TOOL, { cwd: tmp }), /no project folder or document matches nothing\/\*\*\/plan\.yaml/);
  });

  it('reads one document from standard input with - and --stdin-filename, as part of its project', async () => {
    const text = readFileSync(path.join(BROKEN, 'hartman-logistics', 'plan.yaml'), 'utf8');
    cpSync(SAMPLE, path.join(tmp, 'dekker'), { recursive: true });
    const result = await validateCommand(['-'], 'json', TOOL, { cwd: tmp, stdinFilename: 'dekker/plan.yaml', readStdin: async () => text });
    assert.equal(result.exitCode, 1);
    const found = JSON.parse(result.stdout) as JsonDiagnostic[];
    assert.ok(found.length >= 3);
    assert.ok(found.every((d) => d.file === 'dekker/plan.yaml'));
    // The file on disk is clean: what was checked is the text from standard input.
    assert.equal((await validateCommand(['dekker/plan.yaml'], 'json', TOOL, { cwd: tmp })).exitCode, 0);
    await assert.rejects(validateCommand(['-'], 'json', TOOL, { cwd: tmp, readStdin: async () => text }), /needs --stdin-filename/);
  });

  it('leaves out what .msp-docsignore and "ignore" in .msp-docs.json name (gitignore syntax)', async () => {
    cpSync(BROKEN, path.join(tmp, 'work'), { recursive: true });
    const all = JSON.parse((await validateCommand(['work'], 'json', TOOL, { cwd: tmp })).stdout) as JsonDiagnostic[];
    assert.ok(all.some((d) => d.file.endsWith('plan.yaml')) && all.some((d) => d.file.endsWith('scope.yaml')));
    writeFileSync(path.join(tmp, '.msp-docsignore'), '# drafts\n**/plan.yaml\n');
    const lessPlan = await validateCommand(['work'], 'json', TOOL, { cwd: tmp });
    assert.deepEqual((JSON.parse(lessPlan.stdout) as JsonDiagnostic[]).filter((d) => d.file.endsWith('plan.yaml')), []);
    assert.match(lessPlan.stderr ?? '', /5 file\(s\) checked: 6 error\(s\), 1 warning\(s\), 0 other; 1 ignored/);
    // Named directly, an ignored document is still left out.
    assert.equal((await validateCommand(['work/hartman-logistics/plan.yaml'], 'json', TOOL, { cwd: tmp })).stdout, '[]');
    writeFileSync(path.join(tmp, 'work', '.msp-docs.json'), JSON.stringify({ ignore: ['hartman-logistics/'] }));
    const none = await validateCommand(['work'], 'json', TOOL, { cwd: tmp });
    assert.equal(none.exitCode, 0);
    assert.equal(none.stdout, '[]');
    assert.match(none.stderr ?? '', /0 file\(s\) checked.*; 1 ignored/);
  });

  it('fails on more warnings than --max-warnings', async () => {
    cpSync(SAMPLE, path.join(tmp, 'p'), { recursive: true });
    const scope = parse(readFileSync(path.join(tmp, 'p', 'scope.yaml'), 'utf8')) as Record<string, unknown>;
    scope.out_of_scope = [];
    writeFileSync(path.join(tmp, 'p', 'scope.yaml'), stringify(scope));
    const free = await validateCommand(['p'], 'text', TOOL, { cwd: tmp });
    assert.equal(free.exitCode, 0);
    assert.match(free.stdout, /^p\/scope\.yaml:\d+:\d+: warning .*\[scope\.no-out-of-scope\]$/);
    assert.equal((await validateCommand(['p'], 'text', TOOL, { cwd: tmp, maxWarnings: 1 })).exitCode, 0);
    const over = await validateCommand(['p'], 'text', TOOL, { cwd: tmp, maxWarnings: 0 });
    assert.equal(over.exitCode, 1);
    assert.match(over.stderr ?? '', /1 warning\(s\), more than --max-warnings 0/);
    assert.equal((await run(['validate', SAMPLE, '--max-warnings', 'many'])).exitCode, 2);
  });
});

describe('the $msp-docs problem matcher', () => {
  it('reads every line of the text output into file, line, column, severity, message and code', async () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { problemMatchers: Array<{ name: string; fileLocation: string[]; pattern: { regexp: string; file: number; line: number; column: number; severity: number; message: number; code: number } }> };
    };
    const matcher = manifest.contributes.problemMatchers.find((m) => m.name === 'msp-docs');
    assert.ok(matcher);
    assert.deepEqual(matcher.fileLocation, ['autoDetect', '${cwd}']);
    const p = matcher.pattern;
    const text = await run(['validate', BROKEN]);
    const json = JSON.parse((await run(['validate', BROKEN, '--format', 'json'])).stdout) as JsonDiagnostic[];
    const lines = text.stdout.split('\n');
    assert.equal(lines.length, json.length);
    lines.forEach((line, i) => {
      const m = new RegExp(p.regexp).exec(line);
      assert.ok(m, line);
      assert.equal(path.resolve(m[p.file]), path.join(BROKEN, json[i].file));
      assert.deepEqual([Number(m[p.line]), Number(m[p.column]), m[p.severity], m[p.message], m[p.code]], [json[i].line, json[i].column, json[i].severity, json[i].message, json[i].code]);
    });
  });
});
