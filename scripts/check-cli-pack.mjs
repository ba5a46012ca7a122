// Checks that the command line installs from its npm package: packs the project (`npm pack`, with
// the allow list of .npmignore), installs the tarball into an empty folder offline (the CLI's bundles
// hold all their code, so nothing is fetched) and runs `msp-docs` there: validate on a clean
// project (exit 0) and on a broken one (exit 1), and render. Run after `npm run build`; part of `npm test`.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'msp-cli-pack-'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const fail = (message) => {
  console.error(`check-cli-pack: ${message}`);
  process.exitCode = 1;
};
try {
  const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', tmp], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }))[0];
  const files = packed.files.map((f) => f.path);
  const required = ['package.json', 'bin/msp-docs.js', 'dist/cli.js', 'dist/render.js', 'dist/word.js', 'schemas/plan.schema.json', 'l10n/bundle.l10n.nl.json', 'media/fonts/arimo-latin-400-normal.woff2', 'media/fonts/arimo-OFL.txt', 'media/fonts/noto-sans-arabic-arabic-400-normal.woff2', 'media/fonts/noto-sans-arabic-OFL.txt', 'media/fonts/fontconfig/arimo-latin-400-normal.ttf', 'LICENSE', 'README.md', 'THIRD-PARTY-NOTICES.txt'];
  const missing = required.filter((f) => !files.includes(f));
  const unwanted = files.filter((f) => /^(src|test|bench|out|node_modules)\//.test(f) || f === 'dist/extension.js');
  if (missing.length || unwanted.length) fail(`the package misses ${JSON.stringify(missing)}, holds ${JSON.stringify(unwanted)}`);

  const app = join(tmp, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'cli-pack-check', private: true }));
  execFileSync(npm, ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', join(tmp, packed.filename)], { cwd: app, stdio: ['ignore', 'ignore', 'inherit'] });
  const installed = readdirSync(join(app, 'node_modules')).filter((n) => !n.startsWith('.'));
  if (installed.length !== 1) fail(`installing pulled in other packages: ${installed.join(', ')}`);

  cpSync(join(root, 'samples'), join(app, 'samples'), { recursive: true });
  cpSync(join(root, 'test', 'fixtures', 'workspace', 'broken'), join(app, 'broken'), { recursive: true });
  const cli = (...args) => spawnSync(npm, ['exec', '--offline', '--', 'msp-docs', ...args], { cwd: app, encoding: 'utf8', env: { ...process.env, MSP_DOCS_BROWSER: join(tmp, 'no-browser') } });
  const expect = (what, result, code, test = () => true) => {
    if (result.status !== code || !test(result)) fail(`${what}: exit ${result.status}, expected ${code}\n${result.stdout}\n${result.stderr}`);
  };
  expect('validate samples', cli('validate', 'samples'), 0, (r) => /file\(s\) checked: 0 error/.test(r.stderr));
  expect('validate broken', cli('validate', 'broken', '--format', 'github'), 1, (r) => r.stdout.startsWith('::error file=broken/'));
  expect('validate --lang nl', cli('validate', 'broken/hartman-logistics/plan.yaml', '--lang', 'nl'), 1, (r) => /Onbekende eigenschap/.test(r.stdout));
  const render = cli('render', 'samples', '--out', 'exports', '--docx');
  const written = (ext) => existsSync(join(app, 'exports')) && readdirSync(join(app, 'exports')).some((f) => f.endsWith(ext));
  expect('render --docx', render, 0, () => written('.html') && written('.docx'));
  if (!process.exitCode) console.log(`check-cli-pack: ${packed.filename} (${files.length} files, ${(packed.size / 1024).toFixed(1)} KB) installs offline; validate and render (HTML, Word) run`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
