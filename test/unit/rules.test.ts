import * as assert from 'node:assert/strict';
import { BASE, check, diagnostics, edit, single, type Texts } from './ruleHelpers';
import { at } from './helpers';

const { scope: SCOPE, stakeholders: PEOPLE, plan: PLAN, handover: HANDOVER, project: PROJECT } = BASE;
const phase = (p: string) => edit(PROJECT, 5, 'phase: approach', `phase: ${p}`);

describe('method rules', () => {
  it('find nothing in a project that follows the method', () => {
    assert.deepEqual(check(), []);
  });

  describe('scope.yaml', () => {
    // In phase `scope`, errors in scope.yaml are work in progress, not a phase ahead of its documents.
    const singleInScope = (texts: Texts) => single({ project: phase('scope'), ...texts });
    const checkInScope = (texts: Texts) => check({ project: phase('scope'), ...texts });

    it('scope.no-out-of-scope: an empty out_of_scope, on its key', () => {
      const d = singleInScope({ scope: edit(SCOPE, 5, 'out_of_scope:', 'out_of_scope: []').replace(/ {2}- id: phones\n.*\n.*\n/, '') });
      assert.deepEqual([d.code, at(d), d.severity], ['scope.no-out-of-scope', '5:1-5:13', 'warning']);
      assert.match(d.message, /Say what you will not do/);
    });

    it('scope.no-out-of-scope: a missing out_of_scope is the schema\'s one error, not two messages', () => {
      const text = SCOPE.replace(/out_of_scope:\n.*\n.*\n.*\n/, '');
      assert.deepEqual(checkInScope({ scope: text }), [['scope', 'schema.required', '1:1-1:9']]);
    });

    it('scope.duplicate-item: the same item (same id and title) in two columns, on the second id', () => {
      const d = singleInScope({ scope: SCOPE.replace('later:\n', 'later:\n  - id: mail\n    title: Mail to Exchange Online\n    trigger: Never.\n') });
      assert.deepEqual([d.code, at(d), d.severity], ['scope.duplicate-item', '10:9-10:13', 'error']);
      assert.match(d.message, /also in in_scope \(line 2\)/);
      assert.deepEqual(d.data, { column: 'in_scope', line: 2 });
    });

    it('scope.duplicate-item: the same title under another id, on the second title', () => {
      const d = singleInScope({ scope: edit(SCOPE, 7, '    title: Telephony', '    title: "mail to  Exchange online."') });
      assert.deepEqual([d.code, at(d)], ['scope.duplicate-item', '7:12-7:39']);
    });

    it('scope.duplicate-item: passes different titles in different columns, and the same title twice in one column', () => {
      const twice = SCOPE.replace('out_of_scope:\n', '  - id: mail2\n    title: Mail to Exchange Online\n    description: Archive too.\nout_of_scope:\n');
      assert.deepEqual(checkInScope({ scope: twice }), []);
    });

    it('scope.duplicate-id: two items with one id in a column, on the second id', () => {
      const d = singleInScope({ scope: SCOPE.replace('out_of_scope:\n', '  - id: mail\n    title: Calendars\n    description: Shared calendars.\nout_of_scope:\n') });
      assert.deepEqual([d.code, at(d), d.severity], ['scope.duplicate-id', '5:9-5:13', 'error']);
      assert.match(d.message, /"mail" is already used on line 2/);
    });

    it('scope.duplicate-id: one id for two different items in two columns is a duplicate id, not a duplicate item', () => {
      assert.deepEqual(checkInScope({ scope: edit(SCOPE, 10, '  - id: copilot', '  - id: phones') }), [['scope', 'scope.duplicate-id', '10:9-10:15']]);
    });

    it('scope.later-without-trigger: a trigger that says nothing, on the trigger', () => {
      for (const [value, range] of [['TBD', '12:14-12:17'], ['""', '12:14-12:16'], ['"?"', '12:14-12:17'], ['nog te bepalen', undefined], ['n.v.t.', '12:14-12:20']] as const) {
        const findings = checkInScope({ scope: edit(SCOPE, 12, '    trigger: After tax season.', `    trigger: ${value}`) });
        assert.deepEqual(findings, range ? [['scope', 'scope.later-without-trigger', range]] : [], value);
      }
      assert.equal(singleInScope({ scope: edit(SCOPE, 12, '    trigger: After tax season.', '    trigger: TBD') }).severity, 'info');
    });

    it('scope.later-without-trigger: a missing trigger is the schema\'s error only', () => {
      assert.deepEqual(checkInScope({ scope: edit(SCOPE, 12, '    trigger: After tax season.') }), [['scope', 'schema.required', '10:5-10:7']]);
    });
  });

  describe('stakeholders.yaml', () => {
    it('stakeholders.no-decision-maker: nobody decides, on the stakeholders key (and no steering-group echo)', () => {
      const d = single({ stakeholders: edit(PEOPLE, 9, '    decision_maker: true') });
      assert.deepEqual([d.code, at(d), d.severity], ['stakeholders.no-decision-maker', '1:1-1:13', 'warning']);
    });

    it('stakeholders.no-decision-maker: stays silent when a decision_maker is not a boolean (the schema says so)', () => {
      assert.deepEqual(check({ stakeholders: edit(PEOPLE, 9, '    decision_maker: true', '    decision_maker: yes') }), [['stakeholders', 'schema.type', '9:21-9:24']]);
    });

    it('stakeholders.steering-group-without-decision-maker: on the first member\'s steering_group value', () => {
      const d = single({ stakeholders: edit(PEOPLE, 8, '    steering_group: true', '    steering_group: false') });
      assert.deepEqual([d.code, at(d), d.severity], ['stakeholders.steering-group-without-decision-maker', '23:21-23:25', 'warning']);
      assert.match(d.message, /Add Marieke to it/);
      assert.deepEqual(d.data, { decisionMakers: ['sponsor'] });
    });

    it('stakeholders.steering-group-without-decision-maker: passes without a steering group', () => {
      const none = edit(edit(PEOPLE, 23, '    steering_group: true'), 8, '    steering_group: true');
      assert.deepEqual(check({ stakeholders: none }), []);
    });

    it('stakeholders.no-critical-voice: nobody critical or opponent, on the stakeholders key', () => {
      const d = single({ stakeholders: edit(PEOPLE, 16, '    attitude: opponent', '    attitude: neutral') });
      assert.deepEqual([d.code, at(d), d.severity], ['stakeholders.no-critical-voice', '1:1-1:13', 'info']);
      assert.deepEqual(check({ stakeholders: edit(PEOPLE, 16, '    attitude: opponent', '    attitude: critical') }), []);
    });

    it('stakeholders.no-critical-voice: does not guess about an attitude the schema rejects', () => {
      assert.deepEqual(check({ stakeholders: edit(PEOPLE, 16, '    attitude: opponent', '    attitude: hostile') }), [['stakeholders', 'schema.enum', '16:15-16:22']]);
    });

    it('stakeholders.high-power-without-communication: on the power value; an empty communication counts as none', () => {
      const d = single({ stakeholders: edit(PEOPLE, 10, '    communication: { channel: meeting, frequency: biweekly }') });
      assert.deepEqual([d.code, at(d), d.severity], ['stakeholders.high-power-without-communication', '5:12-5:16', 'warning']);
      assert.match(d.message, /^Marieke has high power/);
      const empty = edit(PEOPLE, 10, '    communication: { channel: meeting, frequency: biweekly }', '    communication: {}');
      assert.deepEqual(check({ stakeholders: empty }), [['stakeholders', 'stakeholders.high-power-without-communication', '5:12-5:16']]);
      assert.deepEqual(check({ stakeholders: edit(PEOPLE, 10, '    communication: { channel: meeting, frequency: biweekly }', '    communication: { channel: call }') }), []);
    });

    it('stakeholders.duplicate-id: on the second id value', () => {
      const list = diagnostics({ stakeholders: edit(PEOPLE, 17, '  - id: pm', '  - id: it') });
      // Across files: the plan's owner `pm` is gone now.
      assert.deepEqual(list.map(({ kind, d }) => [kind, d.code, at(d)]), [
        ['plan', 'plan.unknown-owner', '12:12-12:14'],
        ['stakeholders', 'stakeholders.duplicate-id', '17:9-17:11'],
      ]);
      assert.equal(list[1].d.severity, 'error');
      assert.match(list[1].d.message, /already used on line 11/);
      assert.equal(list[0].d.data?.suggestion, undefined, 'no far-fetched suggestion for a two-letter id');
    });
  });

  describe('plan.yaml', () => {
    it('plan.stage-ends-before-start: on the end value, without a milestone echo', () => {
      const d = single({ plan: edit(PLAN, 16, '    end: 2026-12', '    end: 2026-08') });
      assert.deepEqual([d.code, at(d), d.severity], ['plan.stage-ends-before-start', '16:10-16:17', 'error']);
      assert.match(d.message, /ends \(2026-08\) before it starts \(2026-10\)/);
    });

    it('plan.stage-ends-before-start: passes a one-month stage and skips an invalid month', () => {
      assert.deepEqual(check({ plan: edit(PLAN, 15, '    start: 2026-10', '    start: 2026-12') }), []);
      assert.deepEqual(check({ plan: edit(PLAN, 15, '    start: 2026-10', '    start: 2026-13') }), [['plan', 'schema.pattern', '15:12-15:19']]);
    });

    it('plan.day-instead-of-month: a day in a stage, instead of the schema.pattern error on it', () => {
      const d = single({ plan: edit(PLAN, 7, '    start: 2026-09', '    start: 2026-09-15') });
      assert.deepEqual([d.code, at(d), d.severity], ['plan.day-instead-of-month', '7:12-7:22', 'warning']);
      assert.match(d.message, /write the month 2026-09 instead of the day 2026-09-15/);
      assert.deepEqual(d.data, { month: '2026-09' });
    });

    it('plan.day-instead-of-month: a day as a milestone month, quoted or not; other stage checks still read the month', () => {
      assert.deepEqual(check({ plan: edit(PLAN, 26, '    month: 2026-12', '    month: "2026-12-01"') }), [['plan', 'plan.day-instead-of-month', '26:12-26:24']]);
      const reversed = edit(edit(PLAN, 15, '    start: 2026-10', '    start: 2026-10-15'), 16, '    end: 2026-12', '    end: 2026-09-30');
      assert.deepEqual(check({ plan: reversed }), [
        ['plan', 'plan.day-instead-of-month', '15:12-15:22'],
        ['plan', 'plan.stage-ends-before-start', '16:10-16:20'],
        ['plan', 'plan.day-instead-of-month', '16:10-16:20'],
      ]);
    });

    it('plan.day-instead-of-month: passes months, and leaves other malformed months to the schema', () => {
      assert.deepEqual(check({ plan: edit(PLAN, 7, '    start: 2026-09', '    start: 2026-9-15') }), [['plan', 'schema.pattern', '7:12-7:21']]);
    });

    it('plan.milestone-outside-stages: outside every stage, on the month value', () => {
      const d = single({ plan: edit(PLAN, 26, '    month: 2026-12', '    month: 2027-01') });
      assert.deepEqual([d.code, at(d), d.severity], ['plan.milestone-outside-stages', '26:12-26:19', 'warning']);
      assert.match(d.message, /outside every stage/);
    });

    it('plan.milestone-outside-stages: outside the stage it names', () => {
      const d = single({ plan: edit(PLAN, 23, '    month: 2026-09', '    month: 2026-10') });
      assert.deepEqual([d.code, at(d)], ['plan.milestone-outside-stages', '23:12-23:19']);
      assert.match(d.message, /outside its stage "init" \(2026-09 to 2026-09\)/);
    });

    it('plan.milestone-outside-stages: no guess while a stage has an invalid month', () => {
      const text = edit(edit(PLAN, 26, '    month: 2026-12', '    month: 2027-01'), 16, '    end: 2026-12', '    end: 2027-13');
      assert.deepEqual(check({ plan: text }), [['plan', 'schema.pattern', '16:10-16:17']]);
    });

    it('plan.unknown-owner: an owner that is not a stakeholder id, on the owner, with the closest id', () => {
      const d = single({ plan: edit(PLAN, 20, '    owner: it', '    owner: pn') });
      assert.deepEqual([d.code, at(d), d.severity], ['plan.unknown-owner', '20:12-20:14', 'error']);
      assert.equal(d.data?.suggestion, 'pm');
      const far = single({ plan: edit(PLAN, 20, '    owner: it', '    owner: tech-lead') });
      assert.match(far.message, /use one of: sponsor, it, pm/);
    });

    it('plan.unknown-owner: skips without a stakeholder register (no cross-file guess)', () => {
      assert.deepEqual(check({ plan: edit(PLAN, 20, '    owner: it', '    owner: tech-lead'), stakeholders: undefined }), []);
    });

    it('plan.unknown-stage: a milestone stage that is not a stage id, on the reference', () => {
      const d = single({ plan: edit(PLAN, 24, '    stage: init', '    stage: inti') });
      assert.deepEqual([d.code, at(d), d.severity, d.data?.suggestion], ['plan.unknown-stage', '24:12-24:16', 'error', 'init']);
    });

    it('plan.version-not-in-history: on the version value', () => {
      const d = single({ plan: edit(PLAN, 2, 'version: "0.2"', 'version: "0.3"') });
      assert.deepEqual([d.code, at(d), d.severity], ['plan.version-not-in-history', '2:10-2:15', 'info']);
      assert.match(d.message, /Version 0\.3 is not in history/);
    });

    it('plan.version-not-in-history: no finding when a history version is an unquoted number (the schema says so)', () => {
      assert.deepEqual(check({ plan: edit(PLAN, 31, '  - version: "0.2"', '  - version: 0.2') }), [['plan', 'schema.type', '31:14-31:17']]);
    });
  });

  describe('handover.yaml', () => {
    it('handover.shadow-period-reversed: on the end value', () => {
      const d = single({ handover: edit(HANDOVER, 5, '  end: 2027-04-14', '  end: 2027-03-14') });
      assert.deepEqual([d.code, at(d), d.severity], ['handover.shadow-period-reversed', '5:8-5:18', 'error']);
    });

    it('handover.shadow-period-reversed: passes a one-day period and skips an impossible date', () => {
      assert.deepEqual(check({ handover: edit(HANDOVER, 5, '  end: 2027-04-14', '  end: 2027-04-01') }), []);
      assert.deepEqual(check({ handover: edit(HANDOVER, 4, '  start: 2027-04-01', '  start: 2027-02-30') }), [['handover', 'schema.format', '4:10-4:20']]);
    });

    it('handover.no-service-desk-how: a how that says nothing, on the value', () => {
      const d = single({ handover: edit(HANDOVER, 7, '  how: Call 030 700 12 34.', '  how: TBD') });
      assert.deepEqual([d.code, at(d), d.severity], ['handover.no-service-desk-how', '7:8-7:11', 'error']);
      assert.deepEqual(check({ handover: edit(HANDOVER, 7, '  how: Call 030 700 12 34.', '  how: ""') }), [['handover', 'handover.no-service-desk-how', '7:8-7:10']]);
    });

    it('handover.no-service-desk-how: a missing how is the schema\'s error only', () => {
      assert.deepEqual(check({ handover: edit(HANDOVER, 7, '  how: Call 030 700 12 34.', '  hours: 08-18') }), [['handover', 'schema.required', '6:1-6:13']]);
    });

    it('handover.no-lessons-learned: in phase delivery, on the key, or on the first key when absent', () => {
      const empty = edit(edit(edit(HANDOVER, 10, '    kind: went-well'), 9, '  - observation: Demos convinced the partners.'), 8, 'lessons_learned:', 'lessons_learned: []');
      const d = single({ project: phase('delivery'), handover: empty });
      assert.deepEqual([d.code, at(d), d.severity], ['handover.no-lessons-learned', '8:1-8:16', 'warning']);
      const absent = empty.replace('lessons_learned: []\n', '');
      assert.deepEqual(check({ project: phase('delivery'), handover: absent }), [['handover', 'handover.no-lessons-learned', '1:1-1:11']]);
      assert.deepEqual(check({ project: phase('approach'), handover: absent }), []);
      assert.deepEqual(check({ project: phase('delivery') }), []);
    });

    it('handover.no-evaluation: in phase closed, on the first key when absent, or on an empty evaluation', () => {
      const absent = HANDOVER.replace(/evaluation:\n.*\n.*\n/, '');
      const d = single({ project: phase('closed'), handover: absent });
      assert.deepEqual([d.code, at(d), d.severity], ['handover.no-evaluation', '1:1-1:11', 'warning']);
      assert.deepEqual(check({ project: phase('closed'), handover: absent + 'evaluation: { went_well: [] }\n' }), [['handover', 'handover.no-evaluation', '11:1-11:11']]);
      assert.deepEqual(check({ project: phase('delivery'), handover: absent }), []);
      assert.deepEqual(check({ project: phase('closed') }), []);
    });
  });

  describe('ranges', () => {
    it('are the same with CRLF line endings and a BOM', () => {
      const text = edit(PLAN, 16, '    end: 2026-12', '    end: 2026-08');
      assert.deepEqual(check({ plan: '\uFEFF' + text.replace(/\n/g, '\r\n') }), [['plan', 'plan.stage-ends-before-start', '16:10-16:17']]);
    });

    it('follow merge keys to the anchored node, and report a node shared by two stages once (a reversed stage silences the milestone checks)', () => {
      const text = PLAN.replace('stages:\n', 'x-defaults: &d\n  start: 2026-10-01\n  approach: prince2\nstages:\n')
        .replace('  - id: init\n', '  - <<: *d\n    id: init\n')
        .replace('  - id: migrate\n', '  - <<: *d\n    id: migrate\n')
        .replace(/ {4}start: 2026-(09|10)\n/g, '')
        .replace(/ {4}approach: prince2\n/g, '');
      assert.deepEqual(check({ plan: text }), [
        ['plan', 'plan.day-instead-of-month', '5:10-5:20'],
        ['plan', 'plan.stage-ends-before-start', '11:10-11:17'],
      ]);
    });
  });

  describe('project.yaml', () => {
    const brokenScope = edit(SCOPE, 7, '    title: Telephony', '    title: Mail to Exchange Online');

    it('project.phase-ahead-of-documents: an earlier document with errors (a rule error counts), on the phase value', () => {
      const list = diagnostics({ scope: brokenScope });
      assert.deepEqual(list.map(({ kind, d }) => [kind, d.code, at(d)]), [
        ['project', 'project.phase-ahead-of-documents', '5:8-5:16'],
        ['scope', 'scope.duplicate-item', '7:12-7:35'],
      ]);
      assert.equal(list[0].d.severity, 'info');
      assert.match(list[0].d.message, /phase "approach", but earlier documents still have errors: scope\.yaml/);
    });

    it('project.phase-ahead-of-documents: passes errors in the current phase, missing documents, and errors turned into warnings', () => {
      assert.deepEqual(check({ project: phase('scope'), scope: brokenScope }), [['scope', 'scope.duplicate-item', '7:12-7:35']]);
      assert.deepEqual(check({ scope: undefined, intake: undefined }), []);
      assert.deepEqual(check({ scope: brokenScope }, { 'scope.duplicate-item': 'warning' }), [['scope', 'scope.duplicate-item', '7:12-7:35']]);
    });
  });
});
