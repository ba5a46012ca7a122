/**
 * Which project a preview or export command is about, from whatever invoked it: a Projects tree
 * node, a document's URI (editor title), a URI string or `{ project }` (other extensions, tests),
 * else the active editor's project, else the only project, else the user's pick.
 */
import * as vscode from 'vscode';
import { documentKindOf } from '../../core/document';
import type { ProjectIndex } from './projectIndex';
import { parentOf } from '../common';

/**
 * The project folder (URI string) that `target` names, if it names a known project: the folder
 * itself, one of its documents, a tree node (`{ dir }`) or an object `{ project }` holding either.
 */
export function projectOf(index: ProjectIndex, target: unknown): string | undefined {
  if (!target) return undefined;
  if (target instanceof vscode.Uri) return projectOfUri(index, target);
  if (typeof target === 'string') return projectOfUri(index, vscode.Uri.parse(target));
  if (typeof target === 'object') {
    const { dir, project } = target as { dir?: unknown; project?: unknown };
    if (typeof dir === 'string' && index.get(dir)) return dir;
    if (project !== undefined) return projectOf(index, project);
  }
  return undefined;
}

function projectOfUri(index: ProjectIndex, uri: vscode.Uri): string | undefined {
  const text = uri.toString();
  if (index.get(text)) return text;
  if (!documentKindOf(uri.path)) return undefined;
  const dir = parentOf(uri);
  return index.get(dir) ? dir : undefined;
}

/** The project of the active text editor's document, if it is a project document. */
export function activeEditorProject(index: ProjectIndex): string | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  return uri ? projectOf(index, uri) : undefined;
}

/**
 * The project for a command: `target`, else each of `fallbacks` in order, else the only project,
 * else a quick pick (`undefined` when the user cancels or there is no project, after saying so).
 */
export async function chooseProject(index: ProjectIndex, target: unknown, ...fallbacks: Array<() => string | undefined>): Promise<string | undefined> {
  const named = projectOf(index, target);
  if (named) return named;
  for (const fallback of fallbacks) {
    const dir = fallback();
    if (dir && index.get(dir)) return dir;
  }
  await index.whenIdle();
  const projects = index.projects();
  if (projects.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no project in this workspace: a project is a folder that holds a project.yaml file.'));
    return undefined;
  }
  if (projects.length === 1) return projects[0].dir;
  const picked = await vscode.window.showQuickPick(
    projects.map((p) => ({
      label: p.title ?? p.id ?? vscode.workspace.asRelativePath(vscode.Uri.parse(p.dir)),
      description: p.client,
      detail: vscode.workspace.asRelativePath(vscode.Uri.parse(p.dir)),
      dir: p.dir,
    })),
    { placeHolder: vscode.l10n.t('Choose a project'), matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.dir;
}
