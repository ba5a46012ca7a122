/** What a command produced: text for stdout and stderr, and the process exit code (FORMAT.md). */
export interface CommandResult {
  exitCode: 0 | 1 | 2;
  stdout: string;
  stderr?: string;
}

/** Bad arguments or an unreadable path: the command could not run (exit code 2). */
export class UsageError extends Error {}

/** The help text of `msp-docs`. */
export const USAGE = `Usage: msp-docs <command> [options]

Commands:
  validate PATH [--format text|json|sarif]   check every project under PATH (or one document)

Options:
  --lang en|nl    language of messages (default: from LANG, else en)
  -h, --help      show this help
  -v, --version   show the version

Exit codes: 0 no errors, 1 errors found, 2 the command could not run.`;
