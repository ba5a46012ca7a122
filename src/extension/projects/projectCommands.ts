/**
 * Commands on one project: "Create Missing Document" (`mspDocs.document.create`, on a missing
 * document in the tree) and "Advance Phase" (`mspDocs.project.advancePhase`, on a project node and
 * in the palette).
 */
import * as vscode from 'vscode';
import { DOCUMENT_FILES, DOCUMENT_KINDS } from '../../core/document';
import { checkAdvance, phaseValueRange, type ProjectReport } from '../../core/project';
import { documentTemplate } from '../../core/authoring';
import { type DocumentKind, type Phase, todayIso } from '../../core/common';
import { intakeUnanswered } from '../../core/rules';
import { type BeforeWrite, type CommandManager, COMMANDS, errorCount, parentOf, phaseLabel, writeNewFiles } from '../common';
import type { ProjectIndex } from './projectIndex';

/** What Advance Phase does when the intake has no answers yet (`intakeUnanswered`): ask in a modal (the default), advance, or stay. */
type UnansweredIntake = 'ask' | 'advance' | 'stay';

/** What the tree passes (a document node or project node), or `{ dir, kind, unansweredIntake, beforeWrite }` from other callers. */
interface Target {
  dir?: string;
  kind?: DocumentKind;
  unansweredIntake?: UnansweredIntake;
  /** Create Missing Document: called just before the document is created (see `BeforeWrite`). */
  beforeWrite?: BeforeWrite;
}

/** The first argument's project folder `dir` and document `kind`, each when it is one. */
function parseTarget(args: readonly unknown[]): Target | undefined {
  const arg = args[0];
  if (typeof arg !== 'object' || arg === null) return undefined;
  const { dir, kind, unansweredIntake, beforeWrite } = arg as { dir?: unknown; kind?: unknown; unansweredIntake?: unknown; beforeWrite?: unknown };
  return {
    beforeWrite: typeof beforeWrite === 'function' ? (beforeWrite as BeforeWrite) : undefined,
    dir: typeof dir === 'string' ? dir : undefined,
    kind: (DOCUMENT_KINDS as readonly unknown[]).includes(kind) ? (kind as DocumentKind) : undefined,
    unansweredIntake: unansweredIntake === 'advance' || unansweredIntake === 'stay' ? unansweredIntake : undefined,
  };
}

/** Registers both commands. */
export function registerProjectCommands(commands: CommandManager, index: ProjectIndex, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    commands.register(COMMANDS.documentCreate, { parse: parseTarget, run: (target) => createDocument(index, log, target) }),
    commands.register(COMMANDS.projectAdvancePhase, { parse: parseTarget, run: (target) => advancePhase(index, target) }),
  ];
}

/** Writes a missing document from its template, in the project's language, and opens it. */
async function createDocument(index: ProjectIndex, log: vscode.LogOutputChannel, target: Target | undefined): Promise<vscode.Uri | undefined> {
  const report = target?.dir ? index.get(target.dir) : undefined;
  const kind = target?.kind;
  if (!report || !kind) return undefined;
  const manifest = (report.documents.project.data ?? {}) as Record<string, unknown>;
  const people = (report.documents.stakeholders.data as { stakeholders?: Array<{ id?: unknown }> } | undefined)?.stakeholders;
  // The plan's first stage is owned by the project manager only when the register knows that id.
  const ownerKnown = !report.documents.stakeholders.exists || (Array.isArray(people) && people.some((p) => p?.id === 'project-manager'));
  const text = documentTemplate(kind, {
    client: report.client ?? '',
    title: report.title ?? '',
    projectManager: typeof manifest.project_manager === 'string' ? manifest.project_manager : '',
    language: report.language,
    today: todayIso(),
    id: report.id,
    ownerId: ownerKnown ? 'project-manager' : null,
  });
  const uri = vscode.Uri.joinPath(vscode.Uri.parse(report.dir), DOCUMENT_FILES[kind]);
  if (!(await writeNewFiles(vscode.Uri.parse(report.dir), [{ uri, text }], log, target?.beforeWrite))) return undefined;
  // At once, also while a scan runs: the tree shows the document before the editor opens.
  await index.refreshNow(report.dir);
  await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}

/**
 * Moves the project to the next phase by replacing only the value of `phase:` in project.yaml
 * (an undoable edit; the file is left unsaved in an editor), or says why it cannot. Leaving the
 * intake phase while the intake has no answers at all asks first (a modal), unless the caller
 * passed `unansweredIntake: 'advance'` or `'stay'`.
 */
async function advancePhase(index: ProjectIndex, target: Target | undefined): Promise<boolean> {
  await index.whenIdle();
  const report = target?.dir ? index.get(target.dir) : await pickProject(index);
  if (!report) {
    if (!index.projects().length) void vscode.window.showInformationMessage(vscode.l10n.t('There is no project in this workspace yet. Create one with New Project.'));
    return false;
  }
  const check = checkAdvance(report);
  const name = report.title ?? vscode.workspace.asRelativePath(vscode.Uri.parse(report.dir));
  if (!check.ok) {
    const message =
      check.reason === 'no-phase'
        ? vscode.l10n.t('{0}: project.yaml has no valid phase. Correct it first.', name)
        : check.reason === 'closed'
          ? vscode.l10n.t('{0} is already closed.', name)
          : check.reason === 'missing'
            ? vscode.l10n.t('{0} stays in phase {1}: {2} does not exist yet. Create it first.', name, phaseLabel(check.from), check.files.join(', '))
            : vscode.l10n.t('{0} stays in phase {1}: {2} still has {3}. Fix them first.', name, phaseLabel(check.from), check.files.join(', '), errorCount(check.errors));
    void vscode.window.showWarningMessage(message);
    return false;
  }
  if (check.from === 'intake' && !(await intakeAnsweredOrConfirmed(report, name, check.to, target?.unansweredIntake ?? 'ask'))) return false;
  const uri = vscode.Uri.parse(report.documents.project.path);
  const document = await vscode.workspace.openTextDocument(uri);
  const at = phaseValueRange(document.getText());
  if (!at) return false;
  const quote = /^["']/.test(at.source) ? at.source[0] : '';
  const range = new vscode.Range(document.positionAt(at.start), document.positionAt(at.end));
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, range, `${quote}${check.to}${quote}`);
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  const selection = new vscode.Range(range.start, document.positionAt(at.start + check.to.length + 2 * quote.length));
  await vscode.window.showTextDocument(document, { selection, preview: false });
  void vscode.window.showInformationMessage(vscode.l10n.t('Phase {0} → {1}. Save project.yaml to keep it, or undo.', phaseLabel(check.from), phaseLabel(check.to)));
  return true;
}

/**
 * Whether the project may leave the intake phase: its intake (the open buffer, else the file) has
 * some answer, or the user confirms in a modal that it moves on without any (`choice`: `ask`; or
 * the caller's `advance` / `stay`).
 */
async function intakeAnsweredOrConfirmed(report: ProjectReport, name: string, to: Phase, choice: UnansweredIntake): Promise<boolean> {
  const intake = report.documents.intake;
  if (!intake.exists) return true;
  const text = (await vscode.workspace.openTextDocument(vscode.Uri.parse(intake.path))).getText();
  if (!intakeUnanswered(text)) return true;
  if (choice !== 'ask') return choice === 'advance';
  const advance = vscode.l10n.t('Advance Anyway');
  const picked = await vscode.window.showWarningMessage(
    vscode.l10n.t('The intake of {0} has no answers yet: every question is still open.', name),
    { modal: true, detail: vscode.l10n.t('Phase {0} builds on what the client said in the intake. Ask the questions first, or move on anyway.', phaseLabel(to)) },
    advance,
  );
  return picked === advance;
}

/** The project of the active editor, the only project, or one the user picks. */
async function pickProject(index: ProjectIndex): Promise<ProjectReport | undefined> {
  const projects = index.projects();
  const active = vscode.window.activeTextEditor?.document.uri;
  const own = active ? index.get(parentOf(active)) : undefined;
  if (own) return own;
  if (projects.length <= 1) return projects[0];
  const picked = await vscode.window.showQuickPick(
    projects.map((p) => ({ label: p.title ?? p.dir, description: p.client, detail: p.phase ? phaseLabel(p.phase) : undefined, report: p })),
    { placeHolder: vscode.l10n.t('Which project moves to its next phase?') },
  );
  return picked?.report;
}
