/** src/core/document: public face of the group. */
export { DOCUMENT_FILES, DOCUMENT_KINDS, PHASES, PHASE_DOCUMENTS, documentKindOf } from './documents';
export { allowedValues, describe, firstExample, schemaAt, typeOf } from './schemaInfo';
export type { SchemaNode } from './schemaInfo';
export { newListItemAt, schemaPathAt } from './schemaPath';
export type { SchemaLocation } from './schemaPath';
export { frontMatterBounds, sortDiagnostics, validateDocument } from './validate';
export { isYamlSyntaxCode, nodeAtPath, valueNodeAtPath } from './yamlSource';
export type { ValuePath } from './yamlSource';
export { documentKindOfContent } from './recognise';
