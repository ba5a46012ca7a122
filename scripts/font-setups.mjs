// Runs the A4 measurement under three font setups of the machine and checks they agree
// (docs/testing.md, "Same A4 on every machine"):
//   none          fontconfig with no font folder at all (a bare container);
//   dejavu        only the DejaVu fonts a bare Debian image has;
//   arial-metric  an Arial-metric set: Liberation when the machine has it, else the same metrics
//                 as TrueType written from the pinned @fontsource packages (Arimo, Cousine).
// For each setup it renders the sample, the Dutch fixture and the many-scripts fixture with the built command line
// (`msp-docs render --pdf`) and runs the measuring browser tests (mocha --grep). It fails when a
// test fails or when the millimetres or the verdict of a fixture differ between setups.
// The browser's own fontconfig (src/core/render/fontconfig.ts) is what makes them agree; the tests
// use no font package of the machine. Needs `npm run build` first. Usage: node scripts/font-setups.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'msp-font-setups-'));
// many-scripts: Greek, Cyrillic, Hebrew and Arabic names in the bundled fonts, CJK and emoji in none
// (test/browser/scripts.browser.test.ts, whose tests the grep takes too).
const FIXTURES = ['samples/dekker-accountants', 'test/fixtures/render/bakker-installatietechniek', 'test/fixtures/render/many-scripts'];
const GREP = 'one A4 page|Dutch fixture|40 stages|preview equals print|0.3 mm too long|bundled fonts: without the CJK|names the CJK';

/** The Arial-metric fonts' folder: Liberation if installed, else TrueType from @fontsource. */
async function arialMetricDir() {
  const liberation = ['/usr/share/fonts/truetype/liberation', '/usr/share/fonts/truetype/liberation2', '/usr/share/fonts/liberation'].filter(existsSync);
  if (liberation.length) return liberation;
  const { decompress } = require('wawoff2');
  const dir = path.join(tmp, 'arial-metric');
  rmSync(dir, { recursive: true, force: true });
  const fonts = JSON.parse(readFileSync(path.join(root, 'src/core/render/fonts.json'), 'utf8'));
  const { mkdirSync } = await import('node:fs');
  mkdirSync(dir, { recursive: true });
  // The Latin families (Arimo, Cousine); Noto Sans Arabic is no Arial-metric font.
  for (const family of fonts.families.filter((f) => f.subsets.includes('latin'))) {
    const id = family.package.replace(/^@fontsource\//, '');
    for (const [weight, style] of family.faces) {
      const file = `${id}-latin-${weight}-${style}`;
      writeFileSync(path.join(dir, `${file}.ttf`), Buffer.from(await decompress(readFileSync(require.resolve(`${family.package}/files/${file}.woff2`)))));
    }
  }
  return [dir];
}

const setups = {
  none: [],
  dejavu: ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu'].filter(existsSync),
  'arial-metric': await arialMetricDir(),
};

let failed = false;
const results = {};
for (const [name, dirs] of Object.entries(setups)) {
  const conf = path.join(tmp, `${name}.conf`);
  writeFileSync(conf, `<?xml version="1.0"?>\n<fontconfig>${dirs.map((d) => `<dir>${d}</dir>`).join('')}<cachedir>${path.join(tmp, `cache-${name}`)}</cachedir></fontconfig>\n`);
  const env = { ...process.env, FONTCONFIG_FILE: conf, TZ: 'America/Anchorage', LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' };
  const listed = spawnSync('fc-list', { env, encoding: 'utf8' });
  console.log(`font-setups: ${name}: ${listed.status === 0 ? listed.stdout.split('\n').filter(Boolean).length : '?'} fonts known to fontconfig`);
  results[name] = {};
  for (const fixture of FIXTURES) {
    const out = path.join(tmp, `${name}-${path.basename(fixture)}`);
    const r = spawnSync(process.execPath, [path.join(root, 'bin/msp-docs.js'), 'render', path.join(root, fixture), '--out', out, '--pdf', '--lang', 'en'], { env, encoding: 'utf8' });
    const verdict = (r.stdout ?? '').split('\n').find((l) => /: .*A4 page/.test(l))?.replace(/^[^:]*: /, '') ?? `exit ${r.status}: ${r.stderr}`;
    results[name][fixture] = verdict;
  }
  const mocha = spawnSync('npx', ['mocha', '--config', '.mocharc.browser.json', '--grep', GREP], { cwd: root, env, stdio: 'inherit' });
  if (mocha.status !== 0) {
    console.error(`font-setups: the measuring browser tests failed with the font setup "${name}"`);
    failed = true;
  }
}
for (const fixture of FIXTURES) {
  const seen = Object.entries(results).map(([name, r]) => `${name}: ${r[fixture]}`);
  const same = new Set(Object.values(results).map((r) => r[fixture])).size === 1;
  console.log(`font-setups: ${fixture} ${same ? 'the same in every setup' : 'DIFFERS'}\n  ${seen.join('\n  ')}`);
  if (!same) failed = true;
}
rmSync(tmp, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
