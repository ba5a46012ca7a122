/**
 * The Scope Canvas board and the stakeholder grid: one `CustomTextEditorProvider` per document
 * kind. The text document stays the truth: the board shows `readBoard` of its text, every change
 * on the board is one `WorkspaceEdit` of `boardEdits` (one undo step), and every change of the
 * text (typing beside, undo, git checkout) or of its diagnostics is posted to the board at once.
 */
import * as vscode from 'vscode';
import { boardEdits, menuTarget, readBoard } from '../../core/board';
import { boardStrings, isBoardToHostMessage, type BoardKind, type BoardModel, type BoardProblem, type BoardToHostMessage, type HostToBoardMessage, type MenuAction } from '../../core/webview';
import { isFixable } from '../../core/authoring';
import { DIAGNOSTIC_SOURCE, toWorkspaceEdit } from '../common';
import { boardPage, boardWebviewOptions } from './boardHtml';


/** The view types of package.json `contributes.customEditors`. */
export const BOARD_VIEW_TYPES: Readonly<Record<BoardKind, string>> = { scope: 'mspDocs.scopeBoard', stakeholders: 'mspDocs.stakeholderGrid' };

/** What a board did, for tests: the message it handled and the result. */
export interface BoardEvent {
  uri: string;
  kind: 'posted' | 'rendered' | 'applied' | 'refused' | 'rejected';
  /** For `posted` and `rendered`: the model's version; for `rendered`, the cards drawn. */
  version?: number;
  cards?: number;
  message?: HostToBoardMessage;
  /** For `applied`: milliseconds from the message to the applied edit. */
  ms?: number;
  /** For `applied`: when the user acted on the board (the drop, key or submit), `Date.now()` on the webview's clock. */
  at?: number;
  /** For `rendered`: when the webview had laid out the new cards, `Date.now()` on its clock. */
  drawnAt?: number;
}

/** One open board panel, as the context menu commands reach it (`boardMenu.ts`). */
export interface OpenBoard {
  readonly kind: BoardKind;
  readonly panel: vscode.WebviewPanel;
  /**
   * Checks a context menu command (`menuTarget`: the item path against the current text) and,
   * when it holds, asks the webview to carry `action` out on that card; else tells the board why
   * not and changes nothing. Returns whether the action went to the webview.
   */
  menu(context: unknown, action: MenuAction): boolean;
}

/** The open boards, for tests and the composition root. */
export class BoardRegistry {
  /** Every open board panel (several may show one document). */
  readonly open = new Set<OpenBoard>();
  private readonly emitter = new vscode.EventEmitter<BoardEvent>();
  readonly onDidEvent = this.emitter.event;
  readonly handlers = new Map<string, (message: unknown) => Promise<boolean>>();
  readonly models = new Map<string, BoardModel>();
  /** The version of the model last posted, by document URI string (a board message must name it). */
  readonly versions = new Map<string, number>();
  fire(event: BoardEvent): void {
    this.emitter.fire(event);
  }
  dispose(): void {
    this.emitter.dispose();
  }
}

/** The custom text editor of one document kind. */
export class BoardEditorProvider implements vscode.CustomTextEditorProvider {
  constructor(
    private readonly kind: BoardKind,
    private readonly extensionUri: vscode.Uri,
    private readonly registry: BoardRegistry,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  resolveCustomTextEditor(document: vscode.TextDocument, panel: vscode.WebviewPanel): void {
    const uri = document.uri.toString();
    const strings = boardStrings(this.kind);
    panel.webview.options = boardWebviewOptions(this.extensionUri);
    panel.webview.html = boardPage(panel.webview, this.extensionUri, this.kind, strings.title);
    let version = 0;
    /** The diagnostics behind the problems' `fix` numbers of the model last posted. */
    let fixable: vscode.Diagnostic[] = [];
    const post = (message: HostToBoardMessage) => {
      void panel.webview.postMessage(message);
      this.registry.fire({ uri, kind: 'posted', message, version });
    };
    const update = () => {
      version++;
      const model = readBoard(this.kind, document.getText());
      this.registry.models.set(uri, model);
      this.registry.versions.set(uri, version);
      const shown = problemsOf(model, document);
      fixable = shown.fixable;
      post({ type: 'model', version, model, problems: shown.problems, strings });
    };
    const handle = async (message: unknown): Promise<boolean> => {
      const started = performance.now();
      if (!isBoardToHostMessage(this.kind, message)) {
        this.log.warn(`board: a message that is not a board message was ignored`);
        this.registry.fire({ uri, kind: 'rejected' });
        return false;
      }
      const m = message as BoardToHostMessage;
      if (m.type === 'ready') {
        update();
        return true;
      }
      if (m.type === 'rendered') {
        this.registry.fire({ uri, kind: 'rendered', version: m.version, cards: m.cards, drawnAt: m.drawnAt });
        return true;
      }
      if (m.version !== version) {
        post({ type: 'refused', message: vscode.l10n.t('The document changed meanwhile; the board shows it again.') });
        this.registry.fire({ uri, kind: 'refused' });
        update();
        return false;
      }
      if (m.type === 'fix') {
        const edit = await quickFixEdit(document, fixable[m.problem]);
        if (!edit) {
          post({ type: 'refused', message: vscode.l10n.t('This problem has no quick fix any more.') });
          this.registry.fire({ uri, kind: 'refused' });
          return false;
        }
        const applied = await vscode.workspace.applyEdit(edit);
        this.registry.fire({ uri, kind: applied ? 'applied' : 'refused', ms: performance.now() - started });
        return applied;
      }
      const result = boardEdits(this.kind, document.getText(), m.op);
      if (!result.ok) {
        post({ type: 'refused', message: result.error, missing: result.missing });
        this.registry.fire({ uri, kind: 'refused' });
        return false;
      }
      if (result.edits.length === 0) return true;
      const applied = await vscode.workspace.applyEdit(toWorkspaceEdit(document, result.edits));
      this.registry.fire({ uri, kind: applied ? 'applied' : 'refused', ms: performance.now() - started, at: m.at });
      return applied;
    };
    this.registry.handlers.set(uri, handle);
    const board: OpenBoard = {
      kind: this.kind,
      panel,
      menu: (context, action) => {
        const target = menuTarget(this.kind, document.getText(), context, action);
        if (!target.ok) {
          this.log.warn(`board: a context menu command was refused: ${target.error}`);
          post({ type: 'refused', message: target.error });
          this.registry.fire({ uri, kind: 'refused' });
          return false;
        }
        post({ type: 'menu', item: target.item, action });
        return true;
      },
    };
    this.registry.open.add(board);
    const subscriptions = [
      panel.webview.onDidReceiveMessage((message) => void handle(message)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === uri && e.contentChanges.length) update();
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === uri)) update();
      }),
    ];
    panel.onDidDispose(() => {
      subscriptions.forEach((s) => s.dispose());
      this.registry.open.delete(board);
      if (this.registry.handlers.get(uri) === handle) this.registry.handlers.delete(uri);
    });
  }
}

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);

/**
 * The document's diagnostics (syntax, schema, method rules) placed on the card or list whose lines
 * hold them; `fixable[n]` is the diagnostic of the problem whose `fix` is `n` (ours, with a fixable code).
 */
function problemsOf(model: BoardModel, document: vscode.TextDocument): { problems: BoardProblem[]; fixable: vscode.Diagnostic[] } {
  const severity = (s: vscode.DiagnosticSeverity): BoardProblem['severity'] =>
    s === vscode.DiagnosticSeverity.Error ? 'error' : s === vscode.DiagnosticSeverity.Warning ? 'warning' : 'info';
  const fromVscode = vscode.languages.getDiagnostics(document.uri).map((d) => ({ line: d.range.start.line, severity: severity(d.severity), message: d.message, diagnostic: d as vscode.Diagnostic | undefined }));
  const fromModel = model.problems.map((d) => ({ line: d.range.start.line, severity: 'error' as const, message: d.message, diagnostic: undefined }));
  const seen = new Set<string>();
  const out: BoardProblem[] = [];
  const fixable: vscode.Diagnostic[] = [];
  for (const p of [...fromVscode, ...fromModel]) {
    const key = `${p.line}\n${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = model.lists.find((l) => l.startLine !== undefined && p.line >= l.startLine && p.line <= (l.endLine ?? l.startLine));
    const item = list?.items.find((i) => p.line >= i.startLine && p.line <= i.endLine);
    const problem: BoardProblem = { severity: p.severity, message: p.message, list: list?.key, index: item?.index };
    if (p.diagnostic?.source === DIAGNOSTIC_SOURCE && isFixable(codeOf(p.diagnostic))) problem.fix = fixable.push(p.diagnostic) - 1;
    out.push(problem);
  }
  return { problems: out, fixable };
}

/**
 * The quick fix of `diagnostic` as the text editor offers it (the registered code action
 * providers, `src/extension/authoring/quickFixes.ts`), computed on the current text: the
 * preferred one, the only one, or the one the user picks; undefined when there is none (or the
 * user cancels).
 */
async function quickFixEdit(document: vscode.TextDocument, diagnostic: vscode.Diagnostic | undefined): Promise<vscode.WorkspaceEdit | undefined> {
  if (!diagnostic) return undefined;
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
  // The actions come back through the API converters: their diagnostics may be missing; the
  // providers were asked for this range, so an action without any concerns it.
  const mine = actions.filter((a) => a.edit && (!a.diagnostics?.length || a.diagnostics.some((d) => codeOf(d) === codeOf(diagnostic) && d.range.start.line === diagnostic.range.start.line)));
  if (mine.length <= 1 || mine.some((a) => a.isPreferred)) return (mine.find((a) => a.isPreferred) ?? mine[0])?.edit;
  const picked = await vscode.window.showQuickPick(mine.map((a) => ({ label: a.title, action: a })), { placeHolder: diagnostic.message });
  return picked?.action.edit;
}
