import * as assert from 'node:assert/strict';
import { formatMoney, formatNumber } from '../../src/core/common/numbers';

/** Intl puts a no-break space between a currency and a Dutch amount; compare with plain spaces. */
const plain = (s: string) => s.replace(/\s/gu, ' ');

describe('common numbers and money', () => {
  it('rounds numbers to whole units with the language’s grouping', () => {
    assert.equal(formatNumber(12345.6, 'en'), '12,346');
    assert.equal(formatNumber(12345.6, 'nl'), '12.346');
    assert.equal(formatNumber(420, 'nl'), '420');
  });

  it('formats money with a currency code in the language’s style, in any case of the code', () => {
    assert.equal(formatMoney(48300, 'EUR', 'en'), '€48,300');
    assert.equal(plain(formatMoney(48300, 'EUR', 'nl')), '€ 48.300');
    assert.equal(formatMoney(48300.49, 'eur', 'en'), '€48,300');
    assert.equal(formatMoney(1250, 'GBP', 'en'), '£1,250');
  });

  it('gives the number alone without a currency', () => {
    assert.equal(formatMoney(48300, undefined, 'en'), '48,300');
    assert.equal(formatMoney(48300, '', 'nl'), '48.300');
  });

  it('never throws on a bad currency code: the number, then the code as written', () => {
    assert.equal(formatMoney(48300, 'euro', 'en'), '48,300 euro');
    assert.equal(formatMoney(48300, '€', 'nl'), '48.300 €');
    assert.equal(formatMoney(48300, ' EUR', 'nl'), '48.300  EUR');
    assert.equal(formatMoney(48300, 'ÄBC', 'en'), '48,300 ÄBC');
  });

  it('shows a well-formed code that ISO 4217 does not know as Intl does, code first', () => {
    assert.equal(plain(formatMoney(48300, 'XYZ', 'en')), 'XYZ 48,300');
  });
});
