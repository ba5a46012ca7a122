/**
 * The one-page check as a diagnostic: `plan.overflows-a4` on plan.yaml, from the A4 preview's
 * measurements, merged into the project's report through `ProjectIndex.setExtraDiagnostics` (so
 * the Problems panel, the tree and the counts show it like every other finding, with the
 * severity `mspDocs.rules` / `.msp-docs.json` give the code).
 *
 * Lifetime: the warning stands while a preview of the project is open and its last measurement
 * overflowed. It goes when a measurement fits, when the preview turns to another project, and when
 * the preview closes: only a laid-out page can tell, so without a preview there is no claim either
 * way (the command line's `msp-docs render` measures in a headless browser instead).
 */
import * as vscode from 'vscode';
import { DOCUMENT_FILES } from '../../core/document';
import type { A4Measurement } from '../../core/common';
import { overflowDiagnostic } from '../../core/render';
import type { WorkspaceHost } from '../../core/project';
import type { ProjectIndex } from '../projects';

/** The `source` under which these diagnostics are merged into the index. */
export const OVERFLOW_SOURCE = 'a4-preview';

/** Keeps the overflow warning of each previewed project in step with its latest measurement. */
export class OverflowWarnings implements vscode.Disposable {
  /** The latest overflowing measurement per project folder. */
  private readonly measurements = new Map<string, A4Measurement>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly index: ProjectIndex,
    private readonly host: WorkspaceHost,
    private readonly log: vscode.LogOutputChannel,
  ) {
    // An edit that does not change the page (a comment above `stages:`) brings no new measurement,
    // but may move the key the warning sits on: place it again on every reload.
    this.subscription = index.onDidChange(({ dir, report }) => {
      if (report && this.measurements.has(dir)) void this.publish(dir);
    });
  }

  /** Records a measurement of the project in `dir`: an overflow sets the warning, a fit clears it. */
  measured(dir: string, measurement: A4Measurement): void {
    if (measurement.fits) {
      this.clear(dir);
      return;
    }
    this.measurements.set(dir, measurement);
    void this.publish(dir);
  }

  /** Removes the warning of the project in `dir` (its preview closed or turned to another project). */
  clear(dir: string): void {
    this.measurements.delete(dir);
    this.index.setExtraDiagnostics(dir, OVERFLOW_SOURCE, undefined);
  }

  dispose(): void {
    this.subscription.dispose();
    for (const dir of [...this.measurements.keys()]) this.clear(dir);
  }

  private async publish(dir: string): Promise<void> {
    try {
      const text = (await this.host.readFile(this.host.join(dir, DOCUMENT_FILES.plan))) ?? '';
      const measurement = this.measurements.get(dir);
      // Cleared or replaced while the text was read: the newer call decides.
      if (!measurement) return;
      const diagnostic = overflowDiagnostic(measurement, text);
      this.index.setExtraDiagnostics(dir, OVERFLOW_SOURCE, diagnostic ? { plan: [diagnostic] } : undefined);
    } catch (error) {
      this.log.error(`Cannot place the A4 overflow warning for ${dir}:`, error);
    }
  }
}
