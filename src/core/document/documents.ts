import type { DocumentKind, Phase } from '../common';

/** File name of each document inside a project folder (FORMAT.md). */
export const DOCUMENT_FILES: Readonly<Record<DocumentKind, string>> = {
  project: 'project.yaml',
  intake: 'intake.md',
  scope: 'scope.yaml',
  plan: 'plan.yaml',
  stakeholders: 'stakeholders.yaml',
  handover: 'handover.yaml',
};

/** All document kinds, manifest first, then in phase order. */
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['project', 'intake', 'scope', 'plan', 'stakeholders', 'handover'];

/**
 * The five working phases in order (docs/method-rules.md, "The working method"); `closed` comes
 * after them.
 */
export const PHASES: readonly Exclude<Phase, 'closed'>[] = ['intake', 'scope', 'approach', 'stakeholders', 'delivery'];

/**
 * The documents that belong to each phase (docs/method-rules.md, "The working method");
 * `project.yaml` belongs to all.
 */
export const PHASE_DOCUMENTS: Readonly<Record<Exclude<Phase, 'closed'>, readonly DocumentKind[]>> = {
  intake: ['intake'],
  scope: ['scope'],
  approach: ['plan'],
  stakeholders: ['stakeholders'],
  delivery: ['handover'],
};

/**
 * The document kind of a file name (the base name, e.g. `plan.yaml`), or `undefined`
 * for a file that is not one of the six documents.
 */
export function documentKindOf(fileName: string): DocumentKind | undefined {
  const base = fileName.replace(/^.*[\\/]/, '');
  for (const kind of DOCUMENT_KINDS) {
    if (DOCUMENT_FILES[kind] === base) return kind;
  }
  return undefined;
}
