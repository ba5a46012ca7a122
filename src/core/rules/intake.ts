/**
 * Method rules of the intake (`intake.md`). Method step 1 (docs/method-rules.md): ask simple,
 * sharp questions about business goals, not only technology: where the client wants to be, what
 * they tried before and what they have today. The body holds the conversation under one level-2
 * heading per theme (`docs/FORMAT.md`, intake.md), in English or Dutch, as the intake template and
 * snippets write them (`snippets/intake.en.json`, `snippets/intake.nl.json`).
 */
import { type Language, type Range, stripBom, t } from '../common';
import { frontMatterBounds } from '../document';
import type { Rule, RuleFinding } from './framework';
import { rootOf } from './nodes';

/** A theme the intake must cover. */
export type IntakeTheme = 'goals' | 'current-situation' | 'earlier-attempts';

/**
 * The themes `intake.theme-missing` checks, in the order of the template, with their level-2
 * heading in each language (the headings of the intake snippets; `test/unit/intakeRules.test.ts`
 * holds them against `intakeHeadings`).
 */
export const INTAKE_THEMES: ReadonlyArray<{ theme: IntakeTheme; headings: Readonly<Record<Language, string>> }> = [
  { theme: 'goals', headings: { en: 'Goals', nl: 'Doelen' } },
  { theme: 'current-situation', headings: { en: 'Current situation', nl: 'Huidige situatie' } },
  { theme: 'earlier-attempts', headings: { en: 'Earlier attempts', nl: 'Eerdere pogingen' } },
];

/** One level-2 section of an intake body: its heading and whether anything is written under it. */
export interface IntakeSection {
  /** The heading's text, without `##` and closing `#`s. */
  heading: string;
  /** `[start, end)` of the heading line's text, as UTF-16 offsets into the body. */
  start: number;
  end: number;
  /** True when the section holds text of its own: not only questions (`**Q: …**`, `**V: …**`), empty answers (`A:`), sub-headings or comments. */
  answered: boolean;
}

/** What `readIntakeBody` finds: the level-2 sections, the first heading of any level, and text outside every section. */
export interface IntakeBody {
  sections: IntakeSection[];
  /** `[start, end)` of the first heading line (the `# Intake: …` title of the template), if any. */
  firstHeading?: { start: number; end: number };
  /** `[start, end)` of the first line that is not blank, if any. */
  firstLine?: { start: number; end: number };
  /** True when text stands before the first level-2 heading (under the title: the template's introduction, or an intake written without themes). */
  preamble: boolean;
}

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** Lines that are template, not answers: a bold question, an answer marker with nothing after it, an HTML comment. */
const NOT_AN_ANSWER = /^\s*(?:\*\*[QV]:.*\*\*|A:|<!--.*-->)\s*$/;

/**
 * Reads the Markdown body of an intake (the text after the front matter) line by line: ATX
 * headings (`## Goals`) outside fenced code blocks. Offsets are UTF-16 code units into `body`.
 */
export function readIntakeBody(body: string): IntakeBody {
  const result: IntakeBody = { sections: [], preamble: false };
  let fence: string | undefined;
  /** The level-2 section being read; a level-1 heading ends it. */
  let current: IntakeSection | undefined;
  let offset = 0;
  const text = (): void => {
    if (current) current.answered = true;
    else result.preamble = true;
  };
  for (const line of body.split(/(?<=\n)/)) {
    const content = line.replace(/\r?\n$/, '');
    const start = offset;
    offset += line.length;
    if (content.trim()) result.firstLine ??= { start, end: start + content.length };
    const fenceMatch = FENCE.exec(content);
    if (fence || fenceMatch) {
      // A fenced block is text of its section, whatever it holds.
      if (!fence) fence = fenceMatch![1];
      else if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = undefined;
      text();
      continue;
    }
    const heading = ATX_HEADING.exec(content);
    if (heading) {
      result.firstHeading ??= { start, end: start + content.length };
      if (heading[1].length === 2) {
        current = { heading: (heading[2] ?? '').trim(), start, end: start + content.length, answered: false };
        result.sections.push(current);
      } else if (heading[1].length === 1) {
        current = undefined;
      }
      continue;
    }
    if (content.trim() && !NOT_AN_ANSWER.test(content)) text();
  }
  return result;
}

/**
 * True when nothing of an intake (`intake.md` text, BOM and front matter allowed) has been
 * answered yet: it has level-2 theme sections and none holds an answer (the template as created),
 * or it has no sections and no text at all. An intake written without theme headings counts as
 * answered when it has text. Used by Advance Phase, which asks before leaving the intake phase.
 */
export function intakeUnanswered(text: string): boolean {
  const plain = stripBom(text);
  const bounds = frontMatterBounds(plain);
  const body = readIntakeBody(bounds ? plain.slice(bounds.bodyStart) : plain);
  return body.sections.length ? !body.sections.some((s) => s.answered) : !body.preamble;
}

/** A heading's text as compared with the theme headings: case, spacing and a trailing colon ignored. */
function normalised(heading: string): string {
  return heading.replace(/[:\s]+$/, '').replace(/\s+/g, ' ').toLowerCase();
}

/** The theme's name in a message, in the UI language. */
function themeName(theme: IntakeTheme): string {
  return theme === 'goals' ? t('the business goals') : theme === 'current-situation' ? t('the current situation') : t('earlier attempts');
}

/**
 * A theme of the intake that is not covered: its level-2 heading (`## Goals` or `## Doelen`, any
 * case) has nothing under it but the template's questions and empty answers, or is missing.
 * Checks the business goals, the current situation and earlier attempts. Reported on the heading
 * line; a missing heading at the first heading of the body (the title), else at its first line of
 * text, else on the `---` that ends the front matter. `data.theme` is the theme, `data.heading` the heading to write (in the project's language
 * for a missing one).
 */
export const themeMissing: Rule = {
  code: 'intake.theme-missing',
  document: 'intake',
  defaultSeverity: 'info',
  check(doc, documents) {
    const lines = doc.yaml?.lines;
    const body = doc.body;
    if (!lines || body === undefined) return [];
    const base = lines.text.length - body.length;
    const read = readIntakeBody(body);
    const range = (start: number, end: number): Range => lines.visibleRange(base + start, base + end);
    /** The body's first heading, else its first line of text, else the `---` line that ends the front matter. */
    const top = (): Range => {
      const at = read.firstHeading ?? read.firstLine;
      if (at) return range(at.start, at.end);
      const line = lines.positionAt(Math.max(0, base - 1)).line;
      return lines.visibleRange(lines.lineStart(line), lines.lineEnd(line));
    };
    const language: Language = rootOf(documents.project)?.language === 'nl' ? 'nl' : 'en';
    const out: RuleFinding[] = [];
    for (const { theme, headings } of INTAKE_THEMES) {
      const names = Object.values(headings).map(normalised);
      const sections = read.sections.filter((s) => names.includes(normalised(s.heading)));
      if (sections.some((s) => s.answered)) continue;
      const name = themeName(theme);
      if (sections.length) {
        const [first] = sections;
        out.push({
          range: range(first.start, first.end),
          message: t('Nothing is written under "{0}" yet: the intake does not cover {1}. Ask the client and write down the answers.', first.heading, name),
          data: { theme, heading: first.heading },
        });
      } else {
        out.push({
          range: top(),
          message: t('The intake does not cover {0}: it has no heading "## {1}". Add it and write down what the client says.', name, headings[language]),
          data: { theme, heading: headings[language] },
        });
      }
    }
    return out;
  },
};

/** The intake rules, in the order they run. */
export const INTAKE_RULES: readonly Rule[] = [themeMissing];
