/** `intake.theme-missing` and the "nothing answered yet" check of Advance Phase (`src/core/rules/intake.ts`). */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { intakeHeadings } from '../../src/core/authoring/snippets';
import { documentTemplate } from '../../src/core/authoring/templates';
import { setTranslations } from '../../src/core/common/l10n';
import { INTAKE_THEMES, intakeUnanswered } from '../../src/core/rules/intake';
import { at } from './helpers';
import { BASE, diagnostics } from './ruleHelpers';

const CODE = 'intake.theme-missing';
const FRONT = ['---', 'client: Acme', 'contact: Marieke', 'date: 2026-06-18', 'request: Work safely from home.', '---', ''];
const intake = (...body: string[]) => [...FRONT, ...body, ''].join('\n');
const findings = (text: string, project = BASE.project) => diagnostics({ intake: text, project }).filter((x) => x.d.code === CODE).map((x) => x.d);
const dutch = () => setTranslations(JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'l10n', 'bundle.l10n.nl.json'), 'utf8')) as Record<string, string>);

describe('intake.theme-missing', () => {
  it('checks the headings the intake template and snippets write, in both languages', () => {
    for (const language of ['en', 'nl'] as const) {
      const headings = intakeHeadings(language);
      for (const { headings: theme } of INTAKE_THEMES) assert.ok(headings.includes(theme[language]), `${theme[language]} is not a heading of the ${language} intake snippets`);
    }
  });

  it('reports a heading with only questions and empty answers under it, on the heading line', () => {
    const text = intake(
      '# Intake: Acme', //                         line 8
      '', //
      '## Goals', //                               line 10
      '', //
      '**Q: What keeps you awake at night?**', //
      'A:', //
      '', //
      '## Current situation', //                   line 15
      '', //
      '**Q: What do you have today?**', //
      'A: Twenty laptops.', //
      '', //
      '## Earlier attempts', //                    line 20
      '<!-- ask next week -->', //
    );
    assert.deepEqual(
      findings(text).map((d) => [at(d), d.severity, d.data]),
      [
        ['10:1-10:9', 'info', { theme: 'goals', heading: 'Goals' }],
        ['20:1-20:20', 'info', { theme: 'earlier-attempts', heading: 'Earlier attempts' }],
      ],
    );
    assert.equal(findings(text)[0].message, 'Nothing is written under "Goals" yet: the intake does not cover the business goals. Ask the client and write down the answers.');
    dutch();
    try {
      assert.equal(findings(text)[0].message, 'Onder "Goals" staat nog niets: de intake dekt de bedrijfsdoelen niet. Vraag het de klant en schrijf de antwoorden op.');
    } finally {
      setTranslations(undefined);
    }
  });

  it('reports a missing heading at the first heading of the body, naming the heading in the project language', () => {
    const text = intake('# Intake: Acme', '', '## Doelen', '', 'Veilig thuiswerken.', '', '## Huidige situatie', '', 'Twintig laptops.');
    const nl = BASE.project.replace('phase: approach\n', 'phase: approach\nlanguage: nl\n');
    assert.deepEqual(findings(text, nl).map((d) => [at(d), d.data]), [['8:1-8:15', { theme: 'earlier-attempts', heading: 'Eerdere pogingen' }]]);
    assert.equal(findings(text)[0].message, 'The intake does not cover earlier attempts: it has no heading "## Earlier attempts". Add it and write down what the client says.');
    dutch();
    try {
      assert.equal(findings(text, nl)[0].message, 'De intake dekt eerdere pogingen niet: er is geen kop "## Eerdere pogingen". Voeg die toe en schrijf op wat de klant zegt.');
    } finally {
      setTranslations(undefined);
    }
  });

  it('without any heading, reports on the first line of text, else on the closing ---; with CRLF and a BOM the ranges stay', () => {
    assert.deepEqual(findings(intake()).map(at), ['6:1-6:4', '6:1-6:4', '6:1-6:4']);
    const text = intake('', 'Just some notes.');
    assert.deepEqual(findings(text).map(at), ['9:1-9:17', '9:1-9:17', '9:1-9:17']);
    assert.deepEqual(findings('\uFEFF' + text.replace(/\n/g, '\r\n')).map(at), ['9:1-9:17', '9:1-9:17', '9:1-9:17']);
  });

  it('counts a fenced block, a list or a sub-heading with text as an answer; matches headings in any case; a level-1 heading ends a section', () => {
    const text = intake('## goals:', '```', '## not a heading', '```', '## CURRENT SITUATION', '### Devices', '- twenty laptops', '# Appendix', 'Text after the appendix heading.', '## Earlier attempts');
    assert.deepEqual(findings(text).map((d) => [at(d), d.data?.theme]), [['17:1-17:20', 'earlier-attempts']]);
  });

  it('is silent on a covered intake, configurable, and off with off', () => {
    assert.deepEqual(findings(BASE.intake), []);
    const empty = intake('## Goals');
    assert.equal(diagnostics({ intake: empty }, { [CODE]: 'warning' }).filter((x) => x.d.code === CODE)[0].d.severity, 'warning');
    assert.deepEqual(diagnostics({ intake: empty }, { [CODE]: 'off' }).filter((x) => x.d.code === CODE), []);
  });

  it('property: the findings are exactly the themes left without an answer, each on its heading', () => {
    const headings = INTAKE_THEMES.map((t) => t.headings.en);
    const answer = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}[A-Za-z.]$/);
    fc.assert(
      fc.property(fc.tuple(fc.option(answer), fc.option(answer), fc.option(answer)), fc.boolean(), (answers, crlf) => {
        const body = answers.flatMap((a, i) => [`## ${headings[i]}`, '', '**Q: Why?**', a === null ? 'A:' : `A: ${a}`, '']);
        let text = intake(...body);
        if (crlf) text = text.replace(/\n/g, '\r\n');
        const expected = answers.flatMap((a, i) => (a === null ? [[`${8 + 5 * i}:1-${8 + 5 * i}:${4 + headings[i].length}`, INTAKE_THEMES[i].theme]] : []));
        assert.deepEqual(findings(text).map((d) => [at(d), d.data?.theme]), expected);
      }),
      { numRuns: 60 },
    );
  });
});

describe('intake answered or not (Advance Phase)', () => {
  it('an untouched template, in English and Dutch, has no answers', () => {
    for (const language of ['en', 'nl'] as const) {
      const text = documentTemplate('intake', { client: 'Acme', title: 'M365', projectManager: 'Sam', language, today: '2026-11-29' });
      assert.equal(intakeUnanswered(text), true, language);
      assert.equal(intakeUnanswered(text.replace(/^A:$/m, 'A: Safe home working.')), false, language);
      assert.equal(intakeUnanswered('\uFEFF' + text.replace(/\n/g, '\r\n')), true, language);
    }
  });

  it('an empty body has no answers; text without theme headings, or any answered theme, has', () => {
    assert.equal(intakeUnanswered(intake()), true);
    assert.equal(intakeUnanswered(intake('# Intake: Acme')), true);
    assert.equal(intakeUnanswered(intake('We talked about backups.')), false);
    assert.equal(intakeUnanswered(BASE.intake), false);
    assert.equal(intakeUnanswered(intake('## People', 'Marieke decides.')), false);
    assert.equal(intakeUnanswered('No front matter at all.'), false);
  });
});
