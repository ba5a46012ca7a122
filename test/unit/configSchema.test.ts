/** The JSON Schema of `.msp-docs.json` (`schemas/msp-docs.schema.json`, from `src/cli/configSchema.ts`). */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { configSchema } from '../../src/cli/configSchema';
import { METHOD_RULE_CODES } from '../../src/core/common/codes';
import { parseConfigFile } from '../../src/core/rules/config';

const ROOT = path.join(__dirname, '..', '..');
const FILE = path.join(ROOT, 'schemas', 'msp-docs.schema.json');
const checked = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>;
const validate = new Ajv({ strict: false }).compile(checked);

/** Configurations as the documentation shows them, and every rule at every severity. */
const GOOD: unknown[] = [
  { rules: { 'scope.no-out-of-scope': 'off' }, ignore: ['archive/'] },
  { style: { company: 'Noordlicht IT', logo: 'logo.png', accentColor: '#aa3300', footer: 'Noordlicht IT · Zwolle' } },
  { $schema: './schemas/msp-docs.schema.json', rules: Object.fromEntries(METHOD_RULE_CODES.map((c, i) => [c, ['error', 'warning', 'info', 'hint', 'off'][i % 5]])) },
  { style: { logo: 'brand/mark.SVG', accentColor: '#a30' } },
];

describe('.msp-docs.json schema', () => {
  it('is the schema scripts/configSchema.ts generates (run it after changing a rule)', () => {
    assert.deepEqual(checked, JSON.parse(JSON.stringify(configSchema())));
    assert.equal(readFileSync(FILE, 'utf8'), `${JSON.stringify(configSchema(), null, 2)}\n`);
  });

  it('describes every method rule', () => {
    const rules = (checked.properties as Record<string, { properties: Record<string, { description: string }> }>).rules.properties;
    assert.deepEqual(Object.keys(rules), [...METHOD_RULE_CODES]);
    for (const code of METHOD_RULE_CODES) assert.match(rules[code].description, /\S.*Default: (error|warning|info|hint)\.$/, code);
  });

  it('accepts the documented configurations, which the extension reads without a problem', () => {
    for (const config of GOOD) {
      assert.ok(validate(config), `${JSON.stringify(config)}: ${JSON.stringify(validate.errors)}`);
      const parsed = parseConfigFile(JSON.stringify(config), METHOD_RULE_CODES);
      assert.deepEqual([parsed.error, parsed.problems], [undefined, []]);
    }
  });

  it('rejects a wrong severity, an unknown rule, a bad colour, a logo of another type and an unknown key', () => {
    const bad: Array<[unknown, string]> = [
      [{ rules: { 'scope.no-out-of-scope': 'warn' } }, '/rules/scope.no-out-of-scope'],
      [{ rules: { 'scope.no-out-of-scop': 'off' } }, '/rules'],
      [{ style: { accentColor: 'red' } }, '/style/accentColor'],
      [{ style: { accentColor: '#aa33' } }, '/style/accentColor'],
      [{ style: { logo: 'logo.jpg' } }, '/style/logo'],
      [{ ignore: 'archive/' }, '/ignore'],
      [{ rule: {} }, ''],
    ];
    for (const [config, at] of bad) {
      assert.equal(validate(config), false, JSON.stringify(config));
      assert.ok(validate.errors?.some((e) => e.instancePath === at), `${JSON.stringify(config)}: ${JSON.stringify(validate.errors)}`);
    }
  });

  it('is contributed to VS Code for .msp-docs.json', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { jsonValidation: Array<{ fileMatch: string; url: string }> } };
    assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: '.msp-docs.json', url: './schemas/msp-docs.schema.json' }]);
  });
});
