/**
 * `npm run bench` (docs/benchmarks.md): one table, measured in one run on generated inputs (fixed seed).
 *
 * - (a) the floor: bare `yaml` parsing (`parseAllDocuments` + `toJS`, with the options the core
 *   uses), in the `yaml` build the bundles ship;
 * - (b) our full validation through the entry point the extension calls on every (debounced)
 *   edit: `validateProject` over the sample project with the generated file in place of its own
 *   (syntax, schema, method rules, ranges);
 * - (c) `yaml-language-server` validating the same text against the same JSON Schema through its
 *   language-service API;
 * - rendering the sample's A4 HTML, scanning generated workspaces into the model, bundle sizes.
 *
 * Every validation call gets a text no earlier call saw (a trailing comment with a counter), so
 * no cache — ours or yaml-language-server's — can answer from memory: each call costs what one
 * edit costs. Options: `--clock=cpu` times with process CPU time instead of wall time (steadier
 * on a busy machine), `--quick` runs a quarter of the iterations, `--no-build` skips building
 * `dist/`, `--only=validate,hostile,edit,render,scan,bundle` runs only those parts.
 *
 * The `hostile` rows time files that once made validation quadratic (thousands of duplicate keys,
 * unknown keys, merges of an anchor with an error in it) against the bare parse of the same text
 * (`parseAllDocuments` alone, without `toJS`): validation must stay linear in the file.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs, readFileSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { nodeHost } from '../src/cli/nodeHost';
import { DOCUMENT_FILES, DOCUMENT_KINDS } from '../src/core/document/documents';
import { standaloneHtml } from '../src/core/render';
import { renderProposal } from '../src/core/render/proposal';
import { SCHEMAS } from '../src/core/document/schemas';
import type { DocumentKind } from '../src/core/common/types';
import { clearValidationCache } from '../src/core/document/validate';
import { findProjects, loadProject, validateProject, type ProjectReport, type ProjectTexts } from '../src/core/project/workspace';
import { generateDuplicateKeys, generateMerges, generateScope, generateStakeholders, generateUnknownKeys, plantedIndices, writeWorkspace } from './generate';
import { describeMachine, packageVersion } from './machine';
import { yamlLsValidator, type LsValidator } from './yamlLanguageServer';

const ROOT = process.cwd();
const SAMPLE = path.join(ROOT, 'samples', 'dekker-accountants');
const SEED = 20261129;
const args = new Set(process.argv.slice(2));
const CPU_CLOCK = args.has('--clock=cpu');
const QUICK = args.has('--quick');
/** `--only=scan,render`: run only these parts (validate, hostile, edit, render, scan, bundle). */
const ONLY = [...args].find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const want = (part: string) => !ONLY || ONLY.includes(part);

/** Milliseconds of the chosen clock. */
const now = CPU_CLOCK
  ? () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    }
  : () => performance.now();

interface Plan {
  iterations: number;
  warmup: number;
}

/** Iterations (after warm-up) by input size: enough samples for a p95 without a run of many minutes. */
function bySize(bytes: number): Plan {
  return bytes < 64_000 ? { iterations: 200, warmup: 20 } : bytes < 512_000 ? { iterations: 40, warmup: 5 } : { iterations: 12, warmup: 2 };
}

interface Stats {
  median: number;
  p95: number;
  runs: number;
}

/** Linear-interpolated quantile of sorted samples. */
function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

type TinyBench = typeof import('tinybench', { with: { 'resolution-mode': 'import' } });

/**
 * Runs one task with tinybench (warm-up included) and returns median and p95 in milliseconds.
 * `beforeEach` runs outside the timed part (e.g. to empty caches).
 */
async function measure(tb: TinyBench, name: string, fn: () => unknown, plan: Plan, beforeEach?: () => void): Promise<Stats> {
  const scale = QUICK ? 0.25 : 1;
  const iterations = Math.max(3, Math.round(plan.iterations * scale));
  const warmup = Math.max(1, Math.round(plan.warmup * scale));
  const bench = new tb.Bench({ name, now, iterations, time: 0, warmup: true, warmupIterations: warmup, warmupTime: 0, retainSamples: true, throws: true });
  bench.add(name, fn, beforeEach ? { beforeEach } : undefined);
  await bench.run();
  const result = bench.tasks[0].result;
  if (result.state !== 'completed') throw new Error(`${name}: ${result.state}`);
  const samples = [...(result.latency.samples ?? [])].sort((x, y) => x - y);
  return { median: quantile(samples, 0.5), p95: quantile(samples, 0.95), runs: samples.length };
}

/** A text no call has seen before: the same document with a trailing comment holding a counter. */
function freshTexts(base: string, marker: string): () => string {
  let n = 0;
  // Flattened, so that no task pays for turning a concatenation into one string.
  return () => JSON.parse(JSON.stringify(`${base}${marker} ${++n}\n`)) as string;
}

function parseFloor(text: string): unknown[] {
  // The options of readYamlPart (src/core/document/yamlSource.ts): what any YAML-based validation must do at least.
  const docs = parseAllDocuments(text, { version: '1.2', schema: 'core', merge: true, uniqueKeys: true, prettyErrors: false });
  return (Array.isArray(docs) ? docs : [docs]).map((d) => d.toJS({ maxAliasCount: 10_000 }));
}

/** The YAML of a document: the front matter of `intake.md`, the whole text otherwise. */
function yamlPart(text: string): string {
  if (!text.startsWith('---')) return text;
  const end = text.indexOf('\n---', 3);
  return end < 0 ? text : text.slice(text.indexOf('\n') + 1, end + 1);
}

function readSample(): Record<DocumentKind, string> {
  const out = {} as Record<DocumentKind, string>;
  for (const kind of DOCUMENT_KINDS) out[kind] = readFileSync(path.join(SAMPLE, DOCUMENT_FILES[kind]), 'utf8');
  return out;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0)} KB`;
const ms = (s: Stats | undefined) => (s ? `${fmt(s.median)} / ${fmt(s.p95)}` : '–');
function fmt(v: number): string {
  return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
}

interface Row {
  what: string;
  input: string;
  a?: Stats;
  b?: Stats;
  c?: Stats;
  /** Free text for rows that are not timings (bundle sizes). */
  note?: string;
  target?: string;
}

async function main(): Promise<void> {
  const tb = (await import('tinybench')) as TinyBench;
  const started = Date.now();
  const header = describeMachine();
  const rows: Row[] = [];
  const checks: string[] = [];
  const sample = readSample();
  const pathOf = (kind: DocumentKind) => path.join('/bench', DOCUMENT_FILES[kind]);
  const log = (line: string) => process.stderr.write(`${line}\n`);

  // --- Validation: (a), (b), (c) per generated file -------------------------------------------
  const inputs: Array<{ kind: 'scope' | 'stakeholders'; n: number; unit: string }> = [
    { kind: 'scope', n: 30, unit: 'items' },
    { kind: 'scope', n: 300, unit: 'items' },
    { kind: 'scope', n: 3000, unit: 'items' },
    { kind: 'stakeholders', n: 50, unit: 'entries' },
    { kind: 'stakeholders', n: 500, unit: 'entries' },
    { kind: 'stakeholders', n: 5000, unit: 'entries' },
  ];
  const services: Record<'scope' | 'stakeholders', LsValidator> = {
    scope: yamlLsValidator(SCHEMAS.scope, 'scope.yaml'),
    stakeholders: yamlLsValidator(SCHEMAS.stakeholders, 'stakeholders.yaml'),
  };
  for (const { kind, n, unit } of want('validate') ? inputs : []) {
    const text = kind === 'scope' ? generateScope(n, SEED) : generateStakeholders(n, SEED);
    const bytes = Buffer.byteLength(text);
    const file = DOCUMENT_FILES[kind];
    const texts = (t: string): ProjectTexts => {
      const out: ProjectTexts = {};
      for (const k of DOCUMENT_KINDS) out[k] = { path: pathOf(k), text: k === kind ? t : sample[k] };
      return out;
    };
    const ours = (t: string) => validateProject('/bench', texts(t), pathOf);

    // Honesty check: both validators must report the planted schema errors.
    const planted = plantedIndices(n).length;
    const mine = ours(text).documents[kind].diagnostics.filter((d) => d.code.startsWith('schema.')).length;
    const theirs = (await services[kind](text)).length;
    checks.push(`${file} ${n} ${unit}: ${planted} planted error(s); (b) reported ${mine} schema diagnostic(s), (c) ${theirs} diagnostic(s).`);
    if (mine < planted || theirs < planted) throw new Error(`a validator missed planted errors in ${file} (${n}): ours ${mine}, yaml-language-server ${theirs}`);

    log(`measuring ${file} with ${n} ${unit} (${kb(bytes)}) ...`);
    const nextA = freshTexts(text, '# a');
    const nextB = freshTexts(text, '# b');
    const nextC = freshTexts(text, '# c');
    const a = await measure(tb, `(a) ${file} ${n}`, () => parseFloor(nextA()), bySize(bytes));
    const b = await measure(tb, `(b) ${file} ${n}`, () => ours(nextB()), bySize(bytes));
    const c = await measure(tb, `(c) ${file} ${n}`, () => services[kind](nextC()), bySize(bytes));
    const largest = n === 3000 || n === 5000;
    const ratioA = b.median / a.median;
    const ratioC = b.median / c.median;
    rows.push({
      what: `validate ${file}`,
      input: `${n} ${unit}, ${kb(bytes)}`,
      a,
      b,
      c,
      target: largest ? `b/a ≤ 1.5: ${ratioA <= 1.5 ? 'met' : 'NOT met'}; b/c ≤ 0.5: ${ratioC <= 0.5 ? 'met' : 'NOT met'}` : '',
    });
  }

  // --- Hostile files: many errors of one kind, each row against the bare parse of its text ------
  // `code: undefined`: a file without an error, where (b) must report no schema finding at all.
  const hostile: Array<{ kind: DocumentKind; n: number; what: string; code: string | undefined; text: string }> = [
    { kind: 'project', n: 8000, what: 'duplicate keys', code: 'yaml.duplicate-key', text: generateDuplicateKeys(8000) },
    { kind: 'project', n: 5000, what: 'unknown keys', code: 'schema.additionalProperties', text: generateUnknownKeys(5000) },
    ...[1000, 5000].flatMap((n) => [
      { kind: 'plan' as const, n, what: 'merges of an anchor without an error', code: undefined, text: generateMerges(n, false) },
      { kind: 'plan' as const, n, what: 'merges of an anchor with an error in it', code: 'schema.enum', text: generateMerges(n) },
    ]),
  ];
  for (const { kind, n, what, code, text } of want('hostile') ? hostile : []) {
    const file = DOCUMENT_FILES[kind];
    const bytes = Buffer.byteLength(text);
    const texts = (t: string): ProjectTexts => {
      const out: ProjectTexts = {};
      for (const k of DOCUMENT_KINDS) out[k] = { path: pathOf(k), text: k === kind ? t : sample[k] };
      return out;
    };
    const diagnostics = validateProject('/bench', texts(text), pathOf).documents[kind].diagnostics;
    if (code) {
      const found = diagnostics.filter((d) => d.code === code).length;
      checks.push(`${file} with ${n} ${what}: (b) reported ${found} ${code}.`);
      if (!found) throw new Error(`${file} with ${n} ${what}: no ${code} reported`);
    } else {
      const schema = diagnostics.filter((d) => d.code.startsWith('schema.') || d.code.startsWith('yaml.')).map((d) => d.code);
      checks.push(`${file} with ${n} ${what}: (b) reported no schema or YAML finding.`);
      if (schema.length) throw new Error(`${file} with ${n} ${what}: unexpected ${schema.slice(0, 3).join(', ')}`);
    }
    log(`measuring ${file} with ${n} ${what} (${kb(bytes)}) ...`);
    const nextA = freshTexts(text, '# a');
    const nextB = freshTexts(text, '# b');
    const plan = { iterations: 12, warmup: 2 };
    const bare = (t: string) => parseAllDocuments(t, { version: '1.2', schema: 'core', merge: true, uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
    const a = await measure(tb, `(a) ${file} ${what}`, () => bare(nextA()), plan);
    const b = await measure(tb, `(b) ${file} ${what}`, () => validateProject('/bench', texts(nextB()), pathOf), plan);
    const ratio = b.median / a.median;
    rows.push({ what: `validate ${file}: ${n} ${what}`, input: kb(bytes), a, b, target: `b/a ≤ 2 (a: parse only): ${ratio <= 2 ? 'met' : 'NOT met'}` });
  }

  // --- Editing one small document of a project: the other five come from the cache -----------
  if (want('edit')) {
    const base = sample.scope;
    const next = freshTexts(base, '# edit');
    const texts = (): ProjectTexts => {
      const out: ProjectTexts = {};
      for (const k of DOCUMENT_KINDS) out[k] = { path: pathOf(k), text: k === 'scope' ? next() : sample[k] };
      return out;
    };
    const bytes = Object.values(sample).reduce((s, t) => s + Buffer.byteLength(t), 0);
    log('measuring an edit in the sample project ...');
    const warm = await measure(tb, 'edit, cache warm', () => validateProject('/bench', texts(), pathOf), bySize(bytes));
    const cold = await measure(tb, 'edit, cache empty', () => validateProject('/bench', texts(), pathOf), bySize(bytes), clearValidationCache);
    rows.push({ what: 'edit scope.yaml of the sample project (validateProject)', input: `6 documents, ${kb(bytes)}`, b: warm, note: `cache emptied before each run: ${ms(cold)}` });
  }

  // --- Rendering the sample's A4 proposal --------------------------------------------------------
  if (want('render')) {
    const report: ProjectReport = await loadProject(nodeHost, SAMPLE);
    log('measuring the A4 render ...');
    const html = () => standaloneHtml(renderProposal(report, { date: '2026-11-29' }));
    const size = Buffer.byteLength(html());
    const b = await measure(tb, 'render', html, bySize(size));
    rows.push({ what: 'render the sample A4 proposal (renderProposal + standaloneHtml)', input: `sample project → ${kb(size)} HTML`, b });
  }

  // --- Scanning a workspace: findProjects + loadProject for all, on real files -------------------
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'msp-bench-'));
  try {
    const files: Record<string, string> = {};
    for (const kind of DOCUMENT_KINDS) files[DOCUMENT_FILES[kind]] = sample[kind];
    for (const count of want('scan') ? [10, 100, 1000] : []) {
      const root = path.join(tmp, `ws-${count}`);
      const dirs = await writeWorkspace(root, count, files);
      const found = await findProjects(nodeHost, [root]);
      if (found.length !== count) throw new Error(`scan found ${found.length} of ${count} projects`);
      const all = await Promise.all(dirs.flatMap((d) => Object.keys(files).map((f) => fs.readFile(path.join(d, f), 'utf8'))));
      const bytes = all.reduce((s, t) => s + Buffer.byteLength(t), 0);
      // A scan of 1,000 projects takes seconds: fewer runs, so that the whole bench stays in minutes.
      const scanPlan: Plan = count === 10 ? { iterations: 40, warmup: 5 } : count === 100 ? { iterations: 12, warmup: 2 } : { iterations: 5, warmup: 1 };
      log(`measuring a scan of ${count} projects (${kb(bytes)}) ...`);
      const floor = await measure(tb, `parse ${count}`, () => all.forEach((t) => parseFloor(yamlPart(t))), scanPlan);
      const scan = await measure(
        tb,
        `scan ${count}`,
        async () => {
          const projects = await findProjects(nodeHost, [root]);
          await Promise.all(projects.map((dir) => loadProject(nodeHost, dir)));
        },
        scanPlan,
        // Cold: nothing validated before (a first scan, or a scan after every file changed).
        clearValidationCache,
      );
      rows.push({
        what: 'scan a workspace (findProjects + loadProject for all)',
        input: `${count} projects, ${kb(bytes)}`,
        a: floor,
        b: scan,
        target: count === 1000 ? `< 1 s: ${scan.median < 1000 ? 'met' : 'NOT met'}` : '',
      });
    }
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }

  // --- Bundle sizes ------------------------------------------------------------------------------
  if (want('bundle') && !args.has('--no-build')) {
    log('building dist/ ...');
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
  }
  for (const name of want('bundle') ? ['extension.js', 'cli.js', 'render.js'] : []) {
    const file = path.join(ROOT, 'dist', name);
    let size: number | undefined;
    try {
      size = statSync(file).size;
    } catch {
      size = undefined;
    }
    rows.push({
      what: `bundle dist/${name}`,
      input: 'minified',
      note: size === undefined ? 'not built' : kb(size),
      target: size === undefined ? '' : `< 400 KB: ${size < 400 * 1024 ? 'met' : 'NOT met'}`,
    });
  }

  // --- The table ---------------------------------------------------------------------------------
  const clock = CPU_CLOCK ? 'process CPU time (user + system, all threads)' : 'wall-clock time';
  const out: string[] = [];
  out.push(`# msp-docs benchmark (${new Date().toISOString().slice(0, 10)}, ${clock}${QUICK ? ', --quick' : ''})`, '');
  for (const line of header) out.push(`- ${line}`);
  out.push(`- Load average at end: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}; run took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  out.push(
    `- Packages: yaml ${packageVersion('yaml')}, ajv ${packageVersion('ajv')}, yaml-language-server ${packageVersion('yaml-language-server')} (its own yaml ${packageVersion('yaml', path.join(ROOT, 'node_modules', 'yaml-language-server'))}), tinybench ${packageVersion('tinybench')}`,
    '',
  );
  out.push('| benchmark | input | (a) yaml parse, ms median / p95 | (b) msp-docs, ms median / p95 | (c) yaml-language-server, ms median / p95 | b/a | b/c | runs | target |');
  out.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    const ratio = (x?: Stats, y?: Stats) => (x && y ? (x.median / y.median).toFixed(2) : '–');
    const runs = [r.a, r.b, r.c].filter(Boolean).map((s) => s!.runs);
    out.push(
      `| ${r.what} | ${r.input} | ${ms(r.a)} | ${r.b ? ms(r.b) : r.note ?? '–'} | ${ms(r.c)} | ${ratio(r.b, r.a)} | ${ratio(r.b, r.c)} | ${runs.length ? Math.min(...runs) : '–'} | ${[r.b && r.note ? r.note : '', r.target ?? ''].filter(Boolean).join('; ') || '–'} |`,
    );
  }
  if (checks.length) out.push('', 'Checks (both validators see the planted schema errors):', ...checks.map((c) => `- ${c}`));
  process.stdout.write(out.join('\n') + '\n');
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
