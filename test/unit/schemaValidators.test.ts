import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS build script
const { generateValidators, OUT } = require('../../scripts/schemaValidators.cjs') as { generateValidators(): string; OUT: string };

describe('schema validators', () => {
  it('are generated from the current schemas/ (run `npm run build` after editing a schema)', () => {
    assert.equal(path.relative(path.resolve(__dirname, '../..'), OUT), path.join('src', 'core', 'document', 'schemaValidators.js'));
    assert.ok(readFileSync(OUT, 'utf8') === generateValidators(), 'src/core/document/schemaValidators.js is out of date: run `npm run build`');
  });
});
