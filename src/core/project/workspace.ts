import { DOCUMENT_FILES, DOCUMENT_KINDS, PHASE_DOCUMENTS, PHASES, validateDocument } from '../document';
import { checkProject, type RuleConfig, type RuleDocuments } from '../rules';
import { asRecord, asText, t, type A4Measurement, type Diagnostic, type DocumentKind, type DocumentState, type Language, languageOf, type Phase } from '../common';

/**
 * The file access the workspace model needs. Paths are opaque strings made by `join`: the command
 * line uses file-system paths, the extension URI strings read through `vscode.workspace.fs`.
 */
export interface WorkspaceHost {
  /** Entries of a folder; an empty list when the folder does not exist or cannot be read. */
  readDirectory(dir: string): Promise<Array<{ name: string; type: 'file' | 'directory' }>>;
  /**
   * Text of a file (UTF-8, a BOM is allowed), or `undefined` when it does not exist. Throws
   * `UnreadableFileError` for a file that exists but cannot be read (a folder or a pipe of that
   * name, no permission, a link out of the folder being checked): `loadProject` reports it on the
   * document and goes on.
   */
  readFile(file: string): Promise<string | undefined>;
  /** Path of `name` inside `dir`. */
  join(dir: string, name: string): string;
  /**
   * The canonical path of a folder (symbolic links resolved), so that a folder reached twice (a
   * link back up the tree, two links to one folder) is walked once. Without it, or when it fails,
   * the path itself is used.
   */
  realPath?(dir: string): Promise<string>;
}

/**
 * A document that exists but cannot be read; `message` is a plain sentence naming the file and
 * the reason, shown as the document's `document.unreadable` error.
 */
export class UnreadableFileError extends Error {}

/** Folders never searched for projects: tools' and build output, VCS data, exports. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', 'exports', '.vscode-test']);

/** Whether a folder of this name is never searched for projects: hidden folders and `SKIPPED_FOLDERS`. */
export function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || SKIPPED_FOLDERS.has(name);
}

/**
 * How deep `findProjects` looks below a root. Loops through symbolic links are stopped by the
 * visited set, so this bound only stops pathological trees; `onDepthLimit` says where it did.
 */
export const MAX_PROJECT_DEPTH = 64;

/** Options of `findProjects`. */
export interface FindProjectsOptions {
  /** Folders below a root that are searched, at most (default `MAX_PROJECT_DEPTH`). */
  maxDepth?: number;
  /** Called for each folder at the depth bound whose subfolders were not searched. */
  onDepthLimit?(dir: string): void;
}

/**
 * Finds every project (a folder holding `project.yaml`) under the given roots, at any depth.
 * A project folder may itself hold further projects. Hidden folders and `SKIPPED_FOLDERS` are
 * not searched. Each real folder (see `WorkspaceHost.realPath`) is searched once, so a symbolic
 * link loop ends and a folder reached by two paths is reported once, under the path found first
 * (the sorted order of the walk). Returns the project folders in a stable order (roots in order,
 * then by path).
 */
export async function findProjects(host: WorkspaceHost, roots: readonly string[], options: FindProjectsOptions = {}): Promise<string[]> {
  const maxDepth = options.maxDepth ?? MAX_PROJECT_DEPTH;
  const found: string[] = [];
  const visited = new Set<string>();
  const realPath = async (dir: string): Promise<string> => {
    if (!host.realPath) return dir;
    try {
      return await host.realPath(dir);
    } catch {
      return dir;
    }
  };
  // Breadth-first, in sorted order, so "first path wins" is deterministic (the shallowest path,
  // then the first by name) whatever order the host answers in.
  for (const root of roots) {
    const mine: string[] = [];
    let level = [root];
    for (let depth = 0; level.length; depth++) {
      const real = await Promise.all(level.map(realPath));
      const fresh = level.filter((dir, i) => {
        if (visited.has(real[i])) return false;
        visited.add(real[i]);
        return true;
      });
      const listed = await Promise.all(fresh.map(async (dir) => ({ dir, entries: await host.readDirectory(dir) })));
      const next: string[] = [];
      for (const { dir, entries } of listed) {
        if (entries.some((e) => e.type === 'file' && e.name === DOCUMENT_FILES.project)) mine.push(dir);
        const subfolders = entries
          .filter((e) => e.type === 'directory' && !isSkippedFolder(e.name))
          .map((e) => e.name)
          .sort();
        if (!subfolders.length) continue;
        if (depth >= maxDepth) {
          options.onDepthLimit?.(dir);
          continue;
        }
        next.push(...subfolders.map((name) => host.join(dir, name)));
      }
      level = next;
    }
    found.push(...mine.sort());
  }
  return found;
}

/** One document of a project as the model sees it. */
export interface ProjectDocument {
  kind: DocumentKind;
  /** Path made with the host's `join`. */
  path: string;
  exists: boolean;
  diagnostics: Diagnostic[];
  state: DocumentState;
  /** The parsed value (front matter for `intake.md`) when the document could be read. */
  data?: unknown;
  /** Numbers of `data` as written in the text, by JSON Pointer (see `DocumentResult.numbersAsWritten`). */
  numbersAsWritten?: Record<string, string>;
}

/** Everything known about one project: its manifest fields, documents and the state of each phase. */
export interface ProjectReport {
  dir: string;
  /** From `project.yaml` when it has them as strings; otherwise `undefined`. */
  id?: string;
  title?: string;
  client?: string;
  phase?: Phase;
  language: Language;
  documents: Record<DocumentKind, ProjectDocument>;
  /** State of each phase: the worst state of its documents. */
  phases: Record<Exclude<Phase, 'closed'>, DocumentState>;
  /** Counts over all documents of the project. */
  errors: number;
  warnings: number;
  /**
   * `true` while only `project.yaml` has been read (see `manifestReport`): the manifest fields are
   * known, the other documents and the phase states are not yet (they read as missing).
   */
  checking?: boolean;
}

/**
 * A first, partial report from `project.yaml` alone: the manifest's fields (title, client, phase,
 * language) and its own syntax and schema findings, with every other document not yet read and
 * `checking: true`. What a view needs to show the project while its documents wait for
 * `validateProject`. `text` is `undefined` when the manifest could not be read.
 */
export function manifestReport(dir: string, text: string | undefined, pathOf: (kind: DocumentKind) => string): ProjectReport {
  const documents = {} as Record<DocumentKind, ProjectDocument>;
  for (const kind of DOCUMENT_KINDS) documents[kind] = { kind, path: pathOf(kind), exists: false, diagnostics: [], state: 'missing' };
  let manifest: unknown;
  if (text !== undefined) {
    const result = validateDocument('project', text);
    const { state } = countFindings(result.diagnostics);
    documents.project = { kind: 'project', path: pathOf('project'), exists: true, diagnostics: result.diagnostics, state, data: result.data };
    manifest = result.data;
  }
  const phases = {} as Record<Exclude<Phase, 'closed'>, DocumentState>;
  for (const phase of PHASES) phases[phase] = 'missing';
  return { dir, ...manifestFields(manifest), documents, phases, errors: 0, warnings: 0, checking: true };
}

/**
 * What `readProject` found: the texts of the documents that could be read, and for each document
 * that exists but cannot be read (a folder or a pipe named like it, no permission) the reason, which
 * `validateProject` turns into its `document.unreadable` error (option `unreadable`).
 */
export interface ProjectRead {
  texts: ProjectTexts;
  unreadable: Partial<Record<DocumentKind, string>>;
}

/** Texts of a project's documents; a kind that is absent is a missing document. */
export type ProjectTexts = Partial<Record<DocumentKind, { path: string; text: string }>>;

/** Reads a project's documents through the host; a document that cannot be read is left out (missing). */
export async function readProject(host: WorkspaceHost, dir: string): Promise<ProjectRead> {
  const texts: ProjectTexts = {};
  const unreadable: Partial<Record<DocumentKind, string>> = {};
  await Promise.all(
    DOCUMENT_KINDS.map(async (kind) => {
      const path = host.join(dir, DOCUMENT_FILES[kind]);
      try {
        const text = await host.readFile(path);
        if (text !== undefined) texts[kind] = { path, text };
      } catch (e) {
        unreadable[kind] = e instanceof UnreadableFileError ? e.message : t('{0} cannot be read: {1}', DOCUMENT_FILES[kind], e instanceof Error ? e.message : String(e));
      }
    }),
  );
  return { texts, unreadable };
}

/** Reads a project's documents through the host and validates them (see `validateProject`). */
export async function loadProject(host: WorkspaceHost, dir: string, options: ProjectOptions = {}): Promise<ProjectReport> {
  const { texts, unreadable } = await readProject(host, dir);
  return validateProject(dir, texts, (kind) => host.join(dir, DOCUMENT_FILES[kind]), { ...options, unreadable: { ...options.unreadable, ...unreadable } });
}

/** Options of `validateProject` and `loadProject`. */
export interface ProjectOptions {
  /**
   * Severity per method-rule code, or `off` (see `rules/config.ts`: the `mspDocs.rules` setting
   * and `.msp-docs.json`). Codes not listed keep their default severity.
   */
  rules?: RuleConfig;
  /**
   * The latest one-page check of the project's A4 proposal, for the rule `plan.overflows-a4`: the
   * extension passes what the A4 preview last measured while the preview shows the project.
   * Without it (the command line) that rule reports nothing.
   */
  measurement?: A4Measurement;
  /**
   * Documents that exist but could not be read, with the reason (a plain sentence): each gets the
   * one error `document.unreadable` on its first character and counts as present with errors.
   */
  unreadable?: Partial<Record<DocumentKind, string>>;
}

/**
 * Validates a project's documents (syntax and schema, then the method rules over all documents
 * together) and derives document and phase states. Pure: `pathOf` only names the missing
 * documents. Never throws on bad input.
 */
export function validateProject(dir: string, texts: ProjectTexts, pathOf: (kind: DocumentKind) => string, options: ProjectOptions = {}): ProjectReport {
  const documents = {} as Record<DocumentKind, ProjectDocument>;
  const ruleDocuments: RuleDocuments = {};
  for (const kind of DOCUMENT_KINDS) {
    const input = texts[kind];
    const unreadable = options.unreadable?.[kind];
    if (unreadable !== undefined && !input) {
      // Its first character, as any finding on a text that could not be read: a range that shows.
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
      const diagnostic: Diagnostic = { range, severity: 'error', code: 'document.unreadable', message: unreadable };
      documents[kind] = { kind, path: pathOf(kind), exists: true, diagnostics: [diagnostic], state: 'errors' };
      continue;
    }
    if (!input) {
      documents[kind] = { kind, path: pathOf(kind), exists: false, diagnostics: [], state: 'missing' };
      continue;
    }
    const result = validateDocument(kind, input.text);
    ruleDocuments[kind] = { kind, data: result.data, yaml: result.yaml, diagnostics: result.diagnostics, ...(result.body !== undefined ? { body: result.body } : {}) };
    documents[kind] = { kind, path: input.path, exists: true, diagnostics: result.diagnostics, state: 'ok', data: result.data };
    if (result.numbersAsWritten) documents[kind].numbersAsWritten = result.numbersAsWritten;
  }
  // Method rules need all documents at once (cross-file references, the phase against the documents).
  const checked = checkProject(ruleDocuments, { config: options.rules, measurement: options.measurement });
  let errors = 0;
  let warnings = 0;
  for (const doc of Object.values(documents)) {
    if (!doc.exists) continue;
    doc.diagnostics = checked[doc.kind] ?? doc.diagnostics;
    const counted = countFindings(doc.diagnostics);
    errors += counted.errors;
    warnings += counted.warnings;
    doc.state = counted.state;
  }
  const phases = {} as Record<Exclude<Phase, 'closed'>, DocumentState>;
  for (const phase of PHASES) phases[phase] = worstState(PHASE_DOCUMENTS[phase].map((k) => documents[k].state));
  return { dir, ...manifestFields(documents.project.data), documents, phases, errors, warnings };
}

/** The manifest fields of a report from `project.yaml`'s parsed value: strings only, language `en` unless `nl`. */
function manifestFields(data: unknown): Pick<ProjectReport, 'id' | 'title' | 'client' | 'phase' | 'language'> {
  const manifest = asRecord(data);
  return {
    id: asText(manifest?.id),
    title: asText(manifest?.title),
    client: asText(manifest?.client),
    phase: asText(manifest?.phase) as Phase | undefined,
    language: languageOf(manifest?.language),
  };
}

/** Errors and warnings among a document's diagnostics, and the document state they give. */
function countFindings(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number; state: DocumentState } {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  return { errors, warnings, state: errors ? 'errors' : warnings ? 'warnings' : 'ok' };
}

const STATE_ORDER: readonly DocumentState[] = ['ok', 'warnings', 'missing', 'errors'];

/** The worst of several states, in the order ok < warnings < missing < errors. */
export function worstState(states: readonly DocumentState[]): DocumentState {
  return states.reduce<DocumentState>((a, b) => (STATE_ORDER.indexOf(b) > STATE_ORDER.indexOf(a) ? b : a), 'ok');
}

