/** `plan.number-looks-like-thousands`: `amount: 48.300` reads as 48.3 (`src/core/rules/budget.ts`, its fix in `src/core/authoring/fixes.ts`). */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { quickFixes } from '../../src/core/authoring/fixes';
import { thousandsReading } from '../../src/core/common/numbers';
import { setTranslations } from '../../src/core/common/l10n';
import { applyEdits } from '../../src/core/common/text';
import { at } from './helpers';
import { BASE, diagnostics } from './ruleHelpers';

const CODE = 'plan.number-looks-like-thousands';
/** BASE's plan with a budget block after `goal` (lines 4 to 6; `stages:` moves to line 7). */
const withBudget = (...lines: string[]) => BASE.plan.replace('goal: Work safely.\n', `goal: Work safely.\nbudget:\n${lines.map((l) => `  ${l}\n`).join('')}`);
const findingsOf = (plan: string) => diagnostics({ plan }).filter((x) => x.d.code === CODE).map((x) => x.d);

describe('plan.number-looks-like-thousands', () => {
  it('reads points as thousands separators only for whole groups of three, not starting with 0', () => {
    assert.equal(thousandsReading('48.300'), 48300);
    assert.equal(thousandsReading('1.200'), 1200);
    assert.equal(thousandsReading('1.200.000'), 1200000);
    for (const text of ['48.3', '48.30', '48300', '0.500', '48,300', '1234.500', '48.3000', '.300', '48.300 ']) assert.equal(thousandsReading(text), undefined, text);
  });

  it('flags amount: 48.300 and hours: 1.200 on the scalar token, and nothing else of the budget', () => {
    const plan = withBudget('hours: 1.200   # estimate', 'amount: 48.300', 'currency: EUR');
    assert.deepEqual(
      findingsOf(plan).map((d) => [at(d), d.severity, d.data]),
      [
        ['5:10-5:15', 'warning', { integer: 1200 }],
        ['6:11-6:17', 'warning', { integer: 48300 }],
      ],
    );
    // The whole project stays otherwise clean: the numbers pass the schema.
    assert.deepEqual(diagnostics({ plan }).filter((x) => x.d.code !== CODE), []);
  });

  it('leaves real decimals, whole numbers, quoted text and other fields alone', () => {
    assert.deepEqual(findingsOf(withBudget('hours: 1.5', 'amount: 48300', 'currency: EUR')), []);
    assert.deepEqual(findingsOf(withBudget('hours: 0.500', 'amount: 48.30')), []);
    // Quoted: text, which the schema reports as such (`schema.type`), once.
    assert.deepEqual(
      diagnostics({ plan: withBudget('amount: "48.300"') }).map((x) => [x.d.code, at(x.d)]),
      [['schema.type', '5:11-5:19']],
    );
  });

  it('follows an alias to the number it names, and is configurable', () => {
    const plan = BASE.plan.replace('goal: Work safely.\n', 'goal: Work safely.\nx-total: &total 48.300\nbudget:\n  amount: *total\n');
    assert.deepEqual(findingsOf(plan).map(at), ['4:17-4:23']);
    assert.deepEqual(diagnostics({ plan: withBudget('amount: 48.300') }, { [CODE]: 'off' }), []);
    assert.equal(diagnostics({ plan: withBudget('amount: 48.300') }, { [CODE]: 'error' })[0].d.severity, 'error');
  });

  it('names both readings in English and Dutch', () => {
    const message = () => findingsOf(withBudget('amount: 48.300'))[0].message;
    assert.equal(message(), '48.300 reads as 48.3: in YAML a point is a decimal point, not a thousands separator. For 48 300, write 48300.');
    setTranslations(JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'l10n', 'bundle.l10n.nl.json'), 'utf8')) as Record<string, string>);
    try {
      assert.equal(message(), '48.300 wordt gelezen als 48.3: in YAML is een punt een decimaalteken, geen scheidingsteken voor duizendtallen. Voor 48 300 schrijf je 48300.');
    } finally {
      setTranslations(undefined);
    }
  });

  describe('quick fix', () => {
    it('rewrites the token to the whole number, keeping the comment, CRLF and BOM', () => {
      const plan = '\uFEFF' + withBudget('hours: 1.200   # estimate', 'amount: 48.300').replace(/\n/g, '\r\n');
      const [hours, amount] = findingsOf(plan);
      const fixes = quickFixes('plan', plan, hours);
      assert.deepEqual(fixes.map((f) => [f.title, f.isPreferred]), [['Write 1200', true]]);
      const after = applyEdits(plan, fixes[0].edits);
      assert.equal(after, plan.replace('hours: 1.200   # estimate', 'hours: 1200   # estimate'));
      const done = applyEdits(after, quickFixes('plan', after, amount)[0].edits);
      assert.equal(done, plan.replace('1.200', '1200').replace('48.300', '48300'));
      assert.deepEqual(findingsOf(done), []);
    });

    it('offers nothing when the text no longer holds the grouped number there', () => {
      const plan = withBudget('amount: 48.300');
      const [finding] = findingsOf(plan);
      for (const changed of [plan.replace('48.300', '48300'), plan.replace('48.300', '"48.300"'), plan.replace('48.300', '48.350'.slice(0, 5))]) {
        assert.deepEqual(quickFixes('plan', changed, finding), [], changed);
      }
    });

    it('property: for any grouped number, the fix gives the whole number, clears the finding, and a second application changes nothing', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1000, max: 999_999_999 }), fc.constantFrom('hours', 'amount'), (n, key) => {
          const grouped = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
          const plan = withBudget(`${key}: ${grouped}`);
          const found = findingsOf(plan);
          // `1.200.000` is not a YAML number but text (the schema's `schema.type`); only one group of points is a number.
          if (grouped.split('.').length !== 2) return found.length === 0;
          assert.equal(found.length, 1);
          const once = applyEdits(plan, quickFixes('plan', plan, found[0])[0].edits);
          assert.equal(once, plan.replace(grouped, String(n)));
          assert.deepEqual(findingsOf(once), []);
          const twice = applyEdits(once, quickFixes('plan', once, found[0]).flatMap((f) => f.edits));
          assert.equal(twice, once);
          return true;
        }),
        { numRuns: 200 },
      );
    });
  });
});
