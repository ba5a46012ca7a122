/**
 * The one function through which every user-visible string of the core passes.
 * The core uses `@vscode/l10n` (no `vscode` import): the extension loads VS Code's bundle into it
 * at activation, the command line loads `l10n/bundle.l10n.<lang>.json` itself. Without a bundle
 * the English source string is used.
 */
import * as l10n from '@vscode/l10n';

/** Translates `message`, replacing `{0}`, `{1}`... with `args` (the source strings are English). */
export function t(message: string, ...args: Array<string | number | boolean>): string {
  return l10n.t(message, ...args);
}

let generation = 0;

/** Loads a translation bundle (the parsed JSON of `l10n/bundle.l10n.<lang>.json`), or resets to English with `undefined`. */
export function setTranslations(contents: Record<string, string> | undefined): void {
  l10n.config({ contents: contents ?? {} });
  generation++;
}

/** A number that changes whenever `setTranslations` is called, so caches of translated messages can tell. */
export function translationGeneration(): number {
  return generation;
}
