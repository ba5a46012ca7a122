import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextCache } from '../../src/core/document/cache';
import { setTranslations } from '../../src/core/common/l10n';
import { clearValidationCache, validateDocument } from '../../src/core/document/validate';
import { readYaml } from '../../src/core/document/yamlSource';
import { at, PROJECT } from './helpers';

const ROOT = path.join(__dirname, '..', '..');

describe('TextCache', () => {
  it('keeps the most recently used entries within the entry bound', () => {
    const cache = new TextCache<number>(2, 1000);
    cache.set('a', 1);
    cache.set('b', 2);
    assert.equal(cache.get('a'), 1); // `a` is now the most recent
    cache.set('c', 3);
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.get('a'), 1);
    assert.equal(cache.get('c'), 3);
  });

  it('keeps the total key length within the character bound and skips keys longer than it', () => {
    const cache = new TextCache<number>(10, 10);
    cache.set('aaaa', 1);
    cache.set('bbbb', 2);
    cache.set('cccc', 3); // 12 characters: `aaaa` goes
    assert.equal(cache.get('aaaa'), undefined);
    assert.equal(cache.size, 2);
    cache.set('x'.repeat(11), 4);
    assert.equal(cache.get('x'.repeat(11)), undefined);
    assert.equal(cache.size, 2);
  });

  it('replaces the value of a key that is set again', () => {
    const cache = new TextCache<number>(2, 100);
    cache.set('a', 1);
    cache.set('a', 2);
    cache.set('b', 3);
    assert.equal(cache.size, 2);
    assert.equal(cache.get('a'), 2);
  });
});

describe('validation cache', () => {
  afterEach(() => {
    setTranslations(undefined);
    clearValidationCache();
  });

  it('gives the same result for the same text, cached or not', () => {
    const text = PROJECT.replace('phase: scope', 'phase: planning');
    clearValidationCache();
    const first = validateDocument('project', text);
    const second = validateDocument('project', text);
    assert.deepEqual(second, first);
    assert.equal(second.data, first.data, 'the parsed value is shared, not parsed again');
  });

  it('keeps the cached diagnostics when a caller changes its list', () => {
    const text = PROJECT.replace('phase: scope', 'phase: planning');
    const first = validateDocument('project', text);
    first.diagnostics.push({ ...first.diagnostics[0], code: 'test.added' });
    first.diagnostics.reverse();
    assert.deepEqual(validateDocument('project', text).diagnostics.map((d) => d.code), ['schema.enum']);
  });

  it('tells kinds apart: the same text is checked against each kind’s schema', () => {
    assert.deepEqual(validateDocument('project', PROJECT).diagnostics, []);
    assert.ok(validateDocument('plan', PROJECT).diagnostics.some((d) => d.code === 'schema.required'));
  });

  it('does not serve messages in the previous language after the translations change', () => {
    const text = PROJECT.replace('phase: scope', 'phase: planning');
    const english = validateDocument('project', text).diagnostics[0].message;
    setTranslations(JSON.parse(readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.nl.json'), 'utf8')) as Record<string, string>);
    const dutch = validateDocument('project', text).diagnostics[0].message;
    assert.notEqual(dutch, english);
  });
});

describe('undefined aliases (checked only when the value cannot be built)', () => {
  const codes = (text: string) => readYaml(text).diagnostics.map((d) => [d.code, at(d)]);

  it('reports an alias used before its anchor', () => {
    assert.deepEqual(codes('a: *x\nb: &x 1\n'), [['yaml.undefined-alias', '1:4-1:6']]);
  });

  it('reports an undefined alias in a merge key, not as an unreadable document', () => {
    assert.deepEqual(codes('m:\n  <<: *nope\n  z: 2\n'), [['yaml.undefined-alias', '2:7-2:12']]);
  });

  it('reports an undefined alias in a document that also has a syntax error', () => {
    const found = codes('a: *x\nb: [unclosed\n').map(([code]) => code);
    assert.ok(found.includes('yaml.undefined-alias'), found.join());
  });

  it('reports nothing for an alias of an anchor defined before it', () => {
    const source = readYaml('a: &x 1\nb: *x\n');
    assert.deepEqual(source.diagnostics, []);
    assert.deepEqual(source.documents[0].value, { a: 1, b: 1 });
  });
});
