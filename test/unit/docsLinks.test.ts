// Comments and docs cite only what is in the repository: every `docs/*.md` a comment, a doc or
// README.md names exists (with the heading, when an anchor is given); every relative link of the
// docs resolves; every `src/`, `test/`, `scripts/` and `bench/` path the docs and the comments
// name exists; and no comment points at an issue number, a design note outside the repository or
// a folder of one machine. A file that moves or a doc that is renamed fails here.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const SELF = path.relative(ROOT, __filename).split(path.sep).join('/');

/** Files below `dir` (repository-relative, `/`-separated) with one of `extensions`; fixtures and generated files left out. */
function files(dir: string, extensions: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (relative: string): void => {
    for (const name of readdirSync(path.join(ROOT, relative))) {
      const file = `${relative}/${name}`;
      if (name === 'node_modules' || file === 'test/fixtures' || file === 'test/vscode/env/cache') continue;
      if (statSync(path.join(ROOT, file)).isDirectory()) walk(file);
      else if (extensions.some((e) => name.endsWith(e)) && !name.startsWith('schemaValidators.')) out.push(file);
    }
  };
  walk(dir);
  return out;
}

const CODE = ['src', 'test', 'scripts', 'bench'].flatMap((d) => files(d, ['.ts', '.mjs', '.cjs', '.js', '.sh'])).filter((f) => f !== SELF);
const DOCS = ['README.md', ...files('docs', ['.md'])];

function read(file: string): string {
  return readFileSync(path.join(ROOT, file), 'utf8');
}

/** The comment text of each line of a source file (line number from 1): `//` and `#` comments and the lines of a block comment. */
function commentLines(text: string, shell = false): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  let inBlock = false;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (inBlock || line.startsWith('/*') || line.startsWith('*')) {
      out.push({ line: i + 1, text: line });
      inBlock = !line.includes('*/') && (inBlock || line.startsWith('/*'));
      return;
    }
    const trailing = /(?:^|\s)\/\/\s?(.*)$/.exec(raw) ?? (shell ? /(?:^|\s)#\s?(.*)$/.exec(raw) : null);
    if (trailing) out.push({ line: i + 1, text: trailing[1] });
  });
  return out;
}

/** GitHub's anchors of a Markdown file's headings (code blocks skipped; a repeated heading gets `-1`, `-2`). */
function anchors(markdown: string): Set<string> {
  const found = new Set<string>();
  let fence = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    const heading = fence ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = heading[1].toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    let slug = base;
    for (let n = 1; found.has(slug); n++) slug = `${base}-${n}`;
    found.add(slug);
  }
  return found;
}

/** Where `text` cites a `docs/*.md` file that is not there, or a heading that file does not have. */
function missingDocs(text: string, exists: (file: string) => boolean, headings: (file: string) => Set<string>): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![\w./-])(docs\/[\w./-]*\.md)(?:#([\w-]+))?/g)) {
    if (!exists(m[1])) out.push(m[1]);
    else if (m[2] && !headings(m[1]).has(m[2])) out.push(`${m[1]}#${m[2]}`);
  }
  return out;
}

/** Repository paths (`src/…`, `test/…`, `scripts/…`, `bench/…`) in `text` that do not exist; globs and brace lists are cut at their first wildcard. */
function missingPaths(text: string, exists: (file: string) => boolean): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![\w./@-])((?:src|test|scripts|bench)\/[\w./-]*[\w])/g)) if (!exists(m[1])) out.push(m[1]);
  return out;
}

/** What a comment may not cite: issue numbers, notes outside the repository, folders of one machine. */
function forbiddenCitations(comment: string): string[] {
  const patterns = [/\bissues? #?\d+/i, /\bSeed, step\b/i, /DESIGN\.md/, /\.\.\/shared\b/, /(?<![\w.~-])\/(?:work|home|tmp)\//];
  return patterns.flatMap((p) => p.exec(comment)?.[0] ?? []);
}

const exists = (file: string): boolean => existsSync(path.join(ROOT, file));
const headingCache = new Map<string, Set<string>>();
const headings = (file: string): Set<string> => {
  let found = headingCache.get(file);
  if (!found) headingCache.set(file, (found = anchors(read(file))));
  return found;
};

describe('references in comments and docs', () => {
  it('finds planted bad references, so the checks below can fail', () => {
    const planted = commentLines('const a = 1; // see docs/nowhere.md and docs/ci.md#no-such-heading\n/**\n * Issue 9, DESIGN.md, ../shared/x, /work/main/src\n */\nconst b = "docs/ignored.md";');
    assert.deepEqual(planted.map((c) => c.line), [1, 2, 3, 4]);
    const comment = planted.map((c) => c.text).join('\n');
    assert.deepEqual(missingDocs(comment, exists, headings), ['docs/nowhere.md', 'docs/ci.md#no-such-heading']);
    assert.deepEqual(forbiddenCitations(comment), ['Issue 9', 'DESIGN.md', '../shared', '/work/']);
    assert.deepEqual(missingPaths('`src/core/nowhere.ts`, `src/core/common/text.ts`, test/unit/**, out/test/x.js', exists), ['src/core/nowhere.ts']);
    assert.ok(anchors('# A title\n```sh\n# not a heading\n```\n## One keystroke, to a `diagnostic`\n## A title').has('one-keystroke-to-a-diagnostic'));
    assert.deepEqual([...anchors('# A\n# A')], ['a', 'a-1']);
  });

  it('cites in comments of src, test, scripts and bench only docs/*.md files and paths that exist', () => {
    const bad: string[] = [];
    for (const file of CODE) {
      for (const c of commentLines(read(file), file.endsWith('.sh'))) {
        for (const miss of [...missingDocs(c.text, exists, headings), ...missingPaths(c.text, exists)]) bad.push(`${file}:${c.line}: ${miss}`);
      }
    }
    assert.ok(CODE.length > 250, `read ${CODE.length} source files`);
    assert.deepEqual(bad, []);
  });

  it('cites in comments no issue numbers, design notes outside the repository or machine folders', () => {
    const bad: string[] = [];
    for (const file of CODE) {
      for (const c of commentLines(read(file), file.endsWith('.sh'))) for (const what of forbiddenCitations(c.text)) bad.push(`${file}:${c.line}: ${what}`);
    }
    assert.deepEqual(bad, []);
  });

  it('links README.md and docs/*.md only to files and headings that exist', () => {
    const bad: string[] = [];
    for (const doc of DOCS) {
      const text = read(doc);
      for (const miss of missingDocs(text, exists, headings)) bad.push(`${doc}: ${miss}`);
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1];
        if (/^[a-z]+:/i.test(target)) continue;
        const [file, anchor] = target.split('#');
        const resolved = file ? path.posix.normalize(path.posix.join(path.posix.dirname(doc), decodeURI(file))) : doc;
        if (!exists(resolved)) bad.push(`${doc}: ${target}`);
        else if (anchor && resolved.endsWith('.md') && !headings(resolved).has(anchor)) bad.push(`${doc}: ${target}`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it('names in README.md and docs/*.md only src, test, scripts and bench paths that exist', () => {
    const bad: string[] = [];
    for (const doc of DOCS) {
      const text = read(doc);
      for (const miss of missingPaths(text, exists)) bad.push(`${doc}: ${miss}`);
      // docs/ARCHITECTURE.md names the groups without `src/`: `core/render/load.ts`, `extension/preview/`.
      for (const m of text.matchAll(/`((?:core|extension|cli)\/[\w./-]*[\w])/g)) if (!exists(`src/${m[1]}`)) bad.push(`${doc}: ${m[1]}`);
    }
    assert.deepEqual(bad, []);
  });
});
