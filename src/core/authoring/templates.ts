/**
 * The six documents of a new project, in the project's language, with the current month. They
 * pass the schemas and every method rule except the reminders that only the client can answer,
 * which are the point of the method for an empty project (`docs/authoring.md`, "New project and
 * the templates"):
 * `intake.theme-missing` three times (the business goals, the current situation and earlier
 * attempts are still unanswered), `scope.no-out-of-scope` (say what you will not do),
 * `stakeholders.no-decision-maker` (who decides?) and `stakeholders.no-critical-voice` (who
 * might resist?).
 */
import { stringify } from 'yaml';
import { DOCUMENT_KINDS } from '../document';
import { INTAKE_SNIPPETS, bodyText, expandSnippet } from './snippets';
import { type DocumentKind, type Language, monthOfDay } from '../common';

/** What the user gives for a new project. */
export interface TemplateInputs {
  client: string;
  title: string;
  projectManager: string;
  language: Language;
  /** Today as `YYYY-MM-DD`: the intake date, the first revision; its month is the start month. */
  today: string;
  /** The project id; default `projectSlug(client, title)`. */
  id?: string;
  /**
   * The stakeholder id that owns the first stage in plan.yaml: default `project-manager`, the id the
   * stakeholders template gives the project manager; `null` leaves the owner out (a plan created
   * for a project whose register has no such id).
   */
  ownerId?: string | null;
}

/**
 * A project id (and folder name) from the client and the title: lower case, accents dropped,
 * anything else than letters and digits turned into single hyphens, at most 60 characters.
 * Matches `^[a-z0-9][a-z0-9-]*$`; `project` when nothing is left.
 */
export function projectSlug(client: string, title: string): string {
  const slug = `${client} ${title}`
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'project';
}

/** The texts of all six documents (`\n` line ends). */
export function projectTemplates(inputs: TemplateInputs): Record<DocumentKind, string> {
  const out = {} as Record<DocumentKind, string>;
  for (const kind of DOCUMENT_KINDS) out[kind] = documentTemplate(kind, inputs);
  return out;
}

/** The text of one document of a new project (`\n` line ends). */
export function documentTemplate(kind: DocumentKind, inputs: TemplateInputs): string {
  const w = WORDS[inputs.language];
  const month = monthOfDay(inputs.today);
  const q = scalar;
  switch (kind) {
    case 'project':
      return lines(
        `# ${w.projectComment}`,
        `id: ${inputs.id ?? projectSlug(inputs.client, inputs.title)}`,
        `title: ${q(inputs.title)}`,
        `client: ${q(inputs.client)}`,
        `project_manager: ${q(inputs.projectManager)}`,
        'phase: intake',
        'status: on-track',
        `start: ${month}`,
        `language: ${inputs.language}`,
      );
    case 'intake': {
      const themes = Object.values(INTAKE_SNIPPETS[inputs.language]).map((s) => expandSnippet(bodyText(s)).replace(/[ \t]+$/gm, '').trimEnd());
      return lines(
        '---',
        `client: ${q(inputs.client)}`,
        `# ${w.contactComment}`,
        'contact: ""',
        `date: ${inputs.today}`,
        `# ${w.requestComment}`,
        'request: ""',
        '---',
        '',
        `# ${w.intakeHeading}: ${inputs.client}`,
        '',
        w.intakeIntro,
        '',
        themes.join('\n\n'),
      );
    }
    case 'scope':
      return lines(`# ${w.scopeComment1}`, `# ${w.scopeComment2}`, 'in_scope: []', 'out_of_scope: []', 'later: []', 'assumptions: []', 'constraints: []', 'acceptance_criteria: []');
    case 'plan':
      return lines(
        `# ${w.planComment}`,
        'method: hybrid',
        'version: "0.1"',
        `# ${w.goalComment}`,
        'goal: ""',
        'stages:',
        '  - id: initiation',
        `    name: ${q(w.initiation)}`,
        `    start: ${month}`,
        `    end: ${month}`,
        '    approach: prince2',
        '    type: initiation',
        '    deliverables:',
        `      - ${q(w.pid)}`,
        ...(inputs.ownerId === null ? [] : [`    owner: ${q(inputs.ownerId ?? 'project-manager')}`]),
        'milestones: []',
        'history:',
        '  - version: "0.1"',
        `    date: ${inputs.today}`,
        `    changes: ${q(w.firstDraft)}`,
      );
    case 'stakeholders':
      return lines(
        `# ${w.stakeholdersComment}`,
        'stakeholders:',
        '  - id: project-manager',
        `    name: ${q(inputs.projectManager)}`,
        `    role: ${q(w.projectManager)}`,
        '    organisation: msp',
        '    power: medium',
        '    interest: high',
        '    attitude: champion',
        '    steering_group: true',
      );
    case 'handover':
      return lines(
        `# ${w.handoverComment}`,
        'operations:',
        `  team: ${q(w.serviceDesk)}`,
        '  documents: []',
        '  open_items: []',
        'shadow_period:',
        `  # ${w.shadowComment}`,
        `  start: ${inputs.today}`,
        `  end: ${inputs.today}`,
        'service_desk:',
        `  how: ${q(w.serviceDeskHow)}`,
        'user_instructions: []',
        'lessons_learned: []',
      );
  }
}

function lines(...list: string[]): string {
  return list.join('\n') + '\n';
}

/** A YAML scalar as it must be written (quoted only when needed, e.g. `"0.1"` or `"a: b"`). */
function scalar(value: string): string {
  return stringify(value, { lineWidth: 0, version: '1.2' }).trimEnd();
}

/** The words of the templates per language (document content, not UI: see `contentText.ts`). */
const WORDS: Record<Language, Record<string, string>> = {
  en: {
    projectComment: 'Project manifest: one client project per folder.',
    contactComment: 'Who asked: a name or a role at the client.',
    requestComment: "The client's request in their own words, however vague.",
    intakeHeading: 'Intake',
    intakeIntro: 'Ask simple, sharp questions about business goals, not only technology: what keeps the client awake, where they want to be, what they tried before and what they have today. Use all information that is already available.',
    scopeComment1: 'Scope Canvas: what we will do, what we will not do, and what may come later.',
    scopeComment2: 'Being explicit about what is out prevents "that was also supposed to be in" moments (snippets: msp-scope-in, msp-scope-out, msp-scope-later).',
    planComment: 'Approach: a month-level plan that fits on one A4 (snippets: msp-stage, msp-milestone, msp-revision).',
    goalComment: 'The goal in one or two sentences, as a business outcome.',
    initiation: 'Initiation',
    pid: 'Project initiation document',
    firstDraft: 'First draft after the intake.',
    stakeholdersComment: 'Stakeholder register: decision makers, users, technical people and opponents (snippet: msp-stakeholder).',
    projectManager: 'Project manager',
    handoverComment: 'Delivery: handover to operations, shadow period, service desk, aftercare (snippets: msp-lesson, msp-evaluation).',
    serviceDesk: 'MSP service desk',
    shadowComment: 'Placeholder dates: set the shadow period once go-live is planned.',
    serviceDeskHow: 'Call or mail the MSP service desk (add the phone number and e-mail address).',
  },
  nl: {
    projectComment: 'Projectmanifest: één klantproject per map.',
    contactComment: 'Wie de vraag stelde: een naam of een rol bij de klant.',
    requestComment: 'De vraag van de klant in eigen woorden, hoe vaag ook.',
    intakeHeading: 'Intake',
    intakeIntro: 'Stel simpele maar doeltreffende vragen over bedrijfsdoelen, niet alleen over techniek: waar ligt de klant wakker van, waar wil de organisatie heen, wat is er al geprobeerd en wat is er vandaag. Gebruik alle informatie die al beschikbaar is.',
    scopeComment1: 'Scope Canvas: wat we wél doen, wat we niet doen, en wat misschien later komt.',
    scopeComment2: 'Duidelijk zijn over wat erbuiten valt voorkomt "oh ja, dat moest er óók nog bij"-momenten (snippets: msp-scope-wel, msp-scope-niet, msp-scope-misschien-later).',
    planComment: 'Aanpak: een planning op maandniveau die op één A4 past (snippets: msp-fase, msp-mijlpaal, msp-herziening).',
    goalComment: 'Het doel in één of twee zinnen, als bedrijfsresultaat.',
    initiation: 'Initiatie',
    pid: 'Projectinitiatiedocument',
    firstDraft: 'Eerste versie na de intake.',
    stakeholdersComment: 'Stakeholderregister: beslissers, gebruikers, techneuten en tegenstanders (snippet: msp-stakeholder-nl).',
    projectManager: 'Projectmanager',
    handoverComment: 'Oplevering: overdracht aan beheer, schaduwperiode, servicedesk, nazorg (snippets: msp-les, msp-evaluatie).',
    serviceDesk: 'Servicedesk MSP',
    shadowComment: 'Voorlopige data: stel de schaduwperiode in zodra de livegang gepland is.',
    serviceDeskHow: 'Bel of mail de servicedesk van de MSP (vul telefoonnummer en e-mailadres in).',
  },
};
