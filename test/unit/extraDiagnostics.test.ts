import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { nodeHost } from '../../src/cli/nodeHost';
import { withExtraDiagnostics } from '../../src/core/project/extraDiagnostics';
import type { A4Measurement } from '../../src/core/common';
import { OVERFLOW_CODE, overflowDiagnostic } from '../../src/core/render';
import { MEASURED_RULE_CODES, RULE_CODES } from '../../src/core/rules';
import type { Diagnostic } from '../../src/core/common/types';
import { loadProject, validateProject } from '../../src/core/project/workspace';
import { PROJECT } from './helpers';

const SAMPLE = path.join(__dirname, '..', 'fixtures', 'workspace', 'clients', 'dekker-accountants');

const OVERFLOW: A4Measurement = {
  fits: false,
  overflowMm: 27.5,
  overflowPercent: 10,
  contentHeightMm: 302.5,
  availableHeightMm: 275,
  sections: [
    { id: 'title', heightMm: 12 },
    { id: 'approach', heightMm: 150.25 },
    { id: 'scope', heightMm: 60 },
  ],
};

describe('extra diagnostics merged into a report', () => {
  it('adds the overflow warning to plan.yaml and derives states, phases and counts again', async () => {
    const report = await loadProject(nodeHost, SAMPLE);
    assert.equal(report.warnings, 0);
    const warning = overflowDiagnostic(OVERFLOW, 'method: hybrid\nstages:\n  - id: x\n');
    assert.ok(warning);
    const merged = withExtraDiagnostics(report, [{ plan: [warning] }]);
    assert.notEqual(merged, report);
    assert.equal(report.documents.plan.diagnostics.length, 0, 'the input report was changed');
    assert.deepEqual(merged.documents.plan.diagnostics.map((d) => [d.code, d.severity, d.range.start.line]), [[OVERFLOW_CODE, 'warning', 1]]);
    assert.equal(merged.documents.plan.state, 'warnings');
    assert.equal(merged.phases.approach, 'warnings');
    assert.equal(merged.phases.scope, 'ok');
    assert.equal(merged.warnings, 1);
    assert.equal(merged.errors, 0);
    assert.match(warning.message, /27\.5 mm \(10\.0 %\) too long\. Longest sections: Approach and timeline 150\.3 mm, Scope Canvas 60\.0 mm, Title block 12\.0 mm\./);
  });

  it('applies the configured severity, and off drops the diagnostic', async () => {
    const report = await loadProject(nodeHost, SAMPLE);
    const warning = overflowDiagnostic(OVERFLOW)!;
    const asError = withExtraDiagnostics(report, [{ plan: [warning] }], { [OVERFLOW_CODE]: 'error' });
    assert.equal(asError.documents.plan.diagnostics[0].severity, 'error');
    assert.equal(asError.documents.plan.state, 'errors');
    assert.deepEqual([asError.errors, asError.warnings], [1, 0]);
    assert.equal(withExtraDiagnostics(report, [{ plan: [warning] }], { [OVERFLOW_CODE]: 'off' }), report);
  });

  it('drops extras for a missing document, keeps the order by position, and returns the report itself when nothing is added', () => {
    const report = validateProject('p', { project: { path: 'p/project.yaml', text: PROJECT } }, (kind) => `p/${kind}`);
    const extra: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: 'warning', code: OVERFLOW_CODE, message: 'x' };
    assert.equal(withExtraDiagnostics(report, [{ plan: [extra] }]), report);
    assert.equal(withExtraDiagnostics(report, []), report);
    const later = { ...extra, range: { start: { line: 3, character: 0 }, end: { line: 3, character: 1 } } };
    const merged = withExtraDiagnostics(report, [{ project: [later] }, { project: [extra] }]);
    assert.deepEqual(merged.documents.project.diagnostics.map((d) => d.range.start.line), [0, 3]);
  });

  it('makes the overflow code configurable like a method rule', () => {
    assert.deepEqual(MEASURED_RULE_CODES, [OVERFLOW_CODE]);
    assert.ok(RULE_CODES.includes(OVERFLOW_CODE));
  });
});
