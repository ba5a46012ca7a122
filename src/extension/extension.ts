/**
 * Composition root: build the shared model once, then let each contribution register itself.
 * Nothing here does work of its own beyond starting the first scan.
 */
import * as vscode from 'vscode';
import { setTranslations } from '../core/common';
import type { MspDocsApi } from './api';
import { PortfolioProvider, registerCompareCommand, registerHandoverCommand, registerPortfolio, registerSnapshotCommand, registerStatusDraftCommand } from './delivery';
import { registerCompletion, registerQuickFixes } from './authoring';
import { buildKey, createFirstLook, createProjectFinder, openEditorProjects, ProjectCache, ProjectIndex, ProjectsTreeProvider, registerDiagnostics, registerHasProjectsContext, registerNewProjectCommand, registerOpenDocumentCommand, registerProjectCommands, registerProjectsTree, registerProjectWatchers, registerRuleConfig, registerSampleCommand, registerUntitledDiagnostics, registerValidateTask, registerWorkspaceCommands, RuleConfigSource, HouseStyleSource, trackStartup } from './projects';
import { registerPreview } from './preview';
import { registerBoards } from './board';
import { CommandManager, createWorkspaceHost } from './common';

/** Activates on a workspace with a `project.yaml`, the Projects view, or one of the commands. */
export function activate(context: vscode.ExtensionContext): MspDocsApi {
  const started = performance.now();
  // The core translates its own messages with @vscode/l10n; give it VS Code's bundle for the UI language.
  setTranslations(vscode.l10n.bundle);
  const log = vscode.window.createOutputChannel('MSP Docs', { log: true });
  const host = createWorkspaceHost(log);
  const commands = new CommandManager(log);
  const ruleConfig = new RuleConfigSource(host, log);
  const cache = new ProjectCache(context.storageUri, buildKey(context.extension), log);
  const index = new ProjectIndex(host, workspaceRoots, log, {
    rulesFor: (dir) => ruleConfig.rulesFor(dir),
    find: createProjectFinder(host, log),
    preferred: openEditorProjects,
    cache,
    firstLook: createFirstLook(host, openEditorProjects),
  });
  const tree = new ProjectsTreeProvider(index);
  const projectsTree = registerProjectsTree(tree, index);
  const portfolio = new PortfolioProvider(index, context.workspaceState);
  const houseStyle = new HouseStyleSource(host, ruleConfig, log);
  const preview = registerPreview({ extensionUri: context.extensionUri, index, log, commands, houseStyle });
  const boards = registerBoards(commands, context.extensionUri, log);

  context.subscriptions.push(
    log,
    index,
    cache,
    ...registerDiagnostics(index),
    ...registerUntitledDiagnostics(log),
    ...registerHasProjectsContext(index),
    ...projectsTree.disposables,
    ...registerPortfolio(commands, portfolio, { view: projectsTree.view, provider: tree }),
    ...registerProjectWatchers(index, log, host),
    ...registerWorkspaceCommands(commands, index),
    ...registerValidateTask(context.extensionUri),
    ...registerOpenDocumentCommand(commands),
    ...preview.disposables,
    houseStyle,
    ...boards.disposables,
    ...registerRuleConfig(ruleConfig, index),
    ...registerQuickFixes(index, log),
    ...registerCompletion(index, log),
    ...registerNewProjectCommand(commands, context, index, log),
    ...registerProjectCommands(commands, index, log),
    ...registerSampleCommand(commands, context, index),
    ...registerSnapshotCommand(commands, index, log),
    ...registerCompareCommand(commands, index, houseStyle, log),
    ...registerStatusDraftCommand(commands, index),
    ...registerHandoverCommand(commands, index, log),
  );

  // After registerDiagnostics: the first validated report heard has its diagnostics published.
  const startup = trackStartup(index, log, started);
  context.subscriptions.push(startup.disposable);
  // Not awaited: activation stays fast; the views wait for `index.ready` themselves.
  void index.rescanAll();
  // The house style's diagnostics on `.msp-docs.json` appear without a preview or an export
  // (after the first validation, which goes first; one read per configuration file).
  void index.validated.then(() => index.projects().forEach((p) => void houseStyle.styleFor(p.dir)));
  const timings = startup.finish();

  return {
    projects: () => index.projects(),
    whenIdle: () => index.whenIdle(),
    onDidUpdate: index.onDidChange,
    tree,
    portfolio,
    preview: preview.api,
    boards: {
      handle: async (uri, message) => (await boards.registry.handlers.get(uri)?.(message)) ?? false,
      model: (uri) => boards.registry.models.get(uri),
      version: (uri) => boards.registry.versions.get(uri),
      onDidEvent: boards.registry.onDidEvent,
    },
    timings,
  };
}

/** Everything is disposed through `context.subscriptions`. */
export function deactivate(): void {}

function workspaceRoots(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.toString());
}
