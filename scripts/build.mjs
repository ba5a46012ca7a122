// Bundles the extension and the command line with esbuild (type checking is `npm run typecheck`).
// Usage: node scripts/build.mjs [--watch] [--dev]   (minified unless --dev)
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { yamlBrowserBuild } from './yamlBrowserBuild.mjs';
import { vscodeOnce } from './vscodeOnce.mjs';

const watch = process.argv.includes('--watch');
const dev = process.argv.includes('--dev');

// The schemas' validators, compiled at build time (src/core/document/schemas.ts): regenerate when a schema changed.
const { generateValidators, OUT } = createRequire(import.meta.url)('./schemaValidators.cjs');
const validators = generateValidators();
if (!existsSync(OUT) || readFileSync(OUT, 'utf8') !== validators) {
  writeFileSync(OUT, validators);
  console.log(`${OUT} regenerated from schemas/`);
}

// What the proposal's text fonts can print (scripts/fontCoverage.cjs), for the rule project.glyphs-missing:
// regenerate when the fonts changed.
const coverage = createRequire(import.meta.url)('./fontCoverage.cjs');
const coverageText = coverage.generateCoverage();
if (!existsSync(coverage.OUT) || readFileSync(coverage.OUT, 'utf8') !== coverageText) {
  writeFileSync(coverage.OUT, coverageText);
  console.log(`${coverage.OUT} regenerated from the bundled fonts`);
}

// The proposal's fonts (src/core/render/fonts.ts, listed in fonts.json) and their licences, from the
// pinned @fontsource packages into media/fonts/: the webview loads them from there, the bundles read
// them from there for the export's data: URLs, and the .vsix ships them. A build output, not committed.
const require = createRequire(import.meta.url);
const fontList = JSON.parse(readFileSync('src/core/render/fonts.json', 'utf8'));
mkdirSync('media/fonts', { recursive: true });
let fontBytes = 0;
for (const family of fontList.families) {
  const id = family.package.replace(/^@fontsource\//, '');
  copyFileSync(require.resolve(`${family.package}/LICENSE`), `media/fonts/${id}-OFL.txt`);
  for (const [weight, style] of family.faces) {
    for (const subset of family.subsets) {
      const file = `${id}-${subset}-${weight}-${style}.woff2`;
      const from = require.resolve(`${family.package}/files/${file}`);
      copyFileSync(from, `media/fonts/${file}`);
      fontBytes += readFileSync(from).length;
    }
  }
}
console.log(`media/fonts/  ${(fontBytes / 1024).toFixed(1)} KB of woff2`);
// The text font as TrueType for the headless browser's fontconfig (src/core/render/fontconfig.ts):
// Chromium takes no woff2 from fontconfig and, with no font there, loads no @font-face at all.
mkdirSync('media/fonts/fontconfig', { recursive: true });
const { decompress } = require('wawoff2');
const ttfFile = `media/fonts/fontconfig/${fontList.fontconfig}.ttf`;
const ttf = Buffer.from(await decompress(readFileSync(require.resolve(`@fontsource/arimo/files/${fontList.fontconfig}.woff2`))));
if (!existsSync(ttfFile) || !readFileSync(ttfFile).equals(ttf)) writeFileSync(ttfFile, ttf);

// package.json says `"sideEffects": false`: our modules only declare things at the top level, so a bundle
// keeps only what it uses from a group's index.ts (src/core/*/index.ts re-export a whole group).
/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: !dev,
  sourcemap: dev ? 'inline' : false,
  logLevel: 'warning',
  metafile: true,
  // yaml's browser build parses faster in Node too (see the plugin).
  plugins: [yamlBrowserBuild],
};

const suiteDir = 'test/vscode/suite';
// The suite's files and those of its `restricted/` folder (the Restricted Mode run, test/vscode/run.mjs
// --restricted) and `empty/` folder (a workspace without projects, --empty).
const suiteEntries = [suiteDir, `${suiteDir}/restricted`, `${suiteDir}/empty`].flatMap((dir) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => `${dir}/${f}`) : [],
);

// The A4 renderer (markdown-it and the proposal markup) is a bundle of its own, `dist/render.js`,
// which the extension and the command line require on their first render
// (`src/core/render/load.ts`, which reads `MSP_DOCS_BUNDLE`); it keeps both main bundles
// under 400 KB (docs/benchmarks.md).
const hosts = { ...common, define: { MSP_DOCS_BUNDLE: 'true' } };

// tinyglobby (the command line's globs) imports fdir, whose ES module build calls
// createRequire(import.meta.url), which is undefined in a CommonJS bundle: take fdir's CommonJS build.
const fdirCjs = createRequire(require.resolve('tinyglobby')).resolve('fdir');

const builds = [
  { ...hosts, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', plugins: [...common.plugins, vscodeOnce] },
  { ...hosts, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', alias: { fdir: fdirCjs } },
  { ...common, entryPoints: ['src/core/render/proposal.ts'], outfile: 'dist/render.js' },
  // The Word export (the `docx` package, JSZip and the Word proposal) likewise: `dist/word.js`,
  // required only when a Word export runs (`src/core/word/load.ts`).
  { ...common, entryPoints: ['src/core/word/proposalDocx.ts'], outfile: 'dist/word.js' },
  // The A4 preview's webview script: runs in the webview (a browser), loaded from media/ (the only
  // local resource root the webview gets); a build output, not committed.
  { ...common, plugins: [], platform: 'browser', format: 'iife', target: 'es2020', entryPoints: ['src/webview/preview.ts'], outfile: 'media/preview.js' },
  // The boards' webview script (Scope Canvas board, stakeholder grid), the same way.
  { ...common, plugins: [], platform: 'browser', format: 'iife', target: 'es2020', entryPoints: ['src/webview/board.ts'], outfile: 'media/board.js' },
  // Integration suite: runs inside the VS Code extension host; mocha comes from node_modules.
  { ...common, minify: false, sourcemap: 'inline', entryPoints: suiteEntries, outbase: suiteDir, outdir: 'out/test/vscode/suite', external: ['vscode', 'mocha'], metafile: false },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  const results = await Promise.all(builds.map((b) => esbuild.build(b)));
  writeThirdPartyNotices(results);
  for (const r of results) {
    if (!r.metafile) continue;
    for (const [file, info] of Object.entries(r.metafile.outputs)) {
      console.log(`${file}  ${(info.bytes / 1024).toFixed(1)} KB`);
      // A static import of the renderer or the Word export would pull them back in.
      const lazy = Object.keys(info.inputs).filter((i) => /node_modules\/(markdown-it|docx|jszip)\/|src\/core\/render\/(proposal|markdown)\.ts$|src\/core\/word\/(?!index|load)/.test(i));
      if (/^dist\/(extension|cli)\.js$/.test(file) && lazy.length > 0) {
        console.error(`${file} holds ${lazy.join(', ')}: import the renderer through src/core/render/load.ts (loadRender) and the Word export through src/core/word/load.ts (loadWord)`);
        process.exitCode = 1;
      }
    }
  }
}

/**
 * THIRD-PARTY-NOTICES.txt: the name, version, licence and licence text of every npm package bundled
 * into dist/ (from esbuild's metafile inputs), for the .vsix and the npm package, which ship the
 * bundles without node_modules. The fonts' licences are in media/fonts/. A build output, not committed.
 */
function writeThirdPartyNotices(results) {
  const packages = new Map();
  for (const r of results) {
    if (!r.metafile) continue;
    for (const [file, info] of Object.entries(r.metafile.outputs)) {
      if (!file.startsWith('dist/')) continue;
      for (const input of Object.keys(info.inputs)) {
        const m = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
        if (m) packages.set(m[1], m[2]);
      }
    }
  }
  const sections = [...packages].sort((a, b) => a[1].localeCompare(b[1])).map(([dir, name]) => {
    const pkg = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8'));
    const licenceFile = readdirSync(dir).find((f) => /^licen[cs]e(\.(md|txt))?$/i.test(f));
    const text = licenceFile ? readFileSync(`${dir}/${licenceFile}`, 'utf8').trim() : `(no licence file; package.json says ${pkg.license})`;
    return `${name} ${pkg.version} (${pkg.license})\n${'-'.repeat(72)}\n${text}\n`;
  });
  const fonts = fontList.families.map((f) => `${f.family} (${f.package} ${JSON.parse(readFileSync(require.resolve(`${f.package}/package.json`), 'utf8')).version})`);
  const notice = `Third-party software bundled in MSP Project Docs (dist/*.js)\n\nThe bundled fonts ${fonts.join(', ')} are under the SIL Open Font License 1.1: media/fonts/*-OFL.txt.\n\n${sections.join('\n\n')}`;
  writeFileSync('THIRD-PARTY-NOTICES.txt', notice);
  console.log(`THIRD-PARTY-NOTICES.txt  ${packages.size} packages`);
}
