import * as assert from 'node:assert/strict';
import { DOCUMENT_KINDS } from '../../src/core/document/documents';
import { checkAdvance, nextPhase, phaseValueRange } from '../../src/core/project/phases';
import { intakeHeadings } from '../../src/core/authoring/snippets';
import { todayIso } from '../../src/core/common/dates';
import { documentTemplate, projectSlug, projectTemplates, type TemplateInputs } from '../../src/core/authoring/templates';
import type { DocumentKind } from '../../src/core/common/types';
import { validateProject, type ProjectTexts } from '../../src/core/project/workspace';

const INPUTS: TemplateInputs = { client: 'Dekker & Partners: Accountants', title: 'Naar de "cloud"', projectManager: 'Lotte van Rijn', language: 'en', today: '2026-11-29' };

/**
 * The findings an empty project may have: reminders that only a talk with the client resolves
 * (docs/authoring.md, "New project and the templates"). Everything else, and every error, is a bug in the templates.
 */
const ALLOWED = ['intake.theme-missing', 'intake.theme-missing', 'intake.theme-missing', 'scope.no-out-of-scope', 'stakeholders.no-decision-maker', 'stakeholders.no-critical-voice'];

function validate(texts: Partial<Record<DocumentKind, string>>) {
  const input: ProjectTexts = {};
  for (const [kind, text] of Object.entries(texts) as Array<[DocumentKind, string]>) input[kind] = { path: kind, text };
  return validateProject('p', input, (k) => k);
}

function findings(texts: Partial<Record<DocumentKind, string>>): string[] {
  return Object.values(validate(texts).documents).flatMap((d) => d.diagnostics.map((x) => `${d.kind} ${x.severity} ${x.code}`));
}

describe('templates of a new project', () => {
  for (const language of ['en', 'nl'] as const) {
    it(`${language}: six documents without errors, only the reminders an empty project should get`, () => {
      const texts = projectTemplates({ ...INPUTS, language });
      assert.deepEqual(Object.keys(texts).sort(), [...DOCUMENT_KINDS].sort());
      const report = validate(texts);
      assert.equal(report.errors, 0, findings(texts).join('\n'));
      assert.deepEqual(findings(texts).map((f) => f.split(' ')[2]).sort(), [...ALLOWED].sort());
      assert.equal(report.phase, 'intake');
      assert.equal(report.language, language);
      assert.equal(report.client, INPUTS.client);
      assert.equal(report.title, INPUTS.title);
    });

    it(`${language}: intake.md has the six theme headings with the questions of the snippets`, () => {
      const intake = documentTemplate('intake', { ...INPUTS, language });
      const headings = [...intake.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
      assert.deepEqual(headings, intakeHeadings(language));
      assert.equal(headings.length, 6);
      assert.ok((intake.match(/^\*\*[QV]: .*\?\*\*$/gm) ?? []).length >= 30);
      assert.doesNotMatch(intake, /[ \t]$/m, 'trailing spaces');
      assert.doesNotMatch(intake, /\$\{?\d/, 'snippet syntax left');
    });
  }

  it('writes the current month and day, quotes what YAML would misread, and is Dutch in Dutch', () => {
    const nl = projectTemplates({ ...INPUTS, language: 'nl' });
    assert.match(nl.project, /^start: 2026-11$/m);
    assert.match(nl.project, /^client: "Dekker & Partners: Accountants"$/m);
    assert.match(nl.project, /^language: nl$/m);
    assert.match(nl.plan, /^ {4}start: 2026-11$/m);
    assert.match(nl.plan, /^ {4}date: 2026-11-29$/m);
    assert.match(nl.intake, /^## Huidige situatie$/m);
    assert.match(nl.stakeholders, /role: Projectmanager/);
    assert.equal(validate(nl).documents.project.data && (validate(nl).documents.project.data as { title: string }).title, 'Naar de "cloud"');
  });

  it('a plan for a register without the project manager leaves the owner out', () => {
    const plan = documentTemplate('plan', { ...INPUTS, ownerId: null });
    assert.doesNotMatch(plan, /owner:/);
    const stakeholders = 'stakeholders:\n  - id: sponsor\n    name: M\n    role: Partner\n    power: high\n    interest: high\n    attitude: critical\n    decision_maker: true\n    steering_group: true\n    communication: { channel: call }\n';
    assert.deepEqual(findings({ ...projectTemplates(INPUTS), plan, stakeholders }).filter((f) => f.startsWith('plan')), []);
  });

  it('makes project ids (and folder names) from client and title', () => {
    assert.equal(projectSlug('Dekker & Partners Accountants', 'Move to Microsoft 365'), 'dekker-partners-accountants-move-to-microsoft-365');
    assert.equal(projectSlug('Café Noël', 'Überall  sicher!'), 'cafe-noel-uberall-sicher');
    assert.equal(projectSlug('???', ''), 'project');
    assert.ok(projectSlug('a'.repeat(50), 'b'.repeat(50)).length <= 60);
    assert.equal(todayIso(new Date(2026, 0, 5)), '2026-01-05');
  });
});

describe('advancing the phase', () => {
  const texts = projectTemplates(INPUTS);

  it('goes through the phases in order and stops after closed', () => {
    assert.deepEqual(['intake', 'scope', 'approach', 'stakeholders', 'delivery', 'closed', 'nonsense'].map(nextPhase), ['scope', 'approach', 'stakeholders', 'delivery', 'closed', undefined, undefined]);
  });

  it('allows it when the current phase has no errors (warnings are the manager\'s call)', () => {
    assert.deepEqual(checkAdvance(validate(texts)), { ok: true, from: 'intake', to: 'scope' });
    const scope = texts.project.replace('phase: intake', 'phase: scope');
    assert.deepEqual(checkAdvance(validate({ ...texts, project: scope })), { ok: true, from: 'scope', to: 'approach' });
  });

  it('refuses, saying why: errors, a missing document, closed, no valid phase', () => {
    const broken = texts.intake.replace('date: 2026-11-29', 'date: yesterday');
    assert.deepEqual(checkAdvance(validate({ ...texts, intake: broken })), { ok: false, reason: 'errors', from: 'intake', files: ['intake.md'], errors: 1 });
    const { intake: _intake, ...withoutIntake } = texts;
    assert.deepEqual(checkAdvance(validate(withoutIntake)), { ok: false, reason: 'missing', from: 'intake', files: ['intake.md'] });
    assert.deepEqual(checkAdvance(validate({ ...texts, project: texts.project.replace('phase: intake', 'phase: closed') })), { ok: false, reason: 'closed' });
    assert.deepEqual(checkAdvance(validate({ ...texts, project: texts.project.replace('phase: intake', 'phase: doing') })), { ok: false, reason: 'no-phase' });
  });

  it('finds only the value of phase: in project.yaml, quotes included', () => {
    const text = '# manifest\nid: x\nphase: "scope"   # where we are\n';
    const at = phaseValueRange(text)!;
    assert.equal(text.slice(at.start, at.end), '"scope"');
    assert.equal(at.source, '"scope"');
    assert.equal(phaseValueRange('id: x\n'), undefined);
  });
});
