/**
 * Validation results kept across sessions, so that a second start shows the tree and the known
 * diagnostics after finding the projects and stat-ing their files, and validates only the projects
 * whose files changed.
 *
 * One JSON file in the extension's workspace storage (`ExtensionContext.storageUri`), written
 * debounced. Each project's entry carries a stamp: the size and modification time of each of its
 * six documents (`workspace.fs.stat`) and a hash of its method-rule configuration. The file as a
 * whole carries a format number and a build key (extension version, the bundle's size and time,
 * the UI language), so a new build, new schemas or another language start afresh. A file that does
 * not parse or has another shape is ignored, never trusted.
 */
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import { isRecord } from '../../core/common';
import { DOCUMENT_FILES, DOCUMENT_KINDS } from '../../core/document';
import type { ProjectReport } from '../../core/project';
import type { RuleConfig } from '../../core/rules';
import { isAtOrUnder } from '../common';

/** Version of the file's layout; a file with another number is ignored. */
export const CACHE_FORMAT = 1;
/** Name of the file inside the storage folder. */
export const CACHE_FILE = 'project-cache.json';
/** Milliseconds after the last change before the file is written. */
const WRITE_DELAY_MS = 2000;
/** Files stat-ed at once while checking stamps. */
const STAT_CONCURRENCY = 64;

/** One project's entry: the stamp its report was made under. */
interface CacheEntry {
  stamp: string;
  report: ProjectReport;
}

/** The file's shape. */
interface CacheFile {
  format: number;
  build: string;
  projects: Record<string, CacheEntry>;
}

/** See the file comment. Not thread-safe across windows: the last window to write wins, which only costs a re-validation. */
export class ProjectCache implements vscode.Disposable {
  private entries = new Map<string, CacheEntry>();
  private readonly loaded: Promise<void>;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param folder the storage folder, `undefined` without a workspace (then nothing is kept).
   * @param build the build key (see the file comment; `buildKey`).
   */
  constructor(
    private readonly folder: vscode.Uri | undefined,
    private readonly build: Promise<string>,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.loaded = this.read();
  }

  /**
   * The cached reports of those `dirs` whose files are unchanged since (stamps compared), by folder.
   * `rulesFor` gives each project's current rule configuration.
   */
  async lookup(dirs: readonly string[], rulesFor: (dir: string) => Promise<RuleConfig>): Promise<Map<string, ProjectReport>> {
    await this.loaded;
    const hits = new Map<string, ProjectReport>();
    const candidates = dirs.filter((dir) => this.entries.has(dir));
    for (let i = 0; i < candidates.length; i += STAT_CONCURRENCY / DOCUMENT_KINDS.length) {
      const slice = candidates.slice(i, i + STAT_CONCURRENCY / DOCUMENT_KINDS.length);
      await Promise.all(
        slice.map(async (dir) => {
          const stamp = await this.stamp(dir, await rulesFor(dir));
          const entry = this.entries.get(dir);
          if (stamp && entry && entry.stamp === stamp) hits.set(dir, entry.report);
        }),
      );
    }
    return hits;
  }

  /**
   * The stamp of the project in `dir` now, or `undefined` when its result cannot be cached: one of
   * its documents has unsaved changes in an editor (the report then describes the buffer, not the disk).
   */
  async stamp(dir: string, rules: RuleConfig): Promise<string | undefined> {
    if (!this.folder) return undefined;
    if (vscode.workspace.textDocuments.some((d) => d.isDirty && isAtOrUnder(d.uri.toString(), dir))) return undefined;
    const base = vscode.Uri.parse(dir);
    const parts = await Promise.all(
      DOCUMENT_KINDS.map((kind) =>
        vscode.workspace.fs.stat(vscode.Uri.joinPath(base, DOCUMENT_FILES[kind])).then(
          (s) => `${s.size}:${s.mtime}`,
          () => '-',
        ),
      ),
    );
    return `${parts.join(',')}|${createHash('sha1').update(JSON.stringify(rules)).digest('base64')}`;
  }

  /** Keeps `report`, made from the files as `stamp` describes them; the file is written soon after. */
  store(dir: string, stamp: string, report: ProjectReport): void {
    if (!this.folder) return;
    this.entries.set(dir, { stamp, report });
    this.scheduleWrite();
  }

  /** Drops the project in `dir` (it is gone). */
  forget(dir: string): void {
    if (this.entries.delete(dir)) this.scheduleWrite();
  }

  /** Writes the file now if a write is pending. */
  async flush(): Promise<void> {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.write();
  }

  dispose(): void {
    void this.flush();
  }

  private scheduleWrite(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.write();
    }, WRITE_DELAY_MS);
  }

  private async read(): Promise<void> {
    if (!this.folder) return;
    try {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.folder, CACHE_FILE));
      const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
      this.entries = cacheEntries(parsed, await this.build) ?? new Map();
      this.log.info(`Project cache: ${this.entries.size} project(s) from the last session.`);
    } catch {
      // No cache yet, or unreadable: start afresh.
    }
  }

  private async write(): Promise<void> {
    if (!this.folder) return;
    const file: CacheFile = { format: CACHE_FORMAT, build: await this.build, projects: Object.fromEntries(this.entries) };
    try {
      await vscode.workspace.fs.createDirectory(this.folder);
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(this.folder, CACHE_FILE), new TextEncoder().encode(JSON.stringify(file)));
    } catch (error) {
      this.log.warn(`Cannot write the project cache: ${String(error)}`);
    }
  }
}

/**
 * The build key of the running extension: its version, the size and time of its bundle (which holds
 * the schemas and rules) and the UI language (the messages' language).
 */
export async function buildKey(extension: vscode.Extension<unknown>): Promise<string> {
  const version = String((extension.packageJSON as { version?: unknown }).version);
  const bundle = await vscode.workspace.fs.stat(vscode.Uri.joinPath(extension.extensionUri, 'dist', 'extension.js')).then(
    (s) => `${s.size}:${s.mtime}`,
    () => 'unknown',
  );
  return `${version}|${bundle}|${vscode.env.language}`;
}

/**
 * The entries of a parsed cache file when it has the expected format, build and shape; otherwise
 * `undefined`. Entries whose report does not look like a `ProjectReport` are left out.
 */
export function cacheEntries(parsed: unknown, build: string): Map<string, CacheEntry> | undefined {
  if (!isRecord(parsed) || parsed.format !== CACHE_FORMAT || parsed.build !== build || !isRecord(parsed.projects)) return undefined;
  const entries = new Map<string, CacheEntry>();
  for (const [dir, entry] of Object.entries(parsed.projects)) {
    if (isRecord(entry) && typeof entry.stamp === 'string' && isReport(entry.report, dir)) entries.set(dir, { stamp: entry.stamp, report: entry.report });
  }
  return entries;
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
