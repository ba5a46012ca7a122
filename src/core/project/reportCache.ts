/**
 * The file format of the project cache (validation results kept across sessions, see
 * `src/extension/projects/projectCache.ts` and docs/ARCHITECTURE.md) and the stamp that tells
 * whether a cached report still describes a project's files. Pure data handling, so that the
 * extension and the benchmark (`bench/scale.ts`) read and write the same format.
 *
 * A report's findings and states are what a second start needs at once (the Projects tree, the
 * Portfolio, Problems); the parsed values of its documents (`ProjectDocument.data`, about as large
 * as the documents themselves) are needed later and for few projects (a preview, a command). So the
 * cache is two files: the index (each project's stamp and report, with only `project.yaml`'s
 * values, which the Portfolio shows) and the values (every other document's values as JSON text,
 * under the same stamp). A report read from the index reads the values file on the first access of
 * such a `data` and parses that document's text then: a start with a thousand cached projects
 * parses a tenth of the JSON it would otherwise, and nothing of the values until one is used.
 */
import { createHash } from 'node:crypto';
import { stat, statSync } from 'node:fs';
import { isRecord, type DocumentKind } from '../common';
import { DOCUMENT_KINDS } from '../document';
import type { ProjectReport } from './workspace';

/** Version of the files' layout; files with another number are ignored. */
export const CACHE_FORMAT = 2;

/** One project's entry: the stamp its report was made under, and the report. */
export interface CacheEntry {
  stamp: string;
  report: ProjectReport;
}

/** The two texts of a cache (see the module comment). */
export interface CacheTexts {
  /** Stamps and reports without the values of documents other than `project.yaml`. */
  index: string;
  /** Those values as JSON text, by project folder and document kind, with each project's stamp. */
  values: string;
}

/** The JSON text each document read from a cache came with, written back as it is. */
const storedValues = new WeakMap<object, string>();

/** The kinds whose values live in the values file; `project.yaml`'s stay in the index. */
const APART: readonly DocumentKind[] = DOCUMENT_KINDS.filter((kind) => kind !== 'project');

/**
 * The texts of a cache holding `entries` under the build key `build` (any string that changes with
 * the extension's build: its version, its bundle, the UI language). Reading the values of an entry
 * that came from `decodeCache` and was never used reads its values file (see `decodeCache`).
 */
export function encodeCache(build: string, entries: ReadonlyMap<string, CacheEntry>): CacheTexts {
  const projects: Record<string, CacheEntry> = {};
  const values: Record<string, { stamp: string; values: Partial<Record<DocumentKind, string>> }> = {};
  for (const [dir, { stamp, report }] of entries) {
    const own: Partial<Record<DocumentKind, string>> = {};
    const documents = { ...report.documents };
    for (const kind of APART) {
      const doc = report.documents[kind];
      // Field by field: a spread would read `data`, which may read the values file.
      const { kind: k, path, exists, diagnostics, state, numbersAsWritten } = doc;
      documents[kind] = { kind: k, path, exists, diagnostics, state, ...(numbersAsWritten ? { numbersAsWritten } : {}) };
      const json = storedValues.get(doc) ?? (doc.data === undefined ? undefined : JSON.stringify(doc.data));
      if (json !== undefined) own[kind] = json;
    }
    projects[dir] = { stamp, report: { ...report, documents } };
    values[dir] = { stamp, values: own };
  }
  return {
    index: JSON.stringify({ format: CACHE_FORMAT, build, projects }),
    values: JSON.stringify({ format: CACHE_FORMAT, build, values }),
  };
}

/**
 * The entries of a cache's index text when it has the expected format, build and shape; otherwise
 * `undefined` (a file that does not parse, an older format, another build). Entries that do not
 * look like a complete report (a `checking` one, a document missing) are left out.
 *
 * The documents' values are read on first access of a `data`: `readValues` is called then, once,
 * and must return the values file's text (`undefined` when it cannot be read). When that file does
 * not parse, has another build, lacks the project, holds it under another stamp, or a value's text
 * does not parse, the value is `undefined` and `corrupt` is called with the project's folder, once:
 * the caller must not trust that report and should make it again.
 */
export function decodeCache(
  index: string,
  build: string,
  readValues: () => string | undefined,
  corrupt: (dir: string) => void = () => undefined,
): Map<string, CacheEntry> | undefined {
  const parsed = parseJson(index);
  if (!isRecord(parsed) || parsed.format !== CACHE_FORMAT || parsed.build !== build || !isRecord(parsed.projects)) return undefined;
  let all: Record<string, unknown> | undefined;
  const valuesOf = (dir: string, stamp: string): Record<string, unknown> | undefined => {
    if (!all) {
      const file = parseJson(readValues() ?? '');
      all = isRecord(file) && file.format === CACHE_FORMAT && file.build === build && isRecord(file.values) ? file.values : {};
    }
    const entry = all[dir];
    return isRecord(entry) && entry.stamp === stamp && isRecord(entry.values) ? entry.values : undefined;
  };
  const entries = new Map<string, CacheEntry>();
  for (const [dir, entry] of Object.entries(parsed.projects)) {
    if (!isRecord(entry) || typeof entry.stamp !== 'string' || !isReport(entry.report, dir)) continue;
    const stamp = entry.stamp;
    let reported = false;
    const fail = (): undefined => {
      if (!reported) corrupt(dir);
      reported = true;
      return undefined;
    };
    for (const kind of APART) {
      const doc = entry.report.documents[kind];
      if (!doc.exists) continue;
      let value: { data: unknown } | undefined;
      Object.defineProperty(doc, 'data', {
        enumerable: true,
        configurable: true,
        get() {
          if (!value) {
            const values = valuesOf(dir, stamp);
            const json = values?.[kind];
            const data = values === undefined || (json !== undefined && typeof json !== 'string') ? FAILED : json === undefined ? undefined : parseJson(json);
            value = { data: data === FAILED ? fail() : data };
            if (typeof json === 'string' && data !== FAILED) storedValues.set(doc, json);
          }
          return value.data;
        },
      });
    }
    entries.set(dir, { stamp, report: entry.report });
  }
  return entries;
}

/** What `parseJson` gives for a text that does not parse. */
const FAILED: unique symbol = Symbol('not JSON');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return FAILED;
  }
}

/** Size and modification time of a file (milliseconds since the epoch); `undefined`: no such file. */
export interface FileStamp {
  size: number;
  mtime: number;
}

/**
 * The stamp of a project: the size and modification time of each of its six documents (in
 * `DOCUMENT_KINDS` order, `undefined` for a missing one) and a hash of its rule configuration
 * (`rules`, any JSON value). Equal stamps mean the cached report still holds.
 */
export function projectStamp(files: ReadonlyArray<FileStamp | undefined>, rules: unknown): string {
  const parts = files.map((s) => (s ? `${s.size}:${s.mtime}` : '-'));
  const json = JSON.stringify(rules) ?? '';
  let hash = rulesHashes.get(json);
  if (hash === undefined) {
    hash = createHash('sha1').update(json).digest('base64');
    // Few distinct configurations exist (one per `.msp-docs.json`); bound the memo all the same.
    if (rulesHashes.size >= 64) rulesHashes.clear();
    rulesHashes.set(json, hash);
  }
  return `${parts.join(',')}|${hash}`;
}

/** Hashes of rule configurations by their JSON text (see `projectStamp`). */
const rulesHashes = new Map<string, string>();

/** Milliseconds after which a synchronous batch of `FileStamps.of` counts as slow. */
const SLOW_BATCH_MS = 15;
/** Slow batches in a row after which `FileStamps.of` turns to asynchronous calls. */
const SLOW_BATCHES = 3;

/**
 * Size and modification time of local files, for stamps. A batch is stat-ed synchronously while
 * that is fast (a local disk: a few microseconds per file, a fraction of the CPU time of
 * asynchronous calls, which counts with the thousands of files of a portfolio; docs/benchmarks.md);
 * once `SLOW_BATCHES` batches in a row have each taken longer than `SLOW_BATCH_MS` (a network
 * share), every later batch uses
 * Node's asynchronous `fs.stat` and never blocks the thread for long again.
 */
export class FileStamps {
  private slow = false;
  private slowBatches = 0;

  /** Size and modification time of each file in `paths` (file system paths), `undefined` for one that does not exist or cannot be stat-ed. */
  async of(paths: readonly string[]): Promise<Array<FileStamp | undefined>> {
    if (this.slow) {
      return Promise.all(paths.map((p) => new Promise<FileStamp | undefined>((resolve) => stat(p, (error, s) => resolve(error ? undefined : { size: s.size, mtime: s.mtimeMs })))));
    }
    const started = performance.now();
    const stamps = paths.map((p) => {
      try {
        const s = statSync(p, { throwIfNoEntry: false });
        return s ? { size: s.size, mtime: s.mtimeMs } : undefined;
      } catch {
        return undefined;
      }
    });
    // Several slow batches in a row: the disk is slow. One alone may be the thread being preempted
    // on a busy machine.
    this.slowBatches = performance.now() - started > SLOW_BATCH_MS ? this.slowBatches + 1 : 0;
    if (this.slowBatches >= SLOW_BATCHES) this.slow = true;
    return stamps;
  }
}

function isReport(value: unknown, dir: string): value is ProjectReport {
  if (!isRecord(value) || value.dir !== dir || value.checking || typeof value.errors !== 'number' || typeof value.warnings !== 'number') return false;
  if (!isRecord(value.phases) || !isRecord(value.documents)) return false;
  const documents = value.documents;
  return DOCUMENT_KINDS.every((kind) => {
    const doc = documents[kind];
    return isRecord(doc) && doc.kind === kind && typeof doc.path === 'string' && typeof doc.exists === 'boolean' && typeof doc.state === 'string' && Array.isArray(doc.diagnostics);
  });
}
