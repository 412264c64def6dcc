/**
 * The archive import (issue 13, "The archive"): documents, appeals with their answers, information
 * requests and control cards from the council's earlier years, each with the registration it was
 * given then — its index, running number and date are kept, never drawn again — and marked
 * imported (documents.imported_at, migration 015).
 *
 * - The same checks as a live input: the submission schema (schemas/archive-record.schema.json
 *   wraps document-submission), the registry routing (003 §157, §179), the nomenclature of the
 *   registration's year, and for appeals the intake rules run as on their registration day
 *   (src/appeals/intake.ts decideAppeal), so an imported appeal is matched against the earlier ones
 *   and a later live one finds it (003 §102) and the report counts it by its receipt date.
 * - The journal's counter for the year is raised to the highest imported number (never lowered):
 *   the next live registration continues after it (src/store/counters.ts).
 * - A batch is one transaction; a row already on file (source + externalId, the live idempotency
 *   key) is reported `duplicate` and left alone, so an interrupted run is resumed by running it
 *   again, and a re-run imports nothing twice.
 * - Control cards come as their history left them (executed, released, or open); an open one whose
 *   term was already past on import raises no reminder or overdue notice (src/store/control.ts).
 *
 * No events are published for imported items (the EDMS they come from has them already); the
 * control log gets one entry per batch.
 */
import { createHash, randomUUID } from 'node:crypto';
import { appendAudit } from '../audit';
import { isAppealKind } from '../appeals/card';
import { decideAppeal, type AppealIntakeSettings } from '../appeals/intake';
import type { AuditVia } from '../domain/audit';
import { kyivDate } from '../domain/clock';
import type { ControlCard } from '../domain/control';
import { planRegistration, RoutingError, type RegistryRouting } from '../domain/registry';
import { HubError } from '../errors';
import { violations, type ArchiveRecord, type AppealAnswerBody, type DocumentSubmission } from '../schemas';
import type { Db, Queryable } from '../store';
import { insertAppeal, setAnswer } from '../store/appeals';
import { saveAnswer } from '../store/info-requests';
import type { ArchiveRow, FieldLabel } from './rows';
import { jsonField } from './rows';

export const ARCHIVE_BATCH = 1000;

export interface RowViolation {
  /** The CSV column or the record's field (JSON lines, HTTP). */
  field: string;
  message: string;
  messageUk: string;
}

export type RowOutcome =
  | { line: number; outcome: 'imported' | 'duplicate'; documentId: string; registrationIndex: string }
  | { line: number; outcome: 'rejected'; violations: RowViolation[] };

export interface ArchiveDeps {
  db: Db;
  routing: RegistryRouting;
  /** The calendar and classifier appeal intake uses (the hub's). */
  appeals: AppealIntakeSettings;
  now: () => Date;
}

export interface BatchOptions {
  /** A row without a source is from this one (`--source`, default `archive`). */
  defaultSource: string;
  /** An integrator imports only for its own sources. */
  allowedSources?: readonly string[];
  /** Names fields in errors (the CSV's own columns); JSON paths by default. */
  label?: FieldLabel;
  /** Who imports, for the control log. */
  actor: { actor: string; via?: AuditVia };
  /** Where the rows came from (a file name, `http`), for the control log. */
  origin: string;
}

const ON_MERITS_RESULTS = new Set<AppealAnswerBody['result']>(['resolved-positively', 'explained', 'refused']);

export interface Prepared {
  row: ArchiveRow;
  rec: ArchiveRecord;
  sub: DocumentSubmission;
  journal: string;
  case: string;
  year: number;
  status: 'registered' | 'under-control' | 'executed' | 'released';
}

class RowRejected extends Error {
  constructor(readonly violations: RowViolation[]) {
    super('row rejected');
  }
}

const reject = (field: string, message: string, messageUk: string): never => {
  throw new RowRejected([{ field, message, messageUk }]);
};

/** A HubError's reason as a row's violations, Ukrainian first (what a clerk reads). */
function hubViolations(err: HubError, field: string, label: FieldLabel): RowViolation[] {
  const d = (err.details ?? {}) as { violations?: Array<{ path: string; message: string; messageUk: string }>; problem?: string; problemUk?: string };
  // The card's violations are inside meta.appeal (meta.infoRequest for a request's).
  const within = err.code === 'APPEAL_CARD_INVALID' ? '/submission/meta/appeal' : err.code === 'INFO_REQUEST_META_INVALID' ? '/submission/meta/infoRequest' : '/submission';
  if (d.violations?.length) {
    return d.violations.map((v) => ({ field: label(`${within}${v.path === '/' ? '' : v.path}`), message: `${err.code}: ${v.message}`, messageUk: `${err.spec.messageUk}: ${v.messageUk}` }));
  }
  return [{
    field,
    message: `${err.code}: ${err.spec.message}${d.problem ? ` (${d.problem})` : ''}`,
    messageUk: `${err.spec.messageUk}${d.problemUk ? ` (${d.problemUk})` : ''}`,
  }];
}

/** The defaults a row may leave out: the source (`--source`), and the externalId (its original date and index). */
function withDefaults(record: unknown, defaultSource: string): unknown {
  if (!record || typeof record !== 'object' || Array.isArray(record)) return record;
  const rec = record as { submission?: Record<string, unknown>; registration?: Record<string, unknown> };
  if (rec.submission && typeof rec.submission === 'object' && !Array.isArray(rec.submission)) {
    rec.submission.source ??= defaultSource;
    const reg = rec.registration;
    if (rec.submission.externalId === undefined && reg && typeof reg.index === 'string' && typeof reg.date === 'string') {
      rec.submission.externalId = `${reg.date}/${reg.index}`;
    }
  }
  return rec;
}

/** The schema's violations, each naming the field (a missing or unexpected property by its own name). */
function schemaViolations(record: unknown, label: FieldLabel): RowViolation[] {
  return violations('archive-record.schema.json', record).map((v) => {
    const named = /«([^»]+)»/.exec(v.messageUk)?.[1];
    const pointer = (v.path === '/' ? '' : v.path) + (named && /обов|зайв|невідом|не передбач|required|additional/i.test(v.messageUk + v.message) ? `/${named}` : '');
    return { field: label(pointer || '/'), message: v.message, messageUk: v.messageUk };
  });
}

function documentStatus(control: ArchiveRecord['control']): Prepared['status'] {
  if (!control?.length) return 'registered';
  if (control.some((c) => !c.executedOn && !c.releasedOn)) return 'under-control';
  if (control.some((c) => c.executedOn)) return 'executed';
  return 'released';
}

/** Checks one row as a live input is checked, and decides its journal and case. */
function prepare(row: ArchiveRow, deps: ArchiveDeps, opts: BatchOptions): Prepared {
  const label = opts.label ?? jsonField;
  if (row.unreadable) reject(label('/'), row.unreadable.message, row.unreadable.messageUk);
  const record = withDefaults(row.record, opts.defaultSource);
  const found = schemaViolations(record, label);
  if (found.length) throw new RowRejected(found);
  const rec = record as ArchiveRecord;
  const sub = rec.submission;
  const reg = rec.registration;
  if (opts.allowedSources && !opts.allowedSources.includes(sub.source)) {
    reject(label('/submission/source'), `source ${sub.source} is not among the caller's sources (${opts.allowedSources.join(', ')})`,
      `джерело ${sub.source} не належить до джерел цієї системи (${opts.allowedSources.join(', ')})`);
  }
  const receivedOn = kyivDate(new Date(sub.receivedAt));
  if (reg.date < receivedOn) {
    reject(label('/registration/date'), `registered on ${reg.date}, before it was received (${receivedOn})`, `дата реєстрації ${reg.date} раніше за дату надходження ${receivedOn}`);
  }
  let plan;
  try {
    plan = planRegistration(deps.routing, { kind: sub.kind, subtype: sub.subtype, caseIndex: sub.caseIndex, registrationDate: reg.date });
  } catch (err) {
    if (err instanceof RoutingError) reject(label('/submission/kind'), `no journal is configured for kind ${sub.kind}`, `для виду документа ${sub.kind} не налаштовано журнал реєстрації`);
    throw err;
  }
  if (!plan.registrable) {
    reject(label('/submission/subtype'), `${plan.exemption.message} (${plan.exemption.basis}), yet it has a registration`, `${plan.exemption.messageUk} (003 §157), а в архіві має реєстраційний номер`);
    throw new Error('unreachable');
  }
  if (rec.infoRequestAnswer) {
    const a = rec.infoRequestAnswer;
    if (sub.kind !== 'info-request') reject(label('/infoRequestAnswer'), `infoRequestAnswer is for information requests, not for ${sub.kind}`, 'infoRequestAnswer — лише для запитів на інформацію');
    if (a.result === 'refused' && !a.refusal) reject(label('/infoRequestAnswer/refusal'), 'a refusal gives its ground, motives and how to appeal (Law 2939-VI art. 22)', 'у відмові мають бути підстава, мотиви та порядок оскарження (ст. 22 Закону № 2939-VI)');
    if (a.result === 'forwarded' && !a.forwardedTo) reject(label('/infoRequestAnswer/forwardedTo'), 'a forwarded request names the proper holder (Law 2939-VI art. 22 ч. 3)', 'для направленого запиту потрібен належний розпорядник (ч. 3 ст. 22 Закону № 2939-VI)');
    if (!a.answeredOn) reject(label('/infoRequestAnswer/answeredOn'), 'an archived answer needs its date', 'для відповіді з архіву потрібна дата відповіді');
    if ((a.answeredOn as string) < receivedOn) {
      reject(label('/infoRequestAnswer/answeredOn'), `answered on ${a.answeredOn}, before receipt (${receivedOn})`, `дата відповіді ${a.answeredOn} раніше за дату надходження ${receivedOn}`);
    }
  }
  if (rec.answer) {
    if (!isAppealKind(sub.kind) || sub.kind === 'info-request') {
      reject(label('/answer'), `an answer is imported for appeals, hotline cards and e-petitions, not for ${sub.kind} (an information request's goes in infoRequestAnswer)`,
        'відповідь імпортується лише для звернень громадян, карток «гарячої лінії» та е-петицій (відповідь на запит на інформацію — в infoRequestAnswer)');
    }
    const a = rec.answer;
    if (a.result === 'refused' && !a.refusal) reject(label('/answer/refusal'), 'a refusal must give its basis, reasons and how to appeal (003 §132)', 'у відмові мають бути підстава, мотиви та порядок оскарження (003 §132)');
    if (a.result === 'forwarded' && !a.forwardedTo) reject(label('/answer/forwardedTo'), 'a forwarded appeal must name the body (003 §107)', 'для пересланого звернення потрібен орган, якому переслано (003 §107)');
    if (!a.answeredOn) reject(label('/answer/answeredOn'), 'an archived answer needs its date', 'для відповіді з архіву потрібна дата відповіді');
    if ((a.answeredOn as string) < receivedOn) {
      reject(label('/answer/answeredOn'), `answered on ${a.answeredOn}, before receipt (${receivedOn})`, `дата відповіді ${a.answeredOn} раніше за дату надходження ${receivedOn}`);
    }
  }
  (rec.control ?? []).forEach((c, i) => {
    if (c.resolutionDate && c.term < c.resolutionDate) {
      reject(label(`/control/${i}/term`), `the term ${c.term} is before the resolution (${c.resolutionDate})`, `строк ${c.term} раніше за дату резолюції ${c.resolutionDate}`);
    }
    if (c.executedOn && c.releasedOn) reject(label(`/control/${i}/releasedOn`), 'a card is either executed or released', 'картка або виконана, або знята з контролю, не те й інше');
  });
  return {
    row, rec, sub, journal: reg.journal ?? plan.journal, case: plan.case, year: Number(reg.date.slice(0, 4)), status: documentStatus(rec.control),
  };
}

const payloadHash = (sub: DocumentSubmission) => createHash('sha256').update(JSON.stringify(sub)).digest('hex');

/** Inserts the documents in one statement; returns the ids of those inserted (a taken number or key is skipped). */
async function insertDocuments(q: Queryable, list: Array<Prepared & { id: string }>, importedAt: Date): Promise<Set<string>> {
  if (!list.length) return new Set();
  const col = <T>(f: (p: Prepared & { id: string }) => T): T[] => list.map(f);
  const rows = await q.query<{ id: string }>(
    `INSERT INTO documents (id, source, external_id, kind, subtype, status, summary, correspondent, outgoing, received_at, urgency,
       pages, due_date, meta, reg_journal, reg_year, reg_number, reg_index, reg_date, reg_case, payload_sha256, imported_at)
     SELECT t.id, t.source, t.external_id, t.kind, t.subtype, t.status, t.summary, t.correspondent::jsonb, t.outgoing::jsonb,
            t.received_at, t.urgency, t.pages, t.due_date, t.meta::jsonb, t.reg_journal, t.reg_year, t.reg_number, t.reg_index,
            t.reg_date, t.reg_case, t.payload_sha256, $22::timestamptz
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                   $10::timestamptz[], $11::text[], $12::int[], $13::date[], $14::text[], $15::text[], $16::int[], $17::int[],
                   $18::text[], $19::date[], $20::text[], $21::text[])
         AS t (id, source, external_id, kind, subtype, status, summary, correspondent, outgoing, received_at, urgency, pages, due_date,
               meta, reg_journal, reg_year, reg_number, reg_index, reg_date, reg_case, payload_sha256)
     ON CONFLICT DO NOTHING
     RETURNING id`,
    [
      col((p) => p.id), col((p) => p.sub.source), col((p) => p.sub.externalId), col((p) => p.sub.kind), col((p) => p.sub.subtype ?? null),
      col((p) => p.status), col((p) => p.sub.summary), col((p) => JSON.stringify(p.sub.correspondent)),
      col((p) => (p.sub.outgoing ? JSON.stringify(p.sub.outgoing) : null)), col((p) => p.sub.receivedAt), col((p) => p.sub.urgency ?? 'normal'),
      col((p) => p.sub.pages ?? null), col((p) => p.sub.dueDate ?? null), col((p) => (p.sub.meta ? JSON.stringify(p.sub.meta) : null)),
      col((p) => p.journal), col((p) => p.year), col((p) => p.rec.registration.number), col((p) => p.rec.registration.index),
      col((p) => p.rec.registration.date), col((p) => p.case), col((p) => payloadHash(p.sub)), importedAt,
    ],
  );
  return new Set(rows.map((r) => r.id));
}

/** The control cards as the history left them, marked imported. */
async function insertControlCards(q: Queryable, p: Prepared, documentId: string, importedAt: Date): Promise<void> {
  const list = p.rec.control ?? [];
  if (!list.length) return;
  const receivedOn = kyivDate(new Date(p.sub.receivedAt));
  const cards: ControlCard[] = list.map((c, i) => {
    const controller = c.controller ?? 'archive';
    const resolutionDate = c.resolutionDate ?? p.rec.registration.date;
    return {
      id: randomUUID(), documentId, resolutionNo: i + 1, version: 1, author: controller, controller, termSetBy: controller,
      executors: [c.executor, ...(c.coExecutors ?? [])], task: c.task ?? p.sub.summary, resolutionDate,
      rule: 'explicit', basis: 'архів: строк, установлений до впровадження хабу / archive: the term as it was set', term: c.term,
      originalTerm: c.term, reminderOn: c.term, coExecutorsDue: null, extensionDeadline: c.term,
      appealReceivedOn: isAppealKind(p.sub.kind) ? receivedOn : null,
      status: c.executedOn ? 'executed' : c.releasedOn ? 'released' : 'under-control',
      interimAnswers: [], pendingExtension: null, extensions: [],
      execution: c.executedOn ? { at: `${c.executedOn}T00:00:00.000Z`, on: c.executedOn, by: c.executor, answer: { summary: c.answerSummary ?? '' } } : null,
      releasedAt: c.releasedOn ? `${c.releasedOn}T00:00:00.000Z` : null, releasedBy: c.releasedOn ? controller : null, releasedStandingInFor: null,
    } as ControlCard;
  });
  await q.query(
    `INSERT INTO control_cards (id, document_id, resolution_no, responsible, status, term, reminder_on, executed_on, card, imported_at)
     SELECT t.id, t.document_id, t.resolution_no, t.responsible, t.status, t.term, t.reminder_on, t.executed_on, t.card::jsonb, $10::timestamptz
       FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::date[], $7::date[], $8::date[], $9::text[])
         AS t (id, document_id, resolution_no, responsible, status, term, reminder_on, executed_on, card)`,
    [
      cards.map((c) => c.id), cards.map((c) => c.documentId), cards.map((c) => c.resolutionNo), cards.map((c) => c.executors[0]),
      cards.map((c) => c.status), cards.map((c) => c.term), cards.map((c) => c.reminderOn), cards.map((c) => c.execution?.on ?? null),
      cards.map((c) => JSON.stringify(c)), importedAt,
    ],
  );
}

/**
 * Imports one batch (up to ARCHIVE_BATCH rows) in one transaction and answers each row's outcome
 * in the rows' order. A row the checks refuse is `rejected` with its violations and nothing of it
 * is kept; the others are imported or found already on file.
 */
export async function importBatch(deps: ArchiveDeps, rows: readonly ArchiveRow[], opts: BatchOptions): Promise<RowOutcome[]> {
  return commitBatch(deps, checkBatch(deps, rows, opts), opts);
}

/** A batch checked row by row, before its transaction (no database: a file can check the next batch while one commits). */
export interface CheckedBatch {
  rows: readonly ArchiveRow[];
  prepared: Prepared[];
  outcomes: Map<ArchiveRow, RowOutcome>;
}

export function checkBatch(deps: ArchiveDeps, rows: readonly ArchiveRow[], opts: BatchOptions): CheckedBatch {
  const outcomes = new Map<ArchiveRow, RowOutcome>();
  const prepared: Prepared[] = [];
  for (const row of rows) {
    try {
      prepared.push(prepare(row, deps, opts));
    } catch (err) {
      if (!(err instanceof RowRejected)) throw err;
      outcomes.set(row, { line: row.line, outcome: 'rejected', violations: err.violations });
    }
  }
  return { rows, prepared, outcomes };
}

/** The checked batch in one transaction: what is on file is left alone, the rest inserted with its own numbers. */
export async function commitBatch(deps: ArchiveDeps, batch: CheckedBatch, opts: BatchOptions): Promise<RowOutcome[]> {
  const label = opts.label ?? jsonField;
  const { rows, prepared, outcomes } = batch;
  const rejectRow = (p: Prepared, v: RowViolation[]) => outcomes.set(p.row, { line: p.row.line, outcome: 'rejected', violations: v });
  const importedAt = deps.now();

  await deps.db.tx(async (q) => {
    // Already on file (a re-run, a resumed run): the live idempotency key, source + externalId.
    const keyOf = (source: string, externalId: string) => `${source}\u0000${externalId}`;
    const existing = new Map<string, { id: string; reg_index: string | null }>();
    if (prepared.length) {
      const found = await q.query<{ id: string; source: string; external_id: string; reg_index: string | null }>(
        `SELECT d.id, d.source, d.external_id, d.reg_index FROM documents d
           JOIN unnest($1::text[], $2::text[]) AS k (source, external_id) ON d.source = k.source AND d.external_id = k.external_id`,
        [prepared.map((p) => p.sub.source), prepared.map((p) => p.sub.externalId)],
      );
      for (const r of found) existing.set(keyOf(r.source, r.external_id), r);
    }
    // The nomenclature of each registration's year must have its case (003 §179), as for a live registration.
    const cases = new Set<string>();
    const years = new Set<number>();
    if (prepared.length) {
      for (const r of await q.query<{ year: number; case_index: string }>(
        `SELECT n.year, n.case_index FROM nomenclature_cases n
           JOIN (SELECT DISTINCT * FROM unnest($1::int[], $2::text[])) AS k (year, case_index) ON n.year = k.year AND n.case_index = k.case_index`,
        [prepared.map((p) => p.year), prepared.map((p) => p.case)],
      )) cases.add(`${r.year}\u0000${r.case_index}`);
      for (const r of await q.query<{ year: number }>('SELECT DISTINCT year FROM nomenclature_cases')) years.add(r.year);
    }
    const seen = new Map<string, Prepared>();
    const fresh: Array<Prepared & { id: string }> = [];
    const twins: Array<[Prepared, Prepared]> = [];
    for (const p of prepared) {
      const key = keyOf(p.sub.source, p.sub.externalId);
      const on = existing.get(key);
      if (on) {
        outcomes.set(p.row, { line: p.row.line, outcome: 'duplicate', documentId: on.id, registrationIndex: on.reg_index ?? p.rec.registration.index });
        continue;
      }
      const first = seen.get(key);
      if (first) {
        twins.push([p, first]);
        continue;
      }
      if (!cases.has(`${p.year}\u0000${p.case}`)) {
        const err = years.has(p.year) ? HubError.of('UNKNOWN_CASE', { case: p.case, year: p.year }) : HubError.of('NO_NOMENCLATURE', { year: p.year, loadedYears: [...years].sort() });
        rejectRow(p, [{
          field: label(p.sub.caseIndex ? '/submission/caseIndex' : '/registration/date'),
          message: `${err.spec.message}: case ${p.case}, year ${p.year}`,
          messageUk: `${err.spec.messageUk}: справа ${p.case}, ${p.year} рік`,
        }]);
        continue;
      }
      seen.set(key, p);
      fresh.push({ ...p, id: randomUUID() });
    }

    // The counter first: its row lock makes a live registration of the journal wait for this batch,
    // and it continues after the highest number imported (never lowered by an older year's file).
    const before = new Map<string, number>();
    const counterKey = (journal: string, year: number) => `${journal}\u0000${year}`;
    if (fresh.length) {
      for (const r of await q.query<{ journal: string; year: number; last_number: number }>(
        `SELECT c.journal, c.year, c.last_number FROM journal_counters c
           JOIN (SELECT DISTINCT * FROM unnest($1::text[], $2::int[])) AS k (journal, year) ON c.journal = k.journal AND c.year = k.year
          ORDER BY c.journal, c.year FOR UPDATE OF c`,
        [fresh.map((p) => p.journal), fresh.map((p) => p.year)],
      )) before.set(counterKey(r.journal, r.year), r.last_number);
      await q.query(
        `INSERT INTO journal_counters (journal, year, last_number)
         SELECT journal, year, max(number) FROM unnest($1::text[], $2::int[], $3::int[]) AS t (journal, year, number) GROUP BY journal, year
         ORDER BY journal, year
         ON CONFLICT (journal, year) DO UPDATE SET last_number = GREATEST(journal_counters.last_number, EXCLUDED.last_number)`,
        [fresh.map((p) => p.journal), fresh.map((p) => p.year), fresh.map((p) => p.rec.registration.number)],
      );
    }

    const numberTaken = async (p: Prepared) => {
      const [holder] = await q.query<{ reg_index: string; source: string; external_id: string }>(
        'SELECT reg_index, source, external_id FROM documents WHERE reg_journal = $1 AND reg_year = $2 AND reg_number = $3',
        [p.journal, p.year, p.rec.registration.number],
      );
      rejectRow(p, [{
        field: label('/registration/number'),
        message: `number ${p.rec.registration.number} of journal ${p.journal} for ${p.year} is already taken${holder ? ` by ${holder.reg_index} (${holder.source} ${holder.external_id})` : ''}`,
        messageUk: `номер ${p.rec.registration.number} журналу ${p.journal} за ${p.year} рік уже зайнятий${holder ? ` документом ${holder.reg_index}` : ''}`,
      }]);
    };
    const imported = (p: Prepared & { id: string }) => outcomes.set(p.row, { line: p.row.line, outcome: 'imported', documentId: p.id, registrationIndex: p.rec.registration.index });

    // Documents that are not appeals: one statement for the batch.
    const plain = fresh.filter((p) => !isAppealKind(p.sub.kind));
    const inserted = await insertDocuments(q, plain, importedAt);
    for (const p of plain) {
      if (inserted.has(p.id)) {
        imported(p);
        await insertControlCards(q, p, p.id, importedAt);
      } else await numberTaken(p);
    }

    // Appeals one by one in the file's order: each is decided as on its registration day against the
    // appeals on file, those imported before it included (repeat and duplicate matching, 003 §102).
    for (const p of fresh.filter((x) => isAppealKind(x.sub.kind))) {
      const kind = p.sub.kind as Parameters<typeof decideAppeal>[1]['kind'];
      let finding;
      try {
        finding = await decideAppeal(q, { ...p.sub, kind }, p.rec.registration.date, deps.appeals);
      } catch (err) {
        if (!(err instanceof HubError)) throw err;
        rejectRow(p, hubViolations(err, label('/submission'), label));
        continue;
      }
      if (p.rec.answer && finding.intake.status === 'not-considered') {
        const err = HubError.of('APPEAL_NOT_CONSIDERED', { basis: '003 §106' });
        rejectRow(p, [{ field: label('/answer'), message: err.spec.message, messageUk: err.spec.messageUk }]);
        continue;
      }
      if (!(await insertDocuments(q, [p], importedAt)).has(p.id)) {
        await numberTaken(p);
        continue;
      }
      const card = { ...finding.card, id: p.id, registrationIndex: p.rec.registration.index };
      await insertAppeal(q, { documentId: p.id, kind, cardSource: finding.cardSource, card, intake: finding.intake, fingerprints: finding.fingerprints, stems: finding.stems, keys: finding.keys });
      if (p.rec.answer) {
        const body = { ...p.rec.answer };
        const onMerits = body.onMerits ?? ON_MERITS_RESULTS.has(body.result);
        body.onMerits = onMerits;
        await setAnswer(q, p.id, body, onMerits, importedAt);
      }
      if (p.rec.infoRequestAnswer) await saveAnswer(q, p.id, { ...p.rec.infoRequestAnswer, answeredOn: p.rec.infoRequestAnswer.answeredOn as string }, importedAt);
      await insertControlCards(q, p, p.id, importedAt);
      imported(p);
    }

    // A row refused after the counter was raised gives its number back: the counter ends at the
    // highest number actually imported (or where it stood), so live numbering has no gap.
    if (fresh.length) {
      const top = new Map<string, { journal: string; year: number; n: number }>();
      for (const p of fresh) {
        const k = counterKey(p.journal, p.year);
        const t = top.get(k) ?? { journal: p.journal, year: p.year, n: before.get(k) ?? 0 };
        if (outcomes.get(p.row)?.outcome === 'imported') t.n = Math.max(t.n, p.rec.registration.number);
        top.set(k, t);
      }
      const list = [...top.values()];
      await q.query(
        `UPDATE journal_counters c SET last_number = t.n FROM unnest($1::text[], $2::int[], $3::int[]) AS t (journal, year, n)
          WHERE c.journal = t.journal AND c.year = t.year AND c.last_number <> t.n`,
        [list.map((t) => t.journal), list.map((t) => t.year), list.map((t) => t.n)],
      );
    }

    // The same key twice in one batch: the later row is the earlier one again.
    for (const [p, first] of twins) {
      const o = outcomes.get(first.row);
      outcomes.set(p.row, o && o.outcome !== 'rejected'
        ? { line: p.row.line, outcome: 'duplicate', documentId: o.documentId, registrationIndex: o.registrationIndex }
        : { line: p.row.line, outcome: 'rejected', violations: o?.outcome === 'rejected' ? o.violations : [] });
    }

    const count = [...outcomes.values()].filter((o) => o.outcome === 'imported').length;
    if (count) {
      await appendAudit(q, {
        at: importedAt.toISOString(), ...opts.actor, action: 'archive.imported', documentId: null, before: null,
        after: { origin: opts.origin, imported: count, firstLine: rows[0]?.line ?? null, lastLine: rows[rows.length - 1]?.line ?? null },
        reason: null,
      });
    }
  });
  return rows.map((r) => outcomes.get(r) ?? { line: r.line, outcome: 'rejected', violations: [{ field: label('/'), message: 'not processed', messageUk: 'рядок не оброблено' }] });
}
