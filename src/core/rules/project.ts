/**
 * Method rules of the manifest (`project.yaml`). The method (docs/method-rules.md): the extension
 * walks a project through five phases in order; a phase builds on the documents of the phases
 * before it.
 */
import { DOCUMENT_FILES, PHASE_DOCUMENTS, PHASES } from '../document';
import { type Phase, t } from '../common';
import type { Rule, RuleDocuments } from './framework';
import { glyphsMissing } from './glyphs';
import { rootOf, valueRange } from './nodes';

/** All phases in order, `closed` last. */
const ORDER: readonly Phase[] = [...PHASES, 'closed'];

/** The project's phase from `project.yaml`, when it is one of the phases (else `undefined`). */
export function projectPhase(documents: RuleDocuments): Phase | undefined {
  const phase = rootOf(documents.project)?.phase;
  return typeof phase === 'string' && (ORDER as readonly string[]).includes(phase) ? (phase as Phase) : undefined;
}

/**
 * The phase is ahead of its documents: a document of an EARLIER phase still has errors (including
 * errors of method rules, which run before this rule). Missing documents do not count: the tree shows
 * those. Reported on the `phase` value; `data.documents` lists the file names.
 */
export const phaseAheadOfDocuments: Rule = {
  code: 'project.phase-ahead-of-documents',
  document: 'project',
  defaultSeverity: 'info',
  check(doc, documents) {
    const phase = projectPhase(documents);
    if (!phase) return [];
    const behind = ORDER.slice(0, ORDER.indexOf(phase))
      .flatMap((p) => (p === 'closed' ? [] : PHASE_DOCUMENTS[p]))
      .filter((kind) => documents[kind]?.diagnostics.some((d) => d.severity === 'error'))
      .map((kind) => DOCUMENT_FILES[kind]);
    if (!behind.length) return [];
    const range = valueRange(doc, ['phase']);
    return range
      ? [{ range, message: t('The project is in phase "{0}", but earlier documents still have errors: {1}. Fix them first, or set the phase back.', phase, behind.join(', ')), data: { documents: behind } }]
      : [];
  },
};

/** The project rules; they run last, so they see every other finding. */
export const PROJECT_RULES: readonly Rule[] = [phaseAheadOfDocuments, glyphsMissing];
