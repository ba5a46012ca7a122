/**
 * The snippets of `snippets/` as completions, offered by the extension's own completion provider
 * rather than contributed to every file of a language: each snippet only in the document it belongs
 * to and only where it fits (a list item where that list takes one, the `evaluation` key where a
 * root key can start, the intake questions on a line of their own in the body of `intake.md`).
 * The references in a snippet become choices from the project (a stage's `owner` from the
 * stakeholder register, a milestone's `stage` from the plan), so that its defaults validate.
 */
import yamlEn from '../../../snippets/yaml.en.json';
import yamlNl from '../../../snippets/yaml.nl.json';
import { bomLength, type DocumentKind, isMonth, stripBom } from '../common';
import { frontMatterBounds, newListItemAt, schemaPathAt } from '../document';
import { type CompletionEntry, type CompletionOptions, escapeChoice, stagesOf } from './completions';
import { bodyText, expandSnippet, INTAKE_SNIPPETS, type SnippetDefinition } from './snippets';

/** Where a YAML snippet goes: an item of the root list `list`, or the root key `key`, of a document of `kind`. */
export interface SnippetPlace {
  kind: DocumentKind;
  list?: string;
  key?: string;
}

/** The place of every YAML snippet, by prefix (English and Dutch). */
export const SNIPPET_PLACES: Readonly<Record<string, SnippetPlace>> = {
  'msp-scope-in': { kind: 'scope', list: 'in_scope' },
  'msp-scope-wel': { kind: 'scope', list: 'in_scope' },
  'msp-scope-out': { kind: 'scope', list: 'out_of_scope' },
  'msp-scope-niet': { kind: 'scope', list: 'out_of_scope' },
  'msp-scope-later': { kind: 'scope', list: 'later' },
  'msp-scope-misschien-later': { kind: 'scope', list: 'later' },
  'msp-stakeholder': { kind: 'stakeholders', list: 'stakeholders' },
  'msp-stakeholder-nl': { kind: 'stakeholders', list: 'stakeholders' },
  'msp-stage': { kind: 'plan', list: 'stages' },
  'msp-fase': { kind: 'plan', list: 'stages' },
  'msp-milestone': { kind: 'plan', list: 'milestones' },
  'msp-mijlpaal': { kind: 'plan', list: 'milestones' },
  'msp-revision': { kind: 'plan', list: 'history' },
  'msp-herziening': { kind: 'plan', list: 'history' },
  'msp-lesson': { kind: 'handover', list: 'lessons_learned' },
  'msp-les': { kind: 'handover', list: 'lessons_learned' },
  'msp-evaluation': { kind: 'handover', key: 'evaluation' },
  'msp-evaluatie': { kind: 'handover', key: 'evaluation' },
};

/** Every snippet, English then Dutch: the YAML ones and the intake questions. */
export const ALL_SNIPPETS: ReadonlyArray<{ file: string; snippets: Readonly<Record<string, SnippetDefinition>> }> = [
  { file: 'snippets/yaml.en.json', snippets: yamlEn },
  { file: 'snippets/yaml.nl.json', snippets: yamlNl },
  { file: 'snippets/intake.en.json', snippets: INTAKE_SNIPPETS.en },
  { file: 'snippets/intake.nl.json', snippets: INTAKE_SNIPPETS.nl },
];

/** A snippet's first prefix, the one the user types. */
export function prefixOf(snippet: SnippetDefinition): string {
  return Array.isArray(snippet.prefix) ? snippet.prefix[0] : snippet.prefix;
}

/**
 * The snippets that fit at `offset` in a document of `kind`, as completions that replace the word
 * typed so far. Their `sortText` sorts before every other completion, so a snippet prefix typed in
 * full is the first suggestion (VS Code ranks by match first, then by `sortText`). Never throws.
 */
export function snippetsAt(kind: DocumentKind, text: string, offset: number, options: CompletionOptions): CompletionEntry[] {
  try {
    const word = typedWord(text, offset);
    if (!word) return [];
    const fits = kind === 'intake' ? intakeFits(text, offset, word.indent) : yamlFits(kind, text, offset);
    const entries: CompletionEntry[] = [];
    for (const { snippets } of ALL_SNIPPETS) {
      for (const snippet of Object.values(snippets)) {
        const prefix = prefixOf(snippet);
        if (!fits(prefix)) continue;
        const body = withProjectChoices(bodyText(snippet), { stakeholders: (options.stakeholders ?? []).map((s) => s.id), stages: kind === 'plan' ? stagesOf(text) : [] });
        entries.push({
          label: prefix,
          kind: 'snippet',
          insertText: body,
          snippet: true,
          detail: snippet.description,
          documentation: '```' + (kind === 'intake' ? 'markdown' : 'yaml') + '\n' + expandSnippet(body).replace(/\n$/, '') + '\n```',
          range: { start: word.start, end: offset },
          sortText: ` ${prefix}`,
        });
      }
    }
    return entries;
  } catch {
    return [];
  }
}

/** The word typed on the cursor's line when the line holds nothing else (indentation aside); after the cursor only spaces. */
function typedWord(text: string, offset: number): { start: number; indent: number } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  const after = text.slice(offset, nl < 0 ? text.length : nl);
  const line = text.slice(lineStart, offset);
  const before = /^([ \t]*)[A-Za-z0-9_-]*$/.exec(stripBom(line));
  if (!before || after.trim() || /^[ \t]*-/.test(line)) return undefined;
  const bom = bomLength(line);
  return { start: lineStart + bom + before[1].length, indent: before[1].length };
}

/** Intake questions: in the Markdown body of `intake.md`, at the start of a line. */
function intakeFits(text: string, offset: number, indent: number): (prefix: string) => boolean {
  const bom = bomLength(text);
  const bounds = frontMatterBounds(text.slice(bom));
  const inBody = indent === 0 && (!bounds || offset >= bounds.bodyStart + bom);
  const prefixes = new Set(Object.values(INTAKE_SNIPPETS).flatMap((set) => Object.values(set).map(prefixOf)));
  return (prefix) => inBody && prefixes.has(prefix);
}

/** YAML snippets: in their document, where an item of their list or their root key can start. */
function yamlFits(kind: DocumentKind, text: string, offset: number): (prefix: string) => boolean {
  const list = newListItemAt(text, offset);
  const location = schemaPathAt(text, offset);
  const rootKey = location?.on === 'key' && location.path.length === 0 && location.key === undefined && location.extraIndent === 0;
  return (prefix) => {
    const place = SNIPPET_PLACES[prefix];
    if (place?.kind !== kind) return false;
    if (place.list) return list?.length === 1 && list[0] === place.list;
    return !!place.key && rootKey && !location.siblings.includes(place.key);
  };
}

/**
 * A snippet body with its references as choices from the project: `owner: ${n:…}` offers the
 * stakeholder ids, `stage: ${n:…}` the plan's stage ids, and the `month: ${n:…}` of a milestone
 * naming a stage defaults to that stage's first month when that is a real month (`YYYY-MM`, `isMonth`
 * of `core/common/dates.ts`: a start such as `2026-13` would only plant a schema error). Without
 * ids, or without such a month, the placeholder stays as it is.
 */
export function withProjectChoices(body: string, project: { stakeholders: string[]; stages: Array<{ id: string; start?: string }> }): string {
  const choices = (key: string, ids: string[]) => (whole: string, n: string): string => (ids.length ? `${key}: \${${n}|${ids.map(escapeChoice).join(',')}|}` : whole);
  let out = body.replace(/owner: \$\{(\d+):[^}]*\}/g, choices('owner', project.stakeholders));
  const stages = project.stages;
  if (stages.length && /stage: \$\{\d+:[^}]*\}/.test(out)) {
    out = out.replace(/stage: \$\{(\d+):[^}]*\}/g, choices('stage', stages.map((s) => s.id)));
    const start = stages[0].start;
    if (isMonth(start)) out = out.replace(/month: \$\{(\d+):[^}]*\}/, (_, n: string) => `month: \${${n}:${start}}`);
  }
  return out;
}
