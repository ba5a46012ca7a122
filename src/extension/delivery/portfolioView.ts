/**
 * The Portfolio view (`mspDocs.portfolio`, docs/delivery.md): every project of the workspace, all roots,
 * grouped by phase (or by client or status, the user's choice, kept per workspace), with status and
 * problem counts at a glance. Selecting a project reveals it in the Projects tree.
 */
import * as vscode from 'vscode';
import { groupPortfolio, isPortfolioSort, PORTFOLIO_SORTS, portfolioEntry, type PortfolioEntry, type PortfolioGroup, type PortfolioSort, type ProjectStatus, UNKNOWN } from '../../core/delivery';
import { checkingLabel, type CommandManager, COMMANDS, firstArgument, focusViewCommand, phaseLabel, problemSummary, projectCount } from '../common';
import { type ProjectIndex, PROJECTS_VIEW_ID, type ProjectsTreeNode, type ProjectsTreeProvider } from '../projects';

/** The id of the view in package.json. */
export const PORTFOLIO_VIEW_ID = 'mspDocs.portfolio';

/** workspaceState key of the chosen sort. */
const SORT_KEY = 'mspDocs.portfolio.sort';

/** A group (a phase, client or status) or a project in it. */
export type PortfolioNode = { readonly type: 'group'; readonly id: string; readonly key: string } | { readonly type: 'project'; readonly id: string; readonly dir: string; readonly group: string };

/** A project status in words (UI language). */
export function statusLabel(status: ProjectStatus | string): string {
  switch (status) {
    case 'on-track':
      return vscode.l10n.t('On track');
    case 'at-risk':
      return vscode.l10n.t('At risk');
    case 'off-track':
      return vscode.l10n.t('Off track');
    case 'on-hold':
      return vscode.l10n.t('On hold');
    case 'done':
      return vscode.l10n.t('Done');
    default:
      return status;
  }
}

function sortLabel(sort: PortfolioSort): string {
  return sort === 'phase' ? vscode.l10n.t('Phase') : sort === 'client' ? vscode.l10n.t('Client') : vscode.l10n.t('Status');
}

/** The view's description: how it is grouped. */
function sortDescription(sort: PortfolioSort): string {
  return sort === 'phase' ? vscode.l10n.t('by phase') : sort === 'client' ? vscode.l10n.t('by client') : vscode.l10n.t('by status');
}

const STATUS_ICONS: Record<ProjectStatus, [string, string]> = {
  'on-track': ['pass', 'testing.iconPassed'],
  'at-risk': ['warning', 'problemsWarningIcon.foreground'],
  'off-track': ['error', 'problemsErrorIcon.foreground'],
  'on-hold': ['debug-pause', 'disabledForeground'],
  done: ['check-all', 'testing.iconPassed'],
};

/** Data provider of the Portfolio view: regroups everything on any change (a portfolio is small). */
export class PortfolioProvider implements vscode.TreeDataProvider<PortfolioNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<PortfolioNode | undefined>();
  private readonly subscription: vscode.Disposable;
  /** The groups of the last answer to VS Code, to describe the nodes it asks about next. */
  private groups: PortfolioGroup[] = [];
  private entries = new Map<string, PortfolioEntry>();
  private refreshing: ReturnType<typeof setTimeout> | undefined;

  readonly onDidChangeTreeData: vscode.Event<PortfolioNode | undefined> = this.changeEmitter.event;

  constructor(
    private readonly index: ProjectIndex,
    private readonly state: vscode.Memento,
  ) {
    // One regrouping per turn of the event loop, however many projects changed in it.
    this.subscription = index.onDidChange(() => {
      this.refreshing ??= setTimeout(() => {
        this.refreshing = undefined;
        this.changeEmitter.fire(undefined);
      }, 0);
    });
  }

  /** The chosen grouping and order. */
  get sort(): PortfolioSort {
    const stored = this.state.get<string>(SORT_KEY);
    return isPortfolioSort(stored) ? stored : 'phase';
  }

  /** Changes the grouping and remembers it for this workspace. */
  async setSort(sort: PortfolioSort): Promise<void> {
    await this.state.update(SORT_KEY, sort);
    this.changeEmitter.fire(undefined);
  }

  async getChildren(element?: PortfolioNode): Promise<PortfolioNode[]> {
    if (element?.type === 'project') return [];
    await this.index.ready;
    const groups = groupPortfolio(this.index.projects().map(portfolioEntry), this.sort);
    this.groups = groups;
    this.entries = new Map(groups.flatMap((g) => g.entries.map((e) => [e.dir, e] as const)));
    if (!element) return groups.map((g) => ({ type: 'group', id: groupId(g), key: g.key }));
    const group = groups.find((g) => groupId(g) === element.id);
    return (group?.entries ?? []).map((e) => ({ type: 'project', id: `project:${e.dir}`, dir: e.dir, group: element.id }));
  }

  getParent(element: PortfolioNode): PortfolioNode | undefined {
    return element.type === 'project' ? { type: 'group', id: element.group, key: element.group.split(':').slice(2).join(':') } : undefined;
  }

  getTreeItem(element: PortfolioNode): vscode.TreeItem {
    const sort = this.sort;
    if (element.type === 'group') {
      const count = this.groups.find((g) => groupId(g) === element.id)?.entries.length ?? 0;
      const item = new vscode.TreeItem(groupLabel(sort, element.key), vscode.TreeItemCollapsibleState.Expanded);
      item.id = element.id;
      item.description = projectCount(count);
      item.contextValue = 'portfolio.group';
      return item;
    }
    const entry = this.entries.get(element.dir) ?? portfolioEntryOf(this.index, element.dir);
    const item = new vscode.TreeItem(entry?.title ?? entry?.id ?? element.dir, vscode.TreeItemCollapsibleState.None);
    item.id = element.id;
    item.contextValue = 'portfolio.project';
    if (!entry) return item;
    const checking = this.index.get(element.dir)?.checking === true;
    const problems = checking ? checkingLabel() : problemSummary(entry.errors, entry.warnings);
    item.description = [
      sort !== 'client' ? entry.client : undefined,
      sort !== 'phase' && entry.phase ? phaseLabel(entry.phase) : undefined,
      sort !== 'status' && entry.status ? statusLabel(entry.status) : undefined,
      problems,
    ]
      .filter(Boolean)
      .join(' · ');
    const [icon, color] = entry.errors > 0 ? ['error', 'problemsErrorIcon.foreground'] : entry.status ? STATUS_ICONS[entry.status] : ['project', 'foreground'];
    item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
    const uri = vscode.Uri.parse(entry.dir);
    item.tooltip = [
      entry.title ?? entry.id,
      entry.client && vscode.l10n.t('Client: {0}', entry.client),
      vscode.l10n.t('Folder: {0}', vscode.workspace.asRelativePath(uri, true)),
      vscode.l10n.t('Phase: {0}', entry.phase ? phaseLabel(entry.phase) : vscode.l10n.t('unknown')),
      vscode.l10n.t('Status: {0}', entry.status ? statusLabel(entry.status) : vscode.l10n.t('unknown')),
      vscode.l10n.t('Problems: {0}', problems ?? vscode.l10n.t('none')),
    ]
      .filter(Boolean)
      .join('\n');
    item.command = { command: COMMANDS.portfolioReveal, title: vscode.l10n.t('Show in Projects'), arguments: [entry.dir] };
    return item;
  }

  dispose(): void {
    if (this.refreshing) clearTimeout(this.refreshing);
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }
}

function groupId(group: PortfolioGroup): string {
  return `group:${group.sort}:${group.key}`;
}

function portfolioEntryOf(index: ProjectIndex, dir: string): PortfolioEntry | undefined {
  const report = index.get(dir);
  return report ? portfolioEntry(report) : undefined;
}

function groupLabel(sort: PortfolioSort, key: string): string {
  if (sort === 'phase') return key === UNKNOWN ? vscode.l10n.t('Phase not set') : phaseLabel(key);
  if (sort === 'status') return key === UNKNOWN ? vscode.l10n.t('Status not set') : statusLabel(key);
  return key === UNKNOWN ? vscode.l10n.t('Client not named') : key;
}

/** The argument of `mspDocs.portfolio.sortBy`: a sort key, else nothing (then a quick pick asks). */
const sortArgument = firstArgument(isPortfolioSort);
/** The argument of `mspDocs.portfolio.reveal`: a project folder's URI string. */
const dirArgument = firstArgument((dir: unknown): dir is string => typeof dir === 'string');

/**
 * Creates the view and its commands: `mspDocs.portfolio.sortBy` (view title; a quick pick, or the
 * sort key as argument) and `mspDocs.portfolio.reveal` (a project's click; reveals and selects it
 * in the Projects tree, whose nodes have stable ids and parents).
 */
export function registerPortfolio(
  commands: CommandManager,
  provider: PortfolioProvider,
  projects: { view: vscode.TreeView<ProjectsTreeNode>; provider: ProjectsTreeProvider },
): vscode.Disposable[] {
  const view = vscode.window.createTreeView(PORTFOLIO_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const describe = (): void => {
    view.description = sortDescription(provider.sort);
  };
  describe();
  return [
    provider,
    view,
    commands.register(COMMANDS.portfolioSortBy, {
      parse: sortArgument,
      run: async (sort) => {
        let chosen = sort;
        if (!chosen) {
          const current = provider.sort;
          const picked = await vscode.window.showQuickPick(
            PORTFOLIO_SORTS.map((s) => ({ label: sortLabel(s), description: s === current ? vscode.l10n.t('current') : undefined, sort: s })),
            { title: vscode.l10n.t('Group and Sort the Portfolio'), placeHolder: vscode.l10n.t('Group the projects by') },
          );
          chosen = picked?.sort;
        }
        if (!chosen) return;
        await provider.setSort(chosen);
        describe();
      },
    }),
    commands.register(COMMANDS.portfolioReveal, {
      parse: dirArgument,
      run: async (dir) => {
        if (!dir) return;
        try {
          await projects.view.reveal(projects.provider.projectNode(dir), { select: true, focus: true, expand: true });
        } catch {
          // The tree has not shown that project yet (a scan is running): show the view at least.
          await vscode.commands.executeCommand(focusViewCommand(PROJECTS_VIEW_ID));
        }
      },
    }),
  ];
}
