import * as assert from 'node:assert/strict';
import { validateDocument } from '../../src/core/document/validate';
import { at, findings, PROJECT } from './helpers';

const PLAN = [
  'method: hybrid',
  'version: "0.3"',
  'goal: Work safely from anywhere',
  'stages:',
  '  - id: init',
  '    name: Initiation',
  '    start: 2026-09',
  '    end: 2026-09',
  '    approach: prince2',
  '    type: initiation',
  '    deliverables: [Project brief]',
  '',
].join('\n');

function only(kind: Parameters<typeof validateDocument>[0], text: string) {
  const diags = validateDocument(kind, text).diagnostics;
  assert.equal(diags.length, 1, JSON.stringify(diags, null, 1));
  return diags[0];
}

describe('mapping schema errors to YAML nodes', () => {
  it('puts a wrong enum value on the value and lists the allowed values, closest first in data', () => {
    const d = only('plan', PLAN.replace('method: hybrid', 'method: prince'));
    assert.equal(at(d), '1:9-1:15');
    assert.equal(d.code, 'schema.enum');
    assert.equal(d.message, '"prince" is not allowed here; use one of: prince2, agile, hybrid.');
    assert.deepEqual(d.data?.allowed, ['prince2', 'agile', 'hybrid']);
  });

  it('puts a pattern error on the value with a readable expectation', () => {
    const d = only('plan', PLAN.replace('start: 2026-09', 'start: 2026-9'));
    assert.deepEqual([d.code, at(d)], ['schema.pattern', '7:12-7:18']);
    assert.match(d.message, /expected a month as YYYY-MM/);
  });

  it('puts a format error on the value', () => {
    const text = 'operations:\n  team: Service desk\nshadow_period:\n  start: 2027-02-30\n  end: 2027-03-14\nservice_desk:\n  how: Call 030-1234567\n';
    const d = only('handover', text);
    assert.deepEqual([d.code, at(d)], ['schema.format', '4:10-4:20']);
    assert.match(d.message, /real date as YYYY-MM-DD/);
  });

  it('asks to quote a number where a string is asked (version: 0.10)', () => {
    const d = only('plan', PLAN.replace('version: "0.3"', 'version: 0.10'));
    assert.deepEqual([d.code, at(d)], ['schema.type', '2:10-2:14']);
    assert.equal(d.message, 'Expected text but found a number; put it in quotes: "0.10".');
    assert.equal(d.data?.quote, '0.10');
  });

  it('puts an unknown property on its key, naming it and suggesting the closest known one', () => {
    const d = only('plan', PLAN.replace('    deliverables:', '    owner_id: tl\n    deliverables:'));
    assert.deepEqual([d.code, at(d)], ['schema.additionalProperties', '11:5-11:13']);
    assert.equal(d.message, 'Unknown property "owner_id". Did you mean "owner"?');
  });

  it('lists the known properties when no name is close', () => {
    const d = only('project', PROJECT + 'zzzzzzzzzzzz: 1\n');
    assert.equal(at(d), '6:1-6:13');
    assert.match(d.message, /Known properties here: id, title, client, project_manager, phase, status, start, language, tags\./);
  });

  it('allows x- extension keys', () => {
    assert.deepEqual(findings('project', PROJECT + 'x-crm-id: 4711\n'), []);
  });

  it('puts a missing required property on the parent key', () => {
    const text = 'operations:\n  contact: Jan\nshadow_period:\n  start: 2027-03-01\n  end: 2027-03-14\nservice_desk:\n  how: Call\n';
    const d = only('handover', text);
    assert.deepEqual([d.code, at(d)], ['schema.required', '1:1-1:11']);
    assert.match(d.message, /^Missing required property "team"\./);
  });

  it('puts a missing property of a list item on the item\'s first key', () => {
    const d = only('plan', PLAN.replace('    approach: prince2\n', ''));
    assert.deepEqual([d.code, at(d)], ['schema.required', '5:5-5:7']);
    assert.match(d.message, /"approach"/);
  });

  it('puts a missing top-level property on the first key of the document', () => {
    const d = only('project', PROJECT.replace('client: Acme\n', ''));
    assert.deepEqual([d.code, at(d)], ['schema.required', '1:1-1:3']);
  });

  it('reports one message per problem: several problems give several messages, none twice', () => {
    const text = PLAN.replace('method: hybrid', 'method: x').replace('end: 2026-09', 'end: 2026-9').replace('type: initiation', 'type: y');
    assert.deepEqual(findings('plan', text), [
      ['schema.enum', '1:9-1:10'],
      ['schema.pattern', '8:10-8:16'],
      ['schema.enum', '10:11-10:12'],
    ]);
  });

  it('reports a mapping where a list is asked once, on the value', () => {
    const text = 'in_scope:\n  id: a\nout_of_scope: []\n';
    const d = only('scope', text);
    assert.deepEqual([d.code, at(d)], ['schema.type', '2:3-3:1']);
    assert.equal(d.message, 'Expected a list but found a mapping of keys and values.');
  });

  it('validates the intake front matter with ranges in the whole file', () => {
    const text = '---\nclient: Acme\ncontact: CFO\ndate: 2026-10-14\nrequest: "Help"\nextra: 1\n---\n## Goals\nText\n';
    assert.deepEqual(findings('intake', text), [['schema.additionalProperties', '6:1-6:6']]);
  });

  it('asks for front matter when intake.md has none', () => {
    assert.deepEqual(findings('intake', '# Intake\n'), [['intake.no-front-matter', '1:1-1:9']]);
  });
});
