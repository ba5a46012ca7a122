/**
 * The handover document for the operations team (docs/delivery.md, "Generate Handover Document"): one
 * Markdown page from handover.yaml (team, documents, open items, shadow period, service desk,
 * user instructions), scope.yaml (what was delivered, what was explicitly not, what may follow)
 * and stakeholders.yaml (the contacts), in the project's language. Method step 5
 * (docs/method-rules.md): make sure operations has all the information to carry on your success.
 */
import { asList, asRecord, asText, formatDay, todayIso } from '../common';
import { DOCUMENT_FILES } from '../document';
import { type ProjectReport, proposalModel } from '../project';
import { reportWords } from './reportWords';

/** The file the document is written to, inside the project folder: `handover-<id>.md`. */
export function handoverFileName(id: string | undefined): string {
  const clean = (id ?? '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '');
  return `handover-${clean || 'project'}.md`;
}

function text(value: unknown): string | undefined {
  const s = asText(value)?.replace(/\s*\r?\n\s*/g, ' ').trim();
  return s ? s : undefined;
}

function texts(value: unknown): string[] {
  return (asList(value) ?? []).flatMap((v) => (text(v) ? [text(v) as string] : []));
}

/** The handover document of `project` as Markdown, dated `today` (`YYYY-MM-DD`). Never throws. */
export function handoverDocument(project: ProjectReport, today: string = todayIso()): string {
  const model = proposalModel(project);
  const lang = model.language;
  const words = reportWords(lang);
  const handover = asRecord(project.documents.handover?.data);
  const scope = asRecord(project.documents.scope?.data);
  const notRecorded = (file: string) => words.notRecorded(file);
  const out: string[] = [`# ${words.handoverTitle(model.title ?? project.id ?? '')}`, ''];
  out.push(words.handoverIntro(model.client ?? '', formatDay(today, lang)), '');
  out.push(`- ${words.project}: ${[model.title, model.id && `(${model.id})`].filter(Boolean).join(' ')}`);
  if (model.client) out.push(`- ${words.client}: ${model.client}`);
  if (model.projectManager) out.push(`- ${words.projectManager}: ${model.projectManager}`);
  out.push('');

  const operations = asRecord(handover?.operations);
  out.push(`## ${words.operationsTeam}`, '');
  if (!handover) out.push(notRecorded(DOCUMENT_FILES.handover));
  if (text(operations?.team)) out.push(`- ${words.team}: ${text(operations?.team)}`);
  if (text(operations?.contact)) out.push(`- ${words.contact}: ${text(operations?.contact)}`);
  out.push('');

  const list = (heading: string, items: string[], empty: string) => {
    out.push(`## ${heading}`, '', ...(items.length ? items.map((i) => `- ${i}`) : [empty]), '');
  };
  const scopeMissing = notRecorded(DOCUMENT_FILES.scope);
  list(
    words.delivered,
    model.scope.inScope.map((i) => `**${i.title ?? i.id ?? ''}**${i.text ? `: ${text(i.text)}` : ''}`),
    scope ? words.none : scopeMissing,
  );
  list(
    words.notDelivered,
    model.scope.outOfScope.map((i) => `**${i.title ?? i.id ?? ''}**${i.text ? `: ${text(i.text)}` : ''}`),
    scope ? words.none : scopeMissing,
  );
  if (model.scope.later.length) list(words.later, model.scope.later.map((i) => `**${i.title ?? i.id ?? ''}**${i.text ? ` (${words.when}: ${text(i.text)})` : ''}`), words.none);
  const criteria = texts(scope?.acceptance_criteria);
  if (criteria.length) list(words.acceptance, criteria, words.none);

  const handoverMissing = notRecorded(DOCUMENT_FILES.handover);
  list(words.documents, texts(operations?.documents), handover ? words.none : handoverMissing);
  list(words.openItems, texts(operations?.open_items), handover ? words.none : handoverMissing);

  const shadow = asRecord(handover?.shadow_period);
  out.push(`## ${words.shadowPeriod}`, '');
  if (text(shadow?.start) && text(shadow?.end)) out.push(words.shadowDates(formatDay(text(shadow?.start), lang), formatDay(text(shadow?.end), lang)), '');
  else out.push(handoverMissing, '');
  if (text(shadow?.backup)) out.push(`- ${words.backup}: ${text(shadow?.backup)}`, '');

  const desk = asRecord(handover?.service_desk);
  out.push(`## ${words.serviceDesk}`, '');
  if (text(desk?.how)) out.push(`- ${words.how}: ${text(desk?.how)}`);
  if (text(desk?.hours)) out.push(`- ${words.hours}: ${text(desk?.hours)}`);
  if (!text(desk?.how) && !text(desk?.hours)) out.push(handoverMissing);
  out.push('');

  const instructions = (asList(handover?.user_instructions) ?? []).map(asRecord).filter((i) => text(i?.title));
  if (instructions.length) {
    list(
      words.userInstructions,
      instructions.map((i) => {
        const title = text(i?.link) ? markdownLink(text(i?.title) as string, text(i?.link) as string) : (text(i?.title) as string);
        return `${title}${text(i?.audience) ? ` (${words.forWhom} ${text(i?.audience)})` : ''}`;
      }),
      words.none,
    );
  }

  const people = model.stakeholders.list.map((s) => {
    const roles = [s.organisation && words.organisation[s.organisation], s.decisionMaker && words.decisionMaker, s.steeringGroup && words.steeringGroup].filter(Boolean);
    const register = asList(asRecord(project.documents.stakeholders?.data)?.stakeholders)?.map(asRecord).find((r) => r && text(r.id) === s.id);
    const email = text(register?.email);
    return `${s.name ?? s.id ?? ''}${s.role ? `, ${s.role}` : ''}${roles.length ? ` (${roles.join(', ')})` : ''}${email ? `: <${email}>` : ''}`;
  });
  list(words.contacts, people, notRecorded(DOCUMENT_FILES.stakeholders));
  return out.join('\n').trimEnd() + '\n';
}

/**
 * A Markdown link `[label](<destination>)` that renders as a link whatever the two hold: the
 * destination in angle brackets (CommonMark, "link destination"), so spaces and parentheses work
 * (`file name (v2).pdf`), with `<`, `>` and `\` escaped and line breaks made spaces; the label
 * with `[`, `]` and `\` escaped.
 */
export function markdownLink(label: string, destination: string): string {
  const escape = (value: string, chars: RegExp) => value.replace(chars, (c) => `\\${c}`);
  return `[${escape(label, /[[\]\\]/g)}](<${escape(destination.replace(/[\r\n]+/g, ' '), /[<>\\]/g)}>)`;
}
