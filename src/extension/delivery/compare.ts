/**
 * "MSP Docs: Compare Proposal Versions" (`mspDocs.proposal.compare`): the user picks two versions
 * of a project's proposal and VS Code's diff editor shows them as text, side by side.
 *
 * Where versions come from: the project's current documents; each export in `exports/` (its
 * `.md` text rendering, written by the snapshot; an export with only `.html`, e.g. from "Export A4
 * Plan", is converted to text); and, when the project is in a git repository, the newest commit
 * of each version of plan.yaml (rendered from all documents at that commit). The texts are served
 * read-only by a `TextDocumentContentProvider` under the scheme `msp-docs-proposal`.
 *
 * Beside the diff, a "Word redline" button writes `exports/<id>-v<a>-to-v<b>.docx` with the changes
 * as tracked changes (`redlineExport.ts`); `{ redline: true }` writes it without the button.
 */
import * as vscode from 'vscode';
import { compareVersions, htmlToText, isVersion, proposalText } from '../../core/delivery';
import { type BeforeWrite, BUILTIN_COMMANDS, type CommandManager, COMMANDS, projectArgument, type ProjectArgument, shown } from '../common';
import { gitVersions, projectAtCommit } from './gitHistory';
import { activeEditorProject, chooseProject } from '../projects';
import type { HouseStyleSource, ProjectIndex } from '../projects';
import { writeRedline } from './redlineExport';

/** The URI scheme of the rendered versions. */
export const PROPOSAL_SCHEME = 'msp-docs-proposal';

/** Most texts kept for open diff editors; older ones are dropped (their editors show them empty after a reload). */
const MAX_TEXTS = 40;

/** One version the user can pick. `key`: `current`, `export:<file name>` or `git:<commit hash>`. */
interface VersionChoice extends vscode.QuickPickItem {
  key: string;
  version?: string;
  load(): Promise<string>;
}

/** Arguments that skip the pickers: `{ project, left, right }` with the keys of `VersionChoice`. */
export interface CompareOptions {
  project?: string | vscode.Uri;
  left?: string;
  right?: string;
  /** Write the Word redline at once (no button); the result's `redline` is its URI. */
  redline?: boolean;
  /** For the redline: `true` replaces an existing file without asking, `false` keeps it. */
  overwrite?: boolean;
  /** For the redline: called just before the file is created (see `BeforeWrite`). */
  beforeWrite?: BeforeWrite;
}

/** What the command resolves to: the diff editor's two texts, and the redline when one was written. */
export interface CompareResult {
  left: string;
  right: string;
  redline?: string;
}

/** The read-only texts of the diff editors. */
class ProposalTexts implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private counter = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** Stores a text under a fresh URI named `<name>.md` (so the diff gets Markdown colouring). */
  add(folder: string, name: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: PROPOSAL_SCHEME, path: `/${folder}/${name.replace(/[^\w.-]+/g, '-')}.md`, query: String(++this.counter) });
    this.texts.set(uri.toString(), text);
    while (this.texts.size > MAX_TEXTS) this.texts.delete(this.texts.keys().next().value as string);
    return uri;
  }
}

/** Registers the command and the content provider. */
export function registerCompareCommand(commands: CommandManager, index: ProjectIndex, houseStyle: HouseStyleSource, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const texts = new ProposalTexts();
  return [
    vscode.workspace.registerTextDocumentContentProvider(PROPOSAL_SCHEME, texts),
    commands.register(COMMANDS.proposalCompare, {
      parse: projectArgument<CompareOptions>,
      run: (arg) => compare(index, houseStyle, texts, log, arg),
      failureMessage: (reason) => vscode.l10n.t('The versions could not be compared: {0}', reason),
    }),
  ];
}

async function compare(
  index: ProjectIndex,
  houseStyle: HouseStyleSource,
  texts: ProposalTexts,
  log: vscode.LogOutputChannel,
  { target, options }: ProjectArgument<CompareOptions>,
): Promise<CompareResult | undefined> {
  const dir = await chooseProject(index, target, () => activeEditorProject(index));
  if (!dir) return undefined;
  const choices = await versionChoices(index, dir, log);
  if (choices.length < 2) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('There is only one version of this proposal so far. Snapshot a version (MSP Docs: Snapshot Proposal Version) to compare it with a later one.'),
    );
    return undefined;
  }
  const byKey = (key: string | undefined) => choices.find((c) => c.key === key);
  let first = byKey(options.left);
  let second = byKey(options.right);
  if (!first) first = await vscode.window.showQuickPick(choices, { title: vscode.l10n.t('Compare Proposal Versions'), placeHolder: vscode.l10n.t('Compare which version?') });
  if (!first) return undefined;
  const picked = first;
  if (!second) {
    second = await vscode.window.showQuickPick(
      choices.filter((c) => c !== picked),
      { title: vscode.l10n.t('Compare Proposal Versions'), placeHolder: vscode.l10n.t('…with which version?') },
    );
  }
  if (!second) return undefined;
  // The older version on the left, as in any diff; the current documents count as the newest.
  const rank = (c: VersionChoice) => (c.key === 'current' ? 1 : 0);
  const [left, right] =
    first.version && second.version && isVersion(first.version) && isVersion(second.version) && (compareVersions(first.version, second.version) || rank(first) - rank(second)) > 0
      ? [second, first]
      : [first, second];
  const report = index.get(dir);
  const folder = report?.id ?? 'proposal';
  const [leftText, rightText] = await Promise.all([left.load(), right.load()]);
  const leftUri = texts.add(folder, `${left.label}-${left.key.split(':')[0]}`, leftText);
  const rightUri = texts.add(folder, `${right.label}-${right.key.split(':')[0]}`, rightText);
  const title = vscode.l10n.t('{0}: {1} ↔ {2}', report?.title ?? folder, label(left), label(right));
  await vscode.commands.executeCommand(BUILTIN_COMMANDS.diff, leftUri, rightUri, title, { preview: false });
  const result: CompareResult = { left: leftUri.toString(), right: rightUri.toString() };
  const redline = async () =>
    writeRedline(
      {
        dir,
        id: folder,
        language: (report?.documents.project.data as { language?: unknown } | undefined)?.language,
        from: { version: left.version ?? label(left), text: leftText },
        to: { version: right.version ?? label(right), text: rightText },
        style: await houseStyle.styleFor(dir),
        overwrite: options.overwrite,
        beforeWrite: typeof options.beforeWrite === 'function' ? options.beforeWrite : undefined,
      },
      log,
    );
  if (options.redline) {
    result.redline = (await redline())?.toString();
    return result;
  }
  const button = vscode.l10n.t('Word redline');
  void vscode.window
    .showInformationMessage(vscode.l10n.t('Write the changes from {0} to {1} as a Word document with tracked changes?', label(left), label(right)), button)
    .then(async (choice) => {
      if (choice !== button) return;
      const written = await redline();
      if (!written) return;
      const open = vscode.l10n.t('Open');
      const picked = await vscode.window.showInformationMessage(vscode.l10n.t('Wrote the Word redline: {0}.', vscode.workspace.asRelativePath(written)), open);
      if (picked === open) void vscode.env.openExternal(written);
    })
    .then(undefined, (error: unknown) => {
      log.error('The Word redline failed:', error);
      void vscode.window.showErrorMessage(vscode.l10n.t('The Word redline could not be written: {0}', error instanceof Error ? error.message : String(error)));
    });
  return result;
}

function label(choice: VersionChoice): string {
  return choice.key === 'current' ? vscode.l10n.t('current') : choice.label;
}

const EXPORT_NAME = /^(.+)-v(\d+\.\d+)\.(md|html)$/;

/** Every version of the project's proposal: current first, then exports and git, newest first. */
async function versionChoices(index: ProjectIndex, dir: string, log: vscode.LogOutputChannel): Promise<VersionChoice[]> {
  await index.whenIdle();
  const report = index.get(dir);
  if (!report) return [];
  const currentVersion = (report.documents.plan.data as { version?: unknown } | undefined)?.version;
  const choices: VersionChoice[] = [
    {
      key: 'current',
      label: vscode.l10n.t('Current documents'),
      description: typeof currentVersion === 'string' ? `v${currentVersion}` : undefined,
      detail: vscode.l10n.t('What the documents say now, saved or not'),
      version: typeof currentVersion === 'string' ? currentVersion : undefined,
      load: async () => proposalText(index.get(dir) ?? report),
    },
  ];
  const exportsFolder = vscode.Uri.joinPath(vscode.Uri.parse(dir), 'exports');
  const entries = await Promise.resolve(vscode.workspace.fs.readDirectory(exportsFolder)).catch(() => [] as Array<[string, vscode.FileType]>);
  const exported = new Map<string, { version: string; files: Map<string, vscode.Uri> }>();
  for (const [name, type] of entries) {
    const m = EXPORT_NAME.exec(name);
    if (!m || !(type & vscode.FileType.File)) continue;
    const base = `${m[1]}-v${m[2]}`;
    const entry = exported.get(base) ?? { version: m[2], files: new Map<string, vscode.Uri>() };
    entry.files.set(m[3], vscode.Uri.joinPath(exportsFolder, name));
    exported.set(base, entry);
  }
  const decoder = new TextDecoder('utf-8');
  const exportChoices: VersionChoice[] = [...exported.entries()].map(([base, { version, files }]) => {
    const md = files.get('md');
    const file = md ?? (files.get('html') as vscode.Uri);
    return {
      key: `export:${base}`,
      label: `v${version}`,
      description: vscode.l10n.t('export'),
      detail: shown(file),
      version,
      load: async () => {
        const text = decoder.decode(await vscode.workspace.fs.readFile(file));
        return md ? text : htmlToText(text);
      },
    };
  });
  const gitChoices: VersionChoice[] = (await gitVersions(dir, log)).map((g) => ({
    key: `git:${g.hash}`,
    label: `v${g.version}`,
    description: vscode.l10n.t('git {0}', g.hash.slice(0, 7)),
    detail: [g.date?.toLocaleDateString(), g.message].filter(Boolean).join(' · '),
    version: g.version,
    load: async () => {
      const old = await projectAtCommit(dir, g.hash, log);
      return old ? proposalText(old) : '';
    },
  }));
  const newestFirst = (a: VersionChoice, b: VersionChoice) => compareVersions(b.version as string, a.version as string);
  return [...choices, ...[...exportChoices, ...gitChoices].sort(newestFirst)];
}
