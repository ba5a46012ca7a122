/**
 * The words of the texts a project sends out besides the proposal: the status update and the
 * handover document. Like the A4 (`render/labels.ts`) these follow the PROJECT's `language`
 * (project.yaml), not the UI language: a Dutch client gets Dutch text from an English VS Code.
 * So they do not go through `t()`.
 */
import type { Phase } from '../common';

/** Audiences of a status update (docs/delivery.md): the steering group, all stakeholders, the users. */
export type Audience = 'steering-group' | 'stakeholders' | 'users';

/** `project.status` values (FORMAT.md). */
export type ProjectStatus = 'on-track' | 'at-risk' | 'off-track' | 'on-hold' | 'done';

/** Every word of the status update and the handover document in one language. */
export interface ReportWords {
  phase: Record<Phase, string>;
  status: Record<ProjectStatus, string>;
  audience: Record<Audience, string>;
  statusTitle: (title: string) => string;
  usersTitle: (title: string) => string;
  forAudience: (audience: string) => string;
  whereWeAre: string;
  phaseLine: (phase: string) => string;
  statusLine: (status: string) => string;
  thisMonth: string;
  stageProgress: (month: number, of: number, from: string, to: string) => string;
  noStagesThisMonth: string;
  nextMilestone: string;
  milestoneThisMonth: string;
  noMilestoneAhead: string;
  decisions: string;
  goNoGo: (stage: string, month: string) => string;
  openItem: (item: string) => string;
  advancePhase: (next: string, current: string) => string;
  closeProject: string;
  noDecisions: string;
  topRisks: string;
  changedSince: string;
  noVersionYet: string;
  questions: string;
  serviceDeskHours: (hours: string) => string;
  regards: string;
  // Handover document
  handoverTitle: (title: string) => string;
  handoverIntro: (client: string, date: string) => string;
  project: string;
  client: string;
  projectManager: string;
  operationsTeam: string;
  team: string;
  contact: string;
  delivered: string;
  notDelivered: string;
  later: string;
  when: string;
  acceptance: string;
  documents: string;
  openItems: string;
  none: string;
  shadowPeriod: string;
  shadowDates: (from: string, to: string) => string;
  backup: string;
  serviceDesk: string;
  how: string;
  hours: string;
  userInstructions: string;
  forWhom: string;
  contacts: string;
  decisionMaker: string;
  steeringGroup: string;
  organisation: Record<'client' | 'msp' | 'supplier' | 'other', string>;
  notRecorded: (file: string) => string;
}

const EN: ReportWords = {
  phase: { intake: 'Intake', scope: 'Scope', approach: 'Approach', stakeholders: 'Stakeholders', delivery: 'Delivery', closed: 'Closed' },
  status: { 'on-track': 'on track', 'at-risk': 'at risk', 'off-track': 'off track', 'on-hold': 'on hold', done: 'done' },
  audience: { 'steering-group': 'the steering group', stakeholders: 'all stakeholders', users: 'all users' },
  statusTitle: (title) => `Status update: ${title}`,
  usersTitle: (title) => `What is changing: ${title}`,
  forAudience: (audience) => `for ${audience}`,
  whereWeAre: 'Where we are',
  phaseLine: (phase) => `Phase: ${phase}`,
  statusLine: (status) => `Status: ${status}`,
  thisMonth: 'This month',
  stageProgress: (month, of, from, to) => `month ${month} of ${of} (${from} – ${to})`,
  noStagesThisMonth: 'No stage of the plan runs this month.',
  nextMilestone: 'Next milestone',
  milestoneThisMonth: 'this month',
  noMilestoneAhead: 'No milestones ahead in the plan.',
  decisions: 'Decisions needed',
  goNoGo: (stage, month) => `Go/no-go for the stage "${stage}", which starts in ${month}.`,
  openItem: (item) => `Open item: ${item}`,
  advancePhase: (next, current) => `Move on to the next phase, ${next}: the documents of ${current} are complete.`,
  closeProject: 'Close the project: the handover documents are complete.',
  noDecisions: 'No decisions needed this time.',
  topRisks: 'Top risks',
  changedSince: 'Changed since the last proposal version',
  noVersionYet: 'No proposal version has been recorded yet.',
  questions: 'Questions?',
  serviceDeskHours: (hours) => `Opening hours: ${hours}.`,
  regards: 'Kind regards,',
  handoverTitle: (title) => `Handover to operations: ${title}`,
  handoverIntro: (client, date) => `Everything operations needs to take over the result of this project for ${client}. Drawn up on ${date}.`,
  project: 'Project',
  client: 'Client',
  projectManager: 'Project manager',
  operationsTeam: 'Operations team',
  team: 'Team',
  contact: 'Contact',
  delivered: 'What was delivered',
  notDelivered: 'Explicitly not delivered',
  later: 'Possible follow-up',
  when: 'when',
  acceptance: 'Acceptance criteria',
  documents: 'Documents handed over',
  openItems: 'Open items',
  none: 'None.',
  shadowPeriod: 'Shadow period',
  shadowDates: (from, to) => `From ${from} to ${to} the project team backs up operations.`,
  backup: 'Backup from the project team',
  serviceDesk: 'Service desk',
  how: 'How users reach it',
  hours: 'Hours',
  userInstructions: 'User instructions',
  forWhom: 'for',
  contacts: 'Contacts',
  decisionMaker: 'decision maker',
  steeringGroup: 'steering group',
  organisation: { client: 'client', msp: 'MSP', supplier: 'supplier', other: 'other' },
  notRecorded: (file) => `Not recorded yet (${file}).`,
};

const NL: ReportWords = {
  phase: { intake: 'Intake', scope: 'Scope', approach: 'Aanpak', stakeholders: 'Stakeholders', delivery: 'Oplevering', closed: 'Afgesloten' },
  status: { 'on-track': 'op koers', 'at-risk': 'risico', 'off-track': 'uit koers', 'on-hold': 'gepauzeerd', done: 'afgerond' },
  audience: { 'steering-group': 'de stuurgroep', stakeholders: 'alle betrokkenen', users: 'alle gebruikers' },
  statusTitle: (title) => `Statusupdate: ${title}`,
  usersTitle: (title) => `Wat er verandert: ${title}`,
  forAudience: (audience) => `voor ${audience}`,
  whereWeAre: 'Waar we staan',
  phaseLine: (phase) => `Fase: ${phase}`,
  statusLine: (status) => `Status: ${status}`,
  thisMonth: 'Deze maand',
  stageProgress: (month, of, from, to) => `maand ${month} van ${of} (${from} – ${to})`,
  noStagesThisMonth: 'Deze maand loopt er geen fase van de planning.',
  nextMilestone: 'Volgende mijlpaal',
  milestoneThisMonth: 'deze maand',
  noMilestoneAhead: 'Er staan geen mijlpalen meer in de planning.',
  decisions: 'Gevraagde besluiten',
  goNoGo: (stage, month) => `Go/no-go voor de fase "${stage}", die in ${month} begint.`,
  openItem: (item) => `Openstaand punt: ${item}`,
  advancePhase: (next, current) => `Door naar de volgende fase, ${next}: de documenten van ${current} zijn compleet.`,
  closeProject: 'Het project afsluiten: de overdrachtsdocumenten zijn compleet.',
  noDecisions: 'Deze keer zijn er geen besluiten nodig.',
  topRisks: 'Belangrijkste risico’s',
  changedSince: 'Gewijzigd sinds de vorige versie van het voorstel',
  noVersionYet: 'Er is nog geen versie van het voorstel vastgelegd.',
  questions: 'Vragen?',
  serviceDeskHours: (hours) => `Bereikbaar: ${hours}.`,
  regards: 'Met vriendelijke groet,',
  handoverTitle: (title) => `Overdracht aan beheer: ${title}`,
  handoverIntro: (client, date) => `Alles wat beheer nodig heeft om het resultaat van dit project voor ${client} over te nemen. Opgesteld op ${date}.`,
  project: 'Project',
  client: 'Klant',
  projectManager: 'Projectleider',
  operationsTeam: 'Beheerteam',
  team: 'Team',
  contact: 'Contactpersoon',
  delivered: 'Wat is opgeleverd',
  notDelivered: 'Uitdrukkelijk niet opgeleverd',
  later: 'Mogelijk vervolg',
  when: 'wanneer',
  acceptance: 'Acceptatiecriteria',
  documents: 'Overgedragen documenten',
  openItems: 'Openstaande punten',
  none: 'Geen.',
  shadowPeriod: 'Schaduwperiode',
  shadowDates: (from, to) => `Van ${from} tot en met ${to} is het projectteam achtervang voor beheer.`,
  backup: 'Achtervang uit het projectteam',
  serviceDesk: 'Servicedesk',
  how: 'Zo bereiken gebruikers de servicedesk',
  hours: 'Bereikbaar',
  userInstructions: 'Gebruikersinstructies',
  forWhom: 'voor',
  contacts: 'Contactpersonen',
  decisionMaker: 'beslisser',
  steeringGroup: 'stuurgroep',
  organisation: { client: 'klant', msp: 'MSP', supplier: 'leverancier', other: 'overig' },
  notRecorded: (file) => `Nog niet vastgelegd (${file}).`,
};

/** The words of a project language; anything but `nl` is English (FORMAT.md default). */
export function reportWords(language: string | undefined): ReportWords {
  return language === 'nl' ? NL : EN;
}
