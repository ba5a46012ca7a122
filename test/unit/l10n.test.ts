import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sources(file) : file.endsWith('.ts') ? [file] : [];
  });
}

/** The first argument of every `t('…')` / `l10n.t('…')` call with a literal string. */
function messageKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  const call = /\b(?:l10n\.)?t\(\s*(['"])((?:\\.|(?!\1).)*)\1/g;
  for (const file of sources(path.join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(call)) keys.set(m[2].replace(/\\(['"\\])/g, '$1'), path.relative(ROOT, file));
  }
  return keys;
}

describe('translations', () => {
  it('has a Dutch translation for every message of the code, with the same placeholders', () => {
    const nl = JSON.parse(readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.nl.json'), 'utf8')) as Record<string, string | { message: string }>;
    const missing: string[] = [];
    for (const [key, file] of messageKeys()) {
      const value = nl[key];
      const text = typeof value === 'object' ? value.message : value;
      if (!text) {
        missing.push(`${file}: ${key}`);
        continue;
      }
      const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort().join();
      assert.equal(placeholders(text), placeholders(key), `placeholders differ for "${key}"`);
    }
    assert.deepEqual(missing, []);
  });

  it('has every package.nls.json key in Dutch too', () => {
    const en = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const nl = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.nl.json'), 'utf8')) as Record<string, string>;
    assert.deepEqual(Object.keys(nl).sort(), Object.keys(en).sort());
  });
});
