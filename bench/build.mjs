// Builds the benchmark the way scripts/build.mjs builds the extension (esbuild, node20, the same
// plugins), so that `npm run bench` measures the code that ships. Usage: node bench/build.mjs [entry]
import * as esbuild from 'esbuild';
import { yamlBrowserBuild } from '../scripts/yamlBrowserBuild.mjs';

const entry = process.argv[2] ?? 'bench/run.ts';
// bench/run.ts -> out/bench/run.js, bench/scale.ts -> out/bench/scale.js
const name = entry.replace(/^.*\//, '').replace(/\.ts$/, '');
await esbuild.build({
  entryPoints: [entry],
  outfile: `out/bench/${name}.js`,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  plugins: [yamlBrowserBuild],
  // The yardstick runs as published, with its own dependencies (its own copy of `yaml`).
  external: ['yaml-language-server', 'vscode-languageserver-textdocument'],
});
