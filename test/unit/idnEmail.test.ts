/** International e-mail addresses: `format: email` of schemas/stakeholders.schema.json as `src/core/document/schemaFormats.js` checks it (RFC 6531). */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fullFormats } from 'ajv-formats/dist/formats';
import { setTranslations } from '../../src/core/common/l10n';
import { validateDocument } from '../../src/core/document/validate';
import { at } from './helpers';
import { BASE, edit } from './ruleHelpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the plain CommonJS module the generated validators require
const formats = require('../../src/core/document/schemaFormats.js') as Record<string, ((s: string) => boolean) | RegExp>;
const idnEmail = formats.email as (s: string) => boolean;

/** BASE's stakeholders with `email: <address>` on the first stakeholder (line 5). */
const register = (address: string) => edit(BASE.stakeholders, 5, '    power: high', `    email: ${address}`, '    power: high');
const findings = (address: string) => validateDocument('stakeholders', register(address)).diagnostics.map((d) => [d.code, at(d), d.message]);

describe('international e-mail addresses (format email, RFC 6531)', () => {
  it('accepts an address with a non-ASCII domain or local part, as its punycode form', () => {
    for (const address of ['info@bäckerei-müller.de', 'info@xn--bckerei-mller-bfb28a.de', 'jürgen@bäckerei-müller.de', '山田@例え.jp', 'Ørsted@ørsted.dk', 'm.dekker@dekker-accountants.nl']) {
      assert.equal(idnEmail(address), true, address);
      assert.deepEqual(findings(address), [], address);
    }
  });

  it('accepts every address the ASCII email format of ajv-formats accepts', () => {
    const email = fullFormats.email as RegExp;
    for (const address of ['a@b.co', 'first.last+tag@sub.example.org', "o'brien@example.ie", 'x@1.2.3.4', 'a@xn--zz.de']) {
      assert.equal(email.test(address), true, address);
      assert.equal(idnEmail(address), true, address);
    }
  });

  it('still rejects nonsense, on the value, with a plain message in English and Dutch', () => {
    for (const address of ['not-an-address', 'a@b', '@bäckerei.de', 'müller@', 'a b@bäckerei.de', 'a@-bäckerei.de', 'a@bäckerei..de', 'ä@x.de/evil', 'ä@x.de:80', 'a@@bäckerei.de', 'a@bä ckerei.de', 'ä..b@x.de', '.ä@x.de', 'a@ä', 'a@ä.de.', 'a@bäcker_ei.de']) {
      assert.equal(idnEmail(address), false, address);
    }
    assert.deepEqual(findings('info@müller'), [['schema.format', '5:12-5:23', '"info@müller" is not valid here; expected an e-mail address.']]);
    setTranslations(JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'l10n', 'bundle.l10n.nl.json'), 'utf8')) as Record<string, string>);
    try {
      assert.deepEqual(findings('info@müller').map(([, , message]) => message), ['"info@müller" is hier niet geldig; verwacht: een e-mailadres.']);
    } finally {
      setTranslations(undefined);
    }
  });
});
