/**
 * Placeholder values from the schemas, for quick fixes that add a missing property: the first
 * allowed value of an enum; for free text an empty string; else the schema's first example when it
 * has one (valid by definition, it shows the expected shape), else an empty value of the right
 * type; objects get their required properties, lists of objects one item.
 */
import { stringify } from 'yaml';
import { allowedValues, firstExample, schemaAt, typeOf, type ValuePath } from '../document';
import type { DocumentKind } from '../common';

/** A placeholder for the value at `path` of a document of `kind` (see the module comment). */
export function placeholderValue(kind: DocumentKind, path: ValuePath, depth = 0): unknown {
  const schema = schemaAt(kind, path)?.schema;
  if (!schema || depth > 6) return '';
  const allowed = allowedValues(schema);
  const example = firstExample(schema);
  if (allowed.length) return allowed.includes(String(example)) ? example : allowed[0];
  // Prose stays empty: an example sentence (or a made-up phone number) could pass unnoticed into
  // a document the client reads, while `""` visibly asks to be filled in. Ids, and text with a
  // pattern or format (months, days, versions), get the example, which shows the shape.
  const prose = typeOf(schema) === 'string' && !schema.pattern && !schema.format && path[path.length - 1] !== 'id';
  if (prose) return '';
  if (example !== undefined) return structuredClone(example);
  switch (typeOf(schema)) {
    case 'number':
    case 'integer':
      return 0;
    case 'boolean':
      return false;
    case 'array': {
      const items = schemaAt(kind, [...path, 0])?.schema;
      return items && typeOf(items) === 'object' ? [placeholderValue(kind, [...path, 0], depth + 1)] : [];
    }
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const key of schema.required ?? []) value[key] = placeholderValue(kind, [...path, key], depth + 1);
      return value;
    }
    default:
      return '';
  }
}

/**
 * The YAML lines of `key: placeholder` (nested lines indented by two spaces per level, relative
 * to the key), without line endings; `path` is the value path of the property.
 */
export function placeholderBlock(key: string, kind: DocumentKind, path: ValuePath): string[] {
  return yamlLines({ [key]: placeholderValue(kind, path) });
}

/** A value as block YAML lines (1.2 core schema, no folding), without line endings. */
export function yamlLines(value: unknown): string[] {
  const text = stringify(value, { lineWidth: 0, version: '1.2' });
  return text.replace(/\n$/, '').split('\n');
}
