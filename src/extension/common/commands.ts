/**
 * The ids of the extension's commands, named `mspDocs.<area>.<verb>`, and of the VS Code commands
 * it runs. Every registration, `executeCommand` and tree item `command` in `src/extension` names a
 * command through these constants; `test/unit/contributions.test.ts` checks that `COMMANDS` holds
 * exactly the commands of package.json `contributes.commands` and that every id package.json uses
 * (menus, views' welcome links, walkthrough completion events) is one of them.
 *
 * Every command is contributed (some are hidden from the palette with `when: false` in
 * `menus.commandPalette`); there are no internal, undeclared commands.
 *
 * This file imports nothing, so unit tests and the integration suite can import it.
 */

/** The extension's commands, by area. */
export const COMMANDS = {
  /** Find and validate every project again (Projects and Portfolio view titles). */
  projectsRefresh: 'mspDocs.projects.refresh',
  /** Re-scan, report the counts, open the Problems panel on errors. */
  workspaceValidate: 'mspDocs.workspace.validate',
  /** Open a document: a `Uri` or URI string (and a range to select), or a Projects tree node. */
  documentOpen: 'mspDocs.document.open',
  /** Write a missing document from its template: `{ dir, kind }` or a document node. */
  documentCreate: 'mspDocs.document.create',
  /** New Project: `{ client, title, projectManager, language, folder }`, anything left out is asked. */
  projectNew: 'mspDocs.project.new',
  /** Advance Phase: `{ dir }` or a project node; else the active editor's project or a pick. */
  projectAdvancePhase: 'mspDocs.project.advancePhase',
  /** Copy the bundled sample project: `{ folder, open }`. */
  sampleOpen: 'mspDocs.sample.open',
  /** Open the A4 preview of a project. */
  previewOpen: 'mspDocs.preview.open',
  /** Export the A4 plan as HTML and PDF: `{ project, overwrite }`. */
  previewExport: 'mspDocs.preview.export',
  /** Export the proposal as Word (`exports/<id>-v<version>.docx`): `{ project, overwrite }`. */
  previewExportWord: 'mspDocs.preview.exportWord',
  /** Snapshot a proposal version: `{ project, version, changes, pdf }`. */
  proposalSnapshot: 'mspDocs.proposal.snapshot',
  /** Compare two proposal versions: `{ project, left, right }`. */
  proposalCompare: 'mspDocs.proposal.compare',
  /** Draft a status update: `{ project, audience, today }`. */
  statusDraft: 'mspDocs.status.draft',
  /** Generate the handover document: `{ project, overwrite, today }`. */
  handoverGenerate: 'mspDocs.handover.generate',
  /** Group and sort the Portfolio view: a sort key, else a quick pick. */
  portfolioSortBy: 'mspDocs.portfolio.sortBy',
  /** Reveal a project (folder URI string) in the Projects tree. */
  portfolioReveal: 'mspDocs.portfolio.reveal',
  /** Open the board of a scope.yaml or stakeholders.yaml: a `Uri`, URI string or Projects tree node; else the active editor's. */
  boardOpen: 'mspDocs.board.open',
  // The context menu of a board's cards and chips (package.json `webview/context`, hidden from the
  // palette). Each takes the card's `data-vscode-context` as VS Code passes it
  // (`src/core/webview/boardMenu.ts`: `{ webview, itemPath, ... }`) and acts on the active board.
  /** Move a Scope Canvas card to "We will do" (asks for what the column needs, as a drag does). */
  boardMoveToWillDo: 'mspDocs.board.moveToWillDo',
  /** Move a card to "We will not do" (asks for the reason, as a drag does). */
  boardMoveToWillNotDo: 'mspDocs.board.moveToWillNotDo',
  /** Move a card to "Maybe later" (asks for the trigger, as a drag does). */
  boardMoveToLater: 'mspDocs.board.moveToLater',
  /** Move a card one place up in its column. */
  boardMoveUp: 'mspDocs.board.moveUp',
  /** Move a card one place down in its column. */
  boardMoveDown: 'mspDocs.board.moveDown',
  /** Move a stakeholder chip to the "Manage closely" quadrant (high power, high interest). */
  boardMoveToManageClosely: 'mspDocs.board.moveToManageClosely',
  /** Move a chip to "Keep satisfied" (high power, interest not high). */
  boardMoveToKeepSatisfied: 'mspDocs.board.moveToKeepSatisfied',
  /** Move a chip to "Keep informed" (power not high, high interest). */
  boardMoveToKeepInformed: 'mspDocs.board.moveToKeepInformed',
  /** Move a chip to "Monitor" (neither high). */
  boardMoveToMonitor: 'mspDocs.board.moveToMonitor',
  /** Open the edit form of a card or chip. */
  boardEditItem: 'mspDocs.board.editItem',
  /** Remove a card or chip. */
  boardRemoveItem: 'mspDocs.board.removeItem',
} as const;

/** The id of one of the extension's commands. */
export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

/** Commands of VS Code itself that the extension runs. */
export const BUILTIN_COMMANDS = {
  showProblems: 'workbench.actions.view.problems',
  openFolder: 'vscode.openFolder',
  diff: 'vscode.diff',
  openSettings: 'workbench.action.openSettings',
  revealFileInOS: 'revealFileInOS',
  revealInExplorer: 'revealInExplorer',
  setContext: 'setContext',
  manageTrust: 'workbench.trust.manage',
  openWith: 'vscode.openWith',
} as const;

/** Context keys the extension sets (package.json `when` clauses use them). */
export const CONTEXT_KEYS = {
  /** True while the workspace holds at least one project (`src/extension/projects/hasProjectsContext.ts`). */
  hasProjects: 'mspDocs.hasProjects',
} as const;

/**
 * The task type the extension provides (package.json `taskDefinitions`,
 * `src/extension/projects/validateTask.ts`) and the problem matcher its tasks use (package.json
 * `problemMatchers`, referred to with a `$`).
 */
export const TASKS = {
  type: 'msp-docs',
  problemMatcher: '$msp-docs',
} as const;

/** The command VS Code creates for every view that focuses it: `<view id>.focus`. */
export function focusViewCommand(viewId: string): string {
  return `${viewId}.focus`;
}
