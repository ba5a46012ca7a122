/**
 * The JSON Schemas (draft 2020-12) of the documents, from `schemas/`, and their validators,
 * compiled at build time with `ajv/dist/2020` and `ajv-formats` into `schemaValidators.js`
 * (`scripts/schemaValidators.cjs`). Bundlers inline the JSON, so the command line and the
 * extension need no file access for them.
 */
import type { ValidateFunction } from 'ajv';
import handover from '../../../schemas/handover.schema.json';
import intake from '../../../schemas/intake.schema.json';
import plan from '../../../schemas/plan.schema.json';
import project from '../../../schemas/project.schema.json';
import scope from '../../../schemas/scope.schema.json';
import stakeholders from '../../../schemas/stakeholders.schema.json';
import VALIDATORS from './schemaValidators';
import type { DocumentKind } from '../common';

/** A JSON Schema object as read from `schemas/` (only the parts the core looks at are typed). */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  description?: string;
  enum?: unknown[];
  examples?: unknown[];
  pattern?: string;
  format?: string;
  required?: string[];
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  $defs?: Record<string, JsonSchema>;
  [keyword: string]: unknown;
}

/** The schema of each document kind (for `intake` the schema of its front matter). */
export const SCHEMAS: Readonly<Record<DocumentKind, JsonSchema>> = {
  project: project as JsonSchema,
  intake: intake as JsonSchema,
  scope: scope as JsonSchema,
  plan: plan as JsonSchema,
  stakeholders: stakeholders as JsonSchema,
  handover: handover as JsonSchema,
};

/**
 * The validator of a document kind, compiled at build time with `allErrors`, `strict` and
 * `verbose` (formats `date`, `uri` and `email`, which accepts international addresses: `schemaFormats.js`). `verbose` gives each error its `parentSchema` and
 * `data`, which the error mapper uses for suggestions and messages.
 */
export function validatorFor(kind: DocumentKind): ValidateFunction {
  return VALIDATORS[kind];
}
