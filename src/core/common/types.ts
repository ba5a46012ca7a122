/**
 * Shared shapes of the core. Nothing here imports `vscode`: the extension adapts these
 * to `vscode.Range` / `vscode.Diagnostic`, the command line prints them.
 */

/** A position in a text: zero-based line, and character offset in UTF-16 code units (as VS Code counts). */
export interface Position {
  line: number;
  character: number;
}

/** A half-open range `[start, end)` of a text, zero-based, UTF-16 code units. */
export interface Range {
  start: Position;
  end: Position;
}

/** Severity of a finding, in the words FORMAT.md uses on the command line. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/**
 * One finding in one document.
 * `code` is a stable rule id (`yaml.*` for syntax, `schema.*` for JSON Schema keywords,
 * `<document>.*` for method rules): a `DiagnosticCode` (`codes.ts`) when the product made it;
 * typed as text because diagnostics also come back from JSON and from VS Code. Quick fixes and
 * tests match on it.
 */
export interface Diagnostic {
  range: Range;
  severity: Severity;
  code: string;
  /** Readable message in the active UI language (see `l10n.ts`). */
  message: string;
  /** Extra data for quick fixes, e.g. `{ suggestion: 'owner' }` or `{ allowed: [...] }`. */
  data?: Record<string, unknown>;
}

/** The six documents of a project (FORMAT.md). */
export type DocumentKind = 'project' | 'intake' | 'scope' | 'plan' | 'stakeholders' | 'handover';

/** The five phases of the method, plus `closed` (FORMAT.md `project.phase`). */
export type Phase = 'intake' | 'scope' | 'approach' | 'stakeholders' | 'delivery' | 'closed';

/** State of a document or a phase at a glance, as the tree shows it. */
export type DocumentState = 'missing' | 'ok' | 'warnings' | 'errors';
