import * as assert from 'node:assert/strict';
import { generateScope, generateStakeholders, plantedIndices } from '../../bench/generate';
import { yamlLsValidator } from '../../bench/yamlLanguageServer';
import { SCHEMAS } from '../../src/core/document/schemas';
import { validateDocument } from '../../src/core/document/validate';

// The benchmark's inputs and its yardstick: the same seed gives the same text, and both validators
// find the planted errors (so `npm run bench` compares validators that really validate).
describe('benchmark inputs', () => {
  it('are the same for the same seed and differ for another', () => {
    assert.equal(generateScope(30, 7), generateScope(30, 7));
    assert.notEqual(generateScope(30, 7), generateScope(30, 8));
    assert.equal(generateStakeholders(50, 7), generateStakeholders(50, 7));
  });

  it('carry the planted schema errors, and only those, for our validator', () => {
    for (const n of [30, 300]) {
      const found = validateDocument('scope', generateScope(n, 1)).diagnostics.filter((d) => d.code.startsWith('schema.'));
      // A misspelt `title` is an unknown key and a missing `title`: two diagnostics for one plant.
      assert.ok(found.length >= plantedIndices(n).length, `${n} items: ${found.length}`);
    }
    const people = validateDocument('stakeholders', generateStakeholders(200, 1)).diagnostics.map((d) => d.code);
    assert.deepEqual(people, ['schema.enum', 'schema.format']);
  });

  it('make yaml-language-server report the planted errors too', async () => {
    const validate = yamlLsValidator(SCHEMAS.stakeholders, 'stakeholders.yaml');
    const diagnostics = await validate(generateStakeholders(200, 1));
    assert.equal(diagnostics.length, 2, JSON.stringify(diagnostics.map((d) => d.message)));
    assert.deepEqual(await validate(generateStakeholders(200, 1).replace('attitude: hostile', 'attitude: neutral').replace('-at-example', '@example')), []);
  });
});
