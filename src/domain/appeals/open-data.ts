/**
 * The open data sets a council publishes about appeals and e-petitions (001 §2.2.11: «готує …
 * інформацію у формі відкритих даних»), as CSV and JSON. No personal data (001 §2.2.13): no names,
 * addresses, e-mails, phones, and no free text (a summary may name people) — only the
 * registration index, dates, classifier values and results. The CSV is for machines (`,`, ISO
 * dates); the same tables as XLSX are for people (src/exports).
 */
import { date, headersOf, integer, text, toCsv, type Table } from '../../exports';
import { DEFAULT_CLASSIFIER, topicTitle, type AppealClassifier } from './classifier';
import { CHANNEL_UK, FORM_UK, RECURRENCE_UK, RESULT_UK, SOURCE_UK, TYPE_UK } from './labels-uk';
import { reportResult, reportSource } from './report';
import type { AppealChannel, AppealForm, AppealRecord, AppealResult, AppealType, Recurrence, ReportSource } from './types';

export interface OpenDataOptions {
  from?: string;
  to?: string;
  classifier?: AppealClassifier;
}

export interface OpenAppealRow {
  registrationIndex: string;
  receivedOn: string;
  channel: AppealChannel;
  source: ReportSource;
  type: AppealType;
  form: AppealForm;
  recurrence: Recurrence;
  topics: Array<{ code: string; title: string }>;
  citizens: number;
  result: AppealResult;
  answeredOn: string | null;
}

export interface OpenPetitionRow {
  petitionNumber: string;
  registrationIndex: string;
  receivedOn: string;
  votes: number;
  threshold: number;
  collectionEndsOn: string;
  consideredAs: 'collective-appeal' | 'petition';
  topics: Array<{ code: string; title: string }>;
  result: AppealResult;
  answeredOn: string | null;
}

function inPeriod(r: AppealRecord, o: OpenDataOptions): boolean {
  return r.registered && (!o.from || r.card.receivedOn >= o.from) && (!o.to || r.card.receivedOn <= o.to);
}

const topicsOf = (codes: readonly string[], c: AppealClassifier) => [...new Set(codes)].map((code) => ({ code, title: topicTitle(c, code) }));

/** One row per registered appeal, personal data left out. */
export function openAppealRows(records: Iterable<AppealRecord>, options: OpenDataOptions = {}): OpenAppealRow[] {
  const classifier = options.classifier ?? DEFAULT_CLASSIFIER;
  const rows: OpenAppealRow[] = [];
  for (const r of records) {
    if (!inPeriod(r, options)) continue;
    const c = r.card;
    rows.push({
      registrationIndex: c.registrationIndex ?? c.id,
      receivedOn: c.receivedOn,
      channel: c.channel,
      source: reportSource(c),
      type: c.type,
      form: r.status === 'not-considered' ? 'anonymous' : c.form,
      recurrence: r.recurrence,
      topics: topicsOf(c.topics, classifier),
      citizens: c.applicants.length,
      result: reportResult(r),
      answeredOn: r.answeredOn,
    });
  }
  return rows;
}

/** One row per e-petition registered as an appeal. */
export function openPetitionRows(records: Iterable<AppealRecord>, options: OpenDataOptions = {}): OpenPetitionRow[] {
  const classifier = options.classifier ?? DEFAULT_CLASSIFIER;
  const rows: OpenPetitionRow[] = [];
  for (const r of records) {
    const p = r.card.ePetition;
    if (!p || r.card.channel !== 'e-petition' || !inPeriod(r, options)) continue;
    rows.push({
      petitionNumber: p.number,
      registrationIndex: r.card.registrationIndex ?? r.card.id,
      receivedOn: r.card.receivedOn,
      votes: p.votes,
      threshold: p.threshold,
      collectionEndsOn: p.collectionEndsOn,
      consideredAs: p.votes >= p.threshold ? 'petition' : 'collective-appeal',
      topics: topicsOf(r.card.topics, classifier),
      result: reportResult(r),
      answeredOn: r.answeredOn,
    });
  }
  return rows;
}

const codes = (t: OpenAppealRow['topics']) => t.map((x) => x.code).join('; ');
const titles = (t: OpenAppealRow['topics']) => t.map((x) => x.title).join('; ');

export const OPEN_APPEALS_TABLE: Table<OpenAppealRow> = {
  title: 'Відкриті дані: звернення громадян',
  fileName: 'open-data-appeals',
  columns: [
    text('Реєстраційний індекс', (r) => r.registrationIndex),
    date('Дата надходження', (r) => r.receivedOn),
    text('Канал надходження', (r) => CHANNEL_UK[r.channel]),
    text('Звідки надійшло', (r) => SOURCE_UK[r.source]),
    text('Вид звернення', (r) => TYPE_UK[r.type]),
    text('Форма звернення', (r) => FORM_UK[r.form]),
    text('Ознака надходження', (r) => RECURRENCE_UK[r.recurrence]),
    text('Коди питань', (r) => codes(r.topics)),
    text('Тематика питань', (r) => titles(r.topics)),
    integer('Кількість заявників', (r) => r.citizens),
    text('Результат розгляду', (r) => RESULT_UK[r.result]),
    date('Дата відповіді', (r) => r.answeredOn),
  ],
};

export const OPEN_APPEALS_COLUMNS = headersOf(OPEN_APPEALS_TABLE);

export function openAppealsCsv(rows: readonly OpenAppealRow[]): string {
  return toCsv(OPEN_APPEALS_TABLE, rows, 'open-data');
}

export const OPEN_PETITIONS_TABLE: Table<OpenPetitionRow> = {
  title: 'Відкриті дані: електронні петиції',
  fileName: 'open-data-petitions',
  columns: [
    text('Номер петиції', (r) => r.petitionNumber),
    text('Реєстраційний індекс', (r) => r.registrationIndex),
    date('Дата реєстрації', (r) => r.receivedOn),
    integer('Кількість голосів', (r) => r.votes),
    integer('Необхідна кількість голосів', (r) => r.threshold),
    date('Завершення збору підписів', (r) => r.collectionEndsOn),
    text('Розглянуто як', (r) => (r.consideredAs === 'petition' ? 'електронна петиція' : 'колективне звернення')),
    text('Коди питань', (r) => codes(r.topics)),
    text('Тематика питань', (r) => titles(r.topics)),
    text('Результат розгляду', (r) => RESULT_UK[r.result]),
    date('Дата відповіді', (r) => r.answeredOn),
  ],
};

export const OPEN_PETITIONS_COLUMNS = headersOf(OPEN_PETITIONS_TABLE);

export function openPetitionsCsv(rows: readonly OpenPetitionRow[]): string {
  return toCsv(OPEN_PETITIONS_TABLE, rows, 'open-data');
}

/** JSON data set: the rows with codes and their Ukrainian titles side by side. */
export function openAppealsJson(rows: readonly OpenAppealRow[]): string {
  return JSON.stringify(
    rows.map((r) => ({
      ...r,
      channelTitle: CHANNEL_UK[r.channel],
      sourceTitle: SOURCE_UK[r.source],
      typeTitle: TYPE_UK[r.type],
      formTitle: FORM_UK[r.form],
      recurrenceTitle: RECURRENCE_UK[r.recurrence],
      resultTitle: RESULT_UK[r.result],
    })),
    null,
    2,
  );
}

export function openPetitionsJson(rows: readonly OpenPetitionRow[]): string {
  return JSON.stringify(rows.map((r) => ({ ...r, resultTitle: RESULT_UK[r.result] })), null, 2);
}
