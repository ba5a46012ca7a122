/**
 * The Projects tree: project → its five phases → each phase's documents, with state icons and
 * problem counts. Nodes are small immutable keys (cached, so the same object comes back for
 * the same id); what a node shows is read from the index when VS Code asks for its item.
 */
import * as vscode from 'vscode';
import { DOCUMENT_FILES, PHASE_DOCUMENTS, PHASES } from '../../core/document';
import type { DocumentKind, Phase } from '../../core/common';
import type { ProjectReport } from '../../core/project';
import { checkingIcon, checkingLabel, COMMANDS, countProblems, documentTitle, phaseLabel, problemSummary, stateColor, stateIcon, toVscodeRange } from '../common';
import { CHECKLIST_IDS, checklistItem, type ChecklistId, type ChecklistNode } from './handoverTree';
import type { ProjectChange, ProjectIndex } from './projectIndex';

/** The id of the tree view in package.json. */
export const PROJECTS_VIEW_ID = 'mspDocs.projects';

type WorkPhase = Exclude<Phase, 'closed'>;

/** A project folder. */
export interface ProjectNode {
  readonly type: 'project';
  readonly id: string;
  readonly dir: string;
}

/** One of the five phases of a project. */
export interface PhaseNode {
  readonly type: 'phase';
  readonly id: string;
  readonly dir: string;
  readonly phase: WorkPhase;
}

/** A document of a phase, which may be missing. */
export interface DocumentNode {
  readonly type: 'document';
  readonly id: string;
  readonly dir: string;
  readonly phase: WorkPhase;
  readonly kind: DocumentKind;
}

/** Any node of the Projects tree (the Delivery phase also holds the handover checklist). */
export type ProjectsTreeNode = ProjectNode | PhaseNode | DocumentNode | ChecklistNode;

/** The file a node stands for: a document, or `project.yaml` for a project; `undefined` for a phase. */
export function nodeResource(node: ProjectsTreeNode): vscode.Uri | undefined {
  if (node.type === 'phase' || node.type === 'check') return undefined;
  const file = DOCUMENT_FILES[node.type === 'project' ? 'project' : node.kind];
  return vscode.Uri.joinPath(vscode.Uri.parse(node.dir), file);
}

/** Data provider of the Projects tree; refreshes only the project that changed when it can. */
export class ProjectsTreeProvider implements vscode.TreeDataProvider<ProjectsTreeNode>, vscode.Disposable {
  private readonly nodes = new Map<string, ProjectsTreeNode>();
  private readonly changeEmitter = new vscode.EventEmitter<ProjectsTreeNode | undefined>();
  private readonly subscription: vscode.Disposable;
  /** Project folders in the last top-level answer, to tell a targeted refresh from a full one. */
  private shown = new Set<string>();
  /** A full refresh is scheduled: many projects found at once make one refresh, not one each. */
  private refreshing: ReturnType<typeof setTimeout> | undefined;

  readonly onDidChangeTreeData: vscode.Event<ProjectsTreeNode | undefined> = this.changeEmitter.event;

  constructor(private readonly index: ProjectIndex) {
    this.subscription = index.onDidChange((change) => this.projectChanged(change));
  }

  async getChildren(element?: ProjectsTreeNode): Promise<ProjectsTreeNode[]> {
    if (!element) {
      // Before the projects are found an empty answer would flash the "no projects" welcome text.
      // `ready` comes once the manifests are read; the documents' validation fills in afterwards.
      await this.index.ready;
      const projects = this.index.projects();
      this.shown = new Set(projects.map((p) => p.dir));
      return projects.map((p) => this.projectNode(p.dir));
    }
    if (element.type === 'project') return PHASES.map((phase) => this.phaseNode(element.dir, phase));
    if (element.type === 'phase') {
      const documents = PHASE_DOCUMENTS[element.phase].map((kind): ProjectsTreeNode => this.documentNode(element.dir, element.phase, kind));
      return element.phase === 'delivery' ? [...documents, ...CHECKLIST_IDS.map((check) => this.checkNode(element.dir, check))] : documents;
    }
    return [];
  }

  getParent(element: ProjectsTreeNode): ProjectsTreeNode | undefined {
    if (element.type === 'phase') return this.projectNode(element.dir);
    if (element.type === 'document' || element.type === 'check') return this.phaseNode(element.dir, element.phase);
    return undefined;
  }

  getTreeItem(element: ProjectsTreeNode): vscode.TreeItem {
    const report = this.index.get(element.dir);
    if (!report) {
      // The project vanished between VS Code's question and ours; a full refresh is on its way.
      const item = new vscode.TreeItem(folderName(element.dir));
      item.id = element.id;
      return item;
    }
    switch (element.type) {
      case 'project':
        return this.projectItem(element, report);
      case 'phase':
        return phaseItem(element, report);
      case 'document':
        return documentItem(element, report);
      case 'check':
        return checklistItem(element, report);
    }
  }

  /** The node of the project in `dir` (the same object every time, as `reveal` needs). */
  projectNode(dir: string): ProjectNode {
    return this.cached({ type: 'project', id: dir, dir });
  }

  /** The node of a phase of the project in `dir`. */
  phaseNode(dir: string, phase: WorkPhase): PhaseNode {
    return this.cached({ type: 'phase', id: `${dir}::${phase}`, dir, phase });
  }

  /** The node of a document of the project in `dir`. */
  documentNode(dir: string, phase: WorkPhase, kind: DocumentKind): DocumentNode {
    return this.cached({ type: 'document', id: `${dir}::${phase}::${kind}`, dir, phase, kind });
  }

  /** The node of a handover checklist item of the project in `dir` (under Delivery). */
  checkNode(dir: string, check: ChecklistId): ChecklistNode {
    return this.cached({ type: 'check', id: `${dir}::delivery::check::${check}`, dir, phase: 'delivery', check });
  }

  dispose(): void {
    if (this.refreshing) clearTimeout(this.refreshing);
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }

  private cached<T extends ProjectsTreeNode>(node: T): T {
    const existing = this.nodes.get(node.id);
    if (existing) return existing as T;
    this.nodes.set(node.id, node);
    return node;
  }

  private projectChanged({ dir, report, previous }: ProjectChange): void {
    if (report && previous && this.shown.has(dir)) {
      // Same set of projects: only this project's subtree needs new items.
      this.changeEmitter.fire(this.projectNode(dir));
      return;
    }
    if (!report) for (const [id, node] of this.nodes) if (node.dir === dir) this.nodes.delete(id);
    this.refreshing ??= setTimeout(() => {
      this.refreshing = undefined;
      this.changeEmitter.fire(undefined);
    }, 0);
  }

  private projectItem(node: ProjectNode, report: ProjectReport): vscode.TreeItem {
    const single = this.index.projects().length === 1;
    const item = new vscode.TreeItem(
      report.title || folderName(report.dir),
      single ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = node.id;
    item.description = report.client;
    item.contextValue = 'project';
    // The manifest has no phase of its own: the project node carries its state.
    const manifest = report.documents.project;
    item.iconPath = manifest.state === 'ok' ? new vscode.ThemeIcon('project') : stateIcon(manifest.state);
    const { errors, warnings } = countProblems(manifest.diagnostics);
    item.tooltip = [
      report.title ?? folderName(report.dir),
      report.client ? vscode.l10n.t('Client: {0}', report.client) : undefined,
      vscode.l10n.t('Folder: {0}', vscode.workspace.asRelativePath(vscode.Uri.parse(report.dir))),
      vscode.l10n.t('Phase: {0}', report.phase ? phaseLabel(report.phase) : vscode.l10n.t('unknown')),
      vscode.l10n.t('Problems: {0}', report.checking ? checkingLabel() : (problemSummary(report.errors, report.warnings) ?? vscode.l10n.t('none'))),
      errors + warnings > 0 ? `${DOCUMENT_FILES.project}: ${problemSummary(errors, warnings)}` : undefined,
    ]
      .filter((line) => line !== undefined)
      .join('\n');
    return item;
  }
}

function phaseItem(node: PhaseNode, report: ProjectReport): vscode.TreeItem {
  const current = report.phase === node.phase;
  const item = new vscode.TreeItem(
    phaseLabel(node.phase),
    current ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
  );
  item.id = node.id;
  if (report.checking) {
    // Only project.yaml has been read: the phase's documents are not validated yet.
    item.description = [current ? vscode.l10n.t('current phase') : undefined, checkingLabel()].filter(Boolean).join(' · ');
    item.iconPath = checkingIcon();
    item.tooltip = vscode.l10n.t("Not checked yet: the project's documents are being validated.");
    item.contextValue = current ? 'phase.current' : 'phase';
    return item;
  }
  const state = report.phases[node.phase];
  const problems = PHASE_DOCUMENTS[node.phase].map((kind) => countProblems(report.documents[kind].diagnostics));
  const summary = problemSummary(
    problems.reduce((n, p) => n + p.errors, 0),
    problems.reduce((n, p) => n + p.warnings, 0),
  );
  const stateText = state === 'missing' ? vscode.l10n.t('missing') : summary;
  const marker = current ? vscode.l10n.t('current phase') : undefined;
  item.description = [marker, stateText].filter((part) => part).join(' · ') || undefined;
  // The current phase keeps its state's colour but gets an arrow, so it stands out in the list.
  item.iconPath = current ? new vscode.ThemeIcon('arrow-circle-right', stateColor(state)) : stateIcon(state);
  item.contextValue = current ? 'phase.current' : 'phase';
  return item;
}

function documentItem(node: DocumentNode, report: ProjectReport): vscode.TreeItem {
  const document = report.documents[node.kind];
  const item = new vscode.TreeItem(DOCUMENT_FILES[node.kind], vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.iconPath = stateIcon(document.state);
  const uri = vscode.Uri.parse(document.path);
  const where = vscode.workspace.asRelativePath(uri);
  if (report.checking && node.kind !== 'project') {
    item.description = checkingLabel();
    item.iconPath = checkingIcon();
    item.tooltip = `${documentTitle(node.kind)}\n${where}\n${vscode.l10n.t("Not checked yet: the project's documents are being validated.")}`;
    item.contextValue = 'document.checking';
    return item;
  }
  if (!document.exists) {
    item.description = vscode.l10n.t('missing');
    item.tooltip = `${documentTitle(node.kind)}\n${where}\n${vscode.l10n.t('This document does not exist yet.')}`;
    item.contextValue = 'document.missing';
    return item;
  }
  const { errors, warnings } = countProblems(document.diagnostics);
  const summary = problemSummary(errors, warnings);
  item.description = summary;
  item.tooltip = `${documentTitle(node.kind)}\n${where}\n${summary ?? vscode.l10n.t('No problems')}`;
  // Scope and stakeholders have a board besides the text (`mspDocs.board.open` in the context menu).
  item.contextValue = node.kind === 'scope' || node.kind === 'stakeholders' ? 'document.board' : 'document';
  // Open at the first problem: that is where the user has work to do.
  const first = document.diagnostics.find((d) => d.severity === 'error') ?? document.diagnostics.find((d) => d.severity === 'warning');
  item.command = {
    command: COMMANDS.documentOpen,
    title: vscode.l10n.t('Open Document'),
    arguments: first ? [uri, toVscodeRange(first.range)] : [uri],
  };
  return item;
}

function folderName(dir: string): string {
  const path = vscode.Uri.parse(dir).path.replace(/\/+$/, '');
  return path.slice(path.lastIndexOf('/') + 1) || dir;
}

/**
 * Creates the tree view (with collapse-all) and an error-count badge on it. Returns the view too,
 * for features that reveal a project in it (the Portfolio view).
 */
export function registerProjectsTree(provider: ProjectsTreeProvider, index: ProjectIndex): { view: vscode.TreeView<ProjectsTreeNode>; disposables: vscode.Disposable[] } {
  const view = vscode.window.createTreeView(PROJECTS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  let scheduled: ReturnType<typeof setTimeout> | undefined;
  // Once per turn of the event loop, however many projects changed in it.
  const updateBadge = (): void => {
    scheduled ??= setTimeout(() => {
      scheduled = undefined;
      const errors = index.projects().reduce((n, p) => n + p.errors, 0);
      view.badge = errors > 0 ? { value: errors, tooltip: problemSummary(errors, 0) ?? '' } : undefined;
    }, 0);
  };
  const cancel = { dispose: () => scheduled && clearTimeout(scheduled) };
  return { view, disposables: [provider, view, index.onDidChange(updateBadge), cancel] };
}
