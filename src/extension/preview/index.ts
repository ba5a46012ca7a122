/**
 * The A4 preview and the export: `mspDocs.preview.open` (one panel beside the editor that follows
 * the active project), the panel serializer (the preview comes back after a window reload), the
 * one-page check's measurements handed to the index (the rule `plan.overflows-a4` warns on
 * plan.yaml from them), `mspDocs.preview.export` and `mspDocs.preview.exportWord`.
 *
 * Lifetime of a measurement: it stands while a preview of the project is open; it is cleared when
 * the preview turns to another project or closes, as only a laid-out page can tell, so without a
 * preview there is no claim either way (the command line's `msp-docs render` measures in a headless
 * browser instead).
 */
import * as vscode from 'vscode';
import type { HouseStyleSource, ProjectIndex } from '../projects';
import { exportProject, type ExportOptions, type ExportResult } from './exportCommand';
import { exportWord, type WordExportResult } from './exportWordCommand';
import { previewWebviewOptions } from './previewHtml';
import { PREVIEW_VIEW_TYPE, PreviewPanel, type PostedUpdate, type PreviewMeasurement } from './previewPanel';
import { activeEditorProject, chooseProject } from '../projects';
import { anyArgument, type CommandManager, COMMANDS, projectArgument, type ProjectArgument } from '../common';

/** What the preview shows to tests and other extensions (`MspDocsApi.preview`). */
export interface PreviewApi {
  /** The project folder (URI string) the open preview shows, or `undefined` without a preview. */
  project(): string | undefined;
  /** The last `update` the webview received. */
  lastUpdate(): PostedUpdate | undefined;
  /** The last measurement the webview reported for its current render. */
  lastMeasurement(): PreviewMeasurement | undefined;
  readonly onDidUpdate: vscode.Event<PostedUpdate>;
  readonly onDidMeasure: vscode.Event<PreviewMeasurement>;
}

/** What the preview needs from the composition root. */
export interface PreviewDeps {
  extensionUri: vscode.Uri;
  index: ProjectIndex;
  log: vscode.LogOutputChannel;
  commands: CommandManager;
  /** The house style per project (`.msp-docs.json`), for the preview and the exports. */
  houseStyle: HouseStyleSource;
}

/** Registers the commands, the serializer and the listeners; returns them and the preview's API. */
export function registerPreview({ extensionUri, index, log, commands, houseStyle }: PreviewDeps): { disposables: vscode.Disposable[]; api: PreviewApi } {
  const updateEmitter = new vscode.EventEmitter<PostedUpdate>();
  const measureEmitter = new vscode.EventEmitter<PreviewMeasurement>();
  let preview: PreviewPanel | undefined;
  let lastUpdate: PostedUpdate | undefined;
  let lastMeasurement: PreviewMeasurement | undefined;

  const show = (panel: PreviewPanel, dir: string): void => {
    const before = panel.project;
    panel.show(dir);
    if (before && before !== dir) index.setMeasurement(before, undefined);
  };

  const adopt = (webviewPanel: vscode.WebviewPanel, dir: string): PreviewPanel => {
    // One preview at a time: it follows the active project instead of multiplying.
    preview?.dispose();
    webviewPanel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'msp-docs.svg');
    const panel = new PreviewPanel(webviewPanel, {
      houseStyle,
      index,
      extensionUri,
      log,
      posted: (update) => {
        lastUpdate = update;
        updateEmitter.fire(update);
      },
      measured: (result) => {
        lastMeasurement = result;
        // Before the event: whoever waits for the measurement then finds the index busy with it.
        index.setMeasurement(result.project, result.measurement);
        measureEmitter.fire(result);
      },
    });
    panel.onDidDispose(() => {
      if (preview === panel) preview = undefined;
      if (panel.project) index.setMeasurement(panel.project, undefined);
    });
    preview = panel;
    show(panel, dir);
    return panel;
  };

  const open = async (target?: unknown): Promise<void> => {
    const dir = await chooseProject(index, target, () => activeEditorProject(index), () => preview?.project);
    if (!dir) return;
    if (preview) {
      show(preview, dir);
      preview.panel.reveal(undefined, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      vscode.l10n.t('A4 Preview'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { ...previewWebviewOptions(extensionUri), enableFindWidget: true },
    );
    adopt(panel, dir);
  };

  const exportTarget = (target: ProjectArgument<ExportOptions>['target']) =>
    chooseProject(
      index,
      target,
      () => (preview?.panel.active ? preview.project : undefined),
      () => activeEditorProject(index),
      () => preview?.project,
    );
  // Only what a caller may pass: a boolean answer and a hook (tests); the style comes from the workspace.
  const overwrite = (options: ExportOptions) => ({
    overwrite: typeof options.overwrite === 'boolean' ? options.overwrite : undefined,
    beforeWrite: typeof options.beforeWrite === 'function' ? options.beforeWrite : undefined,
  });
  const exportCommand = async ({ target, options }: ProjectArgument<ExportOptions>): Promise<ExportResult> => {
    const dir = await exportTarget(target);
    return dir ? exportProject(index, dir, { ...overwrite(options), style: await houseStyle.styleFor(dir) }, log) : { status: 'cancelled' };
  };
  const exportWordCommand = async ({ target, options }: ProjectArgument<ExportOptions>): Promise<WordExportResult> => {
    const dir = await exportTarget(target);
    return dir ? exportWord(index, dir, { ...overwrite(options), style: await houseStyle.styleFor(dir) }, log) : { status: 'cancelled' };
  };

  const disposables: vscode.Disposable[] = [
    updateEmitter,
    measureEmitter,
    { dispose: () => preview?.dispose() },
    commands.register(COMMANDS.previewOpen, { parse: anyArgument, run: open }),
    commands.register(COMMANDS.previewExport, {
      parse: projectArgument<ExportOptions>,
      run: exportCommand,
      failureMessage: (reason) => vscode.l10n.t('The A4 proposal could not be exported: {0}', reason),
      failureResult: ({ reason }): ExportResult => ({ status: 'failed', message: reason }),
    }),
    commands.register(COMMANDS.previewExportWord, {
      parse: projectArgument<ExportOptions>,
      run: exportWordCommand,
      failureMessage: (reason) => vscode.l10n.t('The proposal could not be exported as Word: {0}', reason),
      failureResult: ({ reason }): WordExportResult => ({ status: 'failed', message: reason }),
    }),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        const dir = typeof (state as { project?: unknown } | undefined)?.project === 'string' ? (state as { project: string }).project : undefined;
        if (!dir) {
          panel.dispose();
          return;
        }
        panel.webview.options = previewWebviewOptions(extensionUri);
        // Before the first scan every project looks unknown.
        await index.ready;
        adopt(panel, dir);
      },
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      const dir = editor && preview ? activeEditorProject(index) : undefined;
      if (preview && dir) show(preview, dir);
    }),
  ];

  const api: PreviewApi = {
    project: () => preview?.project,
    lastUpdate: () => lastUpdate,
    lastMeasurement: () => lastMeasurement,
    onDidUpdate: updateEmitter.event,
    onDidMeasure: measureEmitter.event,
  };
  return { disposables, api };
}
