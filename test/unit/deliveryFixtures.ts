/** Projects for the tests of versions, status updates, the handover and the portfolio, built in memory. */
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { DOCUMENT_FILES, DOCUMENT_KINDS } from '../../src/core/documents';
import type { DocumentKind } from '../../src/core/types';
import { validateProject, type ProjectReport, type ProjectTexts } from '../../src/core/workspace';

export const ROOT = path.join(__dirname, '..', '..');
export const SAMPLE_DIR = path.join(ROOT, 'samples', 'dekker-accountants');

/** Document values (objects are written as YAML; strings are the file's text). A kind left out is missing. */
export type Docs = Partial<Record<DocumentKind, unknown>>;

/** A validated project from document values. */
export function project(docs: Docs, dir = '/virtual/project'): ProjectReport {
  const texts: ProjectTexts = {};
  for (const [kind, value] of Object.entries(docs) as Array<[DocumentKind, unknown]>) {
    if (value === undefined) continue;
    let text = typeof value === 'string' ? value : stringify(value);
    if (kind === 'intake' && typeof value !== 'string') text = `---\n${text}---\n\n# Intake\n`;
    texts[kind] = { path: path.join(dir, DOCUMENT_FILES[kind]), text };
  }
  return validateProject(dir, texts, (kind) => path.join(dir, DOCUMENT_FILES[kind]));
}

/** The text of one of the sample's documents. */
export function sampleText(kind: DocumentKind): string {
  return readFileSync(path.join(SAMPLE_DIR, DOCUMENT_FILES[kind]), 'utf8');
}

/** The sample's documents as plain values; intake.md as its text (front matter and body). */
export function sampleDocs(): Record<DocumentKind, unknown> {
  const docs = {} as Record<DocumentKind, unknown>;
  for (const kind of DOCUMENT_KINDS) docs[kind] = kind === 'intake' ? sampleText(kind) : parse(sampleText(kind));
  return docs;
}

/** The sample project, optionally with some documents replaced (a value) or removed (`undefined`). */
export function sample(changes: Docs = {}): ProjectReport {
  return project({ ...sampleDocs(), ...changes });
}
