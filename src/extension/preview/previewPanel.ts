/**
 * One A4 preview panel: shows one project at a time, re-renders it when the index reports a
 * change, and speaks the message contract of `src/core/webview/messages.ts` with its webview.
 *
 * The page (with the first sheet) is set once per panel; after that every render travels as an
 * `update` message, so the webview keeps its scroll position and zoom. Messages are only posted
 * after the webview said `ready` (the handshake), and the latest render is posted again on every
 * `ready`: a webview that was hidden (and so destroyed, as the panel does not retain its context)
 * or reloaded asks for it that way.
 */
import * as vscode from 'vscode';
import type { A4Measurement } from '../../core/common';
import { describeMeasurement, isSafeLink, loadRender } from '../../core/render';
import { isPreviewToHostMessage, type HostToPreviewMessage } from '../../core/webview';
import type { HouseStyleSource, ProjectIndex } from '../projects';
import { messagePage, previewPage } from './previewHtml';
import { webviewImages } from './previewImages';

/** The panel's view type, also the serializer's key and the `activeWebviewPanelId` in `when` clauses. */
export const PREVIEW_VIEW_TYPE = 'mspDocs.preview';

/**
 * Milliseconds to gather index changes into one render. The index reports a project once per
 * validation (all its documents together), so nothing needs gathering beyond the current turn of
 * the event loop: 0 renders on the same result right after the change event.
 */
const RENDER_DELAY_MS = 0;

/** An `update` as posted to the webview. */
export type PostedUpdate = Extract<HostToPreviewMessage, { type: 'update' }>;

/** A measurement the webview reported for the render that is current. */
export interface PreviewMeasurement {
  project: string;
  renderId: number;
  measurement: A4Measurement;
  /** The webview's clock (ms since the epoch) when it laid out and measured this render. */
  shownAt?: number;
}

/** What a panel needs from the rest of the extension. */
export interface PreviewPanelDeps {
  index: ProjectIndex;
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
  /** Called after every `update` posted to the webview. */
  posted(update: PostedUpdate): void;
  /** Called with each measurement of the current render. */
  measured(result: PreviewMeasurement): void;
  /** The house style per project: the page shows the project's, and re-renders when it changes. */
  houseStyle?: Pick<HouseStyleSource, 'current' | 'onDidChange'>;
}

/** One preview panel. Dispose it (or let the user close it) to release everything. */
export class PreviewPanel implements vscode.Disposable {
  private projectDir: string | undefined;
  private ready = false;
  private renderId = 0;
  /** The latest render, posted or waiting for `ready`. */
  private current: PostedUpdate | undefined;
  /** The proposal CSS inside the current page; a different one needs a new page. */
  private pageCss: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly disposeEmitter = new vscode.EventEmitter<void>();

  /** Fires once when the panel is closed or disposed. */
  readonly onDidDispose = this.disposeEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: PreviewPanelDeps,
  ) {
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((message: unknown) => this.received(message)),
      panel.onDidChangeViewState(() => {
        // A hidden webview is destroyed; it says `ready` again when it comes back.
        if (!panel.visible) this.ready = false;
      }),
      panel.onDidDispose(() => this.dispose()),
      deps.index.onDidChange((change) => {
        // A report from project.yaml alone (first scan) is not worth a page: wait for the validation.
        if (change.dir === this.projectDir && !change.report?.checking) this.scheduleRender();
      }),
      ...(deps.houseStyle ? [deps.houseStyle.onDidChange(() => this.scheduleRender())] : []),
    );
  }

  /** The project folder (URI string) shown, if any. */
  get project(): string | undefined {
    return this.projectDir;
  }

  /** Shows the project in `dir` (a URI string), rendering it at once. */
  show(dir: string): void {
    if (dir === this.projectDir && this.current) return;
    this.projectDir = dir;
    this.render();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const subscriptions = this.subscriptions.splice(0);
    if (!subscriptions.length) return;
    subscriptions.forEach((s) => s.dispose());
    this.panel.dispose();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
  }

  private scheduleRender(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.render();
    }, RENDER_DELAY_MS);
  }

  private render(): void {
    const dir = this.projectDir;
    if (!dir) return;
    const report = this.deps.index.get(dir);
    const webview = this.panel.webview;
    if (!report) {
      this.panel.title = vscode.l10n.t('A4 Preview');
      webview.html = messagePage(webview, this.deps.extensionUri, vscode.l10n.t('This project is no longer in the workspace: {0}', vscode.workspace.asRelativePath(vscode.Uri.parse(dir))));
      this.ready = false;
      this.current = undefined;
      this.pageCss = undefined;
      return;
    }
    // Only project.yaml is read yet: the validation's change event renders the whole project.
    if (report.checking) return;
    const rendered = loadRender().renderProposal(report, { style: this.deps.houseStyle?.current(dir), images: webviewImages(webview, dir) });
    this.panel.title = vscode.l10n.t('A4: {0}', report.title ?? report.id ?? vscode.workspace.asRelativePath(vscode.Uri.parse(dir)));
    const previous = this.current;
    // The same page is not sent again: a validation that changed only diagnostics (the one after a
    // new measurement, see `ProjectIndex.setMeasurement`) leaves the preview as it is.
    if (previous && previous.project === dir && previous.html === rendered.html && previous.title === rendered.title && this.pageCss === rendered.css) return;
    this.current = { type: 'update', renderId: ++this.renderId, project: dir, html: rendered.html, title: rendered.title, language: rendered.language };
    if (this.pageCss !== rendered.css) {
      // The page carries the sheet already; the webview's `ready` brings the update that measures it.
      this.ready = false;
      this.pageCss = rendered.css;
      webview.html = previewPage(webview, this.deps.extensionUri, rendered);
    } else {
      this.post(this.current);
    }
  }

  private post(message: HostToPreviewMessage): void {
    if (!this.ready) return;
    void this.panel.webview.postMessage(message).then(
      (delivered) => {
        if (delivered && message.type === 'update') this.deps.posted(message);
      },
      (error) => this.deps.log.warn(`Cannot post to the A4 preview: ${String(error)}`),
    );
  }

  private received(message: unknown): void {
    if (!isPreviewToHostMessage(message)) {
      this.deps.log.warn(`Ignored an unexpected message from the A4 preview: ${JSON.stringify(message)?.slice(0, 200)}`);
      return;
    }
    switch (message.type) {
      case 'ready':
        this.ready = true;
        if (this.current) this.post(this.current);
        break;
      case 'measured': {
        const current = this.current;
        // A measurement of a render that was replaced meanwhile says nothing about the page now.
        if (!current || message.renderId !== current.renderId) return;
        const { measurement } = message;
        this.post({ type: 'check', renderId: current.renderId, fits: measurement.fits, text: describeMeasurement(measurement) });
        this.deps.measured({ project: current.project, renderId: current.renderId, measurement, shownAt: message.shownAt });
        break;
      }
      case 'openLink':
        void this.openLink(message.href);
        break;
    }
  }

  private async openLink(href: string): Promise<void> {
    // The renderer only makes safe links; check again, the webview is not trusted.
    if (!isSafeLink(href)) {
      this.deps.log.warn(`Did not open a link from the A4 preview: ${href.slice(0, 200)}`);
      return;
    }
    try {
      await vscode.env.openExternal(vscode.Uri.parse(href.trim(), true));
    } catch (error) {
      this.deps.log.warn(`Cannot open ${href.slice(0, 200)}: ${String(error)}`);
    }
  }
}
