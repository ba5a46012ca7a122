/**
 * Validation of one document: YAML syntax, then its JSON Schema. Method rules (which need the
 * whole project) are added on top by the project model.
 */
import { isMap, isPair, isScalar, isSeq, type Document } from 'yaml';
import { DOCUMENT_FILES } from './documents';
import { TextCache } from './cache';
import { type Diagnostic, type DocumentKind, LineIndex, stripBom, t, translationGeneration } from '../common';
import { schemaDiagnostics } from './schemaDiagnostics';
import { SCHEMAS, validatorFor } from './schemas';
import { readYaml, readYamlPart, type YamlSource } from './yamlSource';

/** Result of validating one document. */
export interface DocumentResult {
  /** All findings, in document order. Ranges refer to the text without BOM. */
  diagnostics: Diagnostic[];
  /** The first YAML document's value (for `intake.md`: the front matter), when it could be read. */
  data?: unknown;
  /** For `intake.md`: the Markdown body after the front matter. */
  body?: string;
  /**
   * The parsed first YAML document and the line index of the text, for finding ranges of nodes
   * (method rules use it); absent when there is no YAML document (an empty file, no front matter).
   */
  yaml?: { doc: Document.Parsed; lines: LineIndex };
  /**
   * Numbers of `data` whose text says more than the number (an unquoted `version: 0.10` is the
   * number 0.1): the text as written, by JSON Pointer (`/version`, `/history/2/version`). Absent
   * when there are none.
   */
  numbersAsWritten?: Record<string, string>;
}

/**
 * Validates the text of a document of the given kind: YAML syntax and JSON Schema only. `text`
 * may have a BOM and any line endings. Never throws: every problem becomes a diagnostic.
 * Method rules need the whole project (and a rule configuration), so they run in
 * `validateProject` (workspace.ts), not here.
 */
export function validateDocument(kind: DocumentKind, text: string): DocumentResult {
  if (cacheGeneration !== translationGeneration()) {
    // Cached messages are in the previous language.
    cache.clear();
    cacheGeneration = translationGeneration();
  }
  const key = `${kind}\n${text}`;
  let result = cache.get(key);
  if (!result) {
    result = validateSafely(kind, text);
    cache.set(key, result);
  }
  // A caller may sort or extend its list; the cached list stays as it was. The rest is shared:
  // `data` and `yaml` are read-only for every consumer (rules, render, extension).
  return { ...result, diagnostics: [...result.diagnostics] };
}

/** `validateDocument` without the cache; a throw anywhere becomes a `document.internal-error` finding. */
function validateSafely(kind: DocumentKind, text: string): DocumentResult {
  try {
    return looksBinary(text) ? notText(kind) : kind === 'intake' ? validateIntake(stripBom(text)) : validateYaml(kind, readYaml(text));
  } catch (error) {
    return { diagnostics: [internalError(new LineIndex(stripBom(text)), 0, error)] };
  }
}

/**
 * Results of recently validated texts, by kind and text (docs/benchmarks.md: keep parsed documents per
 * version). On every edit the extension re-validates the whole project; only the edited text is
 * new. Bounded to 256 texts and 4 million characters; a result holds the parsed YAML, about 10 to
 * 15 bytes of heap per character of text, so the cache stays under about 60 MB.
 */
const cache = new TextCache<DocumentResult>(256, 4_000_000);
let cacheGeneration = translationGeneration();

/** Forgets every cached result, so that the next validation of any text starts from scratch. */
export function clearValidationCache(): void {
  cache.clear();
}

/** How much of the start of a text `looksBinary` looks at. */
const BINARY_PROBE = 8192;

/**
 * Whether a text is binary data read as text (an image or archive saved under a document's name):
 * a NUL character in its first 8 KB, or U+FFFD (what a UTF-8 decoder puts for bytes that are not
 * UTF-8) for at least one in ten of them. A single U+FFFD, e.g. one accented letter of a file
 * saved as Windows-1252, is left to the YAML checks.
 */
export function looksBinary(text: string): boolean {
  const probe = text.slice(0, BINARY_PROBE);
  if (probe.includes('\u0000')) return true;
  let replaced = 0;
  for (let i = probe.indexOf('\uFFFD'); i >= 0; i = probe.indexOf('\uFFFD', i + 1)) replaced++;
  return replaced >= 4 && replaced * 10 >= probe.length;
}

/** The one finding for binary data: its bytes would only flood the output with syntax errors. */
function notText(kind: DocumentKind): DocumentResult {
  const start = { line: 0, character: 0 };
  return {
    diagnostics: [
      {
        range: { start, end: start },
        severity: 'error',
        code: 'document.not-text',
        message: t('{0} is not a text file (it contains binary data); it must hold the document as UTF-8 text.', DOCUMENT_FILES[kind]),
      },
    ],
  };
}

function validateYaml(kind: DocumentKind, source: YamlSource, emptyRangeStart = 0): DocumentResult {
  const diagnostics = [...source.diagnostics];
  const [first, ...rest] = source.documents;
  for (const extra of rest) {
    const start = extra.doc.range[0];
    diagnostics.push({
      range: source.lines.visibleRange(start, start),
      severity: 'warning',
      code: 'yaml.multiple-documents',
      message: t('{0} holds one YAML document; this second document is ignored.', DOCUMENT_FILES[kind]),
    });
    // Ignored, but not unchecked: its mistakes are shown where they are.
    guarded(diagnostics, source, start, () => {
      if (!extra.broken && extra.value !== null && extra.value !== undefined) appendAll(diagnostics, schemaFindings(kind, extra.value, extra.doc, source));
    });
  }
  if (!first || (!first.broken && (first.value === null || first.value === undefined))) {
    const required = SCHEMAS[kind];
    const start = first?.doc.range[0] ?? emptyRangeStart;
    diagnostics.push({
      range: source.lines.visibleRange(start, start),
      severity: 'error',
      code: 'schema.empty',
      message: t('{0} is empty; it needs at least: {1}.', DOCUMENT_FILES[kind], (required.required ?? []).join(', ')),
    });
    return { diagnostics: sortDiagnostics(diagnostics), yaml: first ? { doc: first.doc, lines: source.lines } : undefined };
  }
  // A broken structure would give schema errors about what the parser guessed, not what was meant.
  let numbersAsWritten: Record<string, string> | undefined;
  const ok = guarded(diagnostics, source, first.doc.range[0], () => {
    if (!first.broken) appendAll(diagnostics, schemaFindings(kind, first.value, first.doc, source));
    numbersAsWritten = first.broken ? undefined : writtenNumbers(first.doc);
  });
  return {
    diagnostics: sortDiagnostics(diagnostics),
    data: first.broken || !ok ? undefined : first.value,
    yaml: { doc: first.doc, lines: source.lines },
    ...(numbersAsWritten ? { numbersAsWritten } : {}),
  };
}

function schemaFindings(kind: DocumentKind, value: unknown, doc: Document.Parsed, source: YamlSource): Diagnostic[] {
  const validate = validatorFor(kind);
  return validate(value) ? [] : schemaDiagnostics(validate.errors ?? [], doc, source.lines);
}

/** Appends one by one: a spread into `push` overflows the stack for tens of thousands of items. */
function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/**
 * Runs one step of the validation of a YAML document; when it throws (a bug, or input beyond
 * what a library copes with), the document gets a `document.internal-error` finding at `start`
 * instead, so that the report is never stale and the command line names the file. Returns
 * whether the step completed.
 */
function guarded(diagnostics: Diagnostic[], source: YamlSource, start: number, step: () => void): boolean {
  try {
    step();
    return true;
  } catch (error) {
    diagnostics.push(internalError(source.lines, start, error));
    return false;
  }
}

/** The finding for a check that failed inside: says that the document was not fully checked. */
export function internalError(lines: LineIndex, start: number, error: unknown): Diagnostic {
  const reason = error instanceof RangeError ? t('it is too large or too deeply nested') : t('an internal error occurred');
  return {
    range: lines.visibleRange(start, start),
    severity: 'error',
    code: 'document.internal-error',
    message: t('This document could not be checked completely ({0}); the findings shown may be incomplete.', reason),
  };
}

/** See `DocumentResult.numbersAsWritten`. Aliases are not followed. */
function writtenNumbers(doc: Document.Parsed): Record<string, string> | undefined {
  let found: Record<string, string> | undefined;
  // The path is kept as a stack of keys and made into a JSON Pointer only for a number found: most
  // nodes are not numbers, and a pointer per node would cost more than the walk.
  const path: Array<string | number> = [];
  const pointer = () => path.map((key) => `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
  const walk = (node: unknown): void => {
    if (path.length > 100) return;
    if (isScalar(node)) {
      const source = (node as { source?: unknown }).source;
      if (typeof node.value === 'number' && typeof source === 'string' && source !== String(node.value)) (found ??= {})[pointer()] = source;
    } else if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        path.push(String(pair.key.value));
        walk(pair.value);
        path.pop();
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        path.push(i);
        walk(item);
        path.pop();
      });
    }
  };
  walk(doc.contents);
  return found;
}

/** Front matter: `---` on the first line, up to the next line that is `---` (or `...`). */
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/**
 * Where the YAML front matter of an `intake.md` text (without BOM) sits: `[start, end)` of the YAML
 * between the two `---` lines, and `bodyStart` where the Markdown begins. `undefined` without one.
 */
export function frontMatterBounds(text: string): { start: number; end: number; bodyStart: number } | undefined {
  const match = text.startsWith('---') ? FRONT_MATTER.exec(text) : null;
  if (!match || match.index !== 0) return undefined;
  const start = match[0].indexOf('\n') + 1;
  return { start, end: start + match[1].length, bodyStart: match[0].length };
}

function validateIntake(text: string): DocumentResult {
  const lines = new LineIndex(text);
  const bounds = frontMatterBounds(text);
  if (!bounds) {
    return {
      diagnostics: [
        {
          range: lines.visibleRange(0, 0),
          severity: 'error',
          code: 'intake.no-front-matter',
          message: t('intake.md starts with YAML front matter between two "---" lines (client, contact, date, request).'),
        },
      ],
      body: text,
    };
  }
  const { start, end, bodyStart } = bounds;
  const result = validateYaml('intake', readYamlPart(text, lines, start, end), start);
  return { ...result, body: text.slice(bodyStart) };
}

/** Sorts by position, then severity, so every consumer shows the same order. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
