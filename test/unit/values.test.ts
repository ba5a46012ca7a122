import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { asList, asNumber, asRecord, asText } from '../../src/core/common/values';

describe('common value helpers', () => {
  const data = parse('map: { a: 1 }\nlist: [1, two]\ntext: hello\nnumber: 3.5\nempty:\nflag: true\n') as Record<string, unknown>;

  it('reads a mapping only as a record', () => {
    assert.deepEqual(asRecord(data.map), { a: 1 });
    for (const key of ['list', 'text', 'number', 'empty', 'flag', 'missing']) assert.equal(asRecord(data[key]), undefined, key);
  });

  it('reads a list only as a list', () => {
    assert.deepEqual(asList(data.list), [1, 'two']);
    for (const key of ['map', 'text', 'empty', 'missing']) assert.equal(asList(data[key]), undefined, key);
  });

  it('reads text only as text: numbers and booleans are not text', () => {
    assert.equal(asText(data.text), 'hello');
    assert.equal(asText(''), '');
    for (const key of ['number', 'flag', 'empty', 'map']) assert.equal(asText(data[key]), undefined, key);
  });

  it('reads finite numbers only', () => {
    assert.equal(asNumber(data.number), 3.5);
    assert.equal(asNumber(0), 0);
    for (const value of [NaN, Infinity, '3', null, undefined]) assert.equal(asNumber(value), undefined, String(value));
  });
});
