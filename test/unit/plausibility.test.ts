/** `plan.implausible-month`: a mistyped year that the schema lets through (`src/core/rules/plan.ts`). */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { setTranslations } from '../../src/core/common/l10n';
import { BASE, check, diagnostics, edit } from './ruleHelpers';

const plan = (line: number, expected: string, replacement: string) => ({ plan: edit(BASE.plan, line, expected, replacement) });

describe('plan.implausible-month', () => {
  it('flags a year far from the plan (2072-03 in a plan of 2026), 0026-09 and 9999-12, on the month value', () => {
    assert.deepEqual(
      check(plan(16, '    end: 2026-12', '    end: 2072-03')).filter(([, code]) => code === 'plan.implausible-month'),
      [['plan', 'plan.implausible-month', '16:10-16:17']],
    );
    assert.deepEqual(
      check(plan(23, '    month: 2026-09', '    month: 0026-09')).filter(([, code]) => code === 'plan.implausible-month'),
      [['plan', 'plan.implausible-month', '23:12-23:19']],
    );
    assert.deepEqual(
      check(plan(7, '    start: 2026-09', '    start: 9999-12')).filter(([, code]) => code === 'plan.implausible-month'),
      [['plan', 'plan.implausible-month', '7:12-7:19']],
    );
  });

  it('leaves a plan over a few years alone', () => {
    assert.deepEqual(check(plan(16, '    end: 2026-12', '    end: 2030-06')).filter(([, code]) => code === 'plan.implausible-month'), []);
    assert.deepEqual(check().filter(([, code]) => code === 'plan.implausible-month'), []);
  });

  it('says why in plain English and Dutch', () => {
    const message = () => diagnostics(plan(16, '    end: 2026-12', '    end: 2072-03')).find((x) => x.d.code === 'plan.implausible-month')?.d.message;
    assert.equal(message(), '2072-03 lies more than 10 years from the rest of the plan (around 2026). Check the year for a typo.');
    const far = () => diagnostics(plan(23, '    month: 2026-09', '    month: 0026-09')).find((x) => x.d.code === 'plan.implausible-month')?.d.message;
    assert.equal(far(), 'The year of 0026-09 cannot be right: months lie between 2000 and 2099. Check the year for a typo.');
    setTranslations(JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'l10n', 'bundle.l10n.nl.json'), 'utf8')) as Record<string, string>);
    try {
      assert.equal(message(), '2072-03 ligt meer dan 10 jaar van de rest van de planning (rond 2026). Controleer het jaar op een tikfout.');
      assert.equal(far(), 'Het jaar van 0026-09 kan niet kloppen: maanden liggen tussen 2000 en 2099. Controleer het jaar op een tikfout.');
    } finally {
      setTranslations(undefined);
    }
  });
});

describe('plan.stage-outside-project', () => {
  const project = BASE.project.replace('phase: approach\n', 'phase: approach\nstart: 2026-10\n');
  it('flags a stage that starts before the project, on its start value, in English and Dutch', () => {
    assert.deepEqual(
      check({ project }).filter(([, code]) => code === 'plan.stage-outside-project'),
      [['plan', 'plan.stage-outside-project', '7:12-7:19']],
    );
    const message = () => diagnostics({ project }).find((x) => x.d.code === 'plan.stage-outside-project')?.d.message;
    assert.equal(message(), 'This stage starts in 2026-09, before the project starts (2026-10 in project.yaml). Move the stage or the project start.');
    setTranslations(JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'l10n', 'bundle.l10n.nl.json'), 'utf8')) as Record<string, string>);
    try {
      assert.equal(message(), 'Deze fase begint in 2026-09, voordat het project begint (2026-10 in project.yaml). Verschuif de fase of de start van het project.');
    } finally {
      setTranslations(undefined);
    }
  });

  it('is silent without a project start or when every stage starts at or after it', () => {
    assert.deepEqual(check().filter(([, code]) => code === 'plan.stage-outside-project'), []);
    assert.deepEqual(check({ project: project.replace('2026-10', '2026-09') }).filter(([, code]) => code === 'plan.stage-outside-project'), []);
  });
});
