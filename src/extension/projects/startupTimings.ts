/**
 * Start-up timings of the extension (docs/benchmarks.md, "Activation"): from the start of
 * `activate()` to the Projects tree, the first validated project's diagnostics and the end of the
 * first scan, logged to the output channel and returned for the API (`MspDocsApi.timings`).
 */
import type * as vscode from 'vscode';
import type { ProjectIndex } from './projectIndex';

/** How long start-up took, in milliseconds (`performance.now()` differences). */
export interface ActivationTimings {
  /** Duration of `activate()` itself. */
  activateMs: number;
  /**
   * Resolves with the time from the start of `activate()` until the first scan has found the
   * projects and read their manifests: the Projects tree and the Portfolio have their children.
   */
  treeReady: Promise<number>;
  /** Resolves with the time from the start of `activate()` until the first scan has validated every project. */
  validated: Promise<number>;
  /**
   * Resolves with the time from the start of `activate()` until the first project's diagnostics are
   * in the Problems panel (its first validated report, fresh or from the cache, went into the
   * diagnostic collection).
   */
  firstDiagnostics: Promise<number>;
}

/**
 * Starts watching `index` for the start-up milestones; `started` is `performance.now()` at the
 * start of `activate()`. Call it after the diagnostics listener is registered, so that when the
 * first validated report is heard its diagnostics are already published, and before the first scan
 * starts. `finish()`, called at the end of `activate()`, measures `activateMs`, logs, and returns
 * the timings; `disposable` removes the listener.
 */
export function trackStartup(index: ProjectIndex, log: vscode.LogOutputChannel, started: number): { finish: () => ActivationTimings; disposable: vscode.Disposable } {
  const since = () => performance.now() - started;
  let disposable: vscode.Disposable = { dispose: () => undefined };
  const firstDiagnostics = new Promise<number>((resolve) => {
    disposable = index.onDidChange(({ report }) => {
      if (!report || report.checking) return;
      disposable.dispose();
      resolve(since());
    });
  });
  const finish = (): ActivationTimings => {
    const activateMs = since();
    const treeReady = index.ready.then(since);
    const validated = index.validated.then(since);
    log.info(`activate() took ${activateMs.toFixed(1)} ms`);
    void treeReady.then((ms) => log.info(`Projects tree ready after ${ms.toFixed(1)} ms`));
    void validated.then((ms) => log.info(`first scan validated after ${ms.toFixed(1)} ms`));
    void firstDiagnostics.then((ms) => log.info(`first project's diagnostics published after ${ms.toFixed(1)} ms`));
    return { activateMs, treeReady, validated, firstDiagnostics };
  };
  return { finish, disposable: { dispose: () => disposable.dispose() } };
}
