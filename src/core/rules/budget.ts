/**
 * Method rules of the budget in `plan.yaml` (`budget.hours`, `budget.amount`: numbers,
 * `docs/FORMAT.md`). The budget goes on the A4 proposal the client signs (method step 3,
 * docs/method-rules.md), so a figure a thousand times too small must not slip through.
 */
import { isScalar } from 'yaml';
import { t, thousandsReading } from '../common';
import { valueNodeAtPath } from '../document';
import type { Rule, RuleFinding } from './framework';

/** The numeric fields of the format: money and hours (`docs/FORMAT.md`, plan.yaml `budget`). */
const NUMBER_FIELDS: ReadonlyArray<readonly ['budget', 'hours' | 'amount']> = [
  ['budget', 'hours'],
  ['budget', 'amount'],
];

/** `48300` as `48 300`: groups of three digits with a space, the way neither language misreads. */
function spaced(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/**
 * A budget number written with points as thousands separators (`amount: 48.300`, `hours: 1.200`):
 * YAML reads it as 48.3 and 1.2, and the A4 prints `€ 48` and `1 uur`. Only a plain (unquoted)
 * scalar that YAML read as a number is judged, by its source text (`thousandsReading`); a quoted
 * or otherwise non-numeric value is the schema's `schema.type`. Reported on the scalar token;
 * `data.integer` is the whole number to write (for the quick fix, which re-reads the text).
 */
export const numberLooksLikeThousands: Rule = {
  code: 'plan.number-looks-like-thousands',
  document: 'plan',
  defaultSeverity: 'warning',
  check(doc) {
    if (!doc.yaml) return [];
    const out: RuleFinding[] = [];
    for (const path of NUMBER_FIELDS) {
      // Through an alias (`amount: *total`) to the anchored number, whose token the fix rewrites.
      const node = valueNodeAtPath(doc.yaml.doc, path);
      if (!isScalar(node) || node.type !== 'PLAIN' || typeof node.value !== 'number' || !node.range) continue;
      const source = doc.yaml.lines.text.slice(node.range[0], node.range[1]);
      const integer = thousandsReading(source);
      if (integer === undefined) continue;
      out.push({
        range: doc.yaml.lines.visibleRange(node.range[0], node.range[1]),
        message: t('{0} reads as {1}: in YAML a point is a decimal point, not a thousands separator. For {2}, write {3}.', source, String(node.value), spaced(integer), String(integer)),
        data: { integer },
      });
    }
    return out;
  },
};

/** The budget rules, in the order they run. */
export const BUDGET_RULES: readonly Rule[] = [numberLooksLikeThousands];
