/** What `activate()` returns: a small surface for the integration tests (and, later, other extensions). */
import type * as vscode from 'vscode';
import type { ProjectReport } from '../core/workspace';
import type { ProjectChange } from './projectIndex';
import type { ProjectsTreeNode } from './projectsTree';

/** The extension's exports (`vscode.extensions.getExtension('msp-docs.msp-project-docs').exports`). */
export interface MspDocsApi {
  /** The known projects, ordered by folder (URI string). */
  projects(): ProjectReport[];
  /** Resolves when no project (re)load is pending or running. */
  whenIdle(): Promise<void>;
  /** Fires after each project is (re)loaded or removed. */
  readonly onDidUpdate: vscode.Event<ProjectChange>;
  /** The Projects tree's data provider, to inspect the tree without the UI. */
  readonly tree: vscode.TreeDataProvider<ProjectsTreeNode>;
}
