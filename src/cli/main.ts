/**
 * The `msp-docs` command line: the same core as the extension, without VS Code.
 * See USAGE in `usage.ts` and FORMAT.md for output formats and exit codes.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { setTranslations } from '../core/common';
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
        if (rest.length !== 1) throw new UsageError('validate needs exactly one PATH');
        return await validateCommand(rest[0], values.format ?? 'text', { name: 'msp-docs', version: packageVersion() }, { config: values.config });
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

/** `parseArgs`'s error in a few words: "unknown option --bogus" instead of its long advice. */
function argumentProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const option = /'([^']+)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option}`;
  return message.split('\n')[0];
}

/** Runs the command line on this process's arguments, printing and setting `process.exitCode`. */
export async function main(): Promise<void> {
  const result = await run(process.argv.slice(2));
  if (result.stdout) process.stdout.write(result.stdout + '\n');
  if (result.stderr) process.stderr.write(result.stderr + '\n');
  process.exitCode = result.exitCode;
}

if (require.main === module) void main();
