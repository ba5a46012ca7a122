/**
 * The snippets of `snippets/` as data: the intake question sets (the templates build `intake.md`
 * from them, so that the template and the snippets ask the same questions) and an expander of VS
 * Code's snippet syntax, so that tests can check what a snippet inserts.
 */
import intakeEn from '../../../snippets/intake.en.json';
import intakeNl from '../../../snippets/intake.nl.json';
import { type Language, todayIso } from '../common';

/** A snippet as VS Code reads it from a snippet file. */
export interface SnippetDefinition {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

/** The intake question snippets per language, in theme order (goals ... people). */
export const INTAKE_SNIPPETS: Readonly<Record<Language, Readonly<Record<string, SnippetDefinition>>>> = {
  en: intakeEn,
  nl: intakeNl,
};

/** The level-2 headings of the intake themes, in order (FORMAT.md `intake.md`). */
export function intakeHeadings(language: Language): string[] {
  return Object.values(INTAKE_SNIPPETS[language]).map((s) => /^## (.*)$/m.exec(bodyText(s))?.[1] ?? '');
}

/** A snippet's body as one text (`\n` line ends). */
export function bodyText(snippet: SnippetDefinition): string {
  return Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
}

/**
 * What a snippet inserts when every placeholder keeps its default: `${1:x}` → `x` (nested too),
 * `${1|a,b|}` → `a`, `$1`, `${1}` and `$0` → nothing, `$CURRENT_YEAR`, `$CURRENT_MONTH` and
 * `$CURRENT_DATE` (day of the month) from `now`, other variables → their default or nothing.
 */
export function expandSnippet(body: string | string[], now: Date = new Date()): string {
  const text = Array.isArray(body) ? body.join('\n') : body;
  const [year, month, date] = todayIso(now).split('-');
  const vars: Record<string, string> = { CURRENT_YEAR: year, CURRENT_MONTH: month, CURRENT_DATE: date };
  return expand(text, 0, vars, false).text;
}

/** Expands from `i` up to an unescaped `}` (when `nested`) or the end. */
function expand(s: string, start: number, vars: Record<string, string>, nested: boolean): { text: string; end: number } {
  let out = '';
  let i = start;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length && '$}\\,|'.includes(s[i + 1])) {
      out += s[i + 1];
      i += 2;
    } else if (nested && c === '}') {
      return { text: out, end: i + 1 };
    } else if (c === '$') {
      const simple = /^\$(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(s.slice(i));
      if (simple) {
        out += /^\d/.test(simple[1]) ? '' : (vars[simple[1]] ?? '');
        i += simple[0].length;
        continue;
      }
      const braced = /^\$\{(\d+|[A-Za-z_][A-Za-z0-9_]*)([:|}])/.exec(s.slice(i));
      if (!braced) {
        out += c;
        i++;
        continue;
      }
      const [whole, name, sep] = braced;
      i += whole.length;
      const variable = /^\d/.test(name) ? undefined : vars[name];
      if (sep === '}') {
        out += variable ?? '';
      } else if (sep === ':') {
        const inner = expand(s, i, vars, true);
        out += variable ?? inner.text;
        i = inner.end;
      } else {
        const close = s.indexOf('|}', i);
        const choices = s.slice(i, close < 0 ? s.length : close).split(/(?<!\\),/);
        out += (choices[0] ?? '').replace(/\\(.)/g, '$1');
        i = close < 0 ? s.length : close + 2;
      }
    } else {
      out += c;
      i++;
    }
  }
  return { text: out, end: i };
}
