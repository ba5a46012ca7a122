/**
 * The last line of defence of document validation (`src/core/document/validate.ts`): a throw
 * inside the validation of one document becomes a `document.internal-error` finding on that
 * document, never a throw and never a stale report, and the other documents are validated as
 * usual. The throw is injected through the seam every message of the validation passes: the
 * translation bundle of `setTranslations`, whose lookup of one chosen message throws. Which step
 * looks that message up decides where the throw happens: a schema message inside the schema step
 * (`guarded`), a YAML syntax message inside the reading of the text (`validateSafely`).
 */
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { setTranslations } from '../../src/core/common/l10n';
import { clearValidationCache, validateDocument } from '../../src/core/document/validate';
import { validateCommand } from '../../src/cli/validateCommand';
import type { JsonDiagnostic } from '../../src/cli/output';
import type { DocumentKind } from '../../src/core/common/types';
import { at } from './helpers';
import { BASE, diagnostics, edit } from './ruleHelpers';

const ROOT = path.join(__dirname, '..', '..');
const DUTCH = JSON.parse(readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.nl.json'), 'utf8')) as Record<string, string>;

/** The schema message looked up inside the schema step, for a missing property. */
const MISSING = 'Missing required property "{0}".';
/** The YAML message looked up while the text is read, for a duplicate key. */
const DUPLICATE = 'The key "{0}" appears twice in this mapping; keep one (YAML keeps only the last).';

/** A translation bundle (`bundle`, or English) whose lookup of `key` throws `error`. */
function failingOn(key: string, error: Error, bundle: Record<string, string> = {}): Record<string, string> {
  return new Proxy(bundle, {
    get(target, property) {
      if (property === key) throw error;
      return Reflect.get(target, property) as unknown;
    },
  });
}

/** Runs `work` with `bundle` loaded (a fresh validation cache), then goes back to English. */
function withBundle<T>(bundle: Record<string, string>, work: () => T): T {
  setTranslations(bundle);
  clearValidationCache();
  try {
    return work();
  } finally {
    setTranslations(undefined);
    clearValidationCache();
  }
}

/** `[code, range, message]` of the findings of one document. */
const findings = (kind: DocumentKind, text: string) => validateDocument(kind, text).diagnostics.map((d) => [d.code, at(d), d.message]);

/** A plan without its `goal` (line 3 of BASE): one `schema.required` on line 1. */
const NO_GOAL = edit(BASE.plan, 3, 'goal: Work safely.');
/** A manifest with `client` twice: one `yaml.duplicate-key` on line 4. */
const TWO_CLIENTS = edit(BASE.project, 3, 'client: Acme', 'client: Acme', 'client: Acme');

describe('validation: a throw inside one document becomes a finding on it', () => {
  it('a throw in the schema step: document.internal-error at the document start, no data, the text still read', () => {
    assert.deepEqual(findings('plan', NO_GOAL).map(([code, range]) => [code, range]), [['schema.required', '1:1-1:7']], 'the injected message is not on the path');
    const result = withBundle(failingOn(MISSING, new Error('injected')), () => validateDocument('plan', NO_GOAL));
    assert.deepEqual(
      result.diagnostics.map((d) => [d.code, d.severity, at(d), d.message]),
      [['document.internal-error', 'error', '1:1-1:15', 'This document could not be checked completely (an internal error occurred); the findings shown may be incomplete.']],
    );
    assert.equal(result.data, undefined, 'data whose check failed is not handed on');
    assert.ok(result.yaml, 'the parsed text is still there for the positions of other findings');
  });

  it('a throw while the text is read: document.internal-error on the first line and nothing else', () => {
    assert.deepEqual(findings('project', TWO_CLIENTS).map(([code, range]) => [code, range]), [['yaml.duplicate-key', '4:1-4:7']]);
    const result = withBundle(failingOn(DUPLICATE, new Error('injected')), () => validateDocument('project', TWO_CLIENTS));
    assert.deepEqual(
      result.diagnostics.map((d) => [d.code, at(d), d.message]),
      [['document.internal-error', '1:1-1:14', 'This document could not be checked completely (an internal error occurred); the findings shown may be incomplete.']],
    );
    assert.equal(result.data, undefined);
    assert.equal(result.yaml, undefined);
  });

  it('says "too large or too deeply nested" for a RangeError, in English and Dutch', () => {
    const overflow = new RangeError('Maximum call stack size exceeded');
    assert.deepEqual(withBundle(failingOn(MISSING, overflow), () => findings('plan', NO_GOAL)), [
      ['document.internal-error', '1:1-1:15', 'This document could not be checked completely (it is too large or too deeply nested); the findings shown may be incomplete.'],
    ]);
    assert.deepEqual(withBundle(failingOn(MISSING, overflow, DUTCH), () => findings('plan', NO_GOAL)), [
      ['document.internal-error', '1:1-1:15', 'Dit document kon niet volledig worden gecontroleerd (het is te groot of te diep genest); de getoonde bevindingen zijn misschien onvolledig.'],
    ]);
    assert.deepEqual(withBundle(failingOn(DUPLICATE, new Error('injected'), DUTCH), () => findings('project', TWO_CLIENTS)), [
      ['document.internal-error', '1:1-1:14', 'Dit document kon niet volledig worden gecontroleerd (er ging intern iets mis); de getoonde bevindingen zijn misschien onvolledig.'],
    ]);
  });

  it('the other documents of the project are validated as usual, and the report is not stale once the failure is gone', () => {
    const scope = edit(BASE.scope, 2, '  - id: mail', '  - id: mail', '    colour: red');
    const all = () => diagnostics({ plan: NO_GOAL, scope }).map(({ kind, d }) => [kind, d.code, at(d), d.message]);
    const others = (list: string[][]) => list.filter(([kind]) => kind !== 'plan');
    const plan = (list: string[][]) => list.filter(([kind]) => kind === 'plan').map(([, code, range]) => [code, range]);
    const baseline = all();
    assert.deepEqual(plan(baseline), [['schema.required', '1:1-1:7']]);
    assert.deepEqual(
      others(baseline).map(([kind, code]) => [kind, code]),
      [
        ['project', 'project.phase-ahead-of-documents'],
        ['scope', 'schema.additionalProperties'],
      ],
      'the other documents have findings of their own, one of them a rule over the project',
    );
    const found = withBundle(failingOn(MISSING, new Error('injected')), all);
    assert.deepEqual(plan(found), [['document.internal-error', '1:1-1:15']]);
    assert.deepEqual(others(found), others(baseline), 'the other documents lost or gained findings');
    // The same texts again, without the failure: the real finding, not a cached internal error.
    assert.deepEqual(all(), baseline);
  });

  it('msp-docs validate names the file, reports the internal error on it and checks the others', async () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'msp-internal-'));
    try {
      cpSync(path.join(ROOT, 'samples', 'dekker-accountants'), path.join(tmp, 'p'), { recursive: true });
      const plan = path.join(tmp, 'p', 'plan.yaml');
      writeFileSync(plan, readFileSync(plan, 'utf8').replace(/^goal:.*\r?\n(?:[ \t]+.*\r?\n)*/m, ''));
      const scope = path.join(tmp, 'p', 'scope.yaml');
      writeFileSync(scope, readFileSync(scope, 'utf8').replace(/^in_scope:/m, 'colour: red\nin_scope:'));
      setTranslations(failingOn(MISSING, new Error('injected')));
      let result;
      try {
        result = await validateCommand(['p'], 'json', { name: 'msp-docs', version: '0.0.0' }, { cwd: tmp });
      } finally {
        setTranslations(undefined);
        clearValidationCache();
      }
      assert.equal(result.exitCode, 1);
      const found = (JSON.parse(result.stdout) as JsonDiagnostic[]).map((d) => [d.file, d.code, d.line, d.column]);
      assert.deepEqual(
        found.filter(([, code]) => code === 'document.internal-error'),
        // The schema step fails at the start of the document's content, below the comment on line 1.
        [['plan.yaml', 'document.internal-error', 2, 1]],
      );
      assert.ok(found.some(([file, code]) => file === 'scope.yaml' && code === 'schema.additionalProperties'), `scope.yaml was not checked: ${JSON.stringify(found)}`);
      assert.match(result.stderr ?? '', /6 file\(s\) checked/);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
