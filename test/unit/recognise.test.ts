/** Recognising a document from its content, for untitled editors (`src/core/document/recognise.ts`). */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { setTranslations } from '../../src/core/common/l10n';
import { documentKindOfContent } from '../../src/core/document/recognise';
import { validateProject } from '../../src/core/project/workspace';
import { at } from './helpers';
import { BASE } from './ruleHelpers';

const DUTCH = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'l10n', 'bundle.l10n.nl.json'), 'utf8')) as Record<string, string>;

describe('document kind from content', () => {
  it('recognises each YAML document of the format by its top-level keys, and intake.md by its front matter', () => {
    for (const kind of ['project', 'scope', 'plan', 'stakeholders', 'handover'] as const) assert.equal(documentKindOfContent(BASE[kind]), kind, kind);
    assert.equal(documentKindOfContent(BASE.intake, true), 'intake');
    assert.equal(documentKindOfContent(BASE.intake), undefined, 'Markdown is only an intake when read as Markdown');
    assert.equal(documentKindOfContent(BASE.plan, true), undefined);
  });

  it('needs only a start: stages makes a plan, in_scope a Scope Canvas, also with a BOM, CRLF, comments, quoted keys and x- keys', () => {
    assert.equal(documentKindOfContent('# draft\nstages:\n  - id: a\n'), 'plan');
    assert.equal(documentKindOfContent('\uFEFF"in_scope": []\r\nx-note: mine\r\n'), 'scope');
    assert.equal(documentKindOfContent('stakeholders: []'), 'stakeholders');
    assert.equal(documentKindOfContent("'shadow_period':\n  start: 2027-04-01\n"), 'handover');
    assert.equal(documentKindOfContent('id: x\ntitle: y\nproject_manager: z\nphase: intake\n'), 'project');
  });

  it('leaves other YAML, keyless drafts, ties and front matter of other Markdown alone', () => {
    for (const text of ['', '# only a comment\n', 'version: "3"\nservices:\n  web: {}\n', 'name: CI\non: push\njobs: {}\n', 'apiVersion: v1\nkind: Pod\n', '- a\n- b\n', 'key: value\n', '  stages: []\n']) {
      assert.equal(documentKindOfContent(text), undefined, JSON.stringify(text));
    }
    assert.equal(documentKindOfContent('---\ntitle: Notes\ndate: 2026-01-01\n---\n# Notes\n', true), undefined);
    assert.equal(documentKindOfContent('# Notes\n', true), undefined);
  });

  it('reads only the first YAML document of a text', () => {
    assert.equal(documentKindOfContent('stages: []\n---\nin_scope: []\nout_of_scope: []\n'), 'plan');
  });

  it('an untitled plan alone gets its schema and single-document rule findings; rules that need another document skip', () => {
    const plan = BASE.plan.replace('    end: 2026-12\n', '    end: 2026-08\n').replace('    owner: it\n', '    owner: nobody\n');
    const report = validateProject('untitled:Untitled-1', { plan: { path: 'untitled:Untitled-1', text: plan } }, () => 'untitled:Untitled-1');
    assert.deepEqual(
      report.documents.plan.diagnostics.map((d) => [d.code, at(d)]),
      [['plan.stage-ends-before-start', '16:10-16:17']],
    );
  });

  it('an untitled draft recognised as a plan by its content gets its findings on exact ranges, in English and Dutch', () => {
    const draft = BASE.plan.replace('    end: 2026-12\n', '    end: 2026-08\n').replace('    approach: prince2\n    type: migration', '    approach: prince3\n    type: migration');
    // As the extension checks an untitled editor (src/extension/projects/untitledDiagnostics.ts): kind from content, checked alone.
    const kind = documentKindOfContent(draft);
    assert.equal(kind, 'plan');
    const findings = (nl: boolean) => {
      setTranslations(nl ? DUTCH : undefined);
      try {
        const report = validateProject('untitled:Untitled-1', { [kind]: { path: 'untitled:Untitled-1', text: draft } }, () => 'untitled:Untitled-1');
        return report.documents[kind].diagnostics.map((d) => [d.code, at(d), d.message]);
      } finally {
        setTranslations(undefined);
      }
    };
    assert.deepEqual(findings(false), [
      ['plan.stage-ends-before-start', '16:10-16:17', 'This stage ends (2026-08) before it starts (2026-10). Swap the months or correct one of them.'],
      ['schema.enum', '17:15-17:22', '"prince3" is not allowed here; use one of: prince2, agile.'],
    ]);
    assert.deepEqual(findings(true), [
      ['plan.stage-ends-before-start', '16:10-16:17', 'Deze fase eindigt (2026-08) voordat hij begint (2026-10). Draai de maanden om of verbeter er een.'],
      ['schema.enum', '17:15-17:22', '"prince3" is hier niet toegestaan; gebruik een van: prince2, agile.'],
    ]);
  });
});
