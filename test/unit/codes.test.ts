import * as assert from 'node:assert/strict';
import { FIXABLE_CODES, isFixable } from '../../src/core/authoring/fixes';
import { METHOD_RULE_CODES } from '../../src/core/common/codes';
import { RULE_CODES, RULES } from '../../src/core/rules';

describe('diagnostic codes', () => {
  it('lists exactly the codes of the method rules, in the order they run', () => {
    assert.deepEqual([...RULE_CODES], [...METHOD_RULE_CODES]);
    assert.equal(new Set(METHOD_RULE_CODES).size, METHOD_RULE_CODES.length, 'a code is listed twice');
    for (const rule of RULES) assert.ok(rule.code.startsWith(`${rule.document}.`), `${rule.code} reports in ${rule.document}`);
  });

  it('derives the fixable codes from the fix table: every one known, each answered by isFixable', () => {
    assert.deepEqual(
      [...FIXABLE_CODES],
      ['schema.required', 'schema.enum', 'schema.additionalProperties', 'schema.type', 'plan.day-instead-of-month', 'plan.number-looks-like-thousands', 'plan.unknown-owner', 'plan.unknown-stage', 'scope.no-out-of-scope'],
    );
    for (const code of FIXABLE_CODES) {
      assert.ok(isFixable(code), code);
      assert.ok(code.startsWith('schema.') || (METHOD_RULE_CODES as readonly string[]).includes(code), `${code} is not a known code`);
    }
    for (const code of ['schema.pattern', 'plan.stage-ends-before-start', 'toString', 'constructor', '']) assert.ok(!isFixable(code), code);
  });
});
