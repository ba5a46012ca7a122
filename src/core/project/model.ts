/**
 * The proposal's view of a project: the parsed documents read defensively into plain typed
 * values. Documents are user input that may be half-written or schema-invalid while the user
 * types; everything here tolerates any shape and drops what it cannot use, never throwing.
 */
import { DOCUMENT_FILES } from '../document';
import type { DocumentKind, Language } from '../common';
import type { ProjectReport } from './workspace';

/** Whether a document could be used: present and parsed, missing, or present but unreadable. */
export type Availability = 'ok' | 'missing' | 'unreadable';

export interface ScopeItem {
  id?: string;
  title?: string;
  /** Markdown: `description` (in scope), `reason` (out of scope) or `trigger` (later). */
  text?: string;
  priority?: 'must' | 'should' | 'could';
}

export interface Stage {
  id?: string;
  name?: string;
  /** Months as `YYYY-MM`, when valid. */
  start?: string;
  end?: string;
  approach?: 'prince2' | 'agile';
  type?: 'initiation' | 'migration' | 'adoption' | 'security-check' | 'delivery' | 'other';
  deliverables: string[];
  owner?: string;
}

export interface Milestone {
  name?: string;
  month?: string;
  stage?: string;
}

export interface Stakeholder {
  id?: string;
  name?: string;
  role?: string;
  organisation?: 'client' | 'msp' | 'supplier' | 'other';
  power?: Level;
  interest?: Level;
  steeringGroup: boolean;
  decisionMaker: boolean;
  channel?: 'meeting' | 'call' | 'email' | 'demo' | 'newsletter' | 'chat';
  frequency?: 'weekly' | 'biweekly' | 'monthly' | 'per-milestone' | 'ad-hoc';
}

export type Level = 'low' | 'medium' | 'high';

export interface ProposalModel {
  language: Language;
  id?: string;
  title?: string;
  client?: string;
  projectManager?: string;
  start?: string;
  intake: { state: Availability; request?: string; contact?: string };
  scope: { state: Availability; inScope: ScopeItem[]; outOfScope: ScopeItem[]; later: ScopeItem[] };
  plan: {
    state: Availability;
    method?: 'prince2' | 'agile' | 'hybrid';
    version?: string;
    goal?: string;
    summary?: string;
    stages: Stage[];
    milestones: Milestone[];
    budget?: { hours?: number; amount?: number; currency?: string };
    risks: Array<{ risk?: string; mitigation?: string }>;
    history: Array<{ version?: string; date?: string; changes?: string }>;
  };
  stakeholders: { state: Availability; list: Stakeholder[] };
  /** File names for placeholders, e.g. `scope.yaml`. */
  files: Readonly<Record<DocumentKind, string>>;
}

type Rec = Record<string, unknown>;

function rec(value: unknown): Rec | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Rec) : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A non-empty trimmed string; numbers are accepted as text (an unquoted `version: 0.3`). */
function str(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  return s ? s : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** A valid `YYYY-MM` month (a day-level `YYYY-MM-DD` is read as its month). */
export function month(value: unknown): string | undefined {
  const s = str(value);
  const m = s ? /^(\d{4})-(0[1-9]|1[0-2])(?:-\d{2})?$/.exec(s) : null;
  return m ? `${m[1]}-${m[2]}` : undefined;
}

function availability(project: ProjectReport, kind: DocumentKind): Availability {
  const doc = project.documents[kind];
  if (!doc?.exists) return 'missing';
  return rec(doc.data) ? 'ok' : 'unreadable';
}

const LEVELS = ['low', 'medium', 'high'] as const;

/** Reads the documents of a project into the proposal model. Never throws. */
export function proposalModel(project: ProjectReport): ProposalModel {
  const manifest = rec(project.documents.project?.data);
  const intake = rec(project.documents.intake?.data);
  const scope = rec(project.documents.scope?.data);
  const plan = rec(project.documents.plan?.data);
  const register = rec(project.documents.stakeholders?.data);
  // An unquoted `version: 0.10` is the number 0.1 (a schema error); the proposal and its file name
  // show it as written, `v0.10`, not `v0.1`.
  const planText = (pointer: string, value: unknown): string | undefined =>
    (typeof value === 'number' ? project.documents.plan?.numbersAsWritten?.[pointer] : undefined) ?? str(value);

  const scopeItems = (key: string, textKey: string): ScopeItem[] =>
    list(scope?.[key]).flatMap((v) => {
      const r = rec(v);
      if (!r) return str(v) ? [{ title: str(v) }] : [];
      return [{ id: str(r.id), title: str(r.title), text: str(r[textKey]), priority: oneOf(r.priority, ['must', 'should', 'could'] as const) }];
    });

  return {
    language: project.language === 'nl' ? 'nl' : 'en',
    id: str(manifest?.id) ?? project.id,
    title: str(manifest?.title),
    client: str(manifest?.client) ?? str(intake?.client),
    projectManager: str(manifest?.project_manager),
    start: month(manifest?.start),
    intake: { state: availability(project, 'intake'), request: str(intake?.request), contact: str(intake?.contact) },
    scope: {
      state: availability(project, 'scope'),
      inScope: scopeItems('in_scope', 'description'),
      outOfScope: scopeItems('out_of_scope', 'reason'),
      later: scopeItems('later', 'trigger'),
    },
    plan: {
      state: availability(project, 'plan'),
      method: oneOf(plan?.method, ['prince2', 'agile', 'hybrid'] as const),
      version: planText('/version', plan?.version),
      goal: str(plan?.goal),
      summary: str(plan?.summary),
      stages: list(plan?.stages).flatMap((v) => {
        const r = rec(v);
        if (!r) return [];
        return [
          {
            id: str(r.id),
            name: str(r.name),
            start: month(r.start),
            end: month(r.end),
            approach: oneOf(r.approach, ['prince2', 'agile'] as const),
            type: oneOf(r.type, ['initiation', 'migration', 'adoption', 'security-check', 'delivery', 'other'] as const),
            deliverables: list(r.deliverables).flatMap((d) => (str(d) ? [str(d) as string] : [])),
            owner: str(r.owner),
          },
        ];
      }),
      milestones: list(plan?.milestones).flatMap((v) => {
        const r = rec(v);
        return r ? [{ name: str(r.name), month: month(r.month), stage: str(r.stage) }] : [];
      }),
      budget: rec(plan?.budget) && {
        hours: num(rec(plan?.budget)?.hours),
        amount: num(rec(plan?.budget)?.amount),
        currency: str(rec(plan?.budget)?.currency),
      },
      risks: list(plan?.risks).flatMap((v) => {
        const r = rec(v);
        if (!r) return str(v) ? [{ risk: str(v) }] : [];
        return str(r.risk) || str(r.mitigation) ? [{ risk: str(r.risk), mitigation: str(r.mitigation) }] : [];
      }),
      history: list(plan?.history).flatMap((v, i) => {
        const r = rec(v);
        return r ? [{ version: planText(`/history/${i}/version`, r.version), date: str(r.date), changes: str(r.changes) }] : [];
      }),
    },
    stakeholders: {
      state: availability(project, 'stakeholders'),
      list: list(register?.stakeholders).flatMap((v) => {
        const r = rec(v);
        if (!r) return [];
        const communication = rec(r.communication);
        return [
          {
            id: str(r.id),
            name: str(r.name),
            role: str(r.role),
            organisation: oneOf(r.organisation, ['client', 'msp', 'supplier', 'other'] as const),
            power: oneOf(r.power, LEVELS),
            interest: oneOf(r.interest, LEVELS),
            steeringGroup: r.steering_group === true,
            decisionMaker: r.decision_maker === true,
            channel: oneOf(communication?.channel, ['meeting', 'call', 'email', 'demo', 'newsletter', 'chat'] as const),
            frequency: oneOf(communication?.frequency, ['weekly', 'biweekly', 'monthly', 'per-milestone', 'ad-hoc'] as const),
          },
        ];
      }),
    },
    files: DOCUMENT_FILES,
  };
}
