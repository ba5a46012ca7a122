/**
 * Validation results kept across sessions, so that a second start shows the tree and the known
 * diagnostics after finding the projects and stat-ing their files, and validates only the projects
 * whose files changed.
 *
 * One JSON file in the extension's workspace storage (`ExtensionContext.storageUri`), written
 * debounced, in the format of `src/core/project/reportCache.ts` (each report's parsed values kept
 * as text, parsed when first used). Each project's entry carries a stamp: the size and
 * modification time of each of its six documents and a hash of its method-rule configuration. The
 * file as a whole carries a format number and a build key (extension version, the bundle's size and
 * time, the UI language), so a new build, new schemas or another language start afresh. A file that
 * does not parse or has another shape is ignored, never trusted; a project whose kept values do not
 * parse is validated again.
 */
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { DOCUMENT_FILES, DOCUMENT_KINDS } from '../../core/document';
import { decodeCache, encodeCache, FileStamps, projectStamp, type CacheEntry, type FileStamp, type ProjectReport } from '../../core/project';
import type { RuleConfig } from '../../core/rules';
import { isAtOrUnder } from '../common';

/** Name of the index file inside the storage folder (see `src/core/project/reportCache.ts`). */
export const CACHE_FILE = 'project-cache.json';
/** Name of the values file beside it, read (synchronously, once) when a cached report's values are first used. */
export const VALUES_FILE = 'project-values.json';
/** Milliseconds after the last change before the file is written. */
const WRITE_DELAY_MS = 2000;
/** Files stat-ed at once while checking stamps. */
const STAT_CONCURRENCY = 64;

/** See the file comment. Not thread-safe across windows: the last window to write wins, which only costs a re-validation. */
export class ProjectCache implements vscode.Disposable {
  private entries = new Map<string, CacheEntry>();
  private readonly loaded: Promise<void>;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly corruptEmitter = new vscode.EventEmitter<string>();
  private readonly files = new FileStamps();

  /** Fires with a project folder whose kept values turned out unreadable: its report must be made again. */
  readonly onDidFindCorrupt: vscode.Event<string> = this.corruptEmitter.event;

  /** The storage folder; `undefined` (nothing kept) without a workspace or when it is not on the local disk. */
  private readonly folder: vscode.Uri | undefined;

  /**
   * @param folder the storage folder, `undefined` without a workspace (then nothing is kept; nor
   *   when it is not a `file:` folder: the values file is read synchronously, see `VALUES_FILE`).
   * @param build the build key (see the file comment; `buildKey`).
   */
  constructor(
    folder: vscode.Uri | undefined,
    private readonly build: Promise<string>,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.folder = folder?.scheme === 'file' ? folder : undefined;
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
    const files = DOCUMENT_KINDS.map((kind) => vscode.Uri.joinPath(base, DOCUMENT_FILES[kind]));
    // Local files through Node directly: `workspace.fs` costs several times the CPU per file, which
    // counts with thousands of projects at start-up (docs/benchmarks.md, "A thousand projects").
    const stamps: Array<FileStamp | undefined> =
      base.scheme === 'file'
        ? await this.files.of(files.map((uri) => uri.fsPath))
        : await Promise.all(files.map((uri) => vscode.workspace.fs.stat(uri).then((s) => ({ size: s.size, mtime: s.mtime }), () => undefined)));
    return projectStamp(stamps, rules);
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
    this.corruptEmitter.dispose();
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
      const valuesPath = vscode.Uri.joinPath(this.folder, VALUES_FILE).fsPath;
      // Read when a value is first used, inside a `data` getter: it cannot wait, and it is local (the storage folder).
      const readValues = () => {
        try {
          return readFileSync(valuesPath, 'utf8');
        } catch {
          return undefined;
        }
      };
      this.entries = decodeCache(new TextDecoder().decode(bytes), await this.build, readValues, (dir) => this.dropCorrupt(dir)) ?? new Map();
      this.log.info(`Project cache: ${this.entries.size} project(s) from the last session.`);
    } catch {
      // No cache yet, or unreadable: start afresh.
    }
  }

  private dropCorrupt(dir: string): void {
    this.log.warn(`Project cache: the kept values of ${dir} do not parse; validating it again.`);
    this.forget(dir);
    this.corruptEmitter.fire(dir);
  }

  private async write(): Promise<void> {
    if (!this.folder) return;
    const texts = encodeCache(await this.build, this.entries);
    try {
      await vscode.workspace.fs.createDirectory(this.folder);
      // The values first: an index left older than its values (a crash between the writes) only
      // makes the changed projects' stamps disagree, and those are validated again.
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(this.folder, VALUES_FILE), new TextEncoder().encode(texts.values));
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(this.folder, CACHE_FILE), new TextEncoder().encode(texts.index));
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
