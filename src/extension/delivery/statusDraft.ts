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
export function registerStatusDraftCommand(index: ProjectIndex, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('mspDocs.status.draft', async (arg?: unknown) => {
      try {
        return await draft(index, arg);
      } catch (error) {
        log.error('Status update failed:', error);
        void vscode.window.showErrorMessage(vscode.l10n.t('The status update could not be drafted: {0}', error instanceof Error ? error.message : String(error)));
        return undefined;
      }
    }),
  ];
}

async function draft(index: ProjectIndex, arg: unknown): Promise<string | undefined> {
  const options: StatusDraftOptions = arg && typeof arg === 'object' && !(arg instanceof vscode.Uri) && !('type' in arg) ? (arg as StatusDraftOptions) : {};
  const dir = await chooseProject(index, options.project ?? arg, () => activeEditorProject(index));
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
