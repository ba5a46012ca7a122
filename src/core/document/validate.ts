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
    result = looksBinary(text) ? notText(kind) : kind === 'intake' ? validateIntake(stripBom(text)) : validateYaml(kind, readYaml(text));
    cache.set(key, result);
  }
  // A caller may sort or extend its list; the cached list stays as it was. The rest is shared:
  // `data` and `yaml` are read-only for every consumer (rules, render, extension).
  return { ...result, diagnostics: [...result.diagnostics] };
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
  if (!first.broken) {
    const validate = validatorFor(kind);
    if (!validate(first.value)) diagnostics.push(...schemaDiagnostics(validate.errors ?? [], first.doc, source.lines));
  }
  const numbersAsWritten = first.broken ? undefined : writtenNumbers(first.doc);
  return {
    diagnostics: sortDiagnostics(diagnostics),
    data: first.broken ? undefined : first.value,
    yaml: { doc: first.doc, lines: source.lines },
    ...(numbersAsWritten ? { numbersAsWritten } : {}),
  };
}

/** See `DocumentResult.numbersAsWritten`. Aliases are not followed. */
function writtenNumbers(doc: Document.Parsed): Record<string, string> | undefined {
  let found: Record<string, string> | undefined;
  const walk = (node: unknown, pointer: string, depth: number): void => {
    if (depth > 100) return;
    if (isScalar(node)) {
      const source = (node as { source?: unknown }).source;
      if (typeof node.value === 'number' && typeof source === 'string' && source !== String(node.value)) (found ??= {})[pointer] = source;
    } else if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        walk(pair.value, `${pointer}/${String(pair.key.value).replace(/~/g, '~0').replace(/\//g, '~1')}`, depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, `${pointer}/${i}`, depth + 1));
    }
  };
  walk(doc.contents, '', 0);
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
