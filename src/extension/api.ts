/** What `activate()` returns: a small surface for the integration tests (and, later, other extensions). */
import type * as vscode from 'vscode';
import type { ProjectReport } from '../core/project';
import type { BoardModel } from '../core/webview';
import type { BoardEvent } from './board';
import type { PortfolioNode } from './delivery';
import type { PreviewApi } from './preview';
import type { ActivationTimings, ProjectChange, ProjectsTreeNode } from './projects';

/** The extension's exports (`vscode.extensions.getExtension('msp-docs.msp-project-docs').exports`). */
export type { ActivationTimings };

export interface MspDocsApi {
  /** The known projects, ordered by folder (URI string). */
  projects(): ProjectReport[];
  /** Resolves when no project (re)load is pending or running. */
  whenIdle(): Promise<void>;
  /** Fires after each project is (re)loaded, first shown (its report `checking`) or removed. */
  readonly onDidUpdate: vscode.Event<ProjectChange>;
  /** The Projects tree's data provider, to inspect the tree without the UI. */
  readonly tree: vscode.TreeDataProvider<ProjectsTreeNode>;
  /** The Portfolio view's data provider: every project, grouped by phase, client or status. */
  readonly portfolio: vscode.TreeDataProvider<PortfolioNode>;
  /** The A4 preview: what it last sent to its webview and what the webview measured. */
  readonly preview: PreviewApi;
  /** The open boards (Scope Canvas, stakeholder grid), by document URI string. */
  readonly boards: BoardApi;
  /** Start-up timings (docs/benchmarks.md), milliseconds from the start of `activate()`. */
  readonly timings: ActivationTimings;
}

/** The open boards, for tests: hand a message to a board as if its webview posted it, read what it shows. */
export interface BoardApi {
  /** Handles `message` as the board of the document `uri` would; resolves `true` when it was accepted and carried out. */
  handle(uri: string, message: unknown): Promise<boolean>;
  /** The model the board of `uri` last posted to its webview. */
  model(uri: string): BoardModel | undefined;
  /** The version of that model (an `edit` message names the version it was made on). */
  version(uri: string): number | undefined;
  /** Fires for every model posted, edit applied, operation refused and message rejected. */
  readonly onDidEvent: vscode.Event<BoardEvent>;
}
