/** The palette commands that act on the whole workspace: Refresh and Validate Workspace. */
import * as vscode from 'vscode';
import { BUILTIN_COMMANDS, type CommandManager, COMMANDS, errorCount, noArgument, projectCount, warningCount } from '../common';
import type { ProjectIndex } from './projectIndex';

/** Registers `mspDocs.projects.refresh` (find and validate everything again) and `mspDocs.workspace.validate`. */
export function registerWorkspaceCommands(commands: CommandManager, index: ProjectIndex): vscode.Disposable[] {
  return [
    commands.register(COMMANDS.projectsRefresh, { parse: noArgument, run: () => index.rescanAll() }),
    commands.register(COMMANDS.workspaceValidate, { parse: noArgument, run: () => validateWorkspace(index) }),
  ];
}

/**
 * Re-scans the workspace and reports the counts, e.g. "Checked 3 projects: 2 errors, 1 warning.";
 * opens the Problems panel when there are errors, since that is where they are listed.
 */
async function validateWorkspace(index: ProjectIndex): Promise<void> {
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Checking projects…') },
    () => index.rescanAll(),
  );
  const projects = index.projects();
  const errors = projects.reduce((n, p) => n + p.errors, 0);
  const warnings = projects.reduce((n, p) => n + p.warnings, 0);
  const message = vscode.l10n.t('Checked {0}: {1}, {2}.', projectCount(projects.length), errorCount(errors), warningCount(warnings));
  if (errors > 0) await vscode.commands.executeCommand(BUILTIN_COMMANDS.showProblems);
  // Not awaited: the message stays until the user dismisses it, the command is done now.
  void vscode.window.showInformationMessage(message);
}
