/**
 * "Word redline" of "Compare Proposal Versions": writes `exports/<id>-v<a>-to-v<b>.docx`, the newer
 * version's text with every change from the older one a tracked change the client can accept or
 * reject in Word (`redlineDocx`, `src/core/word/redline.ts`, loaded only now). Asks before
 * overwriting an existing file and creates the file exclusively, like the other exports.
 */
import * as vscode from 'vscode';
import { languageOf } from '../../core/common';
import type { HouseStyle } from '../../core/render';
import { loadWord } from '../../core/word';
import { type BeforeWrite, exists, writeWithConsent } from '../common';

/** The two texts compared, older first, with their versions (`major.minor`, or a label). */
export interface RedlineInput {
  dir: string;
  id: string;
  language: unknown;
  from: { version: string; text: string };
  to: { version: string; text: string };
  style?: HouseStyle;
  /** `true`: replace an existing file without asking; `false`: keep it; unset: ask. */
  overwrite?: boolean;
  /** Called just before the file is created (see `BeforeWrite`). */
  beforeWrite?: BeforeWrite;
}

async function confirm(uri: vscode.Uri): Promise<boolean> {
  const overwrite = vscode.l10n.t('Overwrite');
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  return (await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Overwrite it?', name), { modal: true }, overwrite)) === overwrite;
}

/** Writes the redline; resolves to its URI, or `undefined` when the existing file was kept. */
export async function writeRedline(input: RedlineInput, log: vscode.LogOutputChannel): Promise<vscode.Uri | undefined> {
  const redline = await loadWord().redlineDocx(input.from.text, input.to.text, {
    id: input.id,
    from: input.from.version,
    to: input.to.version,
    language: languageOf(input.language),
    style: input.style,
  });
  const target = vscode.Uri.joinPath(vscode.Uri.parse(input.dir), 'exports', redline.fileName);
  const agreed = (await exists(target)) ? (input.overwrite ?? (await confirm(target))) : undefined;
  if (agreed === false) return undefined;
  const consent = (uri: vscode.Uri): boolean | Thenable<boolean> => agreed === true || (input.overwrite ?? confirm(uri));
  if ((await writeWithConsent(target, redline.data, consent, input.beforeWrite)) === 'kept') return undefined;
  log.info(`Wrote the redline ${target.toString()} (${redline.changes} tracked changes)`);
  return target;
}
