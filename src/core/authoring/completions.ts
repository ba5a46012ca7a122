/**
 * Completion from the schemas: property names not yet in the mapping (with their descriptions),
 * enum and boolean values after `key: `, list-item skeletons with the item's required keys as a
 * snippet, and references (a stage `owner` from the stakeholder register, a milestone `stage` from
 * the plan's stages). Pure: the extension turns the entries into `CompletionItem`s.
 *
 * Insert texts use VS Code's snippet syntax; their continuation lines are relative to the
 * indentation of the cursor's line (VS Code adds that indentation when it inserts a snippet).
 */
import { type DocumentKind, type Language, t } from '../common';
import { schemaMarkdown } from './hover';
import { allowedValues, firstExample, schemaAt, type SchemaLocation, type SchemaNode, schemaPathAt, typeOf, validateDocument, type ValuePath } from '../document';

/** One completion. */
export interface CompletionEntry {
  label: string;
  kind: 'property' | 'value' | 'item' | 'reference' | 'snippet';
  /** Text to insert: a snippet (VS Code syntax) when `snippet` is true. */
  insertText: string;
  snippet: boolean;
  /** Short text beside the label (e.g. "required", a stakeholder's name). */
  detail?: string;
  /** Markdown: description, allowed values, example. */
  documentation?: string;
  /** `[start, end)` offsets the completion replaces. */
  range: { start: number; end: number };
  /** Orders the list: snippets first, then required properties, then in schema order. */
  sortText: string;
}

/** What completion needs besides the text. */
export interface CompletionOptions {
  /** Language of descriptions. */
  language: Language;
  /** The project's stakeholders (from stakeholders.yaml), for stage owners. */
  stakeholders?: ReadonlyArray<{ id: string; name?: string }>;
}

/** The completions at `offset` in a document of `kind` (for `intake`, inside the front matter). Never throws. */
export function completionsAt(kind: DocumentKind, text: string, offset: number, options: CompletionOptions): CompletionEntry[] {
  const location = schemaPathAt(text, offset, { frontMatter: kind === 'intake' });
  if (!location) return [];
  if (location.on === 'key') {
    const node = schemaAt(kind, location.path);
    if (!node) return [];
    if (typeOf(node.schema) === 'object') {
      const entries = propertyEntries(kind, node, location, options.language);
      if (location.itemStart && !location.siblings.length && location.key === undefined) entries.unshift(skeletonEntry(kind, location.path, location, false, options.language));
      return entries;
    }
    // `- |` in a list of values: the item is a value, not a mapping.
    return location.itemStart ? valueEntries(kind, text, location.path, location, options) : [];
  }
  if (location.newItem) {
    const item = schemaAt(kind, location.path);
    if (!item) return [];
    if (typeOf(item.schema) === 'object') return [skeletonEntry(kind, location.path, location, true, options.language)];
    return valueEntries(kind, text, location.path, location, options).map((e) => ({ ...e, insertText: `- ${e.insertText}`, label: `- ${e.label}` }));
  }
  return valueEntries(kind, text, location.path, location, options);
}

function propertyEntries(kind: DocumentKind, node: SchemaNode, location: SchemaLocation, language: Language): CompletionEntry[] {
  const required = new Set(node.schema.required ?? []);
  const names = Object.keys(node.schema.properties ?? {}).filter((name) => !location.siblings.includes(name));
  return names.map((name, index) => {
    const child = schemaAt(kind, [...location.path, name])!;
    // On an existing key only the name changes; its value stays.
    const insertText = location.key !== undefined ? name : `${name}:${valueSnippet(child, 1, location.extraIndent)}`;
    return {
      label: name,
      kind: 'property',
      insertText,
      snippet: location.key === undefined,
      detail: required.has(name) ? t('required') : typeLabel(child),
      documentation: schemaMarkdown(kind, child, language),
      range: location.word,
      sortText: `${required.has(name) ? 0 : 1}${String(index).padStart(3, '0')}`,
    };
  });
}

/** What follows `key:` in a property snippet: ` value`, or nested lines for lists and mappings. */
function valueSnippet(node: SchemaNode, tabstop: number, extraIndent: number): string {
  const schema = node.schema;
  const allowed = allowedValues(schema);
  const pad = ' '.repeat(extraIndent + 2);
  if (allowed.length) return ` \${${tabstop}|${allowed.map(escapeChoice).join(',')}|}`;
  switch (typeOf(schema)) {
    case 'boolean':
      return ` \${${tabstop}|true,false|}`;
    case 'array':
      return `\n${pad}- \$${tabstop}`;
    case 'object':
      return `\n${pad}\$${tabstop}`;
    default: {
      const example = firstExample(schema);
      return (schema.pattern || schema.format) && typeof example === 'string' ? ` \${${tabstop}:${escapeSnippet(example)}}` : ` \$${tabstop}`;
    }
  }
}

/**
 * A new list item with its required keys, one tab stop each: `- id: …` on a line of its own
 * (`withDash`), or the keys after a `- ` already typed.
 */
function skeletonEntry(kind: DocumentKind, itemPath: ValuePath, location: SchemaLocation, withDash: boolean, language: Language): CompletionEntry {
  const item = schemaAt(kind, itemPath)!;
  const keys = item.schema.required ?? [];
  const extra = withDash ? 2 : location.extraIndent;
  const lines = keys.map((key, i) => {
    const child = schemaAt(kind, [...itemPath, key])!;
    const example = firstExample(child.schema);
    const value =
      allowedValues(child.schema).length || typeOf(child.schema) !== 'string'
        ? valueSnippet(child, i + 1, extra)
        : ` \${${i + 1}${typeof example === 'string' && (key === 'id' || child.schema.pattern || child.schema.format) ? `:${escapeSnippet(example)}` : ''}}`;
    return `${i === 0 ? '' : ' '.repeat(extra)}${key}:${value}`;
  });
  const title = typeof item.schema.title === 'string' ? item.schema.title : t('item');
  return {
    label: withDash ? `- ${t('new {0}', title.toLowerCase())}` : t('new {0}', title.toLowerCase()),
    kind: 'item',
    insertText: (withDash ? '- ' : '') + lines.join('\n'),
    snippet: true,
    detail: keys.join(', '),
    documentation: schemaMarkdown(kind, item, language),
    range: location.word,
    sortText: '0000',
  };
}

function valueEntries(kind: DocumentKind, text: string, path: ValuePath, location: SchemaLocation, options: CompletionOptions): CompletionEntry[] {
  const node = schemaAt(kind, path);
  if (!node) return [];
  const entry = (label: string, entryKind: CompletionEntry['kind'], index: number, detail?: string): CompletionEntry => ({
    label,
    kind: entryKind,
    insertText: location.needsSpace ? ` ${label}` : label,
    snippet: false,
    detail,
    documentation: schemaMarkdown(kind, node, options.language),
    range: location.word,
    sortText: String(index).padStart(4, '0'),
  });
  const allowed = allowedValues(node.schema);
  if (allowed.length) return allowed.map((v, i) => entry(v, 'value', i));
  if (typeOf(node.schema) === 'boolean') return ['true', 'false'].map((v, i) => entry(v, 'value', i));
  const last = path[path.length - 1];
  if (kind === 'plan' && path[0] === 'stages' && last === 'owner') {
    return (options.stakeholders ?? []).map((s, i) => entry(s.id, 'reference', i, s.name));
  }
  if (kind === 'plan' && path[0] === 'milestones' && last === 'stage') {
    return stagesOf(text).map((s, i) => entry(s.id, 'reference', i, s.name));
  }
  return [];
}

/** The plan's stages as far as they can be read while the user types (`start` as written, `YYYY-MM`). */
export function stagesOf(text: string): Array<{ id: string; name?: string; start?: string }> {
  let data: unknown;
  try {
    data = validateDocument('plan', text).yaml?.doc.toJS({ maxAliasCount: 1000 });
  } catch {
    return [];
  }
  const stages = (data as { stages?: unknown } | null)?.stages;
  if (!Array.isArray(stages)) return [];
  return stages.flatMap((s) =>
    s && typeof s.id === 'string' ? [{ id: s.id, name: typeof s.name === 'string' ? s.name : undefined, start: typeof s.start === 'string' ? s.start : undefined }] : [],
  );
}

function typeLabel(node: SchemaNode): string | undefined {
  const allowed = allowedValues(node.schema);
  if (allowed.length) return allowed.join(' | ');
  switch (typeOf(node.schema)) {
    case 'array':
      return t('list');
    case 'object':
      return t('mapping');
    case 'boolean':
      return t('true or false');
    case 'number':
      return t('number');
    default:
      return t('text');
  }
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** Escapes a value for a snippet choice `${1|a,b|}`. */
export function escapeChoice(text: string): string {
  return text.replace(/[\\$}|,]/g, '\\$&');
}
