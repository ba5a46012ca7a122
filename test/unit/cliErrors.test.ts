/** How `msp-docs` reports what goes wrong: short messages, no stack, no help text after a failed run. */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { run } from '../../src/cli/main';
import { findProjectsOnDisk } from '../../src/cli/nodeHost';
import { USAGE } from '../../src/cli/usage';
import { PROJECT } from './helpers';
import { SAMPLE } from './renderFixtures';

const ROOT = path.join(__dirname, '..', '..');
const BROKEN = path.join(ROOT, 'test', 'fixtures', 'workspace', 'broken');
const NO_BROWSER = '/nonexistent/chromium';
const HINT = 'Run msp-docs --help for usage.';

describe('msp-docs errors and warnings', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'msp-cli-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('says "unknown option --bogus" instead of parseArgs advice', async () => {
    const result = await run(['validate', SAMPLE, '--bogus']);
    assert.equal(result.exitCode, 2);
    assert.equal(result.stderr, `msp-docs: unknown option --bogus\n\n${USAGE}`);
  });

  it('gives errors that are not about the arguments a hint instead of the help text', async () => {
    const cases: Array<[string[], string]> = [
      [['validate', '/no/such/path'], 'cannot read /no/such/path'],
      [['render', '/no/such/path'], 'cannot read /no/such/path'],
      [['validate', tmp], `no project (a folder with project.yaml) found under ${tmp}`],
      [['render', tmp], `no project (a folder with project.yaml) found under ${tmp}`],
      [['validate', '--config', path.join(tmp, 'none.json'), SAMPLE], `cannot read the configuration file ${path.join(tmp, 'none.json')}`],
    ];
    for (const [args, message] of cases) {
      const result = await run([...args, '--lang', 'en']);
      assert.deepEqual([result.exitCode, result.stdout, result.stderr], [2, '', `msp-docs: ${message}\n${HINT}`], args.join(' '));
    }
  });

  it('says --out is not a folder when it names a file, and writes nothing', async () => {
    const file = path.join(tmp, 'out.html');
    writeFileSync(file, 'keep');
    const result = await run(['render', SAMPLE, '--out', file, '--browser', NO_BROWSER, '--lang', 'en']);
    assert.deepEqual([result.exitCode, result.stdout, result.stderr], [2, '', `msp-docs: --out ${file} is not a folder\n${HINT}`]);
    assert.deepEqual(readdirSync(tmp), ['out.html']);
  });

  it('prints an unexpected error as one line, with the stack only under MSP_DOCS_DEBUG=1', async () => {
    writeFileSync(path.join(tmp, 'file'), '');
    const out = path.join(tmp, 'file', 'sub');
    const saved = process.env.MSP_DOCS_DEBUG;
    try {
      delete process.env.MSP_DOCS_DEBUG;
      const quiet = await run(['render', SAMPLE, '--out', out, '--browser', NO_BROWSER, '--lang', 'en']);
      assert.equal(quiet.exitCode, 2);
      assert.equal(quiet.stderr, `msp-docs: ENOTDIR: not a directory, mkdir '${out}'`);
      process.env.MSP_DOCS_DEBUG = '1';
      const loud = await run(['render', SAMPLE, '--out', out, '--browser', NO_BROWSER, '--lang', 'en']);
      assert.match(loud.stderr ?? '', /^msp-docs: Error: ENOTDIR: not a directory, mkdir '.*'\n {4}at /);
    } finally {
      if (saved === undefined) delete process.env.MSP_DOCS_DEBUG;
      else process.env.MSP_DOCS_DEBUG = saved;
    }
  });

  it('renders a project inside a symbolic link loop once', async () => {
    const loop = path.join(tmp, 'loop');
    mkdirSync(loop);
    for (const name of readdirSync(SAMPLE)) if (/\.(yaml|md)$/.test(name)) writeFileSync(path.join(loop, name), readFileSync(path.join(SAMPLE, name), 'utf8'));
    symlinkSync('../loop', path.join(loop, 'self'), 'dir');
    const out = path.join(tmp, 'out');
    const result = await run(['render', tmp, '--out', out, '--browser', NO_BROWSER, '--lang', 'en']);
    assert.equal(result.exitCode, 0, result.stderr);
    assert.equal(result.stdout, path.join(out, 'dekker-m365-v0.3.html'));
    assert.deepEqual(readdirSync(out), ['dekker-m365-v0.3.html']);
    const validated = await run(['validate', tmp, '--format', 'json']);
    assert.deepEqual([validated.exitCode, validated.stderr], [0, '6 file(s) checked: 0 error(s), 0 warning(s), 0 other']);
  });

  it('refuses two projects that write one file, also when the paths differ only by a link', async () => {
    for (const name of ['a', 'b']) {
      mkdirSync(path.join(tmp, name));
      writeFileSync(path.join(tmp, name, 'project.yaml'), PROJECT);
    }
    const out = path.join(tmp, 'out');
    mkdirSync(out);
    symlinkSync('out', path.join(tmp, 'out-link'), 'dir');
    const result = await run(['render', tmp, '--out', path.join(tmp, 'out-link'), '--browser', NO_BROWSER, '--lang', 'en']);
    assert.equal(result.exitCode, 2);
    assert.equal(result.stderr?.split('\n').at(-2), `msp-docs: two projects would write ${path.join(tmp, 'out-link', 'acme-m365-v0.0.html')}; give them different ids`);
    assert.deepEqual(readdirSync(out), []);
  });

  it('warns on stderr where the search for projects stopped at the depth bound', async () => {
    mkdirSync(path.join(tmp, 'a', 'b', 'c'), { recursive: true });
    writeFileSync(path.join(tmp, 'a', 'project.yaml'), PROJECT);
    writeFileSync(path.join(tmp, 'a', 'b', 'c', 'project.yaml'), PROJECT);
    assert.deepEqual(await findProjectsOnDisk(tmp, 2), {
      projects: [path.join(tmp, 'a')],
      warnings: [`the search for projects stopped 2 folders deep in ${path.join(tmp, 'a', 'b')}; folders below it were not searched.`],
    });
    // 66 folders deep: past the bound of 64.
    const deep = path.join(tmp, ...Array.from({ length: 66 }, () => 'd'));
    mkdirSync(deep, { recursive: true });
    writeFileSync(path.join(deep, 'project.yaml'), PROJECT);
    const result = await run(['validate', tmp, '--lang', 'en']);
    const stopped = path.join(tmp, ...Array.from({ length: 64 }, () => 'd'));
    assert.deepEqual(result.stderr?.split('\n'), [
      `msp-docs: warning: the search for projects stopped 64 folders deep in ${stopped}; folders below it were not searched.`,
      '2 file(s) checked: 0 error(s), 0 warning(s), 0 other',
    ]);
  });

  it('validates before rendering: each document with errors is a warning, and 0.10 names the file v0.10', async () => {
    const out = path.join(tmp, 'out');
    const result = await run(['render', BROKEN, '--out', out, '--browser', NO_BROWSER, '--lang', 'en']);
    assert.equal(result.exitCode, 0);
    assert.equal(result.stdout, path.join(out, 'hartman-werkplekken-v0.10.html'));
    const dir = path.relative(process.cwd(), path.join(BROKEN, 'hartman-logistics'));
    assert.deepEqual(result.stderr?.split('\n').slice(0, 6), [
      `warning: ${path.join(dir, 'project.yaml')} has 1 error; the proposal may be wrong (run msp-docs validate).`,
      `warning: ${path.join(dir, 'intake.md')} has 1 error; the proposal may be wrong (run msp-docs validate).`,
      `warning: ${path.join(dir, 'scope.yaml')} has 1 error; the proposal may be wrong (run msp-docs validate).`,
      `warning: ${path.join(dir, 'plan.yaml')} has 3 errors; the proposal may be wrong (run msp-docs validate).`,
      `warning: ${path.join(dir, 'stakeholders.yaml')} has 2 errors; the proposal may be wrong (run msp-docs validate).`,
      `warning: ${path.join(dir, 'handover.yaml')} has 1 error; the proposal may be wrong (run msp-docs validate).`,
    ]);
    const nl = await run(['render', path.join(BROKEN, 'hartman-logistics', 'plan.yaml'), '--out', out, '--force', '--browser', NO_BROWSER, '--lang', 'nl']);
    assert.equal(nl.stderr?.split('\n')[3], `waarschuwing: ${path.join(dir, 'plan.yaml')} heeft 3 fouten; het voorstel kan onjuist zijn (voer msp-docs validate uit).`);
    await run(['validate', SAMPLE, '--lang', 'en']);
  });

  it('gives SARIF locations a %SRCROOT% base: the folder validated, or the folder of the one document', async () => {
    type Sarif = { runs: Array<{ originalUriBaseIds: Record<string, { uri: string }>; results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }> }> }> };
    const folder = JSON.parse((await run(['validate', BROKEN, '--format', 'sarif'])).stdout) as Sarif;
    assert.deepEqual(folder.runs[0].originalUriBaseIds, { '%SRCROOT%': { uri: pathToFileURL(BROKEN).href + '/' } });
    assert.deepEqual(folder.runs[0].results[0].locations[0].physicalLocation.artifactLocation, { uri: 'hartman-logistics/project.yaml', uriBaseId: '%SRCROOT%' });
    const file = path.relative(process.cwd(), path.join(BROKEN, 'hartman-logistics', 'plan.yaml'));
    const one = JSON.parse((await run(['validate', file, '--format', 'sarif'])).stdout) as Sarif;
    assert.deepEqual(one.runs[0].originalUriBaseIds, { '%SRCROOT%': { uri: pathToFileURL(path.join(BROKEN, 'hartman-logistics')).href + '/' } });
    assert.deepEqual(
      one.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation),
      [1, 2, 3].map(() => ({ uri: 'plan.yaml', uriBaseId: '%SRCROOT%' })),
    );
  });
});
