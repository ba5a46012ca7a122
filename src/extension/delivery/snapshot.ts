/**
 * "MSP Docs: Snapshot Proposal Version" (`mspDocs.proposal.snapshot`). Method step 3
 * (docs/method-rules.md): the proposal goes back and forth with the client a few times, and a plan
 * revised three times beats silence.
 *
 * Asks the new version (default: the bump) and a note of what changed, sets `version:` and appends
 * the `history` entry in plan.yaml as ONE edit (one undo reverts it), saves plan.yaml so that the
 * file, its history and the export agree, and writes `exports/<id>-v<version>.html`, a `.md` text
 * rendering beside it (what "Compare Proposal Versions" diffs) and, where a browser exists, the
 * `.pdf`. A snapshot never overwrites: when one of those files exists it refuses before editing.
 * The files are claimed by creating them exclusively (empty) after the last question and before the
 * edit, so a file that appears while "What changed?" is open is not replaced either; claims not
 * filled (no PDF made, a failure) are deleted again.
 */
import * as vscode from 'vscode';
import { BrowserNotFoundError, BrowserRunError, exportFileName, loadRender, standaloneHtml } from '../../core/render';
import { type TextEdit, todayIso } from '../../core/common';
import { DOCUMENT_FILES } from '../../core/document';
import { newVersionProblem, nextVersion, PlanEditError, planVersion, proposalText, snapshotEdits } from '../../core/delivery';
import { type BeforeWrite, BUILTIN_COMMANDS, type CommandManager, COMMANDS, configuredBrowser, createExclusive, deleteCreated, exists, printPdfBytes, projectArgument, type ProjectArgument, SETTINGS, shown, toWorkspaceEdit, writeText } from '../common';
import { activeEditorProject, chooseProject } from '../projects';
import type { ProjectReport } from '../../core/project';
import type { ProjectIndex } from '../projects';

/** Arguments that skip the prompts (tests, other extensions): `executeCommand(id, { project, version, changes, pdf })`. */
export interface SnapshotOptions {
  /** The project folder or one of its documents (URI or URI string); a tree node works too. */
  project?: string | vscode.Uri;
  /** The new version (`major.minor`, after the current one). */
  version?: string;
  /** What changed. */
  changes?: string;
  /** `false`: no PDF. Default: a PDF when a browser is found. */
  pdf?: boolean;
  /** Called just before each export file is created (see `BeforeWrite`). */
  beforeWrite?: BeforeWrite;
}

/** What the command did (URIs as strings). */
export interface SnapshotResult {
  /** `done`: HTML, text and PDF; `html-only`: no PDF; `cancelled`: the user pressed Esc; `refused`: see the message. */
  status: 'done' | 'html-only' | 'cancelled' | 'refused';
  version?: string;
  html?: string;
  text?: string;
  pdf?: string;
  message?: string;
}

/** Export files of one version: `<id>-v<version>.html`, `.md`, `.pdf` in `<project>/exports/`. */
export function versionFiles(dir: string, id: string | undefined, version: string): { html: vscode.Uri; text: vscode.Uri; pdf: vscode.Uri } {
  const html = vscode.Uri.joinPath(vscode.Uri.parse(dir), 'exports', exportFileName(id, version));
  const swap = (ext: string) => html.with({ path: html.path.replace(/\.html$/, ext) });
  return { html, text: swap('.md'), pdf: swap('.pdf') };
}

/** Registers the command. */
export function registerSnapshotCommand(commands: CommandManager, index: ProjectIndex, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    commands.register(COMMANDS.proposalSnapshot, {
      parse: projectArgument<SnapshotOptions>,
      run: (arg) => snapshot(index, log, arg),
      failureMessage: (reason) => vscode.l10n.t('The proposal version could not be saved: {0}', reason),
      failureResult: ({ message }): SnapshotResult => ({ status: 'refused', message }),
    }),
  ];
}

function refuse(message: string): SnapshotResult {
  void vscode.window.showErrorMessage(message);
  return { status: 'refused', message };
}

async function snapshot(index: ProjectIndex, log: vscode.LogOutputChannel, { target, options }: ProjectArgument<SnapshotOptions>): Promise<SnapshotResult> {
  const dir = await chooseProject(index, target, () => activeEditorProject(index));
  const report = dir ? index.get(dir) : undefined;
  if (!dir || !report) return { status: 'cancelled' };
  if (!report.documents.plan.exists) return refuse(vscode.l10n.t('This project has no {0} yet; create it first, then snapshot its proposal.', DOCUMENT_FILES.plan));
  const planUri = vscode.Uri.parse(report.documents.plan.path);
  const document = await vscode.workspace.openTextDocument(planUri);
  const current = planVersion(document.getText());

  let version = typeof options.version === 'string' ? options.version.trim() : undefined;
  if (version === undefined) {
    version = (
      await vscode.window.showInputBox({
        title: vscode.l10n.t('Snapshot Proposal Version: {0}', report.title ?? report.id ?? ''),
        prompt: current ? vscode.l10n.t('The new version of the proposal (now {0}).', current) : vscode.l10n.t('The first version of the proposal.'),
        value: nextVersion(current),
        validateInput: (value) => newVersionProblem(value, current),
      })
    )?.trim();
    if (version === undefined) return { status: 'cancelled' };
  }
  const problem = newVersionProblem(version, current);
  if (problem) return refuse(problem);

  // Refuse before anything is edited: an export of a version is a record and is never replaced.
  const files = versionFiles(dir, report.id, version);
  const taken = [];
  for (const uri of [files.html, files.text, files.pdf]) if (await exists(uri)) taken.push(shown(uri));
  if (taken.length) return refuse(vscode.l10n.t('{0} already exists; a snapshot never overwrites an export. Choose another version.', taken.join(', ')));

  let changes = typeof options.changes === 'string' ? options.changes.trim() : undefined;
  if (changes === undefined) {
    changes = (
      await vscode.window.showInputBox({
        title: vscode.l10n.t('Snapshot Proposal Version: {0}', `v${version}`),
        prompt: vscode.l10n.t('What changed in version {0}? The client reads this in the revision line.', version),
        placeHolder: vscode.l10n.t('For example: pilot moved to October after feedback from the client'),
        validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Say in a few words what changed.')),
      })
    )?.trim();
    if (changes === undefined) return { status: 'cancelled' };
  }
  if (!changes) return refuse(vscode.l10n.t('Say in a few words what changed.'));

  const today = todayIso();
  let edits;
  try {
    edits = snapshotEdits(document.getText(), { version, date: today, changes });
  } catch (error) {
    if (error instanceof PlanEditError) return refuse(error.message);
    throw error;
  }

  // Claim the files now, at the moment of writing: an exclusive create fails on a file that
  // appeared since the check above (while "What changed?" was open).
  const wanted = options.pdf === false ? [files.html, files.text] : [files.html, files.text, files.pdf];
  const claimed: vscode.Uri[] = [];
  for (const uri of wanted) {
    await options.beforeWrite?.(uri);
    if (!(await createExclusive(uri, new Uint8Array()))) {
      await deleteCreated(claimed);
      return refuse(vscode.l10n.t('{0} already exists; a snapshot never overwrites an export. Choose another version.', shown(uri)));
    }
    claimed.push(uri);
  }
  let result: SnapshotResult;
  try {
    result = await editAndWrite(index, log, { dir, report, document, edits, files, version, today, pdf: options.pdf !== false });
  } catch (error) {
    await deleteCreated(claimed);
    throw error;
  }
  if (result.status === 'refused') {
    await deleteCreated(claimed);
    return refuse(result.message ?? '');
  }
  if (!result.pdf && claimed.includes(files.pdf)) await deleteCreated([files.pdf]);
  announce(result, files);
  return result;
}

interface WriteJob {
  dir: string;
  report: ProjectReport;
  document: vscode.TextDocument;
  edits: TextEdit[];
  files: { html: vscode.Uri; text: vscode.Uri; pdf: vscode.Uri };
  version: string;
  today: string;
  pdf: boolean;
}

/** Edits plan.yaml (one undoable edit), saves it, renders the edited project and fills the claimed files. */
async function editAndWrite(index: ProjectIndex, log: vscode.LogOutputChannel, job: WriteJob): Promise<SnapshotResult> {
  const { dir, report, document, edits, files, version, today } = job;
  const planUri = document.uri;
  if (!(await vscode.workspace.applyEdit(toWorkspaceEdit(document, edits)))) return { status: 'refused', message: vscode.l10n.t('{0} could not be edited.', shown(planUri)) };
  await document.save();
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  // Show the new history entry: the end of the last edit, shifted by what the earlier edits changed.
  const last = edits[edits.length - 1];
  const shift = edits.slice(0, -1).reduce((n, e) => n + e.newText.length - (e.end - e.start), 0);
  const end = document.positionAt(last.start + shift + last.newText.length);
  editor.selection = new vscode.Selection(end, end);
  editor.revealRange(new vscode.Range(end, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);

  // Render from the edited plan: reload the project now instead of after the typing debounce.
  index.invalidate(dir, 0);
  await index.whenIdle();
  const updated = index.get(dir) ?? report;
  const rendered = loadRender().renderProposal(updated, { date: today });
  const html = standaloneHtml(rendered);
  // The claimed (empty) files are this command's own: filling them replaces nothing of anyone's.
  await writeText(files.html, html);
  await writeText(files.text, proposalText(updated, { date: today }));
  log.info(`Snapshot v${version}: ${files.html.toString()}`);
  const result: SnapshotResult = { status: 'done', version, html: files.html.toString(), text: files.text.toString() };

  if (job.pdf) {
    try {
      const pdf = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Printing version {0} to PDF…', version) }, async () =>
        printPdfBytes(await configuredBrowser(), html),
      );
      await vscode.workspace.fs.writeFile(files.pdf, pdf);
      result.pdf = files.pdf.toString();
    } catch (error) {
      if (!(error instanceof BrowserNotFoundError || error instanceof BrowserRunError)) throw error;
      log.warn(`No PDF for v${version}: ${error.message}`);
      result.status = 'html-only';
      result.message = error.message;
    }
  }
  return result;
}

function announce(result: SnapshotResult, files: { html: vscode.Uri; pdf: vscode.Uri }): void {
  const openSetting = vscode.l10n.t('Open Setting');
  const reveal = vscode.l10n.t('Reveal');
  if (result.status === 'html-only') {
    void vscode.window
      .showWarningMessage(vscode.l10n.t('Version {0} is saved in {1}; no PDF was made: {2}', result.version ?? '', shown(files.html), result.message ?? ''), openSetting)
      .then((choice) => choice === openSetting && vscode.commands.executeCommand(BUILTIN_COMMANDS.openSettings, SETTINGS.browserPath));
    return;
  }
  const what = result.pdf ? `${shown(files.html)}, ${shown(files.pdf)}` : shown(files.html);
  void vscode.window
    .showInformationMessage(vscode.l10n.t('Version {0} is saved: {1}.', result.version ?? '', what), reveal)
    .then((choice) => choice === reveal && vscode.commands.executeCommand(BUILTIN_COMMANDS.revealInExplorer, files.html));
}
