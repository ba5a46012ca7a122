// Types of the generated `schemaValidators.js` (scripts/schemaValidators.cjs): one validator per
// document kind, compiled from schemas/ at build time.
import type { ValidateFunction } from 'ajv';
import type { DocumentKind } from '../common';

declare const validators: Readonly<Record<DocumentKind, ValidateFunction>>;
export = validators;
