import { CONFIG_FILE_NAME, RULES } from '../core/rules';

/** The ignore file of the command line (gitignore syntax), read from the current folder. */
export const IGNORE_FILE_NAME = '.msp-docsignore';

/** What a command produced: text for stdout and stderr, and the process exit code (FORMAT.md). */
export interface CommandResult {
  exitCode: 0 | 1 | 2;
  stdout: string;
  stderr?: string;
}

/** Bad arguments (an unknown command, option or value, a missing PATH): exit code 2, with the help text. */
export class UsageError extends Error {}

/**
 * The command could not run for a reason other than its arguments' form (a path that cannot be
 * read, no project, `--out` that is a file): exit code 2, the message and a hint, no help text.
 */
export class RunError extends Error {}

/** The line printed after a `RunError`. */
export const HELP_HINT = 'Run msp-docs --help for usage.';

/** The environment variable that makes an unexpected error print its stack trace. */
export const DEBUG_ENV = 'MSP_DOCS_DEBUG';

/** The help text of `msp-docs`, with the method rules and their default severities. */
export const USAGE = `Usage: msp-docs <command> [options]

Commands:
  validate PATH... [--format text|json|sarif|github|azure] [--config FILE]
                 [--max-warnings N] [--stdin-filename NAME]
                  check every project under each PATH (a folder, a document,
                  or a glob such as "clients/**/plan.yaml"; - reads one
                  document from standard input, named by --stdin-filename)
                  against its schema and the method rules. Paths matched by
                  ${IGNORE_FILE_NAME} in the current folder or by "ignore" in
                  ${CONFIG_FILE_NAME} (gitignore syntax) are skipped
  render PATH [--out DIR] [--pdf] [--docx] [--browser PATH] [--force] [--strict]
                  write the one-page A4 proposal of every project under PATH
                  as <project id>-v<version>.html (in <project>/exports, or
                  DIR), with --pdf also as PDF, with --docx also as Word
                  (.docx), and report whether it fits on
                  one A4 page (measured in a headless Chromium, Chrome or Edge
                  found on this machine, or --browser, or $MSP_DOCS_BROWSER).
                  Existing files are kept unless --force is given. An
                  overflowing proposal and documents with errors are
                  warnings; --strict makes them exit 1

Options:
  --format F      text (file:line:col, paths relative to the current folder),
                  json, sarif (SARIF 2.1.0), github (GitHub Actions
                  annotations) or azure (Azure Pipelines ##vso[task.logissue])
  --config FILE   rule configuration to use instead of the nearest ${CONFIG_FILE_NAME}
  --max-warnings N  exit 1 when there are more than N warnings
  --lang en|nl    language of messages (default: from LANG, else en)
  -h, --help      show this help
  -v, --version   show the version

Unexpected errors print one line; set ${DEBUG_ENV}=1 to see the stack trace.

Rule configuration: a file ${CONFIG_FILE_NAME} in the project folder or any folder
above it (the nearest one wins; the editor reads the same file), for example
  { "rules": { "scope.no-out-of-scope": "off", "plan.day-instead-of-month": "error" } }
Each rule can be set to error, warning, info, hint or off. Unknown codes are
reported on stderr and ignored. Schema and YAML checks (schema.*, yaml.*) are
the file format and cannot be configured.

Method rules (default severity):
${RULES.map((r) => `  ${r.code.padEnd(52)} ${r.defaultSeverity}`).join('\n')}

Exit codes: 0 no errors, 1 errors found or more warnings than --max-warnings (render --strict: a proposal overflows one page
or its documents have errors),
2 the command could not run (render: also a file exists, or no browser for --pdf),
130 interrupted (Ctrl-C; render stops its browser and removes its temporary files).`;
