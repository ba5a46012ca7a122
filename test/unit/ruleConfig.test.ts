import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isMap, isSeq, parseDocument, type Node } from 'yaml';
import { DOCUMENT_KINDS } from '../../src/core/document/documents';
import { checkProject, findConfigFile, mergeRuleConfigs, parseConfigFile, parseRuleConfig, RULE_CODES, RULES, type RuleDocument, type RuleDocuments } from '../../src/core/rules';
import { runRules } from '../../src/core/rules/framework';
import type { DocumentKind } from '../../src/core/common/types';
import type { A4Measurement } from '../../src/core/common';
import { loadProject } from '../../src/core/project/workspace';
import { readYaml } from '../../src/core/document/yamlSource';
import { setTranslations } from '../../src/core/common/l10n';
import { at } from './helpers';
import { BASE, check, diagnostics, edit } from './ruleHelpers';

const ROOT = path.join(__dirname, '..', '..');
/** A measurement of a page that runs over, for `plan.overflows-a4`. */
const OVERFLOW: A4Measurement = { fits: false, overflowMm: 10, overflowPercent: 3.6, contentHeightMm: 285, availableHeightMm: 275, contentWidthMm: 184, availableWidthMm: 184, overflowWidthMm: 0, sections: [{ id: 'approach', heightMm: 90 }] };
const NO_OUT_OF_SCOPE = BASE.scope.replace(/out_of_scope:\n.*\n.*\n.*\n/, 'out_of_scope: []\n');

describe('rule configuration', () => {
  it('changes a rule\'s severity', () => {
    assert.deepEqual(diagnostics({ scope: NO_OUT_OF_SCOPE }).map(({ d }) => [d.code, d.severity]), [['scope.no-out-of-scope', 'warning']]);
    const list = diagnostics({ scope: NO_OUT_OF_SCOPE }, { 'scope.no-out-of-scope': 'error' });
    assert.deepEqual(list.map(({ kind, d }) => [kind, d.code, d.severity, at(d)]), [
      // An error now, so the phase (approach) is ahead of scope.yaml.
      ['project', 'project.phase-ahead-of-documents', 'info', '5:8-5:16'],
      ['scope', 'scope.no-out-of-scope', 'error', '5:1-5:13'],
    ]);
  });

  it('switches a rule off', () => {
    assert.deepEqual(check({ scope: NO_OUT_OF_SCOPE }, { 'scope.no-out-of-scope': 'off' }), []);
  });

  it('brings the generic schema error back when plan.day-instead-of-month is off', () => {
    const plan = edit(BASE.plan, 7, '    start: 2026-09', '    start: 2026-09-15');
    assert.deepEqual(check({ plan }, { 'plan.day-instead-of-month': 'off' }), [['plan', 'schema.pattern', '7:12-7:22']]);
    assert.deepEqual(diagnostics({ plan }, { 'plan.day-instead-of-month': 'hint' }).map(({ d }) => [d.code, d.severity]), [['plan.day-instead-of-month', 'hint']]);
  });

  it('counts errors and warnings after configuration, and sets document states from them', async () => {
    const files: Record<string, string> = { 'p/project.yaml': BASE.project, 'p/scope.yaml': NO_OUT_OF_SCOPE };
    const host = { readDirectory: async () => [], readFile: async (f: string) => files[f], join: (d: string, n: string) => `${d}/${n}` };
    const byDefault = await loadProject(host, 'p');
    assert.deepEqual([byDefault.documents.scope.state, byDefault.warnings, byDefault.errors, byDefault.phases.scope], ['warnings', 1, 0, 'warnings']);
    const strict = await loadProject(host, 'p', { rules: { 'scope.no-out-of-scope': 'error' } });
    assert.deepEqual([strict.documents.scope.state, strict.warnings, strict.errors, strict.phases.scope], ['errors', 0, 1, 'errors']);
  });

  it('reports unknown codes (with the closest known one), format codes and bad severities, and keeps the rest', () => {
    const parsed = parseRuleConfig({ 'scope.no-out-of-scop': 'off', 'schema.required': 'off', 'plan.unknown-owner': 'warn', 'frobnicate': 'off', 'plan.unknown-stage': 'warning' }, RULE_CODES);
    assert.deepEqual(parsed.rules, { 'plan.unknown-stage': 'warning' });
    assert.equal(parsed.problems.length, 4);
    assert.match(parsed.problems[0], /Unknown rule "scope\.no-out-of-scop"; did you mean "scope\.no-out-of-scope"\?/);
    assert.match(parsed.problems[1], /"schema\.required" is a format check, not a method rule/);
    assert.match(parsed.problems[2], /Rule "plan\.unknown-owner": "warn" is not a severity; use one of: error, warning, info, hint, off/);
    assert.match(parsed.problems[3], /Unknown rule "frobnicate"; the entry is ignored\. Known rules: intake\.theme-missing, scope\.no-out-of-scope, /);
    assert.deepEqual(parseRuleConfig(['x'], RULE_CODES).rules, {});
    assert.equal(parseRuleConfig(['x'], RULE_CODES).problems.length, 1);
    assert.deepEqual(parseRuleConfig(undefined, RULE_CODES), { rules: {}, problems: [] });
  });

  it('reads the configuration file: rules, unknown keys, invalid JSON, a BOM', () => {
    assert.deepEqual(parseConfigFile('\uFEFF{ "rules": { "scope.no-out-of-scope": "off" } }', RULE_CODES), { rules: { 'scope.no-out-of-scope': 'off' }, problems: [] });
    const unknownKey = parseConfigFile('{ "rule": {} }', RULE_CODES);
    assert.match(unknownKey.problems[0], /Unknown key "rule" in the configuration; only "rules", "ignore" and "style" are read/);
    assert.match(parseConfigFile('{ rules: }', RULE_CODES).error ?? '', /not valid JSON/);
    assert.match(parseConfigFile('[]', RULE_CODES).error ?? '', /must be a JSON object/);
    assert.deepEqual(parseConfigFile('{ "$schema": "x", "rules": {} }', RULE_CODES).problems, []);
  });

  it('finds the nearest .msp-docs.json in the folder or its ancestors', async () => {
    const files: Record<string, string> = { '/a/.msp-docs.json': 'outer', '/a/b/c/.msp-docs.json': 'inner' };
    const host = { readFile: async (f: string) => files[f], join: (d: string, n: string) => `${d === '/' ? '' : d}/${n}`, parentOf: (d: string) => path.posix.dirname(d) };
    assert.deepEqual(await findConfigFile(host, '/a/b/c'), { path: '/a/b/c/.msp-docs.json', text: 'inner' });
    assert.deepEqual(await findConfigFile(host, '/a/b'), { path: '/a/.msp-docs.json', text: 'outer' });
    assert.equal(await findConfigFile(host, '/x/y'), undefined);
  });

  it('merges configurations, the later one winning per code (setting, then file)', () => {
    assert.deepEqual(mergeRuleConfigs({ 'scope.no-out-of-scope': 'off', 'plan.unknown-owner': 'warning' }, undefined, { 'scope.no-out-of-scope': 'info' }), {
      'scope.no-out-of-scope': 'info',
      'plan.unknown-owner': 'warning',
    });
  });

  it('declares the mspDocs.rules setting with every rule code and the five values, described in both languages', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const setting = pkg.contributes.configuration.properties['mspDocs.rules'];
    assert.equal(setting.type, 'object');
    assert.deepEqual(Object.keys(setting.properties).sort(), [...RULE_CODES].sort());
    for (const code of RULE_CODES) assert.deepEqual(setting.properties[code].enum, ['error', 'warning', 'info', 'hint', 'off'], code);
    const key = /^%(.+)%$/.exec(setting.markdownDescription)?.[1] ?? '';
    for (const lang of ['', '.nl']) {
      const nls = JSON.parse(readFileSync(path.join(ROOT, `package.nls${lang}.json`), 'utf8'));
      assert.match(nls[key], /\.msp-docs\.json/, lang);
    }
  });
});

describe('method rules on odd data', () => {
  /** Every value path of a YAML document, containers included. */
  function paths(node: Node | null | undefined, prefix: Array<string | number> = []): Array<Array<string | number>> {
    const out: Array<Array<string | number>> = [prefix];
    if (isMap(node)) for (const pair of node.items) out.push(...paths(pair.value as Node, [...prefix, String((pair.key as { value: unknown }).value)]));
    if (isSeq(node)) node.items.forEach((item, i) => out.push(...paths(item as Node, [...prefix, i])));
    return out;
  }

  /** Parsed documents by kind and text: only the mutated document is parsed again. */
  const parsed = new Map<string, RuleDocument>();
  function documentsOf(texts: Partial<Record<DocumentKind, string>>): RuleDocuments {
    const docs: RuleDocuments = {};
    for (const [kind, text] of Object.entries(texts) as Array<[DocumentKind, string]>) {
      let doc = parsed.get(kind + '\0' + text);
      if (!doc) {
        const source = readYaml(text);
        const first = source.documents[0];
        doc = { kind, data: first?.value, yaml: first && { doc: first.doc, lines: source.lines }, diagnostics: [] };
        parsed.set(kind + '\0' + text, doc);
      }
      docs[kind] = doc;
    }
    return docs;
  }

  it('never throws when any value of any document has another type, or a document is missing', function () {
    this.timeout(60_000);
    const failures: string[] = [];
    const onRuleError = (code: string, error: unknown) => failures.push(`${code}: ${String(error)}`);
    const kinds = DOCUMENT_KINDS.filter((k) => k !== 'intake');
    let runs = 0;
    for (const kind of kinds) {
      const doc = parseDocument(BASE[kind]);
      for (const p of paths(doc.contents as Node)) {
        for (const odd of [null, 7, 'x', '2026-09-15', [], {}, [1, 'x', null], { id: 3 }]) {
          const mutated = doc.clone();
          if (p.length) mutated.setIn(p, mutated.createNode(odd));
          else mutated.contents = mutated.createNode(odd) as typeof mutated.contents;
          const texts: Partial<Record<DocumentKind, string>> = { ...BASE, [kind]: mutated.toString() };
          // With an overflowing measurement, so that plan.overflows-a4 runs on the odd values too.
          checkProject(documentsOf(texts), { onRuleError, measurement: OVERFLOW });
          runs++;
          if (kind === 'plan' || kind === 'project') {
            // The readers of other documents, also without the document they read.
            delete texts.stakeholders;
            delete texts.project;
            checkProject(documentsOf(texts), { onRuleError });
            runs++;
          }
        }
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(runs > 1000, `${runs} runs`);
    // A document without YAML (an empty file) is skipped, and every rule copes with no documents at all.
    assert.deepEqual(checkProject({ scope: { kind: 'scope', data: undefined, diagnostics: [] } }, { onRuleError }), { scope: [] });
    assert.deepEqual(checkProject({}, { onRuleError }), {});
    assert.deepEqual(failures, []);
  });

  it('catches a rule that throws, leaves its findings out and says so on the document, in English and Dutch', () => {
    const errors: string[] = [];
    const boom = { code: 'scope.boom', document: 'scope' as const, defaultSeverity: 'error' as const, check: () => { throw new Error('bug'); } };
    const docs = documentsOf({ scope: BASE.scope });
    assert.deepEqual(runRules(docs, [boom, ...RULES], { onRuleError: (code) => errors.push(code) }), {
      scope: [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 9 } },
          severity: 'warning',
          code: 'document.internal-error',
          message: 'The check scope.boom could not run on this document (an internal error occurred); its findings are missing.',
        },
      ],
    });
    assert.deepEqual(errors, ['scope.boom']);
    const dutch = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'l10n', 'bundle.l10n.nl.json'), 'utf8')) as Record<string, string>;
    setTranslations(dutch);
    try {
      assert.deepEqual(
        runRules(documentsOf({ scope: BASE.scope }), [boom, ...RULES]).scope?.map((d) => [d.code, at(d), d.message]),
        [['document.internal-error', '1:1-1:10', 'De controle scope.boom kon niet op dit document draaien (er ging intern iets mis); de bevindingen daarvan ontbreken.']],
      );
    } finally {
      setTranslations(undefined);
    }
  });
});
