/**
 * "MSP Docs: New Project" (`mspDocs.project.new`): asks client, title, project manager, language
 * and a folder (Esc cancels at any step, nothing is written), then writes the six documents from
 * the templates in that language and opens `intake.md`. It never overwrites: when any of the six
 * files exists in the folder, it writes nothing and says so; each file is created exclusively, so
 * one that appears while writing is not replaced either (the ones already written are removed).
 *
 * Tests and other extensions pass `{ client, title, projectManager, language, folder }` to skip the
 * prompts (any field left out is asked); the command returns the project folder, or `undefined`.
 */
import * as vscode from 'vscode';
import { projectSlug, projectTemplates } from '../../core/authoring';
import { type Language, todayIso } from '../../core/common';
import { DOCUMENT_FILES, DOCUMENT_KINDS } from '../../core/document';
import type { ProjectIndex } from './projectIndex';
import { type BeforeWrite, type CommandManager, COMMANDS, optionsArgument, uiLanguage, writeNewFiles } from '../common';

/** The optional argument of `mspDocs.project.new`. */
export interface NewProjectArgs {
  client?: string;
  title?: string;
  projectManager?: string;
  language?: Language;
  /** The project folder itself (a `Uri` or URI string); created when it does not exist. */
  folder?: vscode.Uri | string;
  /** Called just before each document is created (see `BeforeWrite`). */
  beforeWrite?: BeforeWrite;
}

const LAST_MANAGER = 'mspDocs.lastProjectManager';
const STEPS = 5;

/** Registers `mspDocs.project.new`. */
export function registerNewProjectCommand(commands: CommandManager, context: vscode.ExtensionContext, index: ProjectIndex, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [commands.register(COMMANDS.projectNew, { parse: optionsArgument<NewProjectArgs>, run: (args) => newProject(context, index, log, args) })];
}

async function newProject(context: vscode.ExtensionContext, index: ProjectIndex, log: vscode.LogOutputChannel, args: Partial<NewProjectArgs>): Promise<vscode.Uri | undefined> {
  const client = args.client ?? (await ask(1, vscode.l10n.t('Client'), vscode.l10n.t('The client organisation, e.g. Dekker & Partners Accountants')));
  if (client === undefined) return undefined;
  const title = args.title ?? (await ask(2, vscode.l10n.t('Project title'), vscode.l10n.t('As the client reads it, e.g. Move to Microsoft 365')));
  if (title === undefined) return undefined;
  const projectManager =
    args.projectManager ?? (await ask(3, vscode.l10n.t('Project manager'), vscode.l10n.t('Who runs the project on the MSP side'), context.globalState.get<string>(LAST_MANAGER)));
  if (projectManager === undefined) return undefined;
  const language = args.language ?? (await askLanguage());
  if (language === undefined) return undefined;
  const slug = projectSlug(client, title);
  const folder = args.folder !== undefined ? toUri(args.folder) : await askFolder(slug);
  if (!folder) return undefined;

  const texts = projectTemplates({ client, title, projectManager, language, today: todayIso() });
  const files = DOCUMENT_KINDS.map((kind) => ({ uri: vscode.Uri.joinPath(folder, DOCUMENT_FILES[kind]), text: texts[kind] }));
  const written = await writeNewFiles(folder, files, log, args.beforeWrite);
  if (!written) return undefined;
  // The file watcher would find the project too, but later (and can miss a folder that is brand
  // new); a running scan must not hold it back: the tree shows it before the editor opens.
  if (vscode.workspace.getWorkspaceFolder(folder)) await index.refreshNow(folder.toString());
  await context.globalState.update(LAST_MANAGER, projectManager);
  await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, DOCUMENT_FILES.intake), { preview: false });
  void vscode.window.showInformationMessage(vscode.l10n.t('Created the project "{0}" in {1}. Start with the intake.', title, vscode.workspace.asRelativePath(folder)));
  return folder;
}

function toUri(folder: vscode.Uri | string): vscode.Uri {
  return typeof folder === 'string' ? (/^[a-z][\w+.-]*:/i.test(folder) && !/^[a-z]:[\\/]/i.test(folder) ? vscode.Uri.parse(folder) : vscode.Uri.file(folder)) : folder;
}

function title(step: number): string {
  return vscode.l10n.t('New Project ({0}/{1})', step, STEPS);
}

/** One text step; an empty answer is refused, Esc gives `undefined`. */
function ask(step: number, prompt: string, placeHolder: string, value?: string): Thenable<string | undefined> {
  return vscode.window
    .showInputBox({ title: title(step), prompt, placeHolder, value, ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Please fill this in.')) })
    .then((v) => v?.trim());
}

async function askLanguage(): Promise<Language | undefined> {
  const items: Array<vscode.QuickPickItem & { language: Language }> = [
    { label: 'English', description: 'en', language: 'en' },
    { label: 'Nederlands', description: 'nl', language: 'nl' },
  ];
  if (uiLanguage() === 'nl') items.reverse();
  const picked = await vscode.window.showQuickPick(items, { title: title(4), placeHolder: vscode.l10n.t('Language of the documents and the A4 proposal'), ignoreFocusOut: true });
  return picked?.language;
}

/** The project folder: a new subfolder of a workspace folder (named after the slug), or one the user picks. */
async function askFolder(slug: string): Promise<vscode.Uri | undefined> {
  const roots = vscode.workspace.workspaceFolders ?? [];
  type Item = vscode.QuickPickItem & { folder?: vscode.Uri };
  const items: Item[] = roots.map((root) => ({
    label: `$(new-folder) ${slug}`,
    description: vscode.l10n.t('new folder in {0}', root.name),
    folder: vscode.Uri.joinPath(root.uri, slug),
  }));
  items.push({ label: `$(folder-opened) ${vscode.l10n.t('Choose a folder…')}`, description: vscode.l10n.t('the documents go straight into the folder you pick') });
  const picked = roots.length ? await vscode.window.showQuickPick(items, { title: title(5), placeHolder: vscode.l10n.t('Where should the project go?'), ignoreFocusOut: true }) : items[items.length - 1];
  if (!picked) return undefined;
  if (picked.folder) return picked.folder;
  const chosen = await vscode.window.showOpenDialog({
    title: title(5),
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    defaultUri: roots[0]?.uri,
    openLabel: vscode.l10n.t('Create the project here'),
  });
  return chosen?.[0];
}
