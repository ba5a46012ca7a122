// Bundles the extension and the command line with esbuild (type checking is `npm run typecheck`).
// Usage: node scripts/build.mjs [--watch] [--dev]   (minified unless --dev)
import * as esbuild from 'esbuild';
import { readdirSync, existsSync } from 'node:fs';
import { yamlBrowserBuild } from './yamlBrowserBuild.mjs';

const watch = process.argv.includes('--watch');
const dev = process.argv.includes('--dev');

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
const suiteEntries = existsSync(suiteDir)
  ? readdirSync(suiteDir).filter((f) => f.endsWith('.ts')).map((f) => `${suiteDir}/${f}`)
  : [];

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' },
  // The A4 preview's webview script: runs in the webview (a browser), loaded from media/ (the only
  // local resource root the webview gets); a build output, not committed.
  { ...common, plugins: [], platform: 'browser', format: 'iife', target: 'es2020', entryPoints: ['src/webview/preview.ts'], outfile: 'media/preview.js' },
  // Integration suite: runs inside the VS Code extension host; mocha comes from node_modules.
  { ...common, minify: false, sourcemap: 'inline', entryPoints: suiteEntries, outdir: 'out/test/vscode/suite', external: ['vscode', 'mocha'], metafile: false },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  const results = await Promise.all(builds.map((b) => esbuild.build(b)));
  for (const r of results) {
    if (!r.metafile) continue;
    for (const [file, info] of Object.entries(r.metafile.outputs)) {
      console.log(`${file}  ${(info.bytes / 1024).toFixed(1)} KB`);
    }
  }
}
