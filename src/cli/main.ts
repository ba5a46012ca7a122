/**
 * The `msp-docs` command line: the same core as the extension, without VS Code.
 * See USAGE in `usage.ts` and FORMAT.md for output formats and exit codes.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { setTranslations } from '../core/common';
import { stopBrowsers } from '../core/render';
import { DEBUG_ENV, HELP_HINT, RunError, USAGE, UsageError, type CommandResult } from './usage';
import { renderCommand } from './renderCommand';
import { validateCommand } from './validateCommand';

/** Package root: the bundle lives in `dist/`, sources in `src/cli/`. */
const ROOT = path.resolve(__dirname, '..', __dirname.endsWith(path.join('src', 'cli')) ? '..' : '');

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/** Loads the message bundle of a language; English needs none. Throws UsageError for an unknown language. */
function useLanguage(lang: string): void {
  if (lang === 'en') return setTranslations(undefined);
  if (lang !== 'nl') throw new UsageError(`unknown language "${lang}"; use en or nl`);
  setTranslations(JSON.parse(readFileSync(path.join(ROOT, 'l10n', `bundle.l10n.${lang}.json`), 'utf8')) as Record<string, string>);
}

/** Runs the command line on `argv` (without node and script) and returns what to print and the exit code. */
export async function run(argv: string[]): Promise<CommandResult> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        config: { type: 'string' },
        lang: { type: 'string' },
        out: { type: 'string' },
        pdf: { type: 'boolean' },
        docx: { type: 'boolean' },
        browser: { type: 'string' },
        force: { type: 'boolean' },
        strict: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        'stdin-filename': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    return { exitCode: 2, stdout: '', stderr: `msp-docs: ${argumentProblem(e)}\n\n${USAGE}` };
  }
  const { values, positionals } = parsed;
  if (values.version) return { exitCode: 0, stdout: packageVersion() };
  if (values.help || positionals.length === 0) return { exitCode: values.help ? 0 : 2, stdout: values.help ? USAGE : '', stderr: values.help ? undefined : USAGE };
  const [command, ...rest] = positionals;
  try {
    useLanguage(values.lang ?? (/^nl/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '') ? 'nl' : 'en'));
    switch (command) {
      case 'validate':
        return await validateCommand(rest, values.format ?? 'text', { name: 'msp-docs', version: packageVersion() }, {
          config: values.config,
          maxWarnings: maxWarnings(values['max-warnings']),
          stdinFilename: values['stdin-filename'],
        });
      case 'render':
        if (rest.length !== 1) throw new UsageError('render needs exactly one PATH');
        return await renderCommand(rest[0], { out: values.out, pdf: values.pdf, docx: values.docx, browser: values.browser, force: values.force, strict: values.strict, env: process.env });
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) return { exitCode: 2, stdout: '', stderr: `msp-docs: ${e.message}\n\n${USAGE}` };
    if (e instanceof RunError) return { exitCode: 2, stdout: '', stderr: `msp-docs: ${e.message}\n${HELP_HINT}` };
    // Unexpected (a disk error while writing, a bug): one line; the stack only when asked for.
    const debug = /^(1|true|yes)$/i.test(process.env[DEBUG_ENV] ?? '');
    const text = e instanceof Error ? (debug && e.stack) || e.message : String(e);
    return { exitCode: 2, stdout: '', stderr: `msp-docs: ${text}` };
  }
}

/** `--max-warnings N`: a whole number of at least 0 (`-1`, as in ESLint, means no limit). Throws `UsageError`. */
function maxWarnings(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '-1') return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`--max-warnings needs a whole number of 0 or more, not "${value}"`);
  return Number(value.trim());
}

/** `parseArgs`'s error in a few words: "unknown option --bogus" instead of its long advice. */
function argumentProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const option = /'([^']+)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option}`;
  return message.split('\n')[0];
}

/** Exit code after Ctrl-C, as shells report a process ended by SIGINT (128 + 2). */
export const INTERRUPTED_EXIT_CODE = 130;

/**
 * Runs the command line on this process's arguments, printing and setting `process.exitCode`.
 * A reader that closes the pipe early (`msp-docs validate . | head`) ends the output quietly with
 * the command's own exit code, without a stack trace; Ctrl-C (SIGINT, or SIGTERM) stops the
 * headless browsers `render` started and deletes their temporary profiles before exiting 130.
 */
export async function main(): Promise<void> {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(Number(process.exitCode ?? 0));
      throw e;
    });
  }
  const interrupted = () => {
    stopBrowsers();
    process.exit(INTERRUPTED_EXIT_CODE);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const result = await run(process.argv.slice(2));
  process.off('SIGINT', interrupted);
  process.off('SIGTERM', interrupted);
  process.exitCode = result.exitCode;
  if (result.stdout) process.stdout.write(result.stdout + '\n');
  if (result.stderr) process.stderr.write(result.stderr + '\n');
}

if (require.main === module) void main();
