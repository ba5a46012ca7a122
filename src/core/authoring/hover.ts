/**
 * Hover text from the schemas: the description in the UI language, the allowed values and an
 * example, as Markdown. Also used as the documentation of completion items.
 */
import { type DocumentKind, type Language, t } from '../common';
import { allowedValues, describe, firstExample, schemaAt, type SchemaNode, schemaPathAt, typeOf } from '../document';

/** A hover: Markdown and the `[start, end)` offsets of the word it is about. */
export interface HoverInfo {
  markdown: string;
  range: { start: number; end: number };
}

/**
 * The hover at `offset` in a document of `kind`: on a key, about that key's property; on a value,
 * about the property it is the value of. `undefined` where the schema says nothing.
 */
export function hoverAt(kind: DocumentKind, text: string, offset: number, language: Language): HoverInfo | undefined {
  const location = schemaPathAt(text, offset, { frontMatter: kind === 'intake' });
  if (!location || location.word.end <= location.word.start) return undefined;
  const path = location.on === 'key' ? (location.key !== undefined ? [...location.path, location.key] : undefined) : location.path;
  if (!path) return undefined;
  const node = schemaAt(kind, path);
  if (!node) return undefined;
  const last = path[path.length - 1];
  const title = typeof last === 'string' ? `**${last}**` : undefined;
  return { markdown: [title, schemaMarkdown(kind, node, language)].filter(Boolean).join('\n\n'), range: location.word };
}

/** Description, allowed values and an example of a schema node, as Markdown paragraphs. */
export function schemaMarkdown(kind: DocumentKind, node: SchemaNode, language: Language): string {
  const parts: string[] = [];
  const description = describe(kind, node, language);
  if (description) parts.push(escapeMarkdown(description));
  const allowed = allowedValues(node.schema);
  if (allowed.length) parts.push(t('Allowed values: {0}', allowed.map(code).join(', ')));
  else if (typeOf(node.schema) === 'boolean') parts.push(t('Allowed values: {0}', [true, false].map(code).join(', ')));
  const example = firstExample(node.schema);
  if (example !== undefined && typeof example !== 'object') parts.push(t('Example: {0}', code(example)));
  else if (Array.isArray(example) && example.every((e) => typeof e !== 'object')) parts.push(t('Example: {0}', example.map(code).join(', ')));
  return parts.join('\n\n');
}

function code(value: unknown): string {
  const text = typeof value === 'string' && /^\d+\.\d+$/.test(value) ? `"${value}"` : String(value);
  return '`' + text.replace(/`/g, "'") + '`';
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\*_[\]<>])/g, '\\$1');
}
