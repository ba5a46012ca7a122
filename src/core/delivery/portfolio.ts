/**
 * The portfolio: every project of the workspace in groups, for the Portfolio view (docs/delivery.md). An
 * MSP runs many client projects at once; the view answers "where does each one stand?".
 *
 * The chosen sort key is also the grouping: by phase (the default, in method order), by client
 * (A–Z) or by status (most urgent first). Within a group the other keys order the projects, so
 * every choice gives a meaningful list; the project's own line shows the facts that are not its
 * group.
 */
import { PHASES } from '../document';
import type { ProjectStatus } from './reportWords';
import { asRecord, asText } from '../common';
import type { ProjectReport } from '../project';

/** How the portfolio is grouped and sorted. */
export type PortfolioSort = 'phase' | 'client' | 'status';

/** The sort keys in the order a picker offers them. */
export const PORTFOLIO_SORTS: readonly PortfolioSort[] = ['phase', 'client', 'status'];

/** Group key of projects without a (known) phase, status or client. */
export const UNKNOWN = '';

/** What the portfolio shows of one project. */
export interface PortfolioEntry {
  /** The project folder (as the host names it: a URI string in the extension). */
  dir: string;
  id?: string;
  title?: string;
  client?: string;
  /** One of the phases or `closed`; `undefined` when missing or not a phase. */
  phase?: string;
  /** One of the statuses of FORMAT.md; `undefined` when missing or unknown. */
  status?: ProjectStatus;
  errors: number;
  warnings: number;
}

/** A group of the portfolio: a phase, a client or a status (`UNKNOWN` for none). */
export interface PortfolioGroup {
  sort: PortfolioSort;
  key: string;
  entries: PortfolioEntry[];
}

/** Phases in method order, `closed` last. */
export const PHASE_ORDER: readonly string[] = [...PHASES, 'closed'];

/** Statuses, most urgent first: what needs attention comes to the top. */
export const STATUS_ORDER: readonly ProjectStatus[] = ['off-track', 'at-risk', 'on-hold', 'on-track', 'done'];

/** The portfolio's view of a project report. */
export function portfolioEntry(report: ProjectReport): PortfolioEntry {
  const status = asText(asRecord(report.documents.project.data)?.status);
  return {
    dir: report.dir,
    id: report.id,
    title: report.title,
    client: report.client,
    phase: report.phase && PHASE_ORDER.includes(report.phase) ? report.phase : undefined,
    status: (STATUS_ORDER as readonly string[]).includes(status ?? '') ? (status as ProjectStatus) : undefined,
    errors: report.errors,
    warnings: report.warnings,
  };
}

/** Made on the first sort, not while the bundle loads (ICU data; docs/benchmarks.md, "Activation"). */
let collator: Intl.Collator | undefined;
const compareText = (a: string, b: string): number => (collator ??= new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })).compare(a, b);

/** Position in an order; unknown values after every known one. */
function rank(order: readonly string[], value: string | undefined): number {
  const i = value === undefined ? -1 : order.indexOf(value);
  return i < 0 ? order.length : i;
}

/** Text order with empty values last. */
function byText(a: string | undefined, b: string | undefined): number {
  if (!a || !b) return (a ? 0 : 1) - (b ? 0 : 1);
  return compareText(a, b);
}

const byPhase = (a: PortfolioEntry, b: PortfolioEntry) => rank(PHASE_ORDER, a.phase) - rank(PHASE_ORDER, b.phase);
const byClient = (a: PortfolioEntry, b: PortfolioEntry) => byText(a.client, b.client);
const byTitle = (a: PortfolioEntry, b: PortfolioEntry) => byText(a.title ?? a.id, b.title ?? b.id) || (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0);

/** Within a group, the keys that are not the grouping, most telling first. */
const WITHIN: Record<PortfolioSort, Array<(a: PortfolioEntry, b: PortfolioEntry) => number>> = {
  phase: [byClient, byTitle],
  client: [byPhase, byTitle],
  status: [byPhase, byClient, byTitle],
};

function groupKey(entry: PortfolioEntry, sort: PortfolioSort): string {
  const key = sort === 'phase' ? entry.phase : sort === 'status' ? entry.status : entry.client?.trim();
  return key || UNKNOWN;
}

/**
 * The entries grouped and sorted by `sort` (see the module comment). Groups come in method order
 * (phase), A–Z (client) or most urgent first (status), with the `UNKNOWN` group last; empty
 * groups are left out. Pure: the input is not changed.
 */
export function groupPortfolio(entries: readonly PortfolioEntry[], sort: PortfolioSort): PortfolioGroup[] {
  const groups = new Map<string, PortfolioEntry[]>();
  for (const entry of entries) {
    const key = groupKey(entry, sort);
    const list = groups.get(key) ?? [];
    list.push(entry);
    groups.set(key, list);
  }
  const keyOrder = (a: string, b: string): number => {
    if (a === UNKNOWN || b === UNKNOWN) return (a === UNKNOWN ? 1 : 0) - (b === UNKNOWN ? 1 : 0);
    if (sort === 'phase') return rank(PHASE_ORDER, a) - rank(PHASE_ORDER, b);
    if (sort === 'status') return rank(STATUS_ORDER, a) - rank(STATUS_ORDER, b);
    return compareText(a, b);
  };
  const within = WITHIN[sort];
  return [...groups.keys()].sort(keyOrder).map((key) => ({
    sort,
    key,
    entries: (groups.get(key) ?? []).slice().sort((a, b) => within.reduce((r, cmp) => r || cmp(a, b), 0)),
  }));
}

/** True for a valid sort key (for a value read back from storage or a command argument). */
export function isPortfolioSort(value: unknown): value is PortfolioSort {
  return typeof value === 'string' && (PORTFOLIO_SORTS as readonly string[]).includes(value);
}
