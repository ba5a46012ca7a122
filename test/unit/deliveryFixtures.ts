/** Projects for the tests of versions, status updates, the handover and the portfolio, built in memory. */
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { DOCUMENT_FILES, DOCUMENT_KINDS } from '../../src/core/document/documents';
import type { DocumentKind } from '../../src/core/common/types';
import type { ProjectReport } from '../../src/core/project/workspace';
import { projectFrom, type Docs } from './renderFixtures';

export const ROOT = path.join(__dirname, '..', '..');
export const SAMPLE_DIR = path.join(ROOT, 'samples', 'dekker-accountants');

/** A validated project from document values (the same builder as the renderer's tests). */
export const project = projectFrom;
export type { Docs };

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
