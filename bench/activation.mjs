// Start-up cost of the extension (docs/benchmarks.md, "Activation").
//
//   node bench/activation.mjs [--runs=7] [--fixture=test/fixtures/workspace/broken] [--compare=<folder>] [--extension=<folder>]
//       The real VS Code (test/vscode/run.mjs: code-server's VS Code, headless Chromium), started
//       --runs times on a copy of a one-project workspace. Each start runs the suite's
//       `activation` test (test/vscode/suite/activation.test.ts), which reads VS Code's own
//       figures for this extension from Developer: Startup Performance: codeLoadingTime (loading
//       dist/extension.js), activateCallTime (the activate() call), activateResolvedTime; and the
//       extension's time from the start of activate() to the first project's diagnostics.
//       Prints every start and the medians. Needs `npm run build` first. --compare=<folder> starts
//       another build of the extension (package.json, dist/, l10n/, media/, schemas/) in turn with
//       this one, for a before/after on the same machine load; --extension=<folder> measures another
//       folder than this repository (put both builds in the same kind of folder).
//
//   node bench/activation.mjs --load [--runs=21] [--bundle=dist/extension.js]
//       Loading dist/extension.js alone in plain Node (a fresh process per run, `vscode` stubbed):
//       wall time and process CPU time of the require(), medians. Quick (a few seconds) and steady
//       enough to compare builds; the real VS Code adds its own loader and a busy extension host.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const loadOnly = process.argv.includes('--load');
const runs = Number(arg('runs', loadOnly ? '21' : '7'));

/** @param {number[]} xs */
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
/** @param {number[]} xs */
const summary = (xs) => `median ${median(xs).toFixed(1)} (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)})`;

// The names `vscode` exports, from its type declarations: esbuild's `__toESM` copies a module's own
// properties, so the stub must list them.
const VSCODE_NAMES = [...new Set([...readFileSync(join(repo, 'node_modules/@types/vscode/index.d.ts'), 'utf8')
  .matchAll(/^\s*export (?:class|enum|namespace|const|function|let|var) (\w+)/gm)].map((m) => m[1]))];

// A child that stubs `vscode` (every name a function that returns another stub, so top-level
// `new vscode.EventEmitter()`, `vscode.DiagnosticSeverity.Error` or `class extends vscode.TreeItem`
// work) and times require().
const LOAD_CHILD = `
const Module = require('node:module');
const names = JSON.parse(process.argv[2]);
const stub = new Proxy(function () {}, {
  get: (t, p) => (p === 'prototype' ? {} : p === Symbol.toPrimitive ? () => '' : stub),
  apply: () => stub,
  construct: () => stub,
});
const api = Object.fromEntries(names.map((n) => [n, stub]));
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? api : load.call(this, request, ...rest); };
const cpu0 = process.cpuUsage();
const t0 = performance.now();
require(process.argv[1]);
const wall = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
process.stdout.write(JSON.stringify({ wall, cpu: (cpu.user + cpu.system) / 1000 }));
`;

if (loadOnly) {
  const bundle = resolve(repo, arg('bundle', 'dist/extension.js'));
  const wall = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['-e', LOAD_CHILD, bundle, JSON.stringify(VSCODE_NAMES)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`loading ${bundle} failed: ${r.stderr}`);
    const m = JSON.parse(r.stdout);
    wall.push(m.wall);
    cpu.push(m.cpu);
  }
  console.log(`require(${bundle}) in plain Node, ${runs} fresh processes`);
  console.log(`  wall ms: ${summary(wall)}`);
  console.log(`  CPU ms:  ${summary(cpu)}`);
} else {
  const fixture = resolve(repo, arg('fixture', 'test/fixtures/workspace/broken'));
  // --compare=<folder>: another build of the extension (a folder with package.json and dist/), started
  // in turn with this one, so that both see the same machine load.
  const other = arg('compare', undefined);
  const main = resolve(arg('extension', repo));
  const extensions = other ? [main, resolve(other)] : [main];
  /** @type {Map<string, Array<Record<string, number | string>>>} */
  const rows = new Map(extensions.map((e) => [e, []]));
  for (let i = 0; i < runs; i++) {
    for (const extension of i % 2 ? [...extensions].reverse() : extensions) {
      const r = spawnSync(process.execPath, [join(repo, 'test/vscode/run.mjs')], {
        encoding: 'utf8',
        env: {
          ...process.env, MSP_DOCS_TEST_SETTLE: '1', MSP_DOCS_TEST_GREP: '^activation ', MSP_DOCS_TEST_FIXTURE: fixture,
          MSP_DOCS_TEST_EXTENSION: extension, MSP_DOCS_SKIP_SETUP: i > 0 ? '1' : (process.env.MSP_DOCS_SKIP_SETUP ?? ''),
        },
      });
      const line = /\[activation\] (\{.*\})/.exec(r.stdout);
      if (r.status !== 0 || !line) throw new Error(`start ${i + 1} of ${extension} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
      rows.get(extension)?.push(JSON.parse(line[1]));
      console.error(`start ${i + 1}/${runs} ${extension}: ${line[1]}`);
    }
  }
  console.log(`Activation in the real VS Code (VS Code's own figures), ${runs} starts each, one-project workspace ${fixture}`);
  for (const [extension, list] of rows) {
    const col = (/** @type {string} */ k) => list.map((r) => Number(r[k]));
    console.log(`${extension}:`);
    console.log(`  codeLoadingTime ms:                 ${summary(col('codeLoadingTime'))}`);
    console.log(`  activateCallTime ms:                ${summary(col('activateCallTime'))}`);
    console.log(`  codeLoadingTime + activateCallTime: ${summary(list.map((r) => Number(r.codeLoadingTime) + Number(r.activateCallTime)))}`);
    console.log(`  activateResolvedTime ms:            ${summary(col('activateResolvedTime'))}`);
    console.log(`  first diagnostics after activate() ended, ms (the extension's performance.now()): ${summary(col('firstDiagnosticsAfterActivateMs'))}`);
  }
}
