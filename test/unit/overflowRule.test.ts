// The rule plan.overflows-a4: the A4 preview's measurement as an input of validation.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { nodeHost } from '../../src/cli/nodeHost';
import { type A4Measurement, sameOnePageFinding } from '../../src/core/common';
import { checkProject, OVERFLOW_CODE, RULE_CODES, RULES } from '../../src/core/rules';
import { loadProject, validateProject } from '../../src/core/project/workspace';
import { at, PROJECT } from './helpers';
import { BASE, check, diagnostics, edit } from './ruleHelpers';

const SAMPLE = path.join(__dirname, '..', 'fixtures', 'workspace', 'clients', 'dekker-accountants');

const OVERFLOW: A4Measurement = {
  fits: false,
  overflowMm: 27.5,
  overflowPercent: 10,
  contentHeightMm: 302.5,
  availableHeightMm: 275,
  contentWidthMm: 184,
  availableWidthMm: 184,
  overflowWidthMm: 0,
  sections: [
    { id: 'title', heightMm: 12 },
    { id: 'approach', heightMm: 150.25 },
    { id: 'scope', heightMm: 60 },
  ],
};

const FITS: A4Measurement = { ...OVERFLOW, fits: true, overflowMm: 0, overflowPercent: 0, contentHeightMm: 222.3 };

/** The plan.yaml findings of a project made of `BASE` with this plan text (and `measurement`). */
function inPlan(plan: string, measurement: A4Measurement | undefined = OVERFLOW): Array<[string, string]> {
  return check({ plan }, undefined, measurement)
    .filter(([kind]) => kind === 'plan')
    .map(([, code, range]) => [code, range]);
}

describe('plan.overflows-a4', () => {
  it('warns on the stages key of the sample, with the message and data of the measurement, counted in states, phases and totals', async () => {
    const clean = await loadProject(nodeHost, SAMPLE);
    assert.equal(clean.warnings, 0);
    const report = await loadProject(nodeHost, SAMPLE, { measurement: OVERFLOW });
    const [warning, ...rest] = report.documents.plan.diagnostics;
    assert.deepEqual(rest, []);
    assert.deepEqual([warning.code, warning.severity, at(warning)], [OVERFLOW_CODE, 'warning', '13:1-13:7']);
    assert.equal(warning.message, 'Does not fit on one A4 page: 27.5 mm (10.0 %) too long. Longest sections: Approach and timeline 150.3 mm, Scope Canvas 60.0 mm, Title block 12.0 mm.');
    assert.deepEqual(warning.data, { overflowMm: 27.5, overflowPercent: 10, sections: OVERFLOW.sections });
    assert.equal(report.documents.plan.state, 'warnings');
    assert.equal(report.phases.approach, 'warnings');
    assert.equal(report.phases.scope, 'ok');
    assert.deepEqual([report.errors, report.warnings], [0, 1]);
    assert.equal(clean.documents.plan.diagnostics.length, 0);
  });

  it('reports a page that is too wide (text that cannot wrap), alone or with a page that is too long', async () => {
    const wide: A4Measurement = { ...FITS, fits: false, contentWidthMm: 196.4, overflowWidthMm: 12.4, widestSection: 'scope' };
    const [alone] = (await loadProject(nodeHost, SAMPLE, { measurement: wide })).documents.plan.diagnostics;
    assert.equal(alone.code, OVERFLOW_CODE);
    assert.equal(alone.message, 'Does not fit on one A4 page: 12.4 mm too wide in Scope Canvas, so the PDF would print it smaller. Text that cannot wrap (a long word, address or link)?');
    assert.deepEqual(alone.data, { overflowMm: 0, overflowPercent: 0, overflowWidthMm: 12.4, widestSection: 'scope', sections: OVERFLOW.sections });
    const [both] = (await loadProject(nodeHost, SAMPLE, { measurement: { ...OVERFLOW, overflowWidthMm: 3.1, widestSection: 'title' } })).documents.plan.diagnostics;
    assert.match(both.message, /^Does not fit on one A4 page: 27\.5 mm \(10\.0 %\) too long\. Longest sections: .*\. It is also 3\.1 mm too wide in Title block\.$/);
    // The finding changes when only the width does.
    assert.equal(sameOnePageFinding(wide, { ...wide, overflowWidthMm: 12.5 }), false);
    assert.equal(sameOnePageFinding(wide, { ...wide }), true);
  });

  it('reports nothing without a measurement, or when the page fits', () => {
    assert.deepEqual(check({}, undefined, undefined), []);
    assert.deepEqual(check({}, undefined, FITS), []);
    assert.deepEqual(check({}, undefined, OVERFLOW), [['plan', OVERFLOW_CODE, '4:1-4:7']]);
  });

  it('finds the stages key in the parsed YAML, with a BOM, CRLF line ends and comments', () => {
    const crlf = '\uFEFF# stages: is where you shorten\r\nmethod: hybrid\r\nversion: "0.2"\r\n#stages:\r\ngoal: |\r\n  stages: in a text\r\nstages:   # the plan\r\n  - id: a\r\n';
    assert.deepEqual(inPlan(crlf).filter(([code]) => code === OVERFLOW_CODE), [[OVERFLOW_CODE, '7:1-7:7']]);
    // A quoted key and a flow mapping are still the key (no text search).
    assert.deepEqual(inPlan(BASE.plan.replace(/^stages:/m, '"stages":')).filter(([code]) => code === OVERFLOW_CODE), [[OVERFLOW_CODE, '4:1-4:9']]);
    const flow = '{ method: hybrid, version: "0.2", goal: x, stages: [] }\n';
    assert.deepEqual(inPlan(flow).filter(([code]) => code === OVERFLOW_CODE), [[OVERFLOW_CODE, '1:44-1:50']]);
    // A nested `stages` key is not the top-level one.
    const nested = 'method: hybrid\nversion: "0.2"\ngoal: x\nnotes:\n  stages: no\n';
    assert.deepEqual(inPlan(nested).filter(([code]) => code === OVERFLOW_CODE), [[OVERFLOW_CODE, '1:1-1:15']]);
  });

  it('sits at the start of the file without a stages key, also in an empty plan.yaml', () => {
    const noStages = edit(BASE.plan, 4, 'stages:', 'phases:');
    assert.deepEqual(inPlan(noStages).filter(([code]) => code === OVERFLOW_CODE), [[OVERFLOW_CODE, '1:1-1:15']]);
    assert.deepEqual(inPlan(''), [
      ['schema.empty', '1:1-1:2'],
      [OVERFLOW_CODE, '1:1-1:2'],
    ]);
    assert.deepEqual(check({ plan: '' }), [['plan', 'schema.empty', '1:1-1:2']]);
    // Without a plan.yaml there is no file to put it on.
    assert.deepEqual(check({ plan: undefined }, undefined, OVERFLOW), []);
  });

  it('takes its severity from the configuration like every rule; off drops it', () => {
    const asError = diagnostics({}, { [OVERFLOW_CODE]: 'error' }, OVERFLOW);
    assert.deepEqual(asError.map(({ d }) => [d.code, d.severity]), [[OVERFLOW_CODE, 'error']]);
    assert.deepEqual(diagnostics({}, { [OVERFLOW_CODE]: 'info' }, OVERFLOW).map(({ d }) => d.severity), ['info']);
    assert.deepEqual(check({}, { [OVERFLOW_CODE]: 'off' }, OVERFLOW), []);
    const report = validateProject('p', { project: { path: 'p/project.yaml', text: PROJECT }, plan: { path: 'p/plan.yaml', text: BASE.plan } }, (kind) => `p/${kind}`, {
      rules: { [OVERFLOW_CODE]: 'error' },
      measurement: OVERFLOW,
    });
    assert.deepEqual([report.documents.plan.state, report.phases.approach, report.errors, report.warnings], ['errors', 'errors', 1, 0]);
  });

  it('is an ordinary plan rule: in RULES and RULE_CODES, checkProject passes the measurement', () => {
    const rule = RULES.find((r) => r.code === OVERFLOW_CODE);
    assert.deepEqual(rule && [rule.document, rule.defaultSeverity], ['plan', 'warning']);
    assert.ok(RULE_CODES.includes(OVERFLOW_CODE));
    assert.deepEqual(checkProject({ plan: { kind: 'plan', data: undefined, diagnostics: [] } }, { measurement: OVERFLOW }).plan?.map((d) => [d.code, at(d)]), [[OVERFLOW_CODE, '1:1-1:2']]);
    assert.deepEqual(checkProject({ plan: { kind: 'plan', data: undefined, diagnostics: [] } }), { plan: [] });
  });
});

describe('sameOnePageFinding', () => {
  it('is true for measurements that make the same finding, false when the finding would change', () => {
    assert.ok(sameOnePageFinding(undefined, undefined));
    assert.ok(sameOnePageFinding(undefined, FITS), 'no measurement and a fit both say nothing');
    assert.ok(sameOnePageFinding(FITS, { ...FITS, contentHeightMm: 250 }), 'the heights of a page that fits are not reported');
    assert.ok(sameOnePageFinding(OVERFLOW, { ...OVERFLOW, sections: OVERFLOW.sections.map((s) => ({ ...s })) }));
    assert.ok(!sameOnePageFinding(undefined, OVERFLOW));
    assert.ok(!sameOnePageFinding(OVERFLOW, FITS));
    assert.ok(!sameOnePageFinding(OVERFLOW, { ...OVERFLOW, overflowMm: 27.6 }));
    assert.ok(!sameOnePageFinding(OVERFLOW, { ...OVERFLOW, overflowPercent: 10.1 }));
    assert.ok(!sameOnePageFinding(OVERFLOW, { ...OVERFLOW, sections: [...OVERFLOW.sections.slice(0, 2), { id: 'scope', heightMm: 60.1 }] }));
    assert.ok(!sameOnePageFinding(OVERFLOW, { ...OVERFLOW, sections: OVERFLOW.sections.slice(0, 2) }));
    assert.ok(!sameOnePageFinding(OVERFLOW, { ...OVERFLOW, sections: [OVERFLOW.sections[0], { id: 'risks', heightMm: 150.25 }, OVERFLOW.sections[2]] }));
  });
});
