/** Projects for the renderer's tests, built in memory from plain objects. */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import { DOCUMENT_FILES } from '../../src/core/document/documents';
import type { DocumentKind } from '../../src/core/common/types';
import { validateProject, type ProjectReport, type ProjectTexts } from '../../src/core/project/workspace';

export const ROOT = path.join(__dirname, '..', '..');
export const SAMPLE = path.join(ROOT, 'samples', 'dekker-accountants');
export const DUTCH = path.join(ROOT, 'test', 'fixtures', 'render', 'bakker-installatietechniek');

export type Docs = Partial<Record<DocumentKind, unknown>>;

/**
 * A project from document values: objects are written as YAML (intake as front matter), strings
 * are taken as the file's text as is. A kind left out is a missing document.
 */
export function projectFrom(docs: Docs, dir = '/virtual/project'): ProjectReport {
  const texts: ProjectTexts = {};
  for (const [kind, value] of Object.entries(docs) as Array<[DocumentKind, unknown]>) {
    if (value === undefined) continue;
    let text = typeof value === 'string' ? value : stringify(value);
    if (kind === 'intake' && typeof value !== 'string') text = `---\n${text}---\n\n# Intake\n`;
    texts[kind] = { path: path.join(dir, DOCUMENT_FILES[kind]), text };
  }
  return validateProject(dir, texts, (kind) => path.join(dir, DOCUMENT_FILES[kind]));
}

/** The documents of a project folder as plain values (intake: its front matter), to vary in tests. */
export function docsOf(dir: string): Record<DocumentKind, Record<string, unknown>> {
  const read = (kind: DocumentKind) => {
    const text = readFileSync(path.join(dir, DOCUMENT_FILES[kind]), 'utf8');
    return (kind === 'intake' ? parse(text.split(/^---$/m)[1]) : parse(text)) as Record<string, unknown>;
  };
  return {
    project: read('project'),
    intake: read('intake'),
    scope: read('scope'),
    plan: read('plan'),
    stakeholders: read('stakeholders'),
    handover: {},
  };
}

/** The sample's plan with its stages replaced by `count` one-month stages (and no milestones). */
export function planWithStages(count: number): Record<string, unknown> {
  const stages = Array.from({ length: count }, (_, i) => {
    const month = `2026-${String((i % 12) + 1).padStart(2, '0')}`;
    return { id: `stage-${i + 1}`, name: `Stage ${i + 1}`, start: month, end: month, approach: i % 2 ? 'agile' : 'prince2', type: 'migration', deliverables: ['Result'] };
  });
  return { ...docsOf(SAMPLE).plan, stages, milestones: [] };
}

/** The sample with the plan of `planWithStages`. */
export function sampleWithStages(count: number): ProjectReport {
  return projectFrom({ ...docsOf(SAMPLE), handover: undefined, plan: planWithStages(count) });
}

/** Writes a copy of the sample into `dir`, with `plan` (an object) as its plan.yaml. */
export function writeSampleWithPlan(dir: string, plan: Record<string, unknown>): void {
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(SAMPLE)) copyFileSync(path.join(SAMPLE, name), path.join(dir, name));
  writeFileSync(path.join(dir, 'plan.yaml'), stringify(plan));
}

/** A plan of the sample spanning exactly `months` months from January 2026, one stage over all of it. */
export function sampleSpanning(months: number): ProjectReport {
  const docs = docsOf(SAMPLE);
  const last = new Date(Date.UTC(2026, months - 1, 1));
  const end = `${last.getUTCFullYear()}-${String(last.getUTCMonth() + 1).padStart(2, '0')}`;
  return projectFrom({
    ...docs,
    project: { ...docs.project, start: '2026-01' },
    handover: undefined,
    plan: { ...docs.plan, stages: [{ id: 'all', name: 'All of it', start: '2026-01', end, approach: 'prince2', type: 'other', deliverables: [] }], milestones: [] },
  });
}

/**
 * Attempts at active content, one per text field they go into. Each must come out as inert text
 * (or, for links, as plain text without the link).
 */
export const XSS = {
  script: '<script>window.__pwned = "script"</script>',
  img: '<img src=x onerror="window.__pwned=\'img\'">',
  js: '[click](javascript:window.__pwned="js")',
  jsUpper: '[click](JAVASCRIPT:window.__pwned="JS")',
  jsEntity: '[click](&#106;avascript:window.__pwned="entity")',
  jsTab: '[click](java\tscript:window.__pwned="tab")',
  jsAutolink: '<javascript:window.__pwned="auto">',
  data: '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  dataImage: '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  remoteImage: '![x](https://example.invalid/track.png)',
  svg: '<svg onload="window.__pwned=\'svg\'"><circle r="5"/></svg>',
  iframe: '<iframe src="https://example.invalid/frame"></iframe>',
  attr: '" onmouseover="window.__pwned=\'attr\'" x="',
  style: '<style>body{background:url(https://example.invalid/x.png)}</style>',
  vbscript: '[click](vbscript:msgbox(1))',
} as const;

/** The sample with every attempt of `XSS` placed in text fields of every document. */
export function hostileProject(): ProjectReport {
  const docs = docsOf(SAMPLE);
  const all = Object.values(XSS).join(' ');
  const v = Object.values(XSS);
  const plan = docs.plan as { stages: Array<Record<string, unknown>>; milestones: Array<Record<string, unknown>>; risks: Array<Record<string, unknown>>; history: Array<Record<string, unknown>> };
  return projectFrom({
    project: { ...docs.project, title: XSS.script, client: XSS.img, project_manager: XSS.attr },
    intake: { ...docs.intake, request: all, contact: XSS.svg },
    scope: {
      in_scope: [{ id: 'a', title: XSS.iframe, description: all, priority: 'must' }],
      out_of_scope: [{ id: 'b', title: XSS.attr, reason: all }],
      later: [{ id: 'c', title: XSS.style, trigger: all }],
    },
    plan: {
      ...docs.plan,
      goal: all,
      summary: v.map((x) => `- ${x}`).join('\n'),
      stages: plan.stages.map((s, i) => ({ ...s, name: v[i % v.length], deliverables: [XSS.script, XSS.attr] })),
      milestones: plan.milestones.map((m, i) => ({ ...m, name: v[(i + 3) % v.length] })),
      risks: [{ risk: all, mitigation: all }],
      history: [{ version: '0.3', date: '2026-08-20', changes: all }],
    },
    stakeholders: {
      stakeholders: (docs.stakeholders.stakeholders as Array<Record<string, unknown>>).map((s, i) => ({ ...s, name: v[i % v.length], role: v[(i + 5) % v.length] })),
    },
  });
}

/** Unbroken texts that cannot wrap at a space: a long word, a URL and an e-mail address. */
export const LONG_WORDS = {
  word: 'Rijksbelastingdienstgegevensuitwisselingsinfrastructuurmigratievoorbereidingswerkzaamheden',
  url: 'https://dekker-accountants.sharepoint.example/sites/Finance/Shared%20Documents/Forms/AllItems.aspx?id=0123456789abcdef',
  email: 'lotte.van.rijn.projectmanagement@managed-services-provider.example',
} as const;

/**
 * The sample with an unbroken text (`LONG_WORDS`) in every text field the A4 prints: title,
 * client, project manager, request and contact, summary, goal, scope titles and texts, stage
 * names and owners, milestones, stakeholder names and roles, risks, revision notes. Short enough
 * to fit on one page when every text wraps inside its column.
 */
export function longWordProject(): ProjectReport {
  const docs = docsOf(SAMPLE);
  const { word, url, email } = LONG_WORDS;
  const plan = docs.plan as { stages: Array<Record<string, unknown>>; milestones: Array<Record<string, unknown>>; risks: Array<Record<string, unknown>>; history: Array<Record<string, unknown>> };
  const scope = docs.scope as Record<string, Array<Record<string, unknown>>>;
  const people = docs.stakeholders.stakeholders as Array<Record<string, unknown>>;
  return projectFrom({
    project: { ...docs.project, title: word, client: email, project_manager: email },
    intake: { ...docs.intake, request: `Please see ${url}.`, contact: email },
    scope: {
      in_scope: scope.in_scope.slice(0, 1).map((item, i) => (i === 0 ? { ...item, title: word, description: url } : item)),
      out_of_scope: scope.out_of_scope.slice(0, 1).map((item, i) => (i === 0 ? { ...item, title: url, reason: word } : item)),
      later: scope.later.slice(0, 1).map((item, i) => (i === 0 ? { ...item, title: email, trigger: url } : item)),
    },
    handover: undefined,
    plan: {
      ...docs.plan,
      goal: word,
      summary: email,
      stages: plan.stages.map((s, i) => (i === 0 ? { ...s, name: word } : i === 1 ? { ...s, name: url } : s)),
      milestones: plan.milestones.map((m, i) => (i === 0 ? { ...m, name: word } : i === 1 ? { ...m, name: email } : m)),
      risks: [{ risk: word, mitigation: url }],
      history: [{ ...plan.history[plan.history.length - 1], changes: `${word} ${url}` }],
    },
    stakeholders: {
      stakeholders: people.slice(0, 3).map((s, i) => (i === 0 ? { ...s, name: word, role: email } : i === 1 ? { ...s, role: url } : i === 2 ? { ...s, name: email } : s)),
    },
  });
}
