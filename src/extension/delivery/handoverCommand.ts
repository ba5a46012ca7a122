/**
 * "MSP Docs: Generate Handover Document" (`mspDocs.handover.generate`): writes
 * `<project>/handover-<id>.md` for the operations team from handover.yaml, scope.yaml and
 * stakeholders.yaml, in the project's language (core `handoverDocument`), and opens it.
 *
 * Decision: a real file in the project folder, not an untitled buffer, because the handover is a
 * deliverable that belongs in the project's repository beside its sources. As the user may have
 * edited an earlier one, an existing file is only replaced after a modal "Overwrite?", asked when
 * the exclusive create of the file finds one (at the moment of writing, not before).
 */
import * as vscode from 'vscode';
import { isDay, todayIso } from '../../core/common';
import { handoverDocument, handoverFileName } from '../../core/delivery';
import { type BeforeWrite, type CommandManager, COMMANDS, projectArgument, type ProjectArgument, shown, writeWithConsent } from '../common';
import { activeEditorProject, chooseProject } from '../projects';
import type { ProjectIndex } from '../projects';

/** Arguments that skip the questions: `{ project, overwrite, today }`. */
export interface HandoverOptions {
  project?: string | vscode.Uri;
  /** Answer to "overwrite?" when the file exists: `true` replaces it, `false` keeps it; unset asks. */
  overwrite?: boolean;
  /** `YYYY-MM-DD`, the date on the document; default today. */
  today?: string;
  /** Called just before the document is created (see `BeforeWrite`). */
  beforeWrite?: BeforeWrite;
}

/** Registers the command; it resolves to the document's URI string, or `undefined` when nothing was written. */
export function registerHandoverCommand(commands: CommandManager, index: ProjectIndex, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    commands.register(COMMANDS.handoverGenerate, {
      parse: projectArgument<HandoverOptions>,
      run: (arg) => generate(index, log, arg),
      failureMessage: (reason) => vscode.l10n.t('The handover document could not be written: {0}', reason),
    }),
  ];
}

async function generate(index: ProjectIndex, log: vscode.LogOutputChannel, { target: project, options }: ProjectArgument<HandoverOptions>): Promise<string | undefined> {
  const dir = await chooseProject(index, project, () => activeEditorProject(index));
  if (!dir) return undefined;
  await index.whenIdle();
  const report = index.get(dir);
  if (!report) return undefined;
  const target = vscode.Uri.joinPath(vscode.Uri.parse(dir), handoverFileName(report.id));
  const text = handoverDocument(report, isDay(options.today) ? options.today : todayIso());
  const consent = async (uri: vscode.Uri): Promise<boolean> => {
    if (typeof options.overwrite === 'boolean') return options.overwrite;
    const replace = vscode.l10n.t('Overwrite');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} already exists. Overwrite it with a new handover document? Changes made in it are lost.', shown(uri)),
      { modal: true },
      replace,
    );
    return choice === replace;
  };
  if ((await writeWithConsent(target, new TextEncoder().encode(text), consent, options.beforeWrite)) === 'kept') return undefined;
  log.info(`Handover document written: ${target.toString()}`);
  await vscode.window.showTextDocument(target, { preview: false });
  return target.toString();
}
