/**
 * The board's texts in the UI language (`t()`, `src/core/common/l10n.ts`: in VS Code its display
 * language; Dutch from `l10n/bundle.l10n.nl.json`), sent to the webview with each model. The
 * board is part of the editor, so it follows VS Code's language like the rest of its UI; the
 * project's own words (titles, descriptions) are shown as written.
 */
import { t } from '../common';
import type { BoardKind } from './boardSpec';

/** Texts of a board of `kind`, by key (the webview looks them up; a missing key shows the key). */
export function boardStrings(kind: BoardKind): Record<string, string> {
  return {
    title: kind === 'scope' ? t('Scope Canvas board') : t('Stakeholder grid'),
    in_scope: t('We will do'),
    out_of_scope: t('We will not do'),
    later: t('Maybe later'),
    manageClosely: t('Manage closely'),
    keepSatisfied: t('Keep satisfied'),
    keepInformed: t('Keep informed'),
    monitor: t('Monitor'),
    power: t('Power'),
    interest: t('Interest'),
    add: t('Add'),
    edit: t('Edit'),
    remove: t('Remove'),
    save: t('Save'),
    cancel: t('Cancel'),
    moveLeft: t('Move left'),
    moveRight: t('Move right'),
    moveUp: t('Move up'),
    moveDown: t('Move down'),
    decisionMaker: t('Decision maker'),
    readOnly: t('Read-only on the board: {0}'),
    problems: t('Problems in this document'),
    fix: t('Quick fix'),
    needs: t('Moving this card needs: {0}'),
    gone: t('The item "{0}" is no longer at that place; the board shows the document again.'),
    keyboardHelp: t('Alt+Arrow keys move the focused card; Enter edits it; Delete removes it; Shift+F10 or the context menu key opens its menu.'),
    field_title: t('Title'),
    field_description: t('Description'),
    field_priority: t('Priority'),
    field_reason: t('Reason'),
    field_trigger: t('Trigger'),
    field_id: t('Id'),
    field_name: t('Name'),
    field_role: t('Role'),
    field_attitude: t('Attitude'),
    field_organisation: t('Organisation'),
    field_decision_maker: t('Decision maker'),
    field_steering_group: t('Steering group'),
    field_email: t('E-mail'),
    field_concerns: t('Concerns'),
    field_power: t('Power'),
    field_interest: t('Interest'),
  };
}
