import * as assert from 'node:assert/strict';
import { loadProject } from '../../src/core/project/workspace';
import { nodeHost } from '../../src/cli/nodeHost';
import { type A4Measurement, isA4Measurement } from '../../src/core/common';
import { isPreviewToHostMessage } from '../../src/core/webview';
import { A4, describeMeasurement, exportFileName, isSafeLink, PRINTABLE_HEIGHT_MM, standaloneHtml, webviewHtml } from '../../src/core/render';
import { renderProposal } from '../../src/core/render/proposal';
import { initials, placeOnGrid, quadrantOf, renderGrid } from '../../src/core/render/grid';
import { proposalLabels } from '../../src/core/render/labels';
import { markdown } from '../../src/core/render/markdown';
import { MEASURE_SCRIPT, parseMeasureResult } from '../../src/core/render/measure';
import { scopeColumnsClass } from '../../src/core/render/scopeLayout';
import { timelineMonths } from '../../src/core/render/timeline';
import type { Stakeholder } from '../../src/core/project/model';
import { docsOf, DUTCH, hostileProject, projectFrom, SAMPLE, sampleSpanning, XSS } from './renderFixtures';

const DATE = { date: '2026-08-20' };

/** Every start tag of a markup, e.g. `<a href="…">`. */
function tags(html: string): string[] {
  return html.match(/<[a-zA-Z][^>]*>/g) ?? [];
}

describe('A4 proposal renderer', () => {
  it('renders the sample with every part of the one-page proposal', async () => {
    const r = renderProposal(await loadProject(nodeHost, SAMPLE), DATE);
    assert.equal(r.language, 'en');
    assert.equal(r.fileName, 'dekker-m365-v0.3.html');
    assert.equal(r.title, 'Dekker & Partners Accountants – Move to Microsoft 365 – v0.3');
    for (const section of ['title', 'background', 'scope', 'approach', 'stakeholders', 'risks', 'revisions']) {
      assert.match(r.html, new RegExp(`data-section="${section}"`), section);
    }
    for (const text of [
      'Move to Microsoft 365',
      'Dekker &amp; Partners Accountants',
      'Lotte van Rijn (MSP)',
      '20 August 2026',
      'Sep 2026 – Mar 2027',
      '€48,300 · 420 hours',
      'We will do',
      'We will not do',
      'Maybe later',
      'Replacing the practice-management software',
      'Microsoft Copilot pilot',
      'Hybrid: PRINCE2 stages',
      'Manage closely',
      'Keep satisfied',
      'Keep informed',
      'Monitor',
      'Steering group',
      'Top risks',
      'First draft after the intake.',
    ]) {
      assert.ok(r.html.includes(text), text);
    }
    // Markdown in text fields.
    assert.ok(r.html.includes('<strong>Exchange Online</strong>'));
  });

  describe('escaping', () => {
    it('escapes every text field of every document', () => {
      const docs = docsOf(SAMPLE);
      const fields: string[] = [];
      const mark = (field: string) => {
        fields.push(field);
        return `<f${fields.length - 1}>"&'`;
      };
      const plan = docs.plan as { stages: Array<Record<string, unknown>>; milestones: Array<Record<string, unknown>> };
      const project = projectFrom({
        project: { ...docs.project, title: mark('title'), client: mark('client'), project_manager: mark('project_manager') },
        intake: { ...docs.intake, request: mark('request'), contact: mark('contact') },
        scope: {
          in_scope: [{ id: 'a', title: mark('in.title'), description: mark('in.description'), priority: 'must' }],
          out_of_scope: [{ id: 'b', title: mark('out.title'), reason: mark('out.reason') }],
          later: [{ id: 'c', title: mark('later.title'), trigger: mark('later.trigger') }],
        },
        plan: {
          ...docs.plan,
          version: '0.3',
          goal: mark('goal'),
          summary: mark('summary'),
          stages: [{ ...plan.stages[0], id: 's"1', name: mark('stage.name'), owner: 'p1', deliverables: [mark('stage.deliverable')] }],
          milestones: [{ name: mark('milestone.name'), month: '2026-09', stage: 's"1' }],
          budget: { amount: 100, hours: 2, currency: mark('currency') },
          risks: [{ risk: mark('risk'), mitigation: mark('mitigation') }],
          history: [{ version: '0.3', date: '2026-08-20', changes: mark('changes') }],
        },
        stakeholders: {
          stakeholders: [
            { id: 'p1', name: mark('stakeholder.name'), role: mark('stakeholder.role'), organisation: 'client', power: 'high', interest: 'high', attitude: 'champion', steering_group: true, decision_maker: true },
            { id: 'p"2', name: mark('key.name'), role: mark('key.role'), organisation: 'supplier', power: 'low', interest: 'high', attitude: 'opponent' },
          ],
        },
      });
      const r = renderProposal(project, DATE);
      const page = standaloneHtml(r);
      fields.forEach((field, i) => {
        assert.ok(!page.includes(`<f${i}>`), `${field} is not escaped`);
        assert.ok(page.includes(`&lt;f${i}&gt;`), `${field} is not shown`);
      });
      // Attribute values (ids in data attributes) are escaped too.
      assert.ok(r.html.includes('data-stage="s&quot;1"'));
      assert.ok(r.html.includes('data-stakeholder="p&quot;2"'));
      for (const tag of tags(r.html)) assert.doesNotMatch(tag, /<f\d/, tag);
    });

    it('keeps attempts at active content inert in the markup', () => {
      const r = renderProposal(hostileProject(), DATE);
      for (const html of [r.html, standaloneHtml(r)]) {
        for (const tag of tags(html)) {
          assert.doesNotMatch(tag, /^<(?:script|iframe|frame|img|object|embed|link|base|form|audio|video)\b/i, tag);
          assert.doesNotMatch(tag, /\son[a-z]+\s*=/i, tag);
          // The one same-page reference: the timeline's slices show its drawing (timelineRows.ts).
          assert.doesNotMatch(tag, /\b(?:href|src|xlink:href)\s*=\s*"(?!https?:|mailto:|#msp-timeline-drawing"\/?>$)/i, tag);
        }
        assert.doesNotMatch(html, /<(?:script|iframe|img|object|embed)\b/i);
      }
      // The one <style> of the page is the proposal CSS, in the head.
      assert.equal((standaloneHtml(r).match(/<style\b/g) ?? []).length, 1);
      assert.ok(r.html.includes('&lt;script&gt;window.__pwned'));
    });
  });

  describe('links in Markdown fields', () => {
    it('keeps http, https and mailto links, marked noopener', () => {
      assert.equal(markdown('[a](https://example.com/x?y=1)'), '<a href="https://example.com/x?y=1" rel="noopener noreferrer">a</a>');
      assert.equal(markdown('[a](http://example.com)'), '<a href="http://example.com" rel="noopener noreferrer">a</a>');
      assert.equal(markdown('[mail](mailto:desk@msp.example)'), '<a href="mailto:desk@msp.example" rel="noopener noreferrer">mail</a>');
    });

    it('turns every other link into plain text', () => {
      for (const attempt of [XSS.js, XSS.jsUpper, XSS.jsEntity, XSS.jsTab, XSS.data, XSS.vbscript, '[rel](../secret.txt)', '[file](file:///etc/passwd)', XSS.jsAutolink]) {
        const html = markdown(attempt);
        assert.doesNotMatch(html, /<a\b/, attempt);
        assert.doesNotMatch(html, /href/i, attempt);
      }
      // A refused link shows its label only, never its source.
      assert.equal(markdown(XSS.js), '<span class="link-removed">click</span>');
      assert.equal(markdown('[the plan](../plan.yaml)'), '<span class="link-removed">the plan</span>');
    });

    it('renders no images and no raw HTML', () => {
      assert.doesNotMatch(markdown(XSS.remoteImage), /<img/);
      assert.doesNotMatch(markdown(XSS.dataImage), /<img|<a|src=|href=/);
      assert.equal(markdown('<b>x</b>'), '&lt;b&gt;x&lt;/b&gt;');
    });

    it('decides on the URL as the browser reads it', () => {
      assert.equal(isSafeLink('https://x.example'), true);
      assert.equal(isSafeLink(' HTTPS://x.example'), true);
      assert.equal(isSafeLink('MAILTO:a@b.example'), true);
      assert.equal(isSafeLink('java\tscript:alert(1)'), false);
      assert.equal(isSafeLink('\u0000javascript:alert(1)'), false);
      assert.equal(isSafeLink('//evil.example'), false);
      assert.equal(isSafeLink('https:evil'), false);
    });
  });

  describe('missing and broken documents', () => {
    it('renders placeholders for a project with only project.yaml', () => {
      const docs = docsOf(SAMPLE);
      const r = renderProposal(projectFrom({ project: docs.project }), DATE);
      assert.match(r.html, /class="placeholder">The Scope Canvas is not filled in yet\. Not written yet \(scope\.yaml\)\./);
      assert.match(r.html, /The approach is not planned yet\. Not written yet \(plan\.yaml\)\./);
      assert.match(r.html, /The stakeholder register is not filled in yet\. Not written yet \(stakeholders\.yaml\)\./);
      assert.match(r.html, /The client’s request is not recorded yet\./);
      assert.equal(r.fileName, 'dekker-m365-v0.0.html');
      assert.doesNotMatch(r.html, /data-section="risks"|data-section="revisions"/);
    });

    it('renders placeholders for a project with nothing at all', () => {
      const r = renderProposal(projectFrom({}), DATE);
      assert.match(r.html, /Untitled project/);
      assert.match(r.html, /Client not named yet/);
      assert.equal(r.fileName, 'proposal-v0.0.html');
    });

    it('says which document cannot be read', () => {
      const docs = docsOf(SAMPLE);
      const r = renderProposal(projectFrom({ ...docs, scope: 'in_scope: [unclosed\n', plan: '- just\n- a list\n' }), DATE);
      assert.match(r.html, /scope\.yaml cannot be read; correct its errors to show this part\./);
      assert.match(r.html, /plan\.yaml cannot be read/);
    });

    it('tolerates documents of any shape without throwing', () => {
      const shapes: unknown[] = ['just text\n', '42\n', '[1, 2]\n', 'null\n', { stages: 'no', milestones: [null, 3, 'x'], budget: [], risks: {}, history: 'x' }, { in_scope: [null, 'title only', { title: 5 }], out_of_scope: 7, later: [{}] }, { stakeholders: [null, { power: 'huge', interest: [] }, 'x'] }];
      for (const shape of shapes) {
        for (const kind of ['project', 'scope', 'plan', 'stakeholders', 'intake'] as const) {
          const r = renderProposal(projectFrom({ ...docsOf(SAMPLE), handover: undefined, [kind]: shape }), DATE);
          assert.match(r.html, /^<main class="sheet"/, `${kind}: ${JSON.stringify(shape)}`);
        }
      }
    });

    it('takes a stage with day-level or invalid months without drawing it wrong', () => {
      const docs = docsOf(SAMPLE);
      const stages = [
        { id: 'a', name: 'Days', start: '2026-09-15', end: '2026-10-02', approach: 'prince2', type: 'other', deliverables: [] },
        { id: 'b', name: 'Broken', start: 'soon', end: 'later', approach: 'agile', type: 'other', deliverables: [] },
        { id: 'c', name: 'Backwards', start: '2026-12', end: '2026-10', approach: 'prince2', type: 'other', deliverables: [] },
      ];
      const r = renderProposal(projectFrom({ ...docs, handover: undefined, plan: { ...docs.plan, stages, milestones: [] } }), DATE);
      assert.deepEqual([...r.html.matchAll(/data-month="([^"]+)"/g)].map((m) => m[1]), ['2026-09', '2026-10', '2026-11', '2026-12']);
      assert.match(r.html, /data-stage="b"><title>Broken<\/title>/);
    });
  });

  describe('language', () => {
    it('writes the labels in the project language, whatever the UI language', async () => {
      const nl = renderProposal(await loadProject(nodeHost, DUTCH), DATE);
      assert.equal(nl.language, 'nl');
      assert.match(nl.html, /^<main class="sheet" lang="nl"/);
      for (const text of ['Projectvoorstel', 'Versie', 'Projectleider', 'Looptijd', 'Aanleiding', 'Doel', 'Dit doen we', 'Dit doen we niet', 'Misschien later', 'Wanneer:', 'Aanpak en planning', 'Stuurgroep', 'Belangrijke betrokkenen', 'beslist', 'Nauw betrekken', 'Tevreden houden', 'Informeren', 'Volgen', 'Invloed', 'Belang', 'Belangrijkste risico’s', 'Versies', '26 januari 2027', 'feb 2027 – jul 2027', '€\u00a021.450 · 180 uur', 'Overleg, tweewekelijks', 'PRINCE2 · Migratie · Lisa Smit', '>mrt<']) {
        assert.ok(nl.html.includes(text), text);
      }
      for (const english of ['We will do', 'Steering group', 'Manage closely', 'Top risks', 'Revisions', '>Mar<']) assert.ok(!nl.html.includes(english), english);
      const en = renderProposal(await loadProject(nodeHost, SAMPLE), DATE);
      for (const dutch of ['Projectvoorstel', 'Dit doen we', 'Stuurgroep']) assert.ok(!en.html.includes(dutch), dutch);
    });

    it('prints the MoSCoW badges in Dutch in a Dutch proposal', () => {
      const docs = docsOf(SAMPLE);
      const scope = docs.scope as Record<string, Array<Record<string, unknown>>>;
      const withPriorities = { ...scope, in_scope: scope.in_scope.slice(0, 3).map((item, i) => ({ ...item, priority: (['must', 'should', 'could'] as const)[i] })) };
      const badges = (language: string) =>
        [...renderProposal(projectFrom({ ...docs, project: { ...docs.project, language }, scope: withPriorities, handover: undefined }), DATE).html.matchAll(/<span class="prio prio-\w+">([^<]*)</g)].map((m) => m[1]);
      assert.deepEqual(badges('nl'), ['moet', 'zou moeten', 'kan']);
      assert.deepEqual(badges('en'), ['must', 'should', 'could']);
    });

    it('has a Dutch word for every label but names and words Dutch shares with English', () => {
      const flat = (o: unknown, key = ''): Array<[string, string]> =>
        typeof o === 'string' ? [[key, o]] : typeof o === 'function' ? [[key, String((o as (x: string) => string)('3'))]] : Object.entries(o as object).flatMap(([k, v]) => flat(v, `${key}.${k}`));
      const en = new Map(flat(proposalLabels('en')));
      const same = flat(proposalLabels('nl')).filter(([k, v]) => en.get(k) === v).map(([k]) => k);
      const shared = ['.start', '.scope', '.stageApproach.prince2', '.stageApproach.agile', '.organisation.msp', '.channel.email', '.channel.demo', '.channel.chat', '.budget'];
      assert.deepEqual(same.filter((k) => !shared.includes(k)), []);
    });

    it('has the same labels in both languages', () => {
      const keys = (o: object): string[] => Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' && !Array.isArray(v) ? keys(v).map((x) => `${k}.${x}`) : [k]));
      assert.deepEqual(keys(proposalLabels('nl')), keys(proposalLabels('en')));
      assert.equal(proposalLabels('nl').monthsShort.length, 12);
      assert.equal(proposalLabels('fr'), proposalLabels('en'));
    });
  });

  describe('month timeline', () => {
    const months = (html: string) => [...html.matchAll(/<text class="tl-month" data-month="([^"]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => [m[1], m[2]]);

    it('draws a 3-month plan with three labelled months', () => {
      const r = renderProposal(sampleSpanning(3), DATE);
      assert.deepEqual(months(r.html), [
        ['2026-01', 'Jan'],
        ['2026-02', 'Feb'],
        ['2026-03', 'Mar'],
      ]);
      assert.equal((r.html.match(/class="tl-year"/g) ?? []).length, 1);
    });

    it('draws a 24-month plan with every month labelled and both years marked', () => {
      const r = renderProposal(sampleSpanning(24), DATE);
      const m = months(r.html);
      assert.equal(m.length, 24);
      assert.deepEqual(m[0], ['2026-01', 'Jan']);
      assert.deepEqual(m[23], ['2027-12', 'Dec']);
      assert.ok(m.every(([, label]) => label), 'every month has its label');
      assert.deepEqual([...r.html.matchAll(/class="tl-year"[^>]*>(\d+)</g)].map((x) => x[1]), ['2026', '2027']);
      // The one stage spans the whole axis.
      const bar = /<rect class="tl-bar tl-prince2" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/.exec(r.html);
      assert.ok(bar);
      assert.ok(Number(bar[1]) + Number(bar[2]) > 680, 'bar reaches the end of the axis');
    });

    /**
     * The axis of a rendered timeline: its labels as boxes (width estimated generously: 0.62 of
     * the font size a character) and its vertical lines.
     */
    function axisOf(html: string) {
      const svg = /<svg class="timeline\b[^"]*"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
      const labels = [...svg.matchAll(/<text class="(tl-month|tl-quarter|tl-years|tl-year)"[^>]*? x="([\d.]+)" y="([\d.]+)"( text-anchor="middle")?>([^<]*)<\/text>/g)].map((m) => {
        const width = m[5].length * 8.4 * 0.62;
        const x = Number(m[2]);
        const left = m[4] ? x - width / 2 : x;
        return { cls: m[1], text: m[5], left, right: left + width, top: Number(m[3]) - 8.4, bottom: Number(m[3]) + 2 };
      });
      const lines = [...svg.matchAll(/<line class="(tl-grid|tl-year-line)" x1="([\d.]+)" y1="([\d.]+)" x2="[\d.]+" y2="([\d.]+)"/g)].map((m) => ({ x: Number(m[2]), y1: Number(m[3]), y2: Number(m[4]) }));
      const bars = [...svg.matchAll(/<rect class="tl-bar[^"]*" x="(-?[\d.]+)" y="[\d.]+" width="(-?[\d.]+)"/g)].map((m) => ({ x: Number(m[1]), width: Number(m[2]) }));
      return { svg, labels, lines, bars };
    }

    /** Labels overlap no other label, stay inside the chart and no line crosses one. */
    function assertReadableAxis(html: string, what: string): ReturnType<typeof axisOf> {
      const axis = axisOf(html);
      assert.ok(axis.labels.length > 0, `${what}: labels`);
      const sorted = [...axis.labels].sort((a, b) => a.left - b.left);
      for (const a of sorted) {
        assert.ok(a.left >= 196 - 0.01 && a.right <= 695 + 0.01, `${what}: ${a.text} (${a.left.toFixed(1)}-${a.right.toFixed(1)}) inside the chart`);
        for (const b of sorted) {
          if (a === b || a.top !== b.top) continue;
          assert.ok(a.right <= b.left || b.right <= a.left, `${what}: ${a.text} and ${b.text} overlap`);
        }
        for (const l of axis.lines) {
          const crosses = l.y1 < a.bottom && l.y2 > a.top && l.x > a.left && l.x < a.right;
          assert.ok(!crosses, `${what}: the line at x=${l.x} crosses ${a.text}`);
        }
      }
      for (const bar of axis.bars) assert.ok(bar.width > 0 && bar.x >= 196, `${what}: bar at ${bar.x} of width ${bar.width}`);
      return axis;
    }

    it('keeps every axis readable: 1, 3, 36 months, 10 and 50 years, months then quarters then years', () => {
      const cases: Array<[number, string, string[]]> = [
        [1, 'tl-month', ['Jan', 'Feb', 'Mar']],
        [3, 'tl-month', ['Jan', 'Feb', 'Mar']],
        [26, 'tl-month', []],
        [36, 'tl-quarter', ['Q1', 'Q2', 'Q3', 'Q4', 'Q1']],
        [120, 'tl-years', ['2026', '2027', '2028']],
        [600, 'tl-years', ['2025', '2030', '2035']],
      ];
      for (const [span, unit, start] of cases) {
        const html = renderProposal(sampleSpanning(span), DATE).html;
        const axis = assertReadableAxis(html, `${span} months`);
        const cells = axis.labels.filter((l) => l.cls !== 'tl-year');
        assert.ok(cells.every((l) => l.cls === unit), `${span} months: ${unit}`);
        assert.deepEqual(cells.slice(0, start.length).map((l) => l.text), start, `${span} months`);
        assert.ok(cells.length <= 40, `${span} months: ${cells.length} cells`);
        // The one stage spans the plan and its bar has a width.
        assert.equal(axis.bars.length, 1);
      }
      // Month and quarter axes name their years above the cells; the last year is not clipped.
      const years = (span: number) => axisOf(renderProposal(sampleSpanning(span), DATE).html).labels.filter((l) => l.cls === 'tl-year').map((l) => l.text);
      assert.deepEqual(years(36), ['2026', '2027', '2028']);
      assert.deepEqual(years(25), ['2026', '2027']);
    });

    it('keeps the year labels apart when the plan starts in December', () => {
      const docs = docsOf(SAMPLE);
      const project = projectFrom({
        ...docs,
        project: { ...docs.project, start: '2025-12' },
        handover: undefined,
        plan: { ...docs.plan, stages: [{ id: 'a', name: 'A', start: '2025-12', end: '2027-12', approach: 'agile', type: 'other', deliverables: [] }], milestones: [] },
      });
      const axis = assertReadableAxis(renderProposal(project, DATE).html, 'Dec 2025 to Dec 2027');
      assert.deepEqual(axis.labels.filter((l) => l.cls === 'tl-year').map((l) => l.text), ['2026', '2027'], 'no room for 2025 before January');
    });

    it('draws a mistyped year in bounded time: 50 years and 2046 years, small, no negative widths', () => {
      const docs = docsOf(SAMPLE);
      const typo = (start: string, end: string) =>
        projectFrom({
          ...docs,
          project: { ...docs.project, start },
          handover: undefined,
          plan: {
            ...docs.plan,
            stages: [
              { id: 'a', name: 'A', start, end, approach: 'agile', type: 'other', deliverables: [] },
              { id: 'b', name: 'B', start: '2026-09', end: '2026-09', approach: 'prince2', type: 'other', deliverables: [] },
            ],
          },
        });
      for (const [start, end] of [['2026-09', '2072-03'], ['0026-09', '2072-03'], ['2026-01', '2075-12']]) {
        const project = typo(start, end);
        const t0 = performance.now();
        const { html } = renderProposal(project, DATE);
        const ms = performance.now() - t0;
        // Under 100 ms on a developer machine; the bound is generous for a busy CI, and far
        // below the 14 s the month-per-column axis took.
        assert.ok(ms < 1000, `${start} to ${end}: ${ms.toFixed(0)} ms`);
        assert.ok(html.length < 200_000, `${start} to ${end}: ${html.length} characters of HTML`);
        const axis = assertReadableAxis(html, `${start} to ${end}`);
        assert.ok(axis.bars.every((b) => b.width >= 1), 'every bar is visible');
      }
    });

    it('shortens a long stage name on a grapheme boundary: no half emoji in the drawing', () => {
      const docs = docsOf(SAMPLE);
      const plan = docs.plan as { stages: Array<Record<string, unknown>> };
      const name = `${'x'.repeat(32)}👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧 and a long tail after the family`;
      const html = renderProposal(projectFrom({ ...docs, handover: undefined, plan: { ...docs.plan, stages: plan.stages.map((s, i) => (i === 0 ? { ...s, name } : s)) } }), DATE).html;
      const label = /<text class="tl-name"[^>]*>([^<]*)<\/text>/.exec(html)?.[1] ?? '';
      assert.ok(label.endsWith('…') && label.length < name.length, label);
      assert.doesNotMatch(label, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|\u200D…/, 'no lone surrogate, no dangling joiner');
      assert.ok(name.startsWith(label.slice(0, -1)));
    });

    it('takes the period in the title block from the plan, never from the padded axis', () => {
      const period = (months: number) => /<dt>Period<\/dt><dd>([^<]*)<\/dd>/.exec(renderProposal(sampleSpanning(months), DATE).html)?.[1];
      assert.equal(period(1), 'Jan 2026');
      assert.equal(period(2), 'Jan 2026 – Feb 2026');
      assert.equal(period(36), 'Jan 2026 – Dec 2028');
      assert.equal(period(600), 'Jan 2026 – Dec 2075');
    });

    it('pads a one-month plan to three months and includes the project start', () => {
      assert.deepEqual(timelineMonths([{ start: '2026-05', end: '2026-05', deliverables: [] }], []), ['2026-05', '2026-06', '2026-07']);
      assert.deepEqual(timelineMonths([{ start: '2026-05', end: '2026-06', deliverables: [] }], [{ month: '2026-08' }], '2026-04'), ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08']);
      assert.deepEqual(timelineMonths([], []), []);
    });

    it('draws stages as bars and numbered milestones as diamonds', async () => {
      const r = renderProposal(await loadProject(nodeHost, SAMPLE), DATE);
      assert.equal((r.html.match(/class="tl-bar tl-prince2"/g) ?? []).length, 4);
      assert.equal((r.html.match(/class="tl-bar tl-agile"/g) ?? []).length, 4 + 2, 'an agile stage is one block per month');
      assert.deepEqual([...r.html.matchAll(/data-milestone="(\d+)"/g)].map((m) => m[1]), ['1', '2', '3', '4', '5', '6']);
      assert.match(r.html, /<title>Mail and file migration: Pilot with the payroll team; Mailboxes in Exchange Online/);
    });
  });

  describe('power/interest grid', () => {
    it('puts each combination in its quadrant', () => {
      assert.equal(quadrantOf('high', 'high'), 'manageClosely');
      assert.equal(quadrantOf('high', 'medium'), 'keepSatisfied');
      assert.equal(quadrantOf('high', 'low'), 'keepSatisfied');
      assert.equal(quadrantOf('medium', 'high'), 'keepInformed');
      assert.equal(quadrantOf('low', 'high'), 'keepInformed');
      assert.equal(quadrantOf('medium', 'medium'), 'monitor');
      assert.equal(quadrantOf('low', 'low'), 'monitor');
      assert.equal(quadrantOf(undefined, undefined), 'monitor');
    });

    it('places dots inside their quadrant, medium close to the middle line, and side by side', () => {
      const person = (id: string, power: Stakeholder['power'], interest: Stakeholder['interest']): Stakeholder => ({ id, name: id, power, interest, steeringGroup: false, decisionMaker: false });
      const dots = placeOnGrid([person('hh', 'high', 'high'), person('hl', 'high', 'low'), person('mh', 'medium', 'high'), person('lh', 'low', 'high'), person('ll', 'low', 'low'), person('ll2', 'low', 'low')]);
      const at = (id: string) => dots.find((d) => d.stakeholder.id === id) as (typeof dots)[number];
      const midX = 16 + (206 - 18) / 2;
      const midY = 2 + (142 - 18) / 2;
      assert.ok(at('hh').x > midX && at('hh').y < midY);
      assert.ok(at('hl').x < midX && at('hl').y < midY);
      assert.ok(at('mh').x > midX && at('mh').y > midY);
      assert.ok(at('mh').y < at('lh').y, 'medium power sits above low power');
      assert.ok(at('mh').y - midY < midY - at('hh').y, 'medium is drawn close to the middle line');
      assert.ok(at('ll').x < midX && at('ll').y > midY);
      assert.equal(at('ll').y, at('ll2').y);
      assert.ok(Math.abs(at('ll').x - at('ll2').x) >= 15, 'two people in one cell do not overlap');
    });

    it('labels the quadrants and shows the sample stakeholders outside the MSP', async () => {
      const r = renderProposal(await loadProject(nodeHost, SAMPLE), DATE);
      const dots = [...r.html.matchAll(/class="grid-dot org-(\w+)" data-stakeholder="([^"]+)" data-quadrant="(\w+)"/g)].map((m) => `${m[2]}:${m[3]}:${m[1]}`);
      assert.deepEqual(dots.sort(), ['external-it:keepInformed:supplier', 'key-user:keepInformed:client', 'managing-partner:manageClosely:client', 'office-manager:keepInformed:client', 'senior-partner:keepSatisfied:client']);
      const svg = renderGrid([], proposalLabels('en'));
      for (const q of ['Manage closely', 'Keep satisfied', 'Keep informed', 'Monitor', 'Power', 'Interest']) assert.ok(svg.includes(q), q);
    });

    it('names every plotted person beside the grid, up to a limit', () => {
      const docs = docsOf(SAMPLE);
      const names = ['Ann Archer', 'Bo Baker', 'Cy Cole', 'Di Dean', 'Ed Eve', 'Flo Fox', 'Gus Gray'];
      const people = names.map((name, i) => ({ id: `p${i}`, name, role: 'Role', organisation: 'client', power: i ? 'low' : 'high', interest: 'low', attitude: 'neutral', steering_group: i === 0, decision_maker: i === 0 }));
      const r = renderProposal(projectFrom({ ...docs, handover: undefined, stakeholders: { stakeholders: people } }), DATE);
      assert.equal((r.html.match(/class="grid-dot /g) ?? []).length, 7);
      assert.match(r.html, /Steering group<\/h3><ul class="people"><li><span class="badge org-client">AA<\/span>/);
      assert.equal(names.filter((n) => r.html.includes(`<strong>${n}</strong>`)).length, 1 + 4);
      assert.match(r.html, /and 2 more in the stakeholder register/);
    });

    it('makes initials from first and last name', () => {
      assert.equal(initials('Annemiek de Wit'), 'AW');
      assert.equal(initials('Fatima El Amrani'), 'FA');
      assert.equal(initials('Cher'), 'CH');
      assert.equal(initials('Émile Zola-Durand'), 'ÉD');
      assert.equal(initials(''), '?');
    });
  });

  describe('layout choices', () => {
    it('widens the Scope Canvas column that holds the most text', () => {
      const item = (n: number) => ({ title: 'An item', text: 'x '.repeat(n) });
      assert.equal(scopeColumnsClass([item(30)], [item(30)], [item(30)]), 'cols-even');
      assert.match(scopeColumnsClass(Array(6).fill(item(120)), [item(30)], [item(20)]), /^cols-in/);
      assert.equal(scopeColumnsClass([item(20)], Array(6).fill(item(120)), [item(20)]), 'cols-out');
    });

    it('names export files after the project id and version, safely', () => {
      assert.equal(exportFileName('dekker-m365', '0.3'), 'dekker-m365-v0.3.html');
      assert.equal(exportFileName('../../etc/passwd', '1.0'), 'etc-passwd-v1.0.html');
      assert.equal(exportFileName(undefined, undefined), 'proposal-v0.0.html');
    });
  });

  describe('embeddings: preview equals print', () => {
    it('puts the same sheet markup and the same CSS into the webview and the export', async () => {
      const r = renderProposal(await loadProject(nodeHost, SAMPLE), DATE);
      const exported = standaloneHtml(r);
      const webview = webviewHtml(r, { nonce: 'n0nce', cspSource: 'https://file+.vscode-resource.vscode-cdn.net', fontUri: (f) => `https://x/fonts/${f}`, styleUris: ['https://x/preview.css'], scriptUris: ['https://x/preview.js'] });
      const body = (html: string) => html.slice(html.indexOf('<main class="sheet"'), html.indexOf('</main>') + 7);
      const css = (html: string) => /<style[^>]*>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
      assert.equal(body(exported), r.html);
      assert.equal(body(webview), r.html);
      // The one <style>: the bundled fonts' @font-face rules, then the proposal CSS unchanged.
      for (const html of [exported, webview]) {
        const style = css(html);
        assert.ok(style.endsWith(r.css));
        assert.match(style.slice(0, -r.css.length), /^(@font-face \{[^{}]*\}\n)+$/);
      }
      assert.match(r.css, /@page \{ size: A4; margin: 11mm 13mm 11mm 13mm; \}/);
    });

    it('gives the export a CSP that allows its one stylesheet, its data: fonts and data: images, nothing else', async () => {
      const r = renderProposal(await loadProject(nodeHost, SAMPLE), DATE);
      const exported = standaloneHtml(r);
      const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(exported)?.[1] ?? '';
      assert.match(csp, /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; font-src data:; img-src data:; base-uri 'none'; form-action 'none'$/);
      assert.doesNotMatch(exported, /<script|<link|https?:\/\/(?!example)/);
      assert.doesNotMatch(r.html, /\sstyle=/, 'no inline style attributes (the webview CSP forbids them)');
    });

    it('gives the webview a nonce CSP that loads fonts from the extension, and the measurement script', async () => {
      const r = renderProposal(await loadProject(nodeHost, SAMPLE), DATE);
      const html = webviewHtml(r, { nonce: 'abc123', cspSource: 'vscode-webview://src', fontUri: (f) => `vscode-webview://src/media/fonts/${f}`, scriptUris: ['vscode-webview://src/media/preview.js'], before: '<div id="banner"></div>' });
      assert.match(html, /content="default-src 'none'; style-src vscode-webview:\/\/src 'nonce-abc123'; script-src 'nonce-abc123';/);
      assert.match(html, /content="[^"]*; font-src vscode-webview:\/\/src;/);
      const scripts = html.match(/<script[^>]*>/g) ?? [];
      assert.equal(scripts.length, 2);
      assert.ok(scripts.every((s) => s.includes('nonce="abc123"')));
      assert.ok(html.includes(MEASURE_SCRIPT));
      assert.ok(html.indexOf(MEASURE_SCRIPT) < html.indexOf('preview.js'), 'measurement is defined before the preview script runs');
      assert.match(html, /<body>\n<div id="banner"><\/div><main class="sheet"/);
    });
  });

  describe('one-page check in words', () => {
    const over: A4Measurement = {
      fits: false,
      overflowMm: 52.3,
      overflowPercent: 19,
      contentHeightMm: 327.3,
      availableHeightMm: PRINTABLE_HEIGHT_MM,
      contentWidthMm: 184,
      availableWidthMm: 184,
      overflowWidthMm: 0,
      sections: [
        { id: 'title', heightMm: 19 },
        { id: 'scope', heightMm: 120.2 },
        { id: 'approach', heightMm: 80.1 },
        { id: 'stakeholders', heightMm: 40 },
      ],
    };

    it('describes a fit and an overflow with the longest sections', () => {
      assert.equal(PRINTABLE_HEIGHT_MM, A4.heightMm - A4.margin.topMm - A4.margin.bottomMm);
      assert.equal(describeMeasurement({ ...over, fits: true, overflowMm: 0, overflowPercent: 0, contentHeightMm: 271.5 }), 'Fits on one A4 page (271.5 of 275 mm used).');
      assert.equal(describeMeasurement(over), 'Does not fit on one A4 page: 52.3 mm (19.0 %) too long. Longest sections: Scope Canvas 120.2 mm, Approach and timeline 80.1 mm, Stakeholders 40.0 mm.');
    });

    it('describes a page that is too wide, alone and with a page that is too long', () => {
      const fitsHigh = { ...over, overflowMm: 0, overflowPercent: 0, contentHeightMm: 250 };
      assert.equal(
        describeMeasurement({ ...fitsHigh, contentWidthMm: 190.2, overflowWidthMm: 6.2, widestSection: 'stakeholders' }),
        'Does not fit on one A4 page: 6.2 mm too wide in Stakeholders, so the PDF would print it smaller. Text that cannot wrap (a long word, address or link)?',
      );
      assert.equal(
        describeMeasurement({ ...over, overflowWidthMm: 1.5, widestSection: 'scope' }),
        'Does not fit on one A4 page: 52.3 mm (19.0 %) too long. Longest sections: Scope Canvas 120.2 mm, Approach and timeline 80.1 mm, Stakeholders 40.0 mm. It is also 1.5 mm too wide in Scope Canvas.',
      );
      assert.equal(isA4Measurement(over), true);
      assert.equal(isA4Measurement({ ...over, overflowWidthMm: undefined }), false, 'a measurement without its width is malformed');
    });

    it('reads the measurement back from a dumped DOM', () => {
      const json = encodeURIComponent(JSON.stringify(over));
      assert.deepEqual(parseMeasureResult(`<html lang="en" data-msp-measure="${json}"><head>`), over);
      assert.equal(parseMeasureResult('<html><script>x("data-msp-measure")</script>'), undefined);
      assert.equal(parseMeasureResult('<html data-msp-measure="%7Bbroken">'), undefined);
    });

    it('checks messages from the webview before the host uses them', () => {
      assert.ok(isPreviewToHostMessage({ type: 'ready' }));
      assert.ok(isPreviewToHostMessage({ type: 'measured', renderId: 3, measurement: over }));
      assert.ok(isPreviewToHostMessage({ type: 'measured', renderId: 3, measurement: over, shownAt: 1796000000000 }));
      assert.ok(!isPreviewToHostMessage({ type: 'measured', renderId: 3, measurement: over, shownAt: 'now' }));
      assert.ok(!isPreviewToHostMessage({ type: 'measured', renderId: 3, measurement: over, shownAt: Infinity }));
      assert.ok(isPreviewToHostMessage({ type: 'openLink', href: 'https://x.example' }));
      assert.ok(!isPreviewToHostMessage({ type: 'measured', renderId: 3, measurement: { ...over, overflowMm: 'a lot' } }));
      assert.ok(!isPreviewToHostMessage({ type: 'openLink' }));
      assert.ok(!isPreviewToHostMessage({ type: 'eval', code: 'x' }));
      assert.ok(!isPreviewToHostMessage(null));
    });
  });
});
