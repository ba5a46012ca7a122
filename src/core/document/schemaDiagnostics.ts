/**
 * Maps ajv errors to the YAML nodes they are about, with one readable message per real problem:
 * - type, enum, format, pattern: on the value (on the key when the key has no value);
 * - unknown property: on the key, naming it and suggesting the closest known property;
 * - missing required property: on the parent's key (for a list item: its first key).
 * Codes are `schema.<keyword>` (e.g. `schema.required`, `schema.enum`).
 */
import type { ErrorObject } from 'ajv';
import { closest, distance } from 'fastest-levenshtein';
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import { type Diagnostic, type LineIndex, MONTH_PATTERN, type Range, t } from '../common';
import type { JsonSchema } from './schemas';
import { nodeAtPath, type ValuePath } from './yamlSource';

/** Friendly descriptions of the patterns the schemas use, keyed by the pattern's text. */
const PATTERN_MESSAGES: Record<string, () => string> = {
  [MONTH_PATTERN.source]: () => t('a month as YYYY-MM, e.g. 2026-03'),
  '^\\d+\\.\\d+$': () => t('a version as MAJOR.MINOR, e.g. "0.3"'),
  '^[a-z0-9][a-z0-9-]*$': () => t('lower-case letters, digits and hyphens, starting with a letter or digit'),
  '^[A-Z]{3}$': () => t('a three-letter currency code, e.g. EUR'),
};

const FORMAT_MESSAGES: Record<string, () => string> = {
  date: () => t('a real date as YYYY-MM-DD, e.g. 2026-03-15'),
  email: () => t('an e-mail address'),
  uri: () => t('a URL'),
};

/**
 * Turns ajv's errors for one YAML document into diagnostics. `errors` come from a validator
 * compiled with `allErrors` and `verbose`; duplicates and branch cascades are dropped.
 */
export function schemaDiagnostics(errors: readonly ErrorObject[], doc: Document.Parsed, lines: LineIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // Composite keywords only summarise their branches' errors, which are reported themselves.
    if (['anyOf', 'oneOf', 'allOf', 'if', 'not', 'contains'].includes(error.keyword)) continue;
    const diagnostic = mapError(error, doc, lines);
    if (!diagnostic) continue;
    const key = `${diagnostic.code}|${rangeKey(diagnostic.range)}|${diagnostic.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(diagnostic);
  }
  return out;
}

function rangeKey(r: Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

function toPath(instancePath: string): ValuePath {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function mapError(error: ErrorObject, doc: Document.Parsed, lines: LineIndex): Diagnostic | undefined {
  const path = toPath(error.instancePath);
  const target = nodeAtPath(doc, path);
  const name = String(path[path.length - 1] ?? '');
  const parentSchema = (error.parentSchema ?? {}) as JsonSchema;
  const code = `schema.${error.keyword}`;
  // `data.path` (the value path of the object or value the error is about) lets a quick fix find the
  // node again in the current text, even when the published range is a keystroke behind.
  const diag = (range: Range, message: string, data?: Record<string, unknown>): Diagnostic => ({ range, severity: 'error', code, message, data: { path, ...data } });

  switch (error.keyword) {
    case 'required': {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      return diag(parentKeyRange(doc, path, lines), t('Missing required property "{0}".', missing), {
        property: missing,
      });
    }
    case 'additionalProperties': {
      const unknown = String((error.params as { additionalProperty: string }).additionalProperty);
      const pair = nodeAtPath(doc, [...path, unknown])?.pair;
      const known = Object.keys(parentSchema.properties ?? {});
      const suggestion = suggest(unknown, known);
      const message = suggestion
        ? t('Unknown property "{0}". Did you mean "{1}"?', unknown, suggestion)
        : t('Unknown property "{0}". Known properties here: {1}.', unknown, known.join(', '));
      return diag(nodeRange(pair?.key as Node | undefined, lines) ?? parentKeyRange(doc, path, lines), message, { property: unknown, suggestion });
    }
    case 'type': {
      const expected = String((error.params as { type: string | string[] }).type);
      const range = valueRange(target, doc, path, lines);
      if (error.data === null || error.data === undefined) {
        return diag(range, t('"{0}" has no value; expected {1}.', name, typeName(expected)));
      }
      if (expected === 'string' && isScalar(target?.node) && typeof error.data !== 'object') {
        const source = (target.node as { source?: string }).source ?? String(error.data);
        return diag(range, t('Expected text but found {0}; put it in quotes: "{1}".', typeName(typeof error.data), source), { quote: source });
      }
      if (typeof error.data === 'number' && !Number.isFinite(error.data)) {
        // `.inf`, `.nan` or `1e400`: a YAML number, but not one a plan can count with.
        const source = (target?.node as { source?: string } | null | undefined)?.source ?? String(error.data);
        return diag(range, t('"{0}" is not a usable number here; write a plain number, e.g. 420.', source));
      }
      return diag(range, t('Expected {0} but found {1}.', typeName(expected), typeName(Array.isArray(error.data) ? 'array' : error.data === null ? 'null' : typeof error.data)));
    }
    case 'enum': {
      const allowed = ((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      const value = String(error.data);
      const ordered = [...allowed].sort((a, b) => distance(value, a) - distance(value, b));
      return diag(valueRange(target, doc, path, lines), t('"{0}" is not allowed here; use one of: {1}.', value, allowed.join(', ')), { allowed: ordered });
    }
    case 'pattern': {
      const pattern = String((error.params as { pattern: string }).pattern);
      const expected = PATTERN_MESSAGES[pattern]?.() ?? t('text matching {0}', pattern);
      return diag(valueRange(target, doc, path, lines), t('"{0}" is not valid here; expected {1}.', String(error.data), expected));
    }
    case 'format': {
      const format = String((error.params as { format: string }).format);
      const expected = FORMAT_MESSAGES[format]?.() ?? format;
      return diag(valueRange(target, doc, path, lines), t('"{0}" is not valid here; expected {1}.', String(error.data), expected));
    }
    default:
      // A keyword without its own sentence: say where, without the validator's wording.
      return diag(valueRange(target, doc, path, lines), name ? t('The value of "{0}" is not valid here; see the hover for what is expected.', name) : t('This value is not valid here; see the hover for what is expected.'));
  }
}

/** Readable name of a JSON type, for messages. */
function typeName(type: string): string {
  switch (type) {
    case 'string':
      return t('text');
    case 'number':
    case 'integer':
      return t('a number');
    case 'boolean':
      return t('true or false');
    case 'array':
      return t('a list');
    case 'object':
      return t('a mapping of keys and values');
    case 'null':
      return t('nothing');
    default:
      return t('another kind of value');
  }
}

/** The closest known name, when it is close enough to be a plausible typo. */
function suggest(unknown: string, known: string[]): string | undefined {
  if (!known.length) return undefined;
  const best = closest(unknown, known);
  const limit = Math.max(2, Math.ceil(Math.max(unknown.length, best.length) / 3));
  return distance(unknown, best) <= limit || best.startsWith(unknown) || unknown.startsWith(best) ? best : undefined;
}

function nodeRange(node: Node | null | undefined, lines: LineIndex): Range | undefined {
  const range = node?.range;
  if (!range) return undefined;
  if (range[1] <= range[0]) return undefined;
  return lines.visibleRange(range[0], range[1]);
}

/** The value's range; for a key without value, the key's; else the parent's key. */
function valueRange(target: ReturnType<typeof nodeAtPath>, doc: Document.Parsed, path: ValuePath, lines: LineIndex): Range {
  const node = target?.node;
  const hasValue = node && !(isScalar(node) && node.value === null && (node.range?.[1] ?? 0) <= (node.range?.[0] ?? 0));
  return (
    (hasValue ? nodeRange(node, lines) : undefined) ??
    nodeRange(target?.pair?.key as Node | undefined, lines) ??
    parentKeyRange(doc, path.slice(0, -1), lines)
  );
}

/**
 * Where to report something about the object at `path`: the key holding it; for a list item,
 * the item's first key (or the item); for the document itself, its first key.
 */
function parentKeyRange(doc: Document.Parsed, path: ValuePath, lines: LineIndex): Range {
  const target = nodeAtPath(doc, path);
  const keyRange = nodeRange(target?.pair?.key as Node | undefined, lines);
  if (keyRange) return keyRange;
  const node = target?.node;
  if (isMap(node)) {
    const first = node.items.find(isPair) as Pair | undefined;
    const r = nodeRange(first?.key as Node | undefined, lines);
    if (r) return r;
  }
  if (isSeq(node) || isMap(node) || isScalar(node)) {
    const r = node.range;
    if (r) return lines.visibleRange(r[0], r[0]);
  }
  const start = doc.range[0];
  return lines.visibleRange(start, start);
}
