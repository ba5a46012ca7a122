/**
 * Earlier proposal versions from git, through the built-in `vscode.git` extension's API. Anything
 * missing (git disabled, the extension absent, no repository, a failing command) means "no git
 * versions": the compare command then offers the exports only, without a word to the user.
 */
import * as vscode from 'vscode';
import { DOCUMENT_FILES, DOCUMENT_KINDS } from '../../core/document';
import { isVersion, planVersion } from '../../core/delivery';
import { type ProjectReport, type ProjectTexts, validateProject } from '../../core/project';

/** The part of the git extension's API used here (see vscode's `extensions/git/src/api/git.d.ts`). */
interface GitCommit {
  readonly hash: string;
  readonly message: string;
  readonly authorDate?: Date;
  readonly commitDate?: Date;
}
interface GitRepository {
  log(options?: { maxEntries?: number; path?: string }): Promise<GitCommit[]>;
  show(ref: string, path: string): Promise<string>;
}
interface GitApi {
  getRepository(uri: vscode.Uri): GitRepository | null;
}
interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

/** A proposal version as committed: the newest commit of plan.yaml that carries that version. */
export interface GitVersion {
  version: string;
  hash: string;
  message: string;
  date?: Date;
}

/** Most commits of plan.yaml looked at. */
const MAX_COMMITS = 100;

async function repositoryOf(uri: vscode.Uri, log: vscode.LogOutputChannel): Promise<GitRepository | undefined> {
  try {
    const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
    if (!extension) return undefined;
    const git = extension.isActive ? extension.exports : await extension.activate();
    if (!git?.enabled) return undefined;
    return git.getAPI(1).getRepository(uri) ?? undefined;
  } catch (error) {
    log.debug(`git is not available for ${uri.toString()}: ${String(error)}`);
    return undefined;
  }
}

/** The versions of the plan in git history, newest first; empty when git cannot tell. */
export async function gitVersions(dir: string, log: vscode.LogOutputChannel): Promise<GitVersion[]> {
  const plan = vscode.Uri.joinPath(vscode.Uri.parse(dir), DOCUMENT_FILES.plan);
  if (plan.scheme !== 'file') return [];
  const repository = await repositoryOf(plan, log);
  if (!repository) return [];
  try {
    const commits = await repository.log({ maxEntries: MAX_COMMITS, path: plan.fsPath });
    const seen = new Set<string>();
    const versions: GitVersion[] = [];
    for (const commit of commits) {
      const text = await repository.show(commit.hash, plan.fsPath).catch(() => undefined);
      const version = text === undefined ? undefined : planVersion(text);
      if (!version || !isVersion(version) || seen.has(version)) continue;
      seen.add(version);
      versions.push({ version, hash: commit.hash, message: commit.message.split('\n')[0], date: commit.authorDate ?? commit.commitDate });
    }
    return versions;
  } catch (error) {
    log.debug(`git history of ${plan.toString()} not read: ${String(error)}`);
    return [];
  }
}

/** The project as it was in a commit: every document read from git (absent ones count as missing). */
export async function projectAtCommit(dir: string, hash: string, log: vscode.LogOutputChannel): Promise<ProjectReport | undefined> {
  const folder = vscode.Uri.parse(dir);
  const repository = await repositoryOf(vscode.Uri.joinPath(folder, DOCUMENT_FILES.plan), log);
  if (!repository) return undefined;
  const texts: ProjectTexts = {};
  await Promise.all(
    DOCUMENT_KINDS.map(async (kind) => {
      const uri = vscode.Uri.joinPath(folder, DOCUMENT_FILES[kind]);
      const text = await repository.show(hash, uri.fsPath).catch(() => undefined);
      if (text !== undefined) texts[kind] = { path: uri.toString(), text };
    }),
  );
  return validateProject(dir, texts, (kind) => vscode.Uri.joinPath(folder, DOCUMENT_FILES[kind]).toString());
}
