/**
 * The extension's model of the workspace: every project the core finds, its latest report, the
 * A4 preview's latest measurement of it (an input of validation), and a small scheduler that
 * (re)loads projects when something changes. Diagnostics and the views only listen to
 * `onDidChange`; the VS Code events that feed it live in `projectWatchers.ts`.
 *
 * The first scan shows the projects at once and validates them afterwards: finding the projects
 * and reading each `project.yaml` gives every project a partial report (`checking: true`, see
 * `manifestReport`) and resolves `ready`; the full validation then runs in small batches
 * (`BATCH_SIZE` projects in flight, which bounds memory) that yield to the extension host, open
 * editors' projects first. Anything the user does (typing, a new project) goes ahead of that queue.
 * On the very first scan, a few projects found by a quick look near the roots (`firstLook.ts`) are
 * validated while the search runs, so the first diagnostics do not wait for VS Code's file search.
 */
import * as vscode from 'vscode';
import { type A4Measurement, sameOnePageFinding } from '../../core/common';
import { DOCUMENT_FILES } from '../../core/document';
import { findProjects, manifestReport, readProject, validateProject, type ProjectReport, type WorkspaceHost } from '../../core/project';
import type { RuleConfig } from '../../core/rules';
import { isAtOrUnder } from '../common';
import type { ProjectCache } from './projectCache';

/** One project (re)loaded or gone. `report` is `undefined` when the folder is no longer a project. */
export interface ProjectChange {
  /** The project folder as a URI string. */
  readonly dir: string;
  readonly report: ProjectReport | undefined;
  /** The report before this change, `undefined` for a project that just appeared. */
  readonly previous: ProjectReport | undefined;
}

/** Projects validated at once in the background queue (and so, at most, held in memory parsed). */
export const BATCH_SIZE = 4;
/** Milliseconds of background work after which the loop yields to the extension host. */
const YIELD_AFTER_MS = 15;
/** A project whose last validation took less than this many milliseconds of CPU time is validated at once while typing. */
export const CHEAP_VALIDATION_MS = 20;

/** What the index needs besides the file access; every member has a default. */
export interface ProjectIndexOptions {
  /** The method-rule configuration of a project folder (setting and `.msp-docs.json`). */
  rulesFor?(dir: string): Promise<RuleConfig>;
  /** Finds the project folders under the given folders (URI strings); default: the core's walk. */
  find?(folders: readonly string[]): Promise<string[]>;
  /** Project folders to validate before the others (the open editors' projects). */
  preferred?(): Iterable<string>;
  /** Reports kept across sessions (`projectCache.ts`). */
  cache?: ProjectCache;
  /** A few projects (up to `limit`) found quickly, validated while the first scan's `find` runs (`firstLook.ts`). */
  firstLook?(roots: readonly string[], limit: number): Promise<string[]>;
}

/**
 * Keeps one `ProjectReport` per project folder (keyed by URI string) up to date.
 *
 * All work runs in one serial loop (and loads of one project one after the other, also those of
 * `refreshNow`) so that two loads of the same project never race and events fire in the order the
 * loads finished. Requests are coalesced: `invalidate` with a
 * delay is debounced (typing), folders to scan and projects to load are sets. Each turn of the
 * loop takes, in this order: a full scan, a folder scan, the projects the user touched, then one
 * batch of the background queue.
 */
export class ProjectIndex implements vscode.Disposable {
  /** The latest report per project folder: what `get` and `projects` serve. */
  private readonly reports = new Map<string, ProjectReport>();
  /** The A4 preview's latest measurement per project folder (see `setMeasurement`). */
  private readonly measurements = new Map<string, A4Measurement>();
  /** Milliseconds the last validation of each project took (see `isCheap`). */
  private readonly costs = new Map<string, number>();
  /** Projects waiting for the debounce timer. */
  private readonly waiting = new Set<string>();
  /** Projects (or candidate folders) to load on the next turn of the loop, ahead of `queue`. */
  private readonly dirty = new Set<string>();
  /** Projects found by a scan and not validated yet, in order. */
  private readonly queue = new Set<string>();
  /** Folders to search for projects that appeared or vanished below them. */
  private readonly scanFolders = new Set<string>();
  private fullScan = false;
  /** Whether the first look (`ProjectIndexOptions.firstLook`) was taken: only on the first scan. */
  private looked = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private worker: Promise<void> | undefined;
  private idleWaiters: Array<() => void> = [];
  private disposed = false;
  /** The last load of each project, so that loads of one project run one after the other (see `load`). */
  private readonly loads = new Map<string, Promise<void>>();
  private readonly changeEmitter = new vscode.EventEmitter<ProjectChange>();
  private resolveReady!: () => void;
  private resolveValidated!: () => void;

  /** Fires after each project is (re)loaded, first shown (`checking`) or removed. */
  readonly onDidChange: vscode.Event<ProjectChange> = this.changeEmitter.event;

  /** Resolves when the first full scan has found the projects and read their manifests. */
  readonly ready: Promise<void> = new Promise((resolve) => (this.resolveReady = resolve));

  /** Resolves when the first full scan has validated every project. */
  readonly validated: Promise<void> = new Promise((resolve) => (this.resolveValidated = resolve));

  /**
   * @param host file access for the core.
   * @param roots the workspace folders' URI strings, asked at each full scan.
   */
  constructor(
    private readonly host: WorkspaceHost & { forget?(file?: string): void },
    private readonly roots: () => readonly string[],
    private readonly log: vscode.LogOutputChannel,
    private readonly options: ProjectIndexOptions = {},
  ) {
    // A cached report whose kept values do not parse is made again.
    options.cache?.onDidFindCorrupt((dir) => this.invalidate(dir, 0));
  }

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
   * Whether validating the project in `dir` is cheap enough to do on every keystroke: its last
   * validation took under `CHEAP_VALIDATION_MS` of CPU time (measured, so a large project is debounced).
   */
  isCheap(dir: string): boolean {
    const cost = this.costs.get(dir);
    return cost !== undefined && cost < CHEAP_VALIDATION_MS;
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
   * Loads the project in `dir` now, beside whatever the loop is doing (a scan of a large workspace
   * can take seconds), and resolves when its report is published: for a project the user just
   * created or completed (New Project, Create Missing Document), whose files must show in the tree
   * at once. Loads of one project still run in order. The project is also queued as by
   * `invalidate(dir, 0)`, so that a scan that started before the files existed cannot leave it out.
   */
  async refreshNow(dir: string): Promise<void> {
    if (this.disposed) return;
    // The files were just written: read them from disk, not from the host's cache.
    this.host.forget?.(dir);
    try {
      await this.load(dir);
    } finally {
      this.invalidate(dir, 0);
    }
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
    // A full scan reads every document from disk again (see `createWorkspaceHost`).
    this.host.forget?.();
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
    this.resolveValidated();
    this.releaseIdleWaiters();
  }

  private isIdle(): boolean {
    return !this.timer && !this.worker && this.loads.size === 0 && !this.hasQueuedWork();
  }

  private hasQueuedWork(): boolean {
    return this.fullScan || this.scanFolders.size > 0 || this.dirty.size > 0 || this.queue.size > 0;
  }

  private kick(): void {
    if (this.worker || this.disposed) return;
    this.worker = this.drain()
      .catch((error) => {
        this.log.error('Project index failed:', error);
        // The views wait for `ready`; they must show what there is rather than spin forever.
        this.resolveReady();
        this.resolveValidated();
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

  private find(folders: readonly string[]): Promise<string[]> {
    return this.options.find ? this.options.find(folders) : findProjects(this.host, folders);
  }

  private async drain(): Promise<void> {
    let scanStarted = 0;
    let slice = performance.now();
    while (!this.disposed) {
      if (this.fullScan) {
        this.fullScan = false;
        this.scanFolders.clear();
        scanStarted = Date.now();
        const finding = this.find(this.roots());
        finding.catch(() => undefined); // awaited below, after the first look
        const early = await this.takeFirstLook();
        const found = await finding;
        const kept = new Set(found);
        for (const dir of [...this.reports.keys()]) if (!kept.has(dir)) this.remove(dir);
        // The first look's projects the search confirms are validated already.
        await this.showFound(found.filter((dir) => !early.has(dir) || !this.reports.has(dir)));
        this.log.info(`Found ${found.length} project(s) in ${Date.now() - scanStarted} ms; validating ${this.queue.size}.`);
        this.resolveReady();
      } else if (this.dirty.size > 0) {
        // Bounded like the background queue: a folder checked out with many projects comes in slices.
        const batch = [...this.dirty].slice(0, BATCH_SIZE * 2);
        for (const dir of batch) {
          this.dirty.delete(dir);
          this.queue.delete(dir);
        }
        await Promise.all(batch.map((dir) => this.load(dir)));
      } else if (this.scanFolders.size > 0) {
        const [folder] = this.scanFolders;
        this.scanFolders.delete(folder);
        const found = await this.find([folder]);
        const kept = new Set(found);
        for (const dir of this.projectsUnder(folder)) if (!kept.has(dir)) this.remove(dir);
        await this.showFound(found, true);
      } else if (this.queue.size > 0) {
        await Promise.all(this.nextBatch().map((dir) => this.load(dir)));
        if (this.queue.size === 0) {
          if (scanStarted) this.log.info(`Validated the workspace's projects in ${Date.now() - scanStarted} ms.`);
          this.resolveValidated();
        }
      } else {
        this.resolveValidated();
        return;
      }
      // Long runs of work give the extension host a turn (events, tree requests, typing).
      if (performance.now() - slice > YIELD_AFTER_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        slice = performance.now();
      }
    }
  }

  /**
   * On the first scan only: validates (or takes from the cache) the few projects of the first look
   * while the search runs, so the first diagnostics do not wait for it. Returns them.
   */
  private async takeFirstLook(): Promise<Set<string>> {
    if (this.looked || !this.options.firstLook) return new Set();
    this.looked = true;
    // After activate() has returned: the look's first reads would otherwise count towards it.
    await new Promise((resolve) => setImmediate(resolve));
    const started = performance.now();
    const early = await this.options.firstLook(this.roots(), BATCH_SIZE).catch(() => []);
    const cached = this.options.cache ? await this.options.cache.lookup(early, (dir) => this.rulesFor(dir)) : new Map<string, ProjectReport>();
    await Promise.all(early.map((dir) => (cached.has(dir) ? this.publish(dir, cached.get(dir)!) : this.load(dir))));
    this.log.info(`First look: ${early.length} project(s) checked in ${(performance.now() - started).toFixed(0)} ms.`);
    return new Set(early);
  }

  /**
   * Gives every found project a report at once: a cached one when its files are unchanged (then it
   * is not validated again), otherwise a partial one from its manifest, queued for validation.
   * Projects known already keep their report until their validation replaces it. `urgent` (a
   * folder that appeared) validates them ahead of the background queue, and a few of them (up to
   * twice `BATCH_SIZE`) without a partial report first.
   */
  private async showFound(found: readonly string[], urgent = false): Promise<void> {
    const pending = urgent ? this.dirty : this.queue;
    const cached = this.options.cache ? await this.options.cache.lookup(found, (dir) => this.rulesFor(dir)) : new Map<string, ProjectReport>();
    const fresh: string[] = [];
    for (const dir of found) {
      const report = cached.get(dir);
      if (report) {
        this.publish(dir, report);
        continue;
      }
      if (this.reports.has(dir)) pending.add(dir);
      else fresh.push(dir);
    }
    // A folder that appeared with a few projects (a move, a new project): validate them at once.
    if (urgent && fresh.length <= BATCH_SIZE * 2) {
      for (const dir of fresh) pending.add(dir);
      return;
    }
    // Manifests are small: read a few dozen at a time, each shown as soon as it is read.
    for (let i = 0; i < fresh.length && !this.disposed; i += 32) {
      await Promise.all(
        fresh.slice(i, i + 32).map(async (dir) => {
          const text = await this.host.readFile(this.host.join(dir, DOCUMENT_FILES.project));
          if (text === undefined || this.disposed || this.reports.has(dir)) return;
          this.publish(dir, manifestReport(dir, text, (kind) => this.host.join(dir, DOCUMENT_FILES[kind])));
          pending.add(dir);
        }),
      );
    }
  }

  /** Up to `BATCH_SIZE` queued projects, the preferred ones (open editors) first. */
  private nextBatch(): string[] {
    const batch: string[] = [];
    for (const dir of this.options.preferred?.() ?? []) {
      if (batch.length >= BATCH_SIZE) break;
      if (this.queue.has(dir) && !batch.includes(dir)) batch.push(dir);
    }
    for (const dir of this.queue) {
      if (batch.length >= BATCH_SIZE) break;
      if (!batch.includes(dir)) batch.push(dir);
    }
    for (const dir of batch) this.queue.delete(dir);
    return batch;
  }

  private rulesFor(dir: string): Promise<RuleConfig> {
    return this.options.rulesFor ? this.options.rulesFor(dir) : Promise.resolve({});
  }

  /** Loads the project in `dir` after its load in flight, if any: two loads of one project never race. */
  private load(dir: string): Promise<void> {
    const next = (this.loads.get(dir) ?? Promise.resolve()).then(() => this.loadOnce(dir));
    this.loads.set(dir, next);
    void next.finally(() => {
      if (this.loads.get(dir) !== next) return;
      this.loads.delete(dir);
      if (this.isIdle()) this.releaseIdleWaiters();
    });
    return next;
  }

  private async loadOnce(dir: string): Promise<void> {
    try {
      const rules = await this.rulesFor(dir);
      const measurement = this.measurements.get(dir);
      const stamp = this.options.cache && !measurement ? await this.options.cache.stamp(dir, rules) : undefined;
      const { texts, unreadable } = await readProject(this.host, dir);
      // CPU time of the validation alone (synchronous): what a keystroke would cost, whatever else
      // the machine is doing. A measurement that arrives meanwhile queues the next load (`setMeasurement`).
      const cpu = process.cpuUsage();
      const report = validateProject(dir, texts, (kind) => this.host.join(dir, DOCUMENT_FILES[kind]), { rules, measurement, unreadable });
      const used = process.cpuUsage(cpu);
      this.costs.set(dir, (used.user + used.system) / 1000);
      if (this.disposed) return;
      if (!report.documents.project.exists) {
        this.remove(dir);
        return;
      }
      if (stamp) this.options.cache?.store(dir, stamp, report);
      this.publish(dir, report);
      this.log.trace(`Validated ${dir}: ${report.errors} error(s), ${report.warnings} warning(s).`);
    } catch (error) {
      // Keep the last good report: one bad load must not empty the tree or the Problems panel.
      this.log.error(`Cannot validate the project in ${dir}:`, error);
    }
  }

  private publish(dir: string, report: ProjectReport): void {
    const previous = this.reports.get(dir);
    this.reports.set(dir, report);
    this.changeEmitter.fire({ dir, report, previous });
  }

  private remove(dir: string): void {
    this.measurements.delete(dir);
    this.costs.delete(dir);
    this.queue.delete(dir);
    this.options.cache?.forget(dir);
    const previous = this.reports.get(dir);
    if (!previous) return;
    this.reports.delete(dir);
    this.log.trace(`Project removed: ${dir}`);
    this.changeEmitter.fire({ dir, report: undefined, previous });
  }
}
