/**
 * The journal of public-information requests: one entry per registered request with its term in
 * force and basis (from registration on, before any resolution), the extension and the notice to
 * the requester, the answer, late and overdue flags. CSV with Ukrainian headers for staff.
 */
import { kyivDate } from '../clock';
import { dateUk, excelCsv } from '../csv';
import type { InfoRequestAnswerBody, InfoRequestJournalEntry } from '../../schemas';
import { answerDeadline, REFUSAL_GROUNDS_UK, RESULTS_UK } from './answer';
import { formOf, FORMS_UK, requestedOf, urgencyOf, type RequestDocument } from './request';
import { termInForce, type RequestFacts, type TermFn } from './terms';

export type ExtensionEntry = NonNullable<InfoRequestJournalEntry['extension']>;
export type Requester = InfoRequestJournalEntry['requester'];

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

function requesterOf(c: Requester): Requester {
  const r: Requester = { name: c.name };
  if (c.address) r.address = c.address;
  if (c.email) r.email = c.email;
  if (c.phone) r.phone = c.phone;
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
    requester: requesterOf(s.correspondent),
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

export const JOURNAL_CSV_COLUMNS = [
  'Реєстраційний індекс', 'Дата реєстрації', 'Дата отримання', 'Форма запиту', 'Запитувач', 'Запитувана інформація',
  'Терміновий (48 годин)', 'Підстава терміновості', 'Строк відповіді', 'Правило строку', 'Підстава строку',
  'Строк продовжено до', 'Обґрунтування продовження', 'Повідомити запитувача до', 'Запитувача повідомлено',
  'Дата відповіді', 'Результат', 'Підстава відмови', 'Направлено розпоряднику', 'Відповідь після строку', 'Прострочено',
  'Ідентифікатор документа',
] as const;

const yesNo = (v: boolean | null): string => (v === null ? '' : v ? 'так' : 'ні');

export function journalCsv(entries: readonly InfoRequestJournalEntry[]): string {
  const rows = entries.map((e) => [
    e.registrationIndex, dateUk(e.registrationDate), dateUk(e.receivedOn), FORMS_UK[e.form], e.requester.name, e.requested,
    yesNo(e.urgent), e.urgentReason?.labelUk ?? '', dateUk(e.term.term), e.term.rule, e.term.basis,
    dateUk(e.extension?.term), e.extension?.reason ?? '', dateUk(e.extension?.noticeDueBy), dateUk(e.extension?.noticeSentOn),
    dateUk(e.answeredOn), e.result ? RESULTS_UK[e.result] : '',
    e.refusalGround ? REFUSAL_GROUNDS_UK[e.refusalGround as keyof typeof REFUSAL_GROUNDS_UK] ?? e.refusalGround : '',
    e.forwardedTo ?? '', yesNo(e.late), yesNo(e.overdue), e.documentId,
  ]);
  return excelCsv(JOURNAL_CSV_COLUMNS, rows);
}
