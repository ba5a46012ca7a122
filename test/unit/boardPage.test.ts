// The boards' web page (src/core/webview/boardPage.ts) and texts (boardStrings.ts): a strict
// Content Security Policy with the page's nonce and nothing inline, and every text of the board
// in Dutch when VS Code's display language is Dutch (the bundle the extension passes to t()).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { setTranslations } from '../../src/core/common/l10n';
import { boardPageHtml, boardStrings, type BoardPageOptions } from '../../src/core/webview';

const OPTIONS: BoardPageOptions = {
  kind: 'scope',
  nonce: 'bm9uY2Utb2YtdGhpcy1wYWdl',
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/board.css',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/board.js',
  language: 'nl',
  title: 'Scope Canvas-bord',
};

/** The directives of the page's CSP meta element, by name. */
function csp(html: string): Map<string, string[]> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  assert.ok(content, 'the page has a CSP meta element');
  const text = content.replace(/&#39;/g, "'");
  return new Map(text.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]));
}

describe('board page', () => {
  it('has a strict CSP: nothing by default, only its nonce for scripts, no unsafe-inline or unsafe-eval anywhere', () => {
    const html = boardPageHtml(OPTIONS);
    const policy = csp(html);
    assert.deepEqual(policy.get('default-src'), ["'none'"]);
    assert.deepEqual(policy.get('script-src'), [`'nonce-${OPTIONS.nonce}'`]);
    assert.deepEqual(policy.get('style-src'), [OPTIONS.cspSource]);
    assert.deepEqual(policy.get('img-src'), [OPTIONS.cspSource]);
    assert.deepEqual(policy.get('base-uri'), ["'none'"]);
    assert.deepEqual(policy.get('form-action'), ["'none'"]);
    assert.ok(![...policy.values()].flat().some((v) => /unsafe-|\*|data:|blob:/.test(v)), JSON.stringify([...policy]));
  });

  it('loads its one script by nonce and src, with nothing inline: no script text, style element, style attribute or handler', () => {
    const html = boardPageHtml(OPTIONS);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.match(scripts[0][1], new RegExp(`nonce="${OPTIONS.nonce}"`));
    assert.match(scripts[0][1], /src="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/media\/board\.js"/);
    assert.equal(scripts[0][2], '', 'no inline script');
    assert.doesNotMatch(html, /<style\b|\sstyle=|\son[a-z]+=/i);
    assert.match(html, /<html lang="nl">/);
    assert.match(html, /<body data-kind="scope">/);
  });

  it('escapes what it puts in the page; the CSP names the nonce it was given', () => {
    const html = boardPageHtml({ ...OPTIONS, title: '</title><script>alert(1)</script>', language: 'nl"><script>', kind: 'x' as never });
    assert.equal((html.match(/<script\b/g) ?? []).length, 1, 'no script element from the title or the language');
    assert.match(html, /<title>&#60;\/title&#62;&#60;script&#62;alert\(1\)&#60;\/script&#62;<\/title>/);
    assert.match(html, /<body data-kind="scope">/, 'an unknown kind is drawn as the scope board, never copied into the page');
    assert.notEqual(csp(boardPageHtml({ ...OPTIONS, nonce: 'b3RoZXI=' })).get('script-src')?.[0], csp(html).get('script-src')?.[0]);
  });
});

describe('board texts', () => {
  afterEach(() => setTranslations(undefined));

  it('are all in Dutch for a Dutch VS Code: column and quadrant names, buttons, help, fields', () => {
    const english = { scope: boardStrings('scope'), stakeholders: boardStrings('stakeholders') };
    setTranslations(JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'l10n', 'bundle.l10n.nl.json'), 'utf8')) as Record<string, string>);
    const dutch = { scope: boardStrings('scope'), stakeholders: boardStrings('stakeholders') };
    assert.equal(dutch.scope.in_scope, 'Doen we');
    assert.equal(dutch.scope.out_of_scope, 'Doen we niet');
    assert.equal(dutch.scope.later, 'Misschien later');
    assert.equal(dutch.scope.title, 'Scope Canvas-bord');
    assert.equal(dutch.stakeholders.manageClosely, 'Nauw betrekken');
    assert.equal(dutch.stakeholders.readOnly, 'Alleen-lezen op het bord: {0}');
    // Every text is translated: none is left in English (a few words are the same in both languages).
    const same = new Set(['Id', 'E-mail', 'Quick fix']);
    for (const kind of ['scope', 'stakeholders'] as const) {
      assert.deepEqual(Object.keys(dutch[kind]), Object.keys(english[kind]));
      const untranslated = Object.keys(english[kind]).filter((k) => dutch[kind][k] === english[kind][k] && !same.has(english[kind][k]));
      assert.deepEqual(untranslated, [], `${kind}: left in English`);
    }
  });
});
