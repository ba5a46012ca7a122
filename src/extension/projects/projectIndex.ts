/**
 * The extension's model of the workspace: every project the core finds, its latest report, the
 * A4 preview's latest measurement of it (an input of validation), and a small scheduler that (re)loads projects when something changes. Diagnostics and the
 * tree only listen to `onDidChange`; the VS Code events that feed it live in `projectWatchers.ts`.
 */
import * as vscode from 'vscode';
import { type A4Measurement, sameOnePageFinding } from '../../core/common';
import { findProjects, loadProject, type ProjectReport, type WorkspaceHost } from '../../core/project';
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
  /** The latest report per project folder: what `get` and `projects` serve. */
  private readonly reports = new Map<string, ProjectReport>();
  /** The A4 preview's latest measurement per project folder (see `setMeasurement`). */
  private readonly measurements = new Map<string, A4Measurement>();
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
   * Records the A4 preview's latest measurement of the project in `dir` (or with `undefined`, that
   * there is none: the preview closed or turned to another project). Validation passes it to the
   * rule `plan.overflows-a4`. When it would change that rule's finding (`sameOnePageFinding`: from
   * fitting to overflowing, a new overflow or new section heights, or back) the project is
   * validated again once, right away; otherwise nothing happens. Ignored for a folder that is not
   * a known project; forgotten when the project is gone.
   */
  setMeasurement(dir: string, measurement: A4Measurement | undefined): void {
    if (this.disposed || !this.reports.has(dir)) return;
    const previous = this.measurements.get(dir);
    if (measurement) this.measurements.set(dir, measurement);
    else this.measurements.delete(dir);
    if (!sameOnePageFinding(previous, measurement)) this.invalidate(dir, 0);
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
      const rules = await this.rulesFor(dir);
      // A measurement that arrives while this load runs queues the next one (`setMeasurement`).
      const report = await loadProject(this.host, dir, { rules, measurement: this.measurements.get(dir) });
      if (this.disposed) return;
      if (!report.documents.project.exists) {
        this.remove(dir);
        return;
      }
      const previous = this.reports.get(dir);
      this.reports.set(dir, report);
      this.log.trace(`Validated ${dir}: ${report.errors} error(s), ${report.warnings} warning(s).`);
      this.changeEmitter.fire({ dir, report, previous });
    } catch (error) {
      // Keep the last good report: one bad load must not empty the tree or the Problems panel.
      this.log.error(`Cannot validate the project in ${dir}:`, error);
    }
  }

  private remove(dir: string): void {
    this.measurements.delete(dir);
    const previous = this.reports.get(dir);
    if (!previous) return;
    this.reports.delete(dir);
    this.log.trace(`Project removed: ${dir}`);
    this.changeEmitter.fire({ dir, report: undefined, previous });
  }
}
