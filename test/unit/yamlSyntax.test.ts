import * as assert from 'node:assert/strict';
import type { Diagnostic } from '../../src/core/common/types';
import { isYamlSyntaxCode } from '../../src/core/document/yamlSource';
import { validateDocument } from '../../src/core/document/validate';
import { publishesYamlSyntax, YamlSyntaxFilter, type YamlSyntaxHost } from '../../src/extension/projects/yamlSyntax';

/** A host whose setting and Red Hat YAML state a test changes, firing the change event as VS Code would. */
function fakeHost(mode: unknown, redHat: boolean) {
  const listeners = new Set<() => void>();
  const state = { mode, redHat };
  const host: YamlSyntaxHost = {
    mode: () => state.mode,
    redHatActive: () => state.redHat,
    onDidChange: (listener) => {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
  };
  return { host, state, fire: () => listeners.forEach((l) => l()), listeners };
}

/** A plan with a duplicate key (a syntax error) and a wrong enum value (a schema error). */
const PLAN = ['method: hybrid', 'method: hybrid', 'version: "0.1"', 'goal: x', 'stages:', '  - id: a', '    name: A', '    start: 2026-09', '    end: 2026-09', '    approach: waterfall', '    type: initiation', '    deliverables: [x]', ''].join('\n');

describe('YAML syntax errors beside Red Hat YAML', () => {
  it('tells the parser\'s syntax errors from the extension\'s own yaml.* findings and from schema codes', () => {
    for (const code of ['yaml.duplicate-key', 'yaml.tab-indent', 'yaml.block-as-implicit-key', 'yaml.missing-char']) assert.equal(isYamlSyntaxCode(code), true, code);
    for (const code of ['yaml.undefined-alias', 'yaml.alias-limit', 'yaml.invalid', 'yaml.multiple-documents', 'schema.enum', 'plan.unknown-owner']) assert.equal(isYamlSyntaxCode(code), false, code);
  });

  it('auto leaves syntax errors out while Red Hat YAML is active; always and never decide alone', () => {
    assert.equal(publishesYamlSyntax('auto', false), true);
    assert.equal(publishesYamlSyntax('auto', true), false);
    assert.equal(publishesYamlSyntax(undefined, true), false);
    assert.equal(publishesYamlSyntax('always', true), true);
    assert.equal(publishesYamlSyntax('never', false), false);
  });

  it('filters the syntax errors of a YAML document, keeps its schema errors and everything in intake.md', () => {
    const diagnostics = validateDocument('plan', PLAN).diagnostics;
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['schema.enum', 'yaml.duplicate-key']);
    const fake = fakeHost('auto', true);
    const filter = new YamlSyntaxFilter(fake.host);
    assert.deepEqual(filter.filter('plan', diagnostics).map((d) => d.code), ['schema.enum']);
    const intake: Array<Pick<Diagnostic, 'code'>> = [{ code: 'yaml.duplicate-key' }];
    assert.deepEqual(filter.filter('intake', intake), intake);
    filter.dispose();
    assert.equal(fake.listeners.size, 0);
  });

  it('follows Red Hat YAML being installed or removed and the setting, and says when its decision flips', () => {
    const fake = fakeHost('auto', false);
    const filter = new YamlSyntaxFilter(fake.host);
    let flips = 0;
    filter.onDidChange(() => flips++);
    assert.equal(filter.publishesSyntax, true);
    fake.state.redHat = true;
    fake.fire();
    assert.equal(filter.publishesSyntax, false);
    fake.fire(); // nothing changed: no flip
    fake.state.mode = 'always';
    fake.fire();
    assert.equal(filter.publishesSyntax, true);
    fake.state.mode = 'never';
    fake.state.redHat = false;
    fake.fire();
    assert.equal(filter.publishesSyntax, false);
    assert.equal(flips, 3);
    filter.dispose();
  });
});
