/**
 * The context key `mspDocs.hasProjects`: true while the workspace holds at least one project.
 * package.json's `commandPalette` menu shows the project commands only then, so a workspace
 * without projects keeps a quiet palette (New Project and Open the Sample stay).
 */
import * as vscode from 'vscode';
import { BUILTIN_COMMANDS, CONTEXT_KEYS } from '../common';
import type { ProjectIndex } from './projectIndex';

/** Keeps `mspDocs.hasProjects` in step with the project index (after its first scan, then on every change). */
export function registerHasProjectsContext(index: ProjectIndex): vscode.Disposable[] {
  let last: boolean | undefined;
  const update = () => {
    const has = index.projects().length > 0;
    if (has === last) return;
    last = has;
    void vscode.commands.executeCommand(BUILTIN_COMMANDS.setContext, CONTEXT_KEYS.hasProjects, has);
  };
  void index.ready.then(update);
  return [index.onDidChange(update)];
}
