/**
 * The words printed on the A4 proposal, per document language.
 *
 * These deliberately do not go through the core's `t()`: that follows the user's UI language,
 * while the proposal is written in the project's `language` (project.yaml) for the client. A
 * Dutch consultant with an English UI still sends a Dutch client a Dutch proposal.
 */

import { formatMoney, formatNumber, monthNames, type Language } from '../common';


/** Every label of the proposal. Functions take numbers or names that vary. */
export interface ProposalLabels {
  documentKind: string;
  client: string;
  projectManager: string;
  version: string;
  date: string;
  start: string;
  period: string;
  background: string;
  clientRequest: string;
  goal: string;
  scope: string;
  willDo: string;
  willNotDo: string;
  maybeLater: string;
  when: string;
  priority: Record<'must' | 'should' | 'could', string>;
  approach: string;
  method: Record<'prince2' | 'agile' | 'hybrid', string>;
  stageApproach: Record<'prince2' | 'agile', string>;
  stageType: Record<'initiation' | 'migration' | 'adoption' | 'security-check' | 'delivery' | 'other', string>;
  legendPrince2: string;
  legendAgile: string;
  milestone: string;
  milestones: string;
  deliverables: string;
  timelineCaption: (months: number, from: string, to: string) => string;
  stakeholders: string;
  steeringGroup: string;
  keyStakeholders: string;
  decisionMaker: string;
  power: string;
  interest: string;
  /** The register's power and interest levels. */
  level: Record<'low' | 'medium' | 'high', string>;
  quadrant: Record<'manageClosely' | 'keepSatisfied' | 'keepInformed' | 'monitor', string>;
  organisation: Record<'client' | 'msp' | 'supplier' | 'other', string>;
  channel: Record<'meeting' | 'call' | 'email' | 'demo' | 'newsletter' | 'chat', string>;
  frequency: Record<'weekly' | 'biweekly' | 'monthly' | 'per-milestone' | 'ad-hoc', string>;
  budget: string;
  hours: (n: string) => string;
  risks: string;
  risk: string;
  mitigation: string;
  moreRisks: (n: number) => string;
  moreStakeholders: (n: number) => string;
  revisions: string;
  /** Column headings of the Word export's tables (`src/core/word/`). */
  table: { name: string; role: string; organisation: string; quadrant: string; communication: string; stage: string; owner: string; changes: string };
  /** The page footer's page number, e.g. `page 1/2`, from Word's page fields or the PDF's. */
  page: string;
  monthsShort: readonly string[];
  /** Quarter labels of a long timeline's axis: `Q1`..`Q4` (`K1`..`K4` in Dutch, kwartaal). */
  quartersShort: readonly string[];
  monthsLong: readonly string[];
  /** Placeholders: discreet notes where a document or field is missing. */
  missing: {
    title: string;
    client: string;
    notSet: string;
    intake: string;
    goal: string;
    scope: string;
    scopeColumn: string;
    plan: string;
    stages: string;
    stakeholders: string;
    steeringGroup: string;
    unreadable: (file: string) => string;
    notYet: (file: string) => string;
  };
}

const EN: ProposalLabels = {
  documentKind: 'Project proposal',
  client: 'Client',
  projectManager: 'Project manager',
  version: 'Version',
  date: 'Date',
  start: 'Start',
  period: 'Period',
  background: 'Background',
  clientRequest: 'Your request',
  goal: 'Goal',
  scope: 'Scope',
  willDo: 'We will do',
  willNotDo: 'We will not do',
  maybeLater: 'Maybe later',
  when: 'When',
  priority: { must: 'must', should: 'should', could: 'could' },
  approach: 'Approach and timeline',
  method: {
    prince2: 'PRINCE2: controlled stages with a go/no-go decision between stages.',
    agile: 'Agile: short delivery cycles with a demo and feedback after each cycle.',
    hybrid: 'Hybrid: PRINCE2 stages for the technical work, Agile delivery for adoption and security checks.',
  },
  stageApproach: { prince2: 'PRINCE2', agile: 'Agile' },
  stageType: { initiation: 'Initiation', migration: 'Migration', adoption: 'Adoption', 'security-check': 'Security check', delivery: 'Delivery', other: 'Other' },
  legendPrince2: 'PRINCE2 stage',
  legendAgile: 'Agile delivery',
  milestone: 'Milestone',
  milestones: 'Milestones',
  deliverables: 'Deliverables',
  timelineCaption: (months, from, to) => `${months} months, ${from} to ${to}`,
  stakeholders: 'Steering group and stakeholders',
  steeringGroup: 'Steering group',
  keyStakeholders: 'Key stakeholders',
  decisionMaker: 'decides',
  power: 'Power',
  interest: 'Interest',
  level: { low: 'low', medium: 'medium', high: 'high' },
  quadrant: { manageClosely: 'Manage closely', keepSatisfied: 'Keep satisfied', keepInformed: 'Keep informed', monitor: 'Monitor' },
  organisation: { client: 'Client', msp: 'MSP', supplier: 'Supplier', other: 'Other' },
  channel: { meeting: 'Meeting', call: 'Call', email: 'E-mail', demo: 'Demo', newsletter: 'Newsletter', chat: 'Chat' },
  frequency: { weekly: 'weekly', biweekly: 'every two weeks', monthly: 'monthly', 'per-milestone': 'per milestone', 'ad-hoc': 'as needed' },
  budget: 'Budget',
  hours: (n) => `${n} hours`,
  risks: 'Top risks',
  risk: 'Risk',
  mitigation: 'What we do about it',
  moreRisks: (n) => `and ${n} more in the risk log`,
  moreStakeholders: (n) => `and ${n} more in the stakeholder register`,
  revisions: 'Revisions',
  table: { name: 'Name', role: 'Role', organisation: 'Organisation', quadrant: 'Power / interest', communication: 'Communication', stage: 'Stage', owner: 'Owner', changes: 'Changes' },
  page: 'page',
  // Getters: the month names come from Intl (ICU data) on first use, not while the bundle loads.
  get monthsShort() { return monthNames('en', 'short'); },
  quartersShort: ['Q1', 'Q2', 'Q3', 'Q4'],
  get monthsLong() { return monthNames('en', 'long'); },
  missing: {
    title: 'Untitled project',
    client: 'Client not named yet',
    notSet: 'not set',
    intake: 'The client’s request is not recorded yet.',
    goal: 'The goal is not described yet.',
    scope: 'The Scope Canvas is not filled in yet.',
    scopeColumn: 'Nothing listed yet.',
    plan: 'The approach is not planned yet.',
    stages: 'No stages planned yet.',
    stakeholders: 'The stakeholder register is not filled in yet.',
    steeringGroup: 'No steering group members named yet.',
    unreadable: (file) => `${file} cannot be read; correct its errors to show this part.`,
    notYet: (file) => `Not written yet (${file}).`,
  },
};

const NL: ProposalLabels = {
  documentKind: 'Projectvoorstel',
  client: 'Klant',
  projectManager: 'Projectleider',
  version: 'Versie',
  date: 'Datum',
  start: 'Start',
  period: 'Looptijd',
  background: 'Aanleiding',
  clientRequest: 'Uw vraag',
  goal: 'Doel',
  scope: 'Scope',
  willDo: 'Dit doen we',
  willNotDo: 'Dit doen we niet',
  maybeLater: 'Misschien later',
  when: 'Wanneer',
  // MoSCoW in Dutch: moet (must), zou moeten (should), kan (could).
  priority: { must: 'moet', should: 'zou moeten', could: 'kan' },
  approach: 'Aanpak en planning',
  method: {
    prince2: 'PRINCE2: beheerste fasen met een go/no-go-besluit tussen de fasen.',
    agile: 'Agile: korte opleverrondes met na elke ronde een demo en feedback.',
    hybrid: 'Hybride: PRINCE2-fasen voor het technische werk, Agile opleveren voor adoptie en securitychecks.',
  },
  stageApproach: { prince2: 'PRINCE2', agile: 'Agile' },
  stageType: { initiation: 'Initiatie', migration: 'Migratie', adoption: 'Adoptie', 'security-check': 'Securitycheck', delivery: 'Oplevering', other: 'Overig' },
  legendPrince2: 'PRINCE2-fase',
  legendAgile: 'Agile opleveren',
  milestone: 'Mijlpaal',
  milestones: 'Mijlpalen',
  deliverables: 'Resultaten',
  timelineCaption: (months, from, to) => `${months} maanden, ${from} tot en met ${to}`,
  stakeholders: 'Stuurgroep en belanghebbenden',
  steeringGroup: 'Stuurgroep',
  keyStakeholders: 'Belangrijke betrokkenen',
  decisionMaker: 'beslist',
  power: 'Invloed',
  interest: 'Belang',
  level: { low: 'laag', medium: 'gemiddeld', high: 'hoog' },
  quadrant: { manageClosely: 'Nauw betrekken', keepSatisfied: 'Tevreden houden', keepInformed: 'Informeren', monitor: 'Volgen' },
  organisation: { client: 'Klant', msp: 'MSP', supplier: 'Leverancier', other: 'Overig' },
  channel: { meeting: 'Overleg', call: 'Telefoon', email: 'E-mail', demo: 'Demo', newsletter: 'Nieuwsbrief', chat: 'Chat' },
  frequency: { weekly: 'wekelijks', biweekly: 'tweewekelijks', monthly: 'maandelijks', 'per-milestone': 'per mijlpaal', 'ad-hoc': 'wanneer nodig' },
  budget: 'Budget',
  hours: (n) => `${n} uur`,
  risks: 'Belangrijkste risico’s',
  risk: 'Risico',
  mitigation: 'Wat we eraan doen',
  moreRisks: (n) => `en nog ${n} in het risicolog`,
  moreStakeholders: (n) => `en nog ${n} in het stakeholderregister`,
  revisions: 'Versies',
  table: { name: 'Naam', role: 'Rol', organisation: 'Organisatie', quadrant: 'Invloed / belang', communication: 'Communicatie', stage: 'Fase', owner: 'Eigenaar', changes: 'Wijzigingen' },
  page: 'pagina',
  get monthsShort() { return monthNames('nl', 'short'); },
  quartersShort: ['K1', 'K2', 'K3', 'K4'],
  get monthsLong() { return monthNames('nl', 'long'); },
  missing: {
    title: 'Project zonder titel',
    client: 'Klant nog niet genoemd',
    notSet: 'nog niet bepaald',
    intake: 'De vraag van de klant is nog niet vastgelegd.',
    goal: 'Het doel is nog niet beschreven.',
    scope: 'Het Scope Canvas is nog niet ingevuld.',
    scopeColumn: 'Nog niets genoemd.',
    plan: 'De aanpak is nog niet gepland.',
    stages: 'Nog geen fasen gepland.',
    stakeholders: 'Het stakeholderregister is nog niet ingevuld.',
    steeringGroup: 'Nog geen stuurgroepleden genoemd.',
    unreadable: (file) => `${file} kan niet worden gelezen; herstel de fouten om dit deel te tonen.`,
    notYet: (file) => `Nog niet geschreven (${file}).`,
  },
};

/** The labels of a proposal language; anything but `nl` is English (FORMAT.md default). */
export function proposalLabels(language: string | undefined): ProposalLabels {
  return language === 'nl' ? NL : EN;
}

/**
 * A plan's budget as one line in `language`: the amount (`formatMoney`) and the hours, e.g.
 * `€48,300 · 420 hours`; `undefined` when it has neither.
 */
export function budgetLine(budget: { hours?: number; amount?: number; currency?: string } | undefined, language: Language): string | undefined {
  if (!budget) return undefined;
  const parts = [
    budget.amount !== undefined ? formatMoney(budget.amount, budget.currency, language) : undefined,
    budget.hours !== undefined ? proposalLabels(language).hours(formatNumber(budget.hours, language)) : undefined,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : undefined;
}
