/**
 * Reading the schemas for authoring help: the sub-schema at a value path (following local `$ref`s
 * and `x-` pattern properties), its description in English or Dutch, and its allowed values and
 * examples. Dutch descriptions come from `schemas/i18n/nl.json`, keyed by kind and JSON pointer.
 */
import { join } from 'node:path';
import { SCHEMAS, type JsonSchema } from './schemas';
import type { DocumentKind, Language } from '../common';
import type { ValuePath } from './yamlSource';

/** A sub-schema with the JSON pointer it sits at in its file (`''` for the root). */
export interface SchemaNode {
  schema: JsonSchema;
  pointer: string;
}

type DutchTable = Record<DocumentKind, Record<string, string>>;

declare const MSP_DOCS_BUNDLE: boolean | undefined;

let dutchTable: DutchTable | undefined;

/**
 * `schemas/i18n/nl.json`, read on first use: only Dutch hovers and completions need it. The bundles
 * (`dist/*.js`, where `npm run build` defines `MSP_DOCS_BUNDLE`) read it from the `schemas/` folder
 * beside `dist/` (it ships in the .vsix) instead of carrying its 17 KB (docs/benchmarks.md); from
 * source it is required directly.
 */
function dutch(): DutchTable {
  /* eslint-disable @typescript-eslint/no-require-imports -- read on first use, see above */
  dutchTable ??=
    typeof MSP_DOCS_BUNDLE !== 'undefined' && MSP_DOCS_BUNDLE
      ? (require(join(__dirname, '..', 'schemas', 'i18n', 'nl.json')) as DutchTable)
      : (require('../../../schemas/i18n/nl.json') as DutchTable);
  /* eslint-enable @typescript-eslint/no-require-imports */
  return dutchTable;
}

/**
 * The schema of the value at `path` in a document of `kind`, `$ref` resolved (the referring
 * property's own keywords, such as its description, win over the definition's). `undefined` where
 * the schema says nothing (an unknown key, `x-` extensions, a path through a scalar).
 */
export function schemaAt(kind: DocumentKind, path: ValuePath): SchemaNode | undefined {
  const root = SCHEMAS[kind];
  let node: SchemaNode = { schema: resolve(root, root), pointer: '' };
  for (const segment of path) {
    const { schema, pointer } = node;
    if (typeof segment === 'number') {
      if (!schema.items) return undefined;
      node = { schema: resolve(root, schema.items), pointer: `${pointer}/items` };
    } else {
      const property = schema.properties?.[segment];
      if (!property) return undefined;
      node = { schema: resolve(root, property), pointer: `${pointer}/properties/${escape(segment)}` };
    }
  }
  return node;
}

/** The definition a `$ref` points at, merged under the referring schema's own keywords. */
function resolve(root: JsonSchema, schema: JsonSchema): JsonSchema {
  if (!schema.$ref?.startsWith('#/$defs/')) return schema;
  const target = root.$defs?.[schema.$ref.slice('#/$defs/'.length)];
  if (!target) return schema;
  const { $ref: _ref, ...own } = schema;
  return { ...target, ...own };
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The schema's description in `language` (Dutch from `schemas/i18n/nl.json`, else the schema's English). */
export function describe(kind: DocumentKind, node: SchemaNode, language: Language): string | undefined {
  if (language === 'nl') {
    const text = dutch()[kind]?.[node.pointer];
    if (text) return text;
  }
  return node.schema.description;
}

/** Every JSON pointer of a schema that has a `description` (for the Dutch completeness test). */
export function describedPointers(kind: DocumentKind): string[] {
  const out: string[] = [];
  const walk = (value: unknown, pointer: string): void => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return;
    const schema = value as JsonSchema;
    if (typeof schema.description === 'string') out.push(pointer);
    for (const [key, child] of Object.entries(schema)) {
      if (key === 'properties' || key === '$defs' || key === 'patternProperties') {
        for (const [name, sub] of Object.entries(child as Record<string, unknown>)) walk(sub, `${pointer}/${key}/${escape(name)}`);
      } else if (key === 'items') {
        walk(child, `${pointer}/items`);
      }
    }
  };
  walk(SCHEMAS[kind], '');
  return out;
}

/** The Dutch descriptions of a kind, by pointer (for tests). */
export function dutchDescriptions(kind: DocumentKind): Readonly<Record<string, string>> {
  return dutch()[kind] ?? {};
}

/** The first JSON type a schema allows (`string`, `array`, `object`...). */
export function typeOf(schema: JsonSchema): string | undefined {
  return Array.isArray(schema.type) ? schema.type[0] : schema.type;
}

/** The allowed values of an enum, as text. */
export function allowedValues(schema: JsonSchema): string[] {
  return (schema.enum ?? []).map(String);
}

/** The schema's first example, when it has one. */
export function firstExample(schema: JsonSchema): unknown {
  return schema.examples?.[0];
}
