/**
 * The handover checklist under the Delivery phase of the Projects tree (docs/delivery.md): one item per
 * check of `handoverChecklist`, ticked or not, with what was found as its description. The
 * tree (`projectsTree.ts`) owns the nodes; this file only says what a checklist node shows.
 */
import * as vscode from 'vscode';
import { todayIso } from '../../core/common';
import { DOCUMENT_FILES } from '../../core/document';
import { type ChecklistId, handoverChecklist } from '../../core/delivery';
import type { ProjectReport } from '../../core/project';
import { COMMANDS } from '../common';

export { CHECKLIST_IDS, type ChecklistId } from '../../core/delivery';

/** One item of a project's handover checklist, under its Delivery phase. */
export interface ChecklistNode {
  readonly type: 'check';
  readonly id: string;
  readonly dir: string;
  readonly phase: 'delivery';
  readonly check: ChecklistId;
}

/**
 * The tree item of a checklist node, derived from the report now (the checklist depends on today's
 * date: a shadow period starts and ends without an edit). Clicking opens handover.yaml.
 */
export function checklistItem(node: ChecklistNode, report: ProjectReport, today: string = todayIso()): vscode.TreeItem {
  const check = handoverChecklist(report, today).find((c) => c.id === node.check);
  const item = new vscode.TreeItem(check?.label ?? node.check, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  if (!check) return item;
  item.description = check.detail;
  item.iconPath = check.done
    ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'))
    : new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('disabledForeground'));
  item.tooltip = `${check.label}: ${check.done ? vscode.l10n.t('done') : vscode.l10n.t('open')}\n${check.detail}`;
  item.accessibilityInformation = { label: `${check.label}, ${check.done ? vscode.l10n.t('done') : vscode.l10n.t('open')}, ${check.detail}` };
  item.contextValue = check.done ? 'check.done' : 'check.open';
  const handover = report.documents.handover;
  if (handover.exists) {
    const uri = vscode.Uri.parse(handover.path);
    item.command = { command: COMMANDS.documentOpen, title: vscode.l10n.t('Open Document'), arguments: [uri] };
    item.tooltip += `\n${DOCUMENT_FILES.handover}`;
  }
  return item;
}
