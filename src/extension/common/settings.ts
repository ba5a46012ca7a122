/**
 * The names of the extension's settings, as declared in package.json
 * `contributes.configuration.properties` (`test/unit/contributions.test.ts` checks that the two
 * agree). Read them with `vscode.workspace.getConfiguration(undefined, scope).get(SETTINGS.x)`
 * and test changes with `event.affectsConfiguration(SETTINGS.x)`.
 *
 * This file imports nothing, so unit tests and the integration suite can import it.
 */

/** Every setting of the extension, by its full name. */
export const SETTINGS = {
  /** Milliseconds after the last change before a project is checked again (number, default 250). */
  validationDebounceMs: 'mspDocs.validation.debounceMs',
  /** The Chromium-family browser that prints PDFs (string; empty: searched on the machine). */
  browserPath: 'mspDocs.browserPath',
  /** Severity per method-rule code (object; per resource), see `src/core/rules/config.ts`. */
  rules: 'mspDocs.rules',
  /** Whether YAML syntax errors are published: `auto` (not while Red Hat YAML is active), `always`, `never`. */
  validationYamlSyntax: 'mspDocs.validation.yamlSyntax',
} as const;

/** Settings of VS Code itself that the extension reads. */
export const VSCODE_SETTINGS = {
  /** The line ending of new files: `\n`, `\r\n` or `auto`. */
  filesEol: 'files.eol',
} as const;

/** The full name of one of the extension's settings. */
export type SettingName = (typeof SETTINGS)[keyof typeof SETTINGS];

/** The values of `mspDocs.validation.yamlSyntax`; the first is the default, as in package.json. */
export const YAML_SYNTAX_MODES = ['auto', 'always', 'never'] as const;

/** The id of Red Hat's YAML extension, which reports YAML syntax errors itself. */
export const REDHAT_YAML_EXTENSION = 'redhat.vscode-yaml';

/** The default of `mspDocs.validation.debounceMs`, as in package.json. */
export const DEFAULT_DEBOUNCE_MS = 250;
