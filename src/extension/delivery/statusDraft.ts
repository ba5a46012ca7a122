/**
 * "MSP Docs: Draft Status Update" (`mspDocs.status.draft`): opens a new, untitled Markdown document
 * with a status update of the project for a chosen audience, in the project's language (core
 * `statusUpdate`). Method steps 3 and 4 (docs/method-rules.md): over-communication does not exist;
 * short updates to the steering group, the stakeholders and the users. Nothing is sent: the user
 * edits the draft and sends it.
 */
import * as vscode from 'vscode';
import { isDay, todayIso } from '../../core/common';
import { type Audience, AUDIENCES, statusUpdate } from '../../core/delivery';
import { type CommandManager, COMMANDS, projectArgument, type ProjectArgument } from '../common';
import { activeEditorProject, chooseProject } from '../projects';
import type { ProjectIndex } from '../projects';

/** Arguments that skip the pickers: `{ project, audience, today }` (`today` as `YYYY-MM-DD`, for tests). */
export interface StatusDraftOptions {
  project?: string | vscode.Uri;
  audience?: Audience;
  today?: string;
}

function audienceItems(): Array<vscode.QuickPickItem & { audience: Audience }> {
  return [
    { audience: 'steering-group', label: vscode.l10n.t('Steering group'), detail: vscode.l10n.t('Progress, the next milestone, decisions needed, top risks and what changed') },
    { audience: 'stakeholders', label: vscode.l10n.t('All stakeholders'), detail: vscode.l10n.t('Progress, the next milestone, top risks and what changed') },
    { audience: 'users', label: vscode.l10n.t('Users'), detail: vscode.l10n.t('What happens this month, what comes next, and how to reach the service desk') },
  ];
}

/** Registers the command; it resolves to the draft's URI string, or `undefined` when cancelled. */
export function registerStatusDraftCommand(commands: CommandManager, index: ProjectIndex): vscode.Disposable[] {
  return [
    commands.register(COMMANDS.statusDraft, {
      parse: projectArgument<StatusDraftOptions>,
      run: (arg) => draft(index, arg),
      failureMessage: (reason) => vscode.l10n.t('The status update could not be drafted: {0}', reason),
    }),
  ];
}

async function draft(index: ProjectIndex, { target, options }: ProjectArgument<StatusDraftOptions>): Promise<string | undefined> {
  const dir = await chooseProject(index, target, () => activeEditorProject(index));
  if (!dir) return undefined;
  let audience = options.audience && AUDIENCES.includes(options.audience) ? options.audience : undefined;
  if (!audience) {
    const picked = await vscode.window.showQuickPick(audienceItems(), { title: vscode.l10n.t('Draft Status Update'), placeHolder: vscode.l10n.t('Who is the update for?') });
    if (!picked) return undefined;
    audience = picked.audience;
  }
  // The latest keystrokes count: the draft follows what the editors show.
  await index.whenIdle();
  const report = index.get(dir);
  if (!report) return undefined;
  const today = isDay(options.today) ? options.today : todayIso();
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: statusUpdate(report, audience, today) });
  await vscode.window.showTextDocument(document, { preview: false });
  return document.uri.toString();
}
