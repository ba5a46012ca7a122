/**
 * Diagnostics that come from outside the document checks, merged into a project's report: today
 * the preview's one-page check (`plan.overflows-a4`), which only a laid-out page can make. Merging
 * them into the report, rather than publishing them beside it, keeps the tree's states and counts,
 * the Problems panel and the report's totals in agreement.
 */
import type { RuleConfig } from '../rules';
import type { Diagnostic, DocumentKind, DocumentState } from '../common';
import { PHASE_DOCUMENTS, sortDiagnostics } from '../document';
import { worstState, type ProjectReport } from './workspace';

/** Extra diagnostics for some of a project's documents. */
export type ExtraDiagnostics = Partial<Record<DocumentKind, readonly Diagnostic[]>>;

/**
 * A copy of `report` with `extras` added to its documents, each extra's severity replaced by the
 * configured one for its code (`off` drops it), and the documents' states, the phases' states and
 * the error and warning counts derived again. Extras for a document that does not exist are
 * dropped (there is no file to show them on). The input report is not changed.
 */
export function withExtraDiagnostics(report: ProjectReport, extras: readonly ExtraDiagnostics[], rules: RuleConfig = {}): ProjectReport {
  const documents = { ...report.documents };
  let changed = false;
  for (const kind of Object.keys(documents) as DocumentKind[]) {
    const doc = documents[kind];
    if (!doc.exists) continue;
    const added: Diagnostic[] = [];
    for (const extra of extras) {
      for (const d of extra[kind] ?? []) {
        const severity = rules[d.code] ?? d.severity;
        if (severity !== 'off') added.push({ ...d, severity });
      }
    }
    if (!added.length) continue;
    changed = true;
    const diagnostics = sortDiagnostics([...doc.diagnostics, ...added]);
    documents[kind] = { ...doc, diagnostics, state: stateOf(diagnostics) };
  }
  if (!changed) return report;
  const all = Object.values(documents).flatMap((d) => (d.exists ? d.diagnostics : []));
  const phases = { ...report.phases };
  for (const phase of Object.keys(phases) as Array<keyof typeof phases>) {
    phases[phase] = worstState(PHASE_DOCUMENTS[phase].map((k) => documents[k].state));
  }
  return {
    ...report,
    documents,
    phases,
    errors: all.filter((d) => d.severity === 'error').length,
    warnings: all.filter((d) => d.severity === 'warning').length,
  };
}

function stateOf(diagnostics: readonly Diagnostic[]): DocumentState {
  if (diagnostics.some((d) => d.severity === 'error')) return 'errors';
  return diagnostics.some((d) => d.severity === 'warning') ? 'warnings' : 'ok';
}
