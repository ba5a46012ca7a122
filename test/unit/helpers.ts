import { validateDocument } from '../../src/core/document/validate';
import type { Diagnostic, DocumentKind } from '../../src/core/common/types';

/** `line:col-line:col`, 1-based, as the command line prints ranges. */
export function at(d: Diagnostic): string {
  const { start, end } = d.range;
  return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
}

/** The diagnostics of a document as `[code, range]` pairs, for exact comparisons. */
export function findings(kind: DocumentKind, text: string): Array<[string, string]> {
  return validateDocument(kind, text).diagnostics.map((d) => [d.code, at(d)]);
}

/** A valid project.yaml to vary in tests. */
export const PROJECT = ['id: acme-m365', 'title: Move to Microsoft 365', 'client: Acme', 'project_manager: Sam', 'phase: scope', ''].join('\n');
