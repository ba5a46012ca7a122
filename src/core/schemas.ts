/**
 * The JSON Schemas (draft 2020-12) of the documents, from `schemas/`, compiled once with
 * `ajv/dist/2020` and `ajv-formats`. Bundlers inline the JSON, so the command line and the
 * extension need no file access for them.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import handover from '../../schemas/handover.schema.json';
import intake from '../../schemas/intake.schema.json';
import plan from '../../schemas/plan.schema.json';
import project from '../../schemas/project.schema.json';
import scope from '../../schemas/scope.schema.json';
import stakeholders from '../../schemas/stakeholders.schema.json';
import type { DocumentKind } from './types';

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

let validators: Record<DocumentKind, ValidateFunction> | undefined;

/**
 * The compiled validator of a document kind. Compiles all schemas on first use (tens of
 * milliseconds), never again. `verbose` gives each error its `parentSchema` and `data`, which the
 * error mapper uses for suggestions and messages.
 */
export function validatorFor(kind: DocumentKind): ValidateFunction {
  if (!validators) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
    addFormats(ajv, ['date', 'email', 'uri']);
    const compiled = {} as Record<DocumentKind, ValidateFunction>;
    for (const [k, schema] of Object.entries(SCHEMAS)) compiled[k as DocumentKind] = ajv.compile(schema);
    validators = compiled;
  }
  return validators[kind];
}
