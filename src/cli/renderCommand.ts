import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserNotFoundError, BrowserRunError, BrowserSession, describeMeasurement, embeddedImages, findBrowser, type FoundBrowser, loadRender, measureLoadedPage, placeFile, printLoadedPage, type RenderedProposal, standaloneHtml, type HouseStyle } from '../core/render';
import { DOCUMENT_FILES, documentKindOf } from '../core/document';
import { t } from '../core/common';
import { loadProject, type ProjectReport } from '../core/project';
import { loadWord } from '../core/word';
import { houseStyleFor } from './houseStyle';
import { findProjectsOnDisk, nodeHostFor } from './nodeHost';
import { RunError, type CommandResult } from './usage';

/** Options of `msp-docs render` (see USAGE). */
export interface RenderCommandOptions {
  out?: string;
  pdf?: boolean;
  /** Also write the proposal as Word (`<id>-v<version>.docx`) beside the HTML. */
  docx?: boolean;
  browser?: string;
  force?: boolean;
  strict?: boolean;
  /** Environment, for `MSP_DOCS_BROWSER`; tests pass their own. */
  env?: NodeJS.ProcessEnv;
  /** Called just before each file is written (absolute path); tests use it to race the write. */
  beforeWrite?: (file: string) => unknown;
}

/** The environment variable that names the browser when `--browser` is not given. */
export const BROWSER_ENV = 'MSP_DOCS_BROWSER';

interface Job {
  dir: string;
  html: string;
  pdf: string;
  docx: string;
  report: ProjectReport;
  rendered: RenderedProposal;
  style?: HouseStyle;
}

/**
 * `msp-docs render PATH [--out DIR] [--pdf] [--docx] [--browser PATH] [--force] [--strict]`: writes the A4
 * proposal of every project under PATH (a project folder, one of its documents, or a folder of
 * projects) as `<id>-v<version>.html` into `<project>/exports/` (or DIR), prints it as PDF with
 * `--pdf`, writes it as Word (`<id>-v<version>.docx`, `src/core/word/`) with `--docx`, and reports the one-page check, measured in headless Chromium.
 *
 * The projects are validated first; each document with errors is a warning on stderr (the
 * proposal is rendered from what could be read). Exit codes: 0 written (an overflow or errors are
 * warnings); 1 with `--strict` when a proposal does not fit on one page or its documents have
 * errors; 2 when it could not run: bad arguments, no project, `--out` that is not a folder, a file
 * that exists (without `--force`), or no browser for `--pdf`/`--strict`, or the browser failed. Without a browser and
 * without those flags the HTML is still written and the check is skipped with a warning. One browser is launched for all
 * the projects; each page is loaded once, measured and printed. When a PDF cannot be made, an older PDF of that name
 * (overwritten with `--force`) is removed, so no PDF is left that does not match its HTML.
 */
export async function renderCommand(target: string, options: RenderCommandOptions): Promise<CommandResult> {
  const stat = await fs.stat(target).catch(() => undefined);
  if (!stat) throw new RunError(`cannot read ${target}`);
  if (options.out !== undefined) {
    const out = await fs.stat(options.out).catch(() => undefined);
    if (out && !out.isDirectory()) throw new RunError(`--out ${options.out} is not a folder`);
  }
  const stderr: string[] = [];
  let projects: string[];
  if (stat.isDirectory()) {
    const search = await findProjectsOnDisk(target);
    projects = search.projects;
    stderr.push(...search.warnings.map((w) => `${t('warning')}: ${w}`));
  } else {
    if (!documentKindOf(target)) throw new RunError(`${target} is not a project folder or document`);
    projects = [path.dirname(target)];
  }
  if (!projects.length) throw new RunError([`no project (a folder with project.yaml) found under ${target}`, ...stderr].join('\n'));

  // Render everything and check every target before writing anything.
  const jobs: Job[] = [];
  let invalid = false;
  for (const dir of projects) {
    const report = await loadProject(nodeHostFor(stat.isDirectory() ? target : dir), dir);
    const problems = errorLines(report);
    stderr.push(...problems.map((line) => `${t('warning')}: ${line}`));
    // Characters the proposal's fonts lack print as boxes where the machine has no font for them: said, never silent.
    stderr.push(...glyphLines(report).map((line) => `${t('warning')}: ${line}`));
    invalid ||= problems.length > 0;
    const house = await houseStyleFor(dir);
    for (const w of house.warnings) if (!stderr.includes(w)) stderr.push(w);
    // Local images are embedded from the project, inside the folder the command was given.
    const rendered = loadRender().renderProposal(report, { style: house.style, images: embeddedImages(dir, stat.isDirectory() ? target : path.dirname(path.dirname(target))) });
    const outDir = path.resolve(options.out ?? path.join(dir, 'exports'));
    const html = path.join(outDir, rendered.fileName);
    jobs.push({ dir, report, rendered, style: house.style, html, pdf: html.replace(/\.html$/, '.pdf'), docx: html.replace(/\.html$/, '.docx') });
  }
  // Compared as real paths: two ways to one folder (a symbolic link) are the same file.
  const names = new Map<string, string>();
  for (const job of jobs) {
    const real = await realFile(job.html);
    const other = names.get(real);
    if (other !== undefined) throw new RunError(other === job.html ? `two projects would write ${job.html}; give them different ids` : `two projects would write the same file: ${other} and ${job.html}; give them different ids`);
    names.set(real, job.html);
  }
  if (!options.force) {
    const existing = [];
    for (const job of jobs) {
      const files = [job.html, ...(options.pdf ? [job.pdf] : []), ...(options.docx ? [job.docx] : [])];
      for (const file of files) if (await exists(file)) existing.push(file);
    }
    if (existing.length) {
      return { exitCode: 2, stdout: '', stderr: [...stderr, ...existing.map((f) => `msp-docs: ${t('{0} exists; use --force to overwrite it.', f)}`)].join('\n') };
    }
  }

  const configured = options.browser ?? options.env?.[BROWSER_ENV];
  const setting = options.browser ? '--browser' : configured ? BROWSER_ENV : t('--browser or the environment variable {0}', BROWSER_ENV);
  let browser: FoundBrowser | undefined;
  let browserError: Error | undefined;
  try {
    browser = await findBrowser({ configured, configuredName: setting });
  } catch (e) {
    if (!(e instanceof BrowserNotFoundError)) throw e;
    browserError = e;
  }

  const stdout: string[] = [];
  // `--strict`: a proposal made from documents with errors fails, as one that overflows does.
  let exitCode: 0 | 1 | 2 = invalid && options.strict ? 1 : 0;
  // The check above is for one early message; the writes themselves are exclusive without --force.
  const taken = (file: string): void => {
    stderr.push(`msp-docs: ${t('{0} exists; use --force to overwrite it.', file)}`);
    exitCode = 2;
  };
  // Without --force no PDF was there at the check: one there now is someone else's, never removed.
  const stale = async (pdf: string): Promise<void> => {
    if (options.pdf && options.force) await removeStale(pdf, stderr);
  };
  // One browser for the whole folder; a new one only after it failed.
  let session: BrowserSession | undefined;
  try {
    for (const job of jobs) {
      await fs.mkdir(path.dirname(job.html), { recursive: true });
      await options.beforeWrite?.(job.html);
      if (!(await writeAtomically(job.html, standaloneHtml(job.rendered), !!options.force))) {
        taken(job.html);
        continue;
      }
      stdout.push(shown(job.html));
      if (options.docx) {
        const word = await loadWord().proposalDocx(job.report, { style: job.style });
        await options.beforeWrite?.(job.docx);
        if (await writeAtomically(job.docx, word.data, !!options.force)) stdout.push(shown(job.docx));
        else taken(job.docx);
      }
      if (!browser) {
        await stale(job.pdf);
        continue;
      }
      try {
        session ??= await BrowserSession.launch({ browser: browser.path, setting });
        await session.load(pathToFileURL(job.html).href);
        const measurement = await measureLoadedPage(session);
        const line = `${path.basename(job.html)}: ${describeMeasurement(measurement)}`;
        if (measurement.fits) {
          stdout.push(line);
        } else {
          stderr.push(`${t('warning')}: ${line}`);
          if (options.strict) exitCode = Math.max(exitCode, 1) as 0 | 1 | 2;
        }
        if (options.pdf) {
          await options.beforeWrite?.(job.pdf);
          if (await printLoadedPage(session, job.pdf, !options.force)) stdout.push(shown(job.pdf));
          else taken(job.pdf);
        }
      } catch (e) {
        if (!(e instanceof BrowserRunError)) throw e;
        stderr.push(`msp-docs: ${e.message}`);
        await stale(job.pdf);
        exitCode = 2;
        await session?.close();
        session = undefined;
      }
    }
  } finally {
    await session?.close();
  }
  if (browserError) {
    const needed = options.pdf || options.strict;
    stderr.push(`${needed ? 'msp-docs' : t('warning')}: ${browserError.message}`);
    stderr.push(needed ? t('The HTML was written; no PDF was made.') : t('The one-page check was skipped; the HTML was written.'));
    if (needed) exitCode = 2;
  }
  return { exitCode, stdout: stdout.join('\n'), stderr: stderr.length ? stderr.join('\n') : undefined };
}

/**
 * One line per document of the project with errors (syntax, schema, method rules): the proposal is
 * rendered from what could be read, so it may be wrong.
 */
function errorLines(report: ProjectReport): string[] {
  return Object.values(report.documents)
    .filter((doc) => doc.exists && doc.state === 'errors')
    .map((doc) => {
      const errors = doc.diagnostics.filter((d) => d.severity === 'error').length;
      const file = shown(path.join(report.dir, DOCUMENT_FILES[doc.kind]));
      return errors === 1
        ? t('{0} has 1 error; the proposal may be wrong (run msp-docs validate).', file)
        : t('{0} has {1} errors; the proposal may be wrong (run msp-docs validate).', file, errors);
    });
}

/**
 * One line per document with a `project.glyphs-missing` finding (`src/core/rules/glyphs.ts`):
 * `file:line:column: message`, 1-based. A warning only: on a machine with a font for those
 * characters they print, so neither the exit code nor `--strict` changes.
 */
function glyphLines(report: ProjectReport): string[] {
  return Object.values(report.documents).flatMap((doc) =>
    doc.diagnostics
      .filter((d) => d.code === 'project.glyphs-missing')
      .map((d) => `${shown(path.join(report.dir, DOCUMENT_FILES[doc.kind]))}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`),
  );
}

/** The real path of a file that may not exist yet: its nearest existing folder resolved, the rest appended. */
async function realFile(file: string): Promise<string> {
  const rest: string[] = [];
  let dir = file;
  for (;;) {
    try {
      return path.join(await fs.realpath(dir), ...rest.reverse());
    } catch {
      const parent = path.dirname(dir);
      if (parent === dir) return file;
      rest.push(path.basename(dir));
      dir = parent;
    }
  }
}

/** A path as printed: relative to the working folder when inside it, else absolute. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/**
 * Removes an older PDF (only there with `--force`) that a failed print would leave beside the new
 * HTML, where it would not match it, and says so on stderr.
 */
async function removeStale(pdf: string, stderr: string[]): Promise<void> {
  const removed = await fs.rm(pdf).then(
    () => true,
    () => false,
  );
  if (removed) stderr.push(`msp-docs: ${t('Removed the older {0}: it no longer matches the HTML.', shown(pdf))}`);
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

/**
 * Writes through a temporary file put into place in one step, so a reader never sees half a file:
 * renamed over the target with `replace`, else hard-linked (which fails when the target exists,
 * in the same step; where links are not supported, copied with `COPYFILE_EXCL`). Resolves `false`
 * when the target exists and `replace` is not set: nothing was written.
 */
async function writeAtomically(file: string, content: string | Uint8Array, replace: boolean): Promise<boolean> {
  return placeFile(file, replace, (partial) => fs.writeFile(partial, content));
}
