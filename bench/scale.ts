/**
 * `npm run bench:scale` (docs/benchmarks.md, "A thousand projects"): the Projects tree and the full
 * validation of a generated workspace of 1,000 projects (the sample project's six documents each),
 * as the extension's `ProjectIndex` does them, against the way it did them before and against the
 * bare parse of every file.
 *
 * Fair by construction: every side runs in a fresh child process of this same bundle (so the same
 * `yaml` build, the one the extension ships), the sides are interleaved round by round in a rotating
 * order, and each child reports its own process CPU time (user + system) and peak resident memory
 * (`process.resourceUsage().maxRSS`). Medians with ranges over the rounds.
 *
 * Sides (all find the projects with the core's walk, `findProjects`):
 * - `find`: only that walk, the part every side shares;
 * - `parse`: read all files and parse them with `yaml` (`parseAllDocuments` + `toJS`): the floor;
 * - `full-old`: `loadProject` for every project at once (`Promise.all`), as the index did before;
 * - `tree-cold`: read each `project.yaml` and make its partial report (`manifestReport`): what the
 *   tree and the Portfolio now wait for;
 * - `tree-cache`: stat the six files of each project and compare them with a cache file written by
 *   a full validation (as `src/extension/projects/projectCache.ts`): the tree on a second start;
 * - `validate`: `loadProject` in batches of `BATCH_SIZE` (4) projects, as the index now validates.
 *
 * Options: `--projects=N` (default 1000), `--rounds=N` (default 3).
 */
import { spawnSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { nodeHost } from '../src/cli/nodeHost';
import { DOCUMENT_FILES, DOCUMENT_KINDS } from '../src/core/document/documents';
import { decodeCache, encodeCache, FileStamps, projectStamp, type CacheEntry } from '../src/core/project/reportCache';
import { findProjects, loadProject, manifestReport, type ProjectReport } from '../src/core/project/workspace';
import { writeWorkspace } from './generate';
import { describeMachine, packageVersion } from './machine';

const SIDES = ['find', 'parse', 'full-old', 'tree-cold', 'tree-cache', 'validate'] as const;
type Side = (typeof SIDES)[number];
const BATCH_SIZE = 4;
const arg = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function parseFloor(text: string): unknown[] {
  const yamlText = text.startsWith('---') ? text.slice(text.indexOf('\n') + 1, text.indexOf('\n---', 3) + 1) : text;
  const docs = parseAllDocuments(yamlText, { version: '1.2', schema: 'core', merge: true, uniqueKeys: true, prettyErrors: false });
  return (Array.isArray(docs) ? docs : [docs]).map((d) => d.toJS({ maxAliasCount: 10_000 }));
}

const FILES = new FileStamps();

/** The stamp of a project as the extension's cache makes it for local files (`projectCache.ts`), with no rule configuration. */
async function stamp(dir: string): Promise<string> {
  return projectStamp(await FILES.of(DOCUMENT_KINDS.map((kind) => path.join(dir, DOCUMENT_FILES[kind]))), {});
}

async function inBatches(dirs: readonly string[], size: number, fn: (dir: string) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < dirs.length; i += size) await Promise.all(dirs.slice(i, i + size).map(fn));
}

/** One side, in this process; returns a count that proves the work was done. */
async function runSide(side: Side | 'write-cache', root: string, cacheFile: string): Promise<number> {
  const dirs = await findProjects(nodeHost, [root]);
  switch (side) {
    case 'find':
      return dirs.length;
    case 'parse': {
      let n = 0;
      await inBatches(dirs, 32, async (dir) => {
        for (const kind of DOCUMENT_KINDS) n += parseFloor(await fs.readFile(path.join(dir, DOCUMENT_FILES[kind]), 'utf8')).length;
      });
      return n;
    }
    case 'full-old': {
      const reports = await Promise.all(dirs.map((dir) => loadProject(nodeHost, dir)));
      return reports.length;
    }
    case 'tree-cold': {
      const reports: ProjectReport[] = [];
      await inBatches(dirs, 32, async (dir) => {
        const text = await nodeHost.readFile(path.join(dir, DOCUMENT_FILES.project));
        reports.push(manifestReport(dir, text, (kind) => path.join(dir, DOCUMENT_FILES[kind])));
      });
      return reports.length;
    }
    case 'tree-cache': {
      const cache = decodeCache(await fs.readFile(cacheFile, 'utf8'), 'bench', () => readFileSync(`${cacheFile}.values`, 'utf8'));
      if (!cache) throw new Error('the cache file did not decode');
      let hits = 0;
      await inBatches(dirs, 64 / 6, async (dir) => {
        const entry = cache.get(dir);
        // A hit gives the tree its fields and the Portfolio its status (the manifest's values, kept in the index).
        if (entry && entry.stamp === (await stamp(dir)) && entry.report.title && (entry.report.documents.project.data as { status?: string }).status) hits++;
      });
      if (hits !== dirs.length) throw new Error(`cache hits ${hits} of ${dirs.length}`);
      return hits;
    }
    case 'validate':
    case 'write-cache': {
      const projects = new Map<string, CacheEntry>();
      await inBatches(dirs, BATCH_SIZE, async (dir) => {
        const s = side === 'write-cache' ? await stamp(dir) : '';
        const report = await loadProject(nodeHost, dir);
        if (side === 'write-cache') projects.set(dir, { stamp: s, report });
      });
      if (side === 'write-cache') {
        const texts = encodeCache('bench', projects);
        await fs.writeFile(`${cacheFile}.values`, texts.values);
        await fs.writeFile(cacheFile, texts.index);
      }
      return dirs.length;
    }
  }
}

interface Sample {
  cpuMs: number;
  maxRssMiB: number;
}

function child(side: string, root: string, cacheFile: string): Sample {
  const run = spawnSync(process.execPath, [__filename, `--side=${side}`, `--root=${root}`, `--cache=${cacheFile}`], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`${side} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as Sample;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const range = (xs: number[]): string => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;

async function main(): Promise<void> {
  const side = arg('side');
  if (side) {
    const started = cpuMs();
    await runSide(side as Side, arg('root')!, arg('cache')!);
    const sample: Sample = { cpuMs: cpuMs() - started, maxRssMiB: process.resourceUsage().maxRSS / 1024 };
    process.stdout.write(JSON.stringify(sample) + '\n');
    return;
  }
  const count = Number(arg('projects') ?? 1000);
  const rounds = Number(arg('rounds') ?? 3);
  const machine = describeMachine();
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'msp-bench-scale-'));
  const cacheFile = path.join(tmp, 'project-cache.json');
  try {
    const sampleDir = path.join(process.cwd(), 'samples', 'dekker-accountants');
    const files = Object.fromEntries(Object.values(DOCUMENT_FILES).map((name) => [name, readFileSync(path.join(sampleDir, name), 'utf8')]));
    const root = path.join(tmp, 'workspace');
    await writeWorkspace(root, count, files);
    child('write-cache', root, cacheFile);
    const samples = new Map<Side, Sample[]>(SIDES.map((s) => [s, []]));
    for (let r = 0; r < rounds; r++) {
      // Rotating order: no side always runs first (cold disk cache) or last.
      const order = SIDES.map((_, i) => SIDES[(i + r) % SIDES.length]);
      for (const s of order) {
        samples.get(s)!.push(child(s, root, cacheFile));
        process.stderr.write(`round ${r + 1}/${rounds}: ${s} done\n`);
      }
    }
    const cpu = (s: Side): number[] => samples.get(s)!.map((x) => x.cpuMs);
    const rss = (s: Side): number[] => samples.get(s)!.map((x) => x.maxRssMiB);
    const old = median(cpu('full-old'));
    const floor = median(cpu('parse'));
    const out = [
      `# msp-docs scale benchmark (${new Date().toISOString().slice(0, 10)}, ${count} projects, ${rounds} interleaved rounds, process CPU time per side)`,
      '',
      ...machine.map((line) => `- ${line}`),
      `- Load average at end: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}; yaml ${packageVersion('yaml')} (the bundle's build on every side)`,
      '',
      '| side | CPU ms, median (range) | × full scan before | × bare parse | peak RSS MiB, median (range) |',
      '| --- | --- | --- | --- | --- |',
      ...SIDES.map((s) => `| ${s} | ${median(cpu(s)).toFixed(0)} (${range(cpu(s))}) | ${(median(cpu(s)) / old).toFixed(3)} | ${(median(cpu(s)) / floor).toFixed(2)} | ${median(rss(s)).toFixed(0)} (${range(rss(s))}) |`),
    ];
    process.stdout.write(out.join('\n') + '\n');
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
