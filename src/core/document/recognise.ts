/**
 * Which document a text is, from its content alone: for a document that has no file name yet (an
 * unsaved, untitled editor). The top-level keys decide, against the properties of each kind's
 * schema (`docs/FORMAT.md`): `stages:` is a plan, `in_scope:` a Scope Canvas, `stakeholders:` a
 * register, `project_manager:` a manifest, `shadow_period:` a handover, and front matter with
 * `request:` an intake.
 */
import { type DocumentKind, stripBom } from '../common';
import { SCHEMAS } from './schemas';
import { frontMatterBounds } from './validate';

/** A key at the start of a line (column 0: top level), plain or quoted, followed by `:` and a space or the line end. */
const TOP_LEVEL_KEY = /^(?:"([^"\n]+)"|'([^'\n]+)'|([^\s#'"\-?:,[\]{}&*!|>%@`][^:\n]*?))[ \t]*:(?=[ \t]|\r?$)/gm;

/** The top-level keys of a YAML text, in order, each once; a `---` line ends the first document. */
function topLevelKeys(yaml: string): string[] {
  const first = yaml.split(/^---[ \t]*$/m).find((part) => part.trim() !== '') ?? '';
  const keys = new Set<string>();
  for (const m of first.matchAll(TOP_LEVEL_KEY)) keys.add(m[1] ?? m[2] ?? m[3]);
  return [...keys];
}

/**
 * The document kind a text holds, judged by its top-level keys: the kind whose schema knows the
 * most of them, provided it knows more of them than it does not (keys starting with `x-` are
 * neutral) and no other kind knows as many. `markdown`: the text is Markdown, which can only be an
 * intake, judged by its front matter. `undefined` for anything else (another YAML file, a draft
 * without keys yet, a tie). Never throws.
 */
export function documentKindOfContent(text: string, markdown = false): DocumentKind | undefined {
  const body = stripBom(text);
  let keys: string[];
  let kinds: DocumentKind[];
  if (markdown) {
    const bounds = frontMatterBounds(body);
    if (!bounds) return undefined;
    keys = topLevelKeys(body.slice(bounds.start, bounds.end));
    kinds = ['intake'];
  } else {
    keys = topLevelKeys(body);
    kinds = ['project', 'scope', 'plan', 'stakeholders', 'handover'];
  }
  let best: DocumentKind | undefined;
  let bestCount = 0;
  let tie = false;
  for (const kind of kinds) {
    const known = new Set(Object.keys(SCHEMAS[kind].properties ?? {}));
    const own = keys.filter((k) => !k.startsWith('x-'));
    const matched = own.filter((k) => known.has(k)).length;
    if (matched === 0 || matched <= own.length - matched) continue;
    if (matched > bestCount) {
      best = kind;
      bestCount = matched;
      tie = false;
    } else if (matched === bestCount) {
      tie = true;
    }
  }
  return tie ? undefined : best;
}
