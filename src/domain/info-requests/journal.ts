/**
 * The journal of public-information requests: one entry per registered request with its term in
 * force and basis (from registration on, before any resolution), the extension and the notice to
 * the requester, the answer, late and overdue flags. CSV or XLSX with Ukrainian headers for staff.
 */
import { kyivDate } from '../clock';
import { date, text, yesNoUk, type Table } from '../../exports';
import type { InfoRequestAnswerBody, InfoRequestJournal, InfoRequestJournalEntry } from '../../schemas';
import { answerDeadline, REFUSAL_GROUNDS_UK, RESULTS_UK } from './answer';
import {
  checkRequirements, edrpouOf, formOf, FORMS_UK, MISSING_UK, requestedOf, REQUESTER_TYPES, REQUESTER_TYPES_UK, requesterTypeOf, urgencyOf,
  type RequestDocument, type RequesterType,
} from './request';
import { termInForce, type RequestFacts, type TermFn } from './terms';

export type ExtensionEntry = NonNullable<InfoRequestJournalEntry['extension']>;
export type Requester = InfoRequestJournalEntry['requester'];
export type JournalSummary = InfoRequestJournal['summary'];

/** The answer as kept: the body with its date settled. */
export type StoredAnswer = InfoRequestAnswerBody & { answeredOn: string };

export interface JournalSource extends RequestDocument {
  documentId: string;
  registrationIndex: string;
  registrationDate: string;
  /** ISO instant of receipt. */
  receivedAt: string;
  correspondent: Requester;
  extension: ExtensionEntry | null;
  answer: StoredAnswer | null;
}

/** The facts the term rules need, from a registered request and what was recorded on it. */
export function factsOf(s: Pick<JournalSource, 'receivedAt' | 'urgency' | 'meta' | 'extension' | 'answer'>): RequestFacts {
  return {
    receivedOn: kyivDate(new Date(s.receivedAt)),
    urgent: urgencyOf(s) !== null,
    extension: s.extension ? { term: s.extension.term, rule: 'info-request-extended', basis: s.extension.basis } : null,
    answeredOn: s.answer?.answeredOn ?? null,
  };
}

function requesterOf(s: JournalSource): Requester {
  const c = s.correspondent;
  const r: Requester = { name: c.name };
  if (c.address) r.address = c.address;
  if (c.email) r.email = c.email;
  if (c.phone) r.phone = c.phone;
  const edrpou = edrpouOf(s, c);
  if (edrpou) r.edrpou = edrpou;
  return r;
}

export function journalEntry(s: JournalSource, today: string, terms: TermFn): InfoRequestJournalEntry {
  const facts = factsOf(s);
  const term = termInForce(facts, terms);
  const a = s.answer;
  const entry: InfoRequestJournalEntry = {
    documentId: s.documentId,
    registrationIndex: s.registrationIndex,
    registrationDate: s.registrationDate,
    receivedAt: s.receivedAt,
    receivedOn: facts.receivedOn,
    form: formOf(s),
    requester: requesterOf(s),
    // ст. 12: who asks, as the submission says; counted in the journal's summary (seed 000).
    requesterType: requesterTypeOf(s),
    // ст. 19 ч. 5: what the request must contain (not ст. 5, 8 of the Law on citizens' appeals).
    requirements: checkRequirements(s, s.correspondent),
    requested: requestedOf(s),
    urgent: facts.urgent,
    urgentReason: urgencyOf(s),
    term,
    extension: s.extension,
    answeredOn: a?.answeredOn ?? null,
    result: a?.result ?? null,
    late: a ? a.answeredOn > answerDeadline(facts, a.result, terms) : null,
    overdue: !a && today > term.term,
  };
  if (a?.refusal) entry.refusalGround = a.refusal.ground;
  if (a?.forwardedTo) entry.forwardedTo = a.forwardedTo.name;
  return entry;
}

/**
 * The requests counted by who asks, as the department's report gives them (seed 000: «83 запити
 * на інформацію, з них 67 — від фізичних осіб, 10 — від громадських організацій, 6 — від
 * юридичних осіб»); a request whose type was not given is counted as «не зазначено», never guessed.
 */
export function journalSummary(entries: readonly Pick<InfoRequestJournalEntry, 'requesterType'>[]): JournalSummary {
  const byRequesterType: JournalSummary['byRequesterType'] = { individual: 0, 'public-association': 0, 'legal-entity': 0, journalist: 0, unspecified: 0 };
  for (const e of entries) byRequesterType[e.requesterType ?? 'unspecified']++;
  return { total: entries.length, byRequesterType };
}

const SUMMARY_UK: Readonly<Record<RequesterType, string>> = {
  individual: 'від фізичних осіб',
  'public-association': 'від громадських об’єднань',
  'legal-entity': 'від юридичних осіб',
  journalist: 'від журналістів',
};

/** The summary as a caption line of the CSV/XLSX journal: «Усього запитів: 83, з них від фізичних осіб — 67, …». */
export function journalSummaryUk(s: JournalSummary): string {
  const parts = REQUESTER_TYPES.map((t) => `${SUMMARY_UK[t]} — ${s.byRequesterType[t]}`);
  if (s.byRequesterType.unspecified) parts.push(`тип запитувача не зазначено — ${s.byRequesterType.unspecified}`);
  return `Усього запитів: ${s.total}, з них ${parts.join(', ')}`;
}

/** The journal staff open in Excel: one definition for CSV and XLSX (src/exports). */
export const JOURNAL_TABLE: Table<InfoRequestJournalEntry> = {
  title: 'Журнал реєстрації запитів на публічну інформацію',
  fileName: 'info-requests',
  columns: [
    text('Реєстраційний індекс', (e) => e.registrationIndex),
    date('Дата реєстрації', (e) => e.registrationDate),
    date('Дата отримання', (e) => e.receivedOn),
    text('Форма запиту', (e) => FORMS_UK[e.form]),
    text('Запитувач', (e) => e.requester.name),
    text('Тип запитувача', (e) => (e.requesterType ? REQUESTER_TYPES_UK[e.requesterType] : 'не зазначено')),
    text('Код ЄДРПОУ', (e) => e.requester.edrpou),
    text('Вимоги ч. 5 ст. 19', (e) => (e.requirements.met ? 'дотримано' : `не зазначено: ${e.requirements.missing.map((m) => MISSING_UK[m]).join(', ')}`)),
    text('Запитувана інформація', (e) => e.requested),
    text('Терміновий (48 годин)', (e) => yesNoUk(e.urgent)),
    text('Підстава терміновості', (e) => e.urgentReason?.labelUk),
    date('Строк відповіді', (e) => e.term.term),
    text('Правило строку', (e) => e.term.rule),
    text('Підстава строку', (e) => e.term.basis),
    date('Строк продовжено до', (e) => e.extension?.term),
    text('Обґрунтування продовження', (e) => e.extension?.reason),
    date('Повідомити запитувача до', (e) => e.extension?.noticeDueBy),
    date('Запитувача повідомлено', (e) => e.extension?.noticeSentOn),
    date('Дата відповіді', (e) => e.answeredOn),
    text('Результат', (e) => (e.result ? RESULTS_UK[e.result] : '')),
    text('Підстава відмови', (e) => (e.refusalGround ? REFUSAL_GROUNDS_UK[e.refusalGround as keyof typeof REFUSAL_GROUNDS_UK] ?? e.refusalGround : '')),
    text('Направлено розпоряднику', (e) => e.forwardedTo),
    text('Відповідь після строку', (e) => yesNoUk(e.late)),
    text('Прострочено', (e) => yesNoUk(e.overdue)),
    text('Ідентифікатор документа', (e) => e.documentId),
  ],
};
