/**
 * The extension's model of the workspace: every project the core finds, its latest report,
 * and a small scheduler that (re)loads projects when something changes. Diagnostics and the
 * tree only listen to `onDidChange`; the VS Code events that feed it live in `projectWatchers.ts`.
 */
import * as vscode from 'vscode';
import { type ExtraDiagnostics, findProjects, loadProject, type ProjectReport, withExtraDiagnostics, type WorkspaceHost } from '../../core/project';
import type { RuleConfig } from '../../core/rules';
import { isAtOrUnder } from '../common';

/** One project (re)loaded or gone. `report` is `undefined` when the folder is no longer a project. */
export interface ProjectChange {
  /** The project folder as a URI string. */
  readonly dir: string;
  readonly report: ProjectReport | undefined;
  /** The report before this change, `undefined` for a project that just appeared. */
  readonly previous: ProjectReport | undefined;
}

/**
 * Keeps one `ProjectReport` per project folder (keyed by URI string) up to date.
 *
 * All work runs in one serial loop so that two loads of the same project never race and
 * events fire in the order the loads finished. Requests are coalesced: `invalidate` with a
 * delay is debounced (typing), folders to scan and projects to load are sets.
 */
export class ProjectIndex implements vscode.Disposable {
  /** What `get` and `projects` serve: the loaded reports with the extra diagnostics merged in. */
  private readonly reports = new Map<string, ProjectReport>();
  /** The reports as loaded, before the extra diagnostics, to merge again when those change. */
  private readonly loaded = new Map<string, ProjectReport>();
  /** Extra diagnostics per project folder, then per source (see `setExtraDiagnostics`). */
  private readonly extras = new Map<string, Map<string, { diagnostics: ExtraDiagnostics; key: string }>>();
  /** Projects waiting for the debounce timer. */
  private readonly waiting = new Set<string>();
  /** Projects (or candidate folders) to load on the next turn of the loop. */
  private readonly dirty = new Set<string>();
  /** Folders to search for projects that appeared or vanished below them. */
  private readonly scanFolders = new Set<string>();
  private fullScan = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private worker: Promise<void> | undefined;
  private idleWaiters: Array<() => void> = [];
  private disposed = false;
  private readonly changeEmitter = new vscode.EventEmitter<ProjectChange>();
  private resolveReady!: () => void;

  /** Fires after each project is (re)loaded or removed. */
  readonly onDidChange: vscode.Event<ProjectChange> = this.changeEmitter.event;

  /** Resolves when the first full scan (started by `rescanAll`) has finished. */
  readonly ready: Promise<void> = new Promise((resolve) => (this.resolveReady = resolve));

  /**
   * @param host file access for the core.
   * @param roots the workspace folders' URI strings, asked at each full scan.
   * @param rulesFor the method-rule configuration of a project folder (setting and `.msp-docs.json`).
   */
  constructor(
    private readonly host: WorkspaceHost,
    private readonly roots: () => readonly string[],
    private readonly log: vscode.LogOutputChannel,
    private readonly rulesFor: (dir: string) => Promise<RuleConfig> = async () => ({}),
  ) {}

  /** The known projects, ordered by folder. */
  projects(): ProjectReport[] {
    return [...this.reports.values()].sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
  }

  /** The latest report of the project in `dir`, if it is a known project. */
  get(dir: string): ProjectReport | undefined {
    return this.reports.get(dir);
  }

  /** Known project folders that are `folder` itself or lie inside it. */
  projectsUnder(folder: string): string[] {
    return [...this.reports.keys()].filter((dir) => isAtOrUnder(dir, folder));
  }

  /**
   * Reloads the project in `dir` after `delayMs` without further calls (0: on the next turn).
   * `dir` may be a folder that is not a project yet (its `project.yaml` was just created); a known
   * project whose `project.yaml` is gone is removed.
   */
  invalidate(dir: string, delayMs: number): void {
    if (this.disposed) return;
    if (delayMs <= 0) {
      this.waiting.delete(dir);
      this.dirty.add(dir);
      this.kick();
      return;
    }
    this.waiting.add(dir);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      for (const d of this.waiting) this.dirty.add(d);
      this.waiting.clear();
      this.kick();
    }, delayMs);
  }

  /**
   * Sets (or with `undefined` removes) the diagnostics `source` adds to the project in `dir`, for
   * checks the core cannot make from the text alone (the A4 preview's one-page check). They are
   * merged into the project's report with the configured severity per code (`withExtraDiagnostics`),
   * so the tree, the Problems panel and the counts include them; a change fires `onDidChange`.
   * They last until replaced, removed, or the project is gone. Setting the same ones again does nothing.
   */
  setExtraDiagnostics(dir: string, source: string, diagnostics: ExtraDiagnostics | undefined): void {
    if (this.disposed) return;
    const key = diagnostics && Object.values(diagnostics).some((list) => list?.length) ? JSON.stringify(diagnostics) : undefined;
    const bySource = this.extras.get(dir);
    if (bySource?.get(source)?.key === key) return;
    if (key && diagnostics) {
      if (!this.loaded.has(dir)) return;
      this.extras.set(dir, (bySource ?? new Map()).set(source, { diagnostics, key }));
    } else {
      if (!bySource?.delete(source)) return;
      if (!bySource.size) this.extras.delete(dir);
    }
    void this.republish(dir).catch((error) => this.log.error(`Cannot merge the diagnostics of ${source} into ${dir}:`, error));
  }

  /** Searches `folder` (a URI string) for projects that appeared in or vanished from it. */
  scan(folder: string): void {
    if (this.disposed) return;
    this.scanFolders.add(folder);
    this.kick();
  }

  /** Finds all projects in all roots again, reloads every one, and resolves when done. */
  rescanAll(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    this.fullScan = true;
    this.kick();
    return this.whenIdle();
  }

  /** Resolves when no load is pending (debounced or queued) or running. */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.changeEmitter.dispose();
    this.resolveReady();
    this.releaseIdleWaiters();
  }

  private isIdle(): boolean {
    return !this.timer && !this.worker && !this.hasQueuedWork();
  }

  private hasQueuedWork(): boolean {
    return this.fullScan || this.scanFolders.size > 0 || this.dirty.size > 0;
  }

  private kick(): void {
    if (this.worker || this.disposed) return;
    this.worker = this.drain()
      .catch((error) => {
        this.log.error('Project index failed:', error);
        // The tree waits for `ready`; it must show what there is rather than spin forever.
        this.resolveReady();
      })
      .finally(() => {
        this.worker = undefined;
        // Work queued after the loop's last check, but before this callback, starts a new loop.
        if (this.hasQueuedWork() && !this.disposed) this.kick();
        else if (this.isIdle() || this.disposed) this.releaseIdleWaiters();
      });
  }

  private releaseIdleWaiters(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private async drain(): Promise<void> {
    while (!this.disposed) {
      if (this.fullScan) {
        this.fullScan = false;
        this.scanFolders.clear();
        const started = Date.now();
        const found = new Set(await findProjects(this.host, this.roots()));
        for (const dir of [...this.reports.keys()]) if (!found.has(dir)) this.remove(dir);
        for (const dir of found) this.dirty.add(dir);
        await this.loadDirty();
        this.log.info(`Validated ${found.size} project(s) in ${Date.now() - started} ms.`);
        this.resolveReady();
      } else if (this.scanFolders.size > 0) {
        const [folder] = this.scanFolders;
        this.scanFolders.delete(folder);
        const found = new Set(await findProjects(this.host, [folder]));
        for (const dir of this.projectsUnder(folder)) if (!found.has(dir)) this.remove(dir);
        for (const dir of found) this.dirty.add(dir);
      } else if (this.dirty.size > 0) {
        await this.loadDirty();
      } else {
        return;
      }
    }
  }

  private async loadDirty(): Promise<void> {
    const batch = [...this.dirty];
    this.dirty.clear();
    await Promise.all(batch.map((dir) => this.load(dir)));
  }

  private async load(dir: string): Promise<void> {
    try {
      const report = await loadProject(this.host, dir, { rules: await this.rulesFor(dir) });
      if (this.disposed) return;
      if (!report.documents.project.exists) {
        this.remove(dir);
        return;
      }
      this.loaded.set(dir, report);
      const merged = await this.merged(dir, report);
      if (this.disposed || this.loaded.get(dir) !== report) return;
      const previous = this.reports.get(dir);
      this.reports.set(dir, merged);
      this.log.trace(`Validated ${dir}: ${merged.errors} error(s), ${merged.warnings} warning(s).`);
      this.changeEmitter.fire({ dir, report: merged, previous });
    } catch (error) {
      // Keep the last good report: one bad load must not empty the tree or the Problems panel.
      this.log.error(`Cannot validate the project in ${dir}:`, error);
    }
  }

  /** The loaded report of `dir` with its extra diagnostics, under the project's rule configuration. */
  private async merged(dir: string, report: ProjectReport): Promise<ProjectReport> {
    if (!this.extras.get(dir)?.size) return report;
    const rules = await this.rulesFor(dir);
    // Read after the wait: whoever publishes last then publishes the latest extras.
    const bySource = this.extras.get(dir);
    return bySource?.size ? withExtraDiagnostics(report, [...bySource.values()].map((e) => e.diagnostics), rules) : report;
  }

  /** Publishes the project again after its extra diagnostics changed, unless a newer load did. */
  private async republish(dir: string): Promise<void> {
    const report = this.loaded.get(dir);
    if (!report) return;
    const merged = await this.merged(dir, report);
    if (this.disposed || this.loaded.get(dir) !== report) return;
    const previous = this.reports.get(dir);
    this.reports.set(dir, merged);
    this.changeEmitter.fire({ dir, report: merged, previous });
  }

  private remove(dir: string): void {
    this.loaded.delete(dir);
    this.extras.delete(dir);
    const previous = this.reports.get(dir);
    if (!previous) return;
    this.reports.delete(dir);
    this.log.trace(`Project removed: ${dir}`);
    this.changeEmitter.fire({ dir, report: undefined, previous });
  }
}
