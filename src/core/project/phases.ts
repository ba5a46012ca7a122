/**
 * Advancing a project to its next phase (docs/authoring.md, "Advance Phase"): which phase comes
 * next, whether the current phase's documents allow it, and where `phase:` sits in `project.yaml`
 * so that only its value is replaced.
 */
import { isScalar } from 'yaml';
import { DOCUMENT_FILES, nodeAtPath, PHASE_DOCUMENTS, PHASES, validateDocument } from '../document';
import type { Phase } from '../common';
import type { ProjectReport } from './workspace';

/** All phases in order, `closed` last. */
export const PHASE_ORDER: readonly Phase[] = [...PHASES, 'closed'];

/** The phase after `phase`, or `undefined` after `closed` (or for a value that is not a phase). */
export function nextPhase(phase: string | undefined): Phase | undefined {
  const i = PHASE_ORDER.indexOf(phase as Phase);
  return i >= 0 && i < PHASE_ORDER.length - 1 ? PHASE_ORDER[i + 1] : undefined;
}

/** Whether a project can move on, and if not, why (the extension words the message). */
export type AdvanceCheck =
  | { ok: true; from: Phase; to: Phase }
  | { ok: false; reason: 'no-phase' }
  | { ok: false; reason: 'closed' }
  | { ok: false; reason: 'missing'; from: Phase; files: string[] }
  | { ok: false; reason: 'errors'; from: Phase; files: string[]; errors: number };

/**
 * Checks that the project's current phase is done enough to leave: its documents exist and have
 * no errors (warnings are the project manager's call). `project.yaml` must have a valid phase.
 */
export function checkAdvance(report: ProjectReport): AdvanceCheck {
  const phase = report.phase;
  if (!phase || !PHASE_ORDER.includes(phase)) return { ok: false, reason: 'no-phase' };
  if (phase === 'closed') return { ok: false, reason: 'closed' };
  const documents = PHASE_DOCUMENTS[phase].map((kind) => report.documents[kind]);
  const missing = documents.filter((d) => !d.exists).map((d) => DOCUMENT_FILES[d.kind]);
  if (missing.length) return { ok: false, reason: 'missing', from: phase, files: missing };
  const broken = documents.filter((d) => d.diagnostics.some((x) => x.severity === 'error'));
  if (broken.length) {
    const errors = broken.reduce((n, d) => n + d.diagnostics.filter((x) => x.severity === 'error').length, 0);
    return { ok: false, reason: 'errors', from: phase, files: broken.map((d) => DOCUMENT_FILES[d.kind]), errors };
  }
  return { ok: true, from: phase, to: nextPhase(phase)! };
}

/**
 * The `[start, end)` offsets of the `phase` value in a `project.yaml` text (without BOM), and its
 * text there (quotes included); `undefined` when there is no scalar `phase:` value.
 */
export function phaseValueRange(text: string): { start: number; end: number; source: string } | undefined {
  const doc = validateDocument('project', text).yaml?.doc;
  const node = doc ? nodeAtPath(doc, ['phase'])?.node : undefined;
  if (!isScalar(node) || !node.range || node.range[1] <= node.range[0]) return undefined;
  return { start: node.range[0], end: node.range[1], source: text.slice(node.range[0], node.range[1]) };
}
