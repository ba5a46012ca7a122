/**
 * Reads YAML with source positions using the `yaml` package, and turns its problems into
 * diagnostics at their real place. Rules this module encodes (docs/FORMAT.md):
 * - YAML 1.2 core schema always, also under a `%YAML 1.1` directive (`2025-05`, `no` stay strings);
 * - merge keys (`<<`) on; duplicate keys reported on the duplicate key;
 * - a tab used as indentation reported on the tab itself;
 * - an undefined alias is one error on the alias; aliases are bounded (`MAX_ALIAS_COUNT`).
 */
import { parseAllDocuments, type Document, type Node, type YAMLError } from 'yaml';
import { type Diagnostic, LineIndex, stripBom, t } from '../common';
import { type PathTarget, type ValuePath, YamlIndex } from './yamlIndex';
import { buildValue } from './yamlValue';
import { placeSyntaxError } from './yamlErrors';

export type { PathTarget, ValuePath } from './yamlIndex';

/**
 * Bound on alias expansion passed to `yaml`'s `toJS`. The library multiplies the uses of one
 * anchor by the size of what it points at; 10,000 lets a file with hundreds of merge keys pass
 * while a "billion laughs" file stops within milliseconds.
 */
export const MAX_ALIAS_COUNT = 10_000;

/** One YAML document of a file, with its plain JavaScript value when it could be built. */
export interface YamlDocument {
  doc: Document.Parsed;
  /** The value as JSON-like data; `undefined` when the document has errors that make it unreliable. */
  value: unknown;
  /** True when syntax errors (or alias problems) make the structure untrustworthy for schema checks. */
  broken: boolean;
}

/** Result of reading a YAML text. */
export interface YamlSource {
  /** The text as validated (BOM removed). Offsets of `doc` nodes index into it. */
  text: string;
  lines: LineIndex;
  documents: YamlDocument[];
  /** Syntax and alias problems, already at their ranges. */
  diagnostics: Diagnostic[];
}

/** Parses a YAML text (any line endings, optional BOM) into its documents. Never throws. */
export function readYaml(input: string, offsetBase = 0): YamlSource {
  const text = stripBom(input);
  const lines = new LineIndex(text);
  return readYamlPart(text, lines, offsetBase, text.length);
}

/**
 * Parses the part `[start, end)` of `text` (used for front matter); ranges refer to the whole text.
 * The part is padded, not sliced, so that node offsets are offsets of the whole text.
 */
export function readYamlPart(text: string, lines: LineIndex, start: number, end: number): YamlSource {
  // Replace everything outside the part by spaces/newlines so offsets keep their meaning.
  const source = start === 0 && end === text.length ? text : blankOutside(text, start, end);
  const diagnostics: Diagnostic[] = [];
  const docs = parseAllDocuments(source, {
    version: '1.2',
    // An explicit schema wins over a `%YAML 1.1` directive: dates and `no` stay strings.
    schema: 'core',
    merge: true,
    uniqueKeys: true,
    prettyErrors: false,
    keepSourceTokens: false,
    // Warnings (a collection used as a key) would go to the process's stderr; the checks report them.
    logLevel: 'error',
  });
  const list = Array.isArray(docs) ? docs : [docs];
  const documents: YamlDocument[] = [];
  for (const doc of list) {
    let broken = false;
    const seen = new Set<string>();
    for (const error of doc.errors) {
      const diagnostic = syntaxDiagnostic(doc, source, lines, error);
      // Deep nesting repeats one error per level: say it once per place.
      const key = `${diagnostic.code}|${diagnostic.range.start.line}:${diagnostic.range.start.character}-${diagnostic.range.end.line}:${diagnostic.range.end.character}`;
      if (!seen.has(key)) diagnostics.push(diagnostic);
      seen.add(key);
      if (error.code !== 'DUPLICATE_KEY') broken = true;
    }
    let value: unknown;
    if (broken) {
      // No value to build; an alias without its anchor is still worth saying.
      undefinedAliases(doc, lines, diagnostics);
    } else {
      try {
        // `toJS` resolves each alias by searching the whole document: with aliases, build the
        // value through the document's index instead (same value, linear time). An alias is
        // written with a `*`: without one in the text there is none, and no index is built here.
        value = source.includes('*') && YamlIndex.of(doc).aliases.length ? buildValue(doc, MAX_ALIAS_COUNT) : doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch (e) {
        broken = true;
        if (!undefinedAliases(doc, lines, diagnostics)) diagnostics.push(unreadableDiagnostic(doc, lines, e));
      }
    }
    documents.push({ doc, value, broken });
  }
  return { text, lines, documents, diagnostics };
}

function blankOutside(text: string, start: number, end: number): string {
  // Whole runs at once: one replacement per line instead of one per character.
  const blank = (s: string) => s.replace(/[^\r\n]+/g, (run) => ' '.repeat(run.length));
  return blank(text.slice(0, start)) + text.slice(start, end) + blank(text.slice(end));
}

/** `yaml.*` codes that are this extension's own findings rather than the parser's syntax errors. */
const OWN_YAML_CODES: ReadonlySet<string> = new Set(['yaml.undefined-alias', 'yaml.alias-limit', 'yaml.invalid', 'yaml.multiple-documents']);

/**
 * True for the code of a YAML syntax error, one the parser reports (`yaml.duplicate-key`,
 * `yaml.tab-indent`, `yaml.<parser code>`) and any YAML language server reports too; false for
 * everything else, including this extension's own `yaml.*` findings (undefined alias, alias limit,
 * unreadable document, a second document) and the schema and rule codes.
 */
export function isYamlSyntaxCode(code: string): boolean {
  return code.startsWith('yaml.') && !OWN_YAML_CODES.has(code);
}

/** Codes of the `yaml` library mapped to our stable diagnostic codes. */
const SYNTAX_CODES: Record<string, string> = {
  DUPLICATE_KEY: 'yaml.duplicate-key',
  TAB_AS_INDENT: 'yaml.tab-indent',
};

function syntaxDiagnostic(doc: Document.Parsed, text: string, lines: LineIndex, error: YAMLError): Diagnostic {
  const { start, end, message } = placeSyntaxError(doc, text, error);
  return {
    range: lines.visibleRange(start, end),
    severity: 'error',
    code: SYNTAX_CODES[error.code] ?? `yaml.${error.code.toLowerCase().replace(/_/g, '-')}`,
    message,
  };
}

/**
 * Reports aliases whose anchor is not defined before them. Returns true when one was found.
 * The document's index knows each alias's anchor from its one pass in document order.
 */
function undefinedAliases(doc: Document.Parsed, lines: LineIndex, out: Diagnostic[]): boolean {
  // An alias without a name (`*` alone) is already a syntax error.
  const missing = YamlIndex.of(doc).undefinedAliases().filter((alias) => alias.source);
  for (const alias of missing) {
    const [start, end] = alias.range ?? [0, 0];
    out.push({
      range: lines.visibleRange(start, end),
      severity: 'error',
      code: 'yaml.undefined-alias',
      message: t('The alias *{0} refers to an anchor &{0} that is not defined before it.', alias.source),
    });
  }
  return missing.length > 0;
}

/** The finding for a document whose value cannot be built: too many aliases, or a merge key that merges no mapping. */
function unreadableDiagnostic(doc: Document.Parsed, lines: LineIndex, error: unknown): Diagnostic {
  const first = YamlIndex.of(doc).aliases[0];
  const [start, end] = first?.range ?? doc.range;
  const tooMany = error instanceof ReferenceError && /alias count/i.test(error.message);
  const badMerge = error instanceof Error && /merge/i.test(error.message);
  return {
    range: lines.visibleRange(start, end),
    severity: 'error',
    code: tooMany ? 'yaml.alias-limit' : 'yaml.invalid',
    message: tooMany
      ? t('Aliases in this document expand to more than {0} nodes; the document is not read. Write the values out or use fewer aliases.', MAX_ALIAS_COUNT)
      : badMerge
        ? t('A merge key (<<) must refer to a mapping or a list of mappings; this document is not read until it does.')
        : t('This document cannot be read as YAML; check the anchors (&) and aliases (*) in it.'),
  };
}

/**
 * Finds the node of a document at a path, following aliases and merge keys (`<<`), as the value
 * built from it sees it. Returns `undefined` when the path does not exist. Uses the document's
 * `YamlIndex` (built once), so a lookup costs the length of the path.
 */
export function nodeAtPath(doc: Document.Parsed, path: ValuePath): PathTarget | undefined {
  return YamlIndex.of(doc).nodeAtPath(path);
}

/**
 * The node whose text holds the value at `path`: `nodeAtPath`'s node, or, when that is an alias
 * (`amount: *total`), the anchored node it refers to. `undefined` when the path does not exist.
 */
export function valueNodeAtPath(doc: Document.Parsed, path: ValuePath): Node | null | undefined {
  const index = YamlIndex.of(doc);
  const target = index.nodeAtPath(path);
  return target && index.resolve(target.node);
}
