import { randomUUID } from 'node:crypto';
import type { DocumentCard, Registration } from '../schemas';
import { Queryable } from './db';
import { NEW_DOCUMENT_COLUMNS, newDocumentValues, toCard, type DocumentRow, type NewDocument } from './documents';
import type { OutboxEvent } from './outbox';

/*
 * Journal numbers. A registration index is the document's running number within the group of
 * documents registered together (its journal), complemented by the case index (Правила організації
 * діловодства, наказ Мін'юсту від 18.06.2015 № 1000/5, розд. III гл. 3 п. 5), and it runs within the
 * calendar year. The README promises it gap-free: per journal and year every number is used
 * exactly once. So a number is drawn from one counter row per journal and year, in the registering
 * transaction: the row lock queues concurrent registrations (no repeats, across processes too) and
 * a rollback gives the number back (no gaps). The lock is held until commit, so whatever the
 * transaction does after the draw every other registration of that journal waits for: the draw
 * comes last (registerUnderNextNumber), or the registration is one statement (insertUnderNextNumbers),
 * which holds it across no round trip to the hub at all.
 */

/**
 * The upsert that draws numbers (SQL of the journal, the year and how many, default one): the
 * counter advanced, its new value returned, its row locked to commit.
 */
function draw(journal: string, year: string, count = '1'): string {
  return `INSERT INTO journal_counters (journal, year, last_number) VALUES (${journal}, ${year}, ${count})
       ON CONFLICT (journal, year) DO UPDATE SET last_number = journal_counters.last_number + EXCLUDED.last_number
       RETURNING last_number`;
}

/**
 * Draws the next running number of a journal for a year. Must run inside the registering
 * transaction: the upsert locks the counter row until commit, so concurrent registrations queue
 * (no duplicates) and a rollback gives the number back (no gaps).
 */
export async function nextJournalNumber(q: Queryable, journal: string, year: number): Promise<number> {
  const rows = await q.query<{ last_number: number }>(draw('$1', '$2'), [journal, year]);
  return (rows[0] as { last_number: number }).last_number;
}

/** A registration still to be numbered: where it goes, and the document and event to write the number into. */
export interface Unnumbered {
  documentId: string;
  journal: string;
  year: number;
  case: string;
  date: string;
  /** The index as the template renders it, but `{number}` where the running number goes. */
  index: string;
  /** The event announcing it; its body's `registration` is written by the same statement. */
  event: OutboxEvent;
}

/**
 * Appends the event of a registration in the statement that numbers it, from its `filed` row: the
 * body's `registration` and `data.receivedAt` are the row's, so the event never says another
 * number than the document's, and says the time as the card does (toISOString's form, as
 * documents.ts isoUtc). `e`: the SQL of the event's id, type, body (jsonb), time and whether to
 * write `data.receivedAt` (the document's own event; a step's keeps its `data`); `from`: its rows,
 * in the order they are appended.
 */
function announce(e: { id: string; type: string; body: string; at: string; received?: string }, from = 'filed'): string {
  const registration = `jsonb_build_object('journal', filed.reg_journal, 'index', filed.reg_index, 'number', filed.reg_number,
         'date', to_char(filed.reg_date, 'YYYY-MM-DD'), 'case', filed.reg_case, 'year', filed.reg_year)`;
  const receivedAt = `to_jsonb(to_char(filed.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;
  const numbered = `jsonb_set(${e.body}, '{registration}', ${registration})`;
  const payload = e.received ? `CASE WHEN ${e.received} THEN jsonb_set(${numbered}, '{data,receivedAt}', ${receivedAt}) ELSE ${numbered} END` : `jsonb_set(${numbered}, '{data,receivedAt}', ${receivedAt})`;
  return `INSERT INTO outbox (event_id, document_id, type, payload, occurred_at)
       SELECT ${e.id}, filed.id, ${e.type}, ${payload}, ${e.at}
       FROM ${from}`;
}

/**
 * Draws the journal's next number and, in the same statement, files the document under it and
 * appends its event. Meant as the registering transaction's last statement: from the draw to the
 * commit every registration of the journal waits, and one statement instead of three (draw, set
 * the registration, append the event) is one round trip instead of three under the lock — three
 * that, with 8 writers on 2 cores, each waited for a busy event loop and a busy server (issue 16).
 */
export async function registerUnderNextNumber(q: Queryable, r: Unnumbered): Promise<Registration> {
  const rows = await q.query<{ number: number; index: string }>(
    `WITH counter AS (
       ${draw('$2', '$3')}
     ), filed AS (
       UPDATE documents SET status = 'registered', reg_journal = $2, reg_year = $3, reg_number = counter.last_number,
         reg_index = replace($4, '{number}', counter.last_number::text), reg_date = $5, reg_case = $6
       FROM counter WHERE documents.id = $1
       RETURNING id, received_at, reg_journal, reg_year, reg_number, reg_index, reg_date, reg_case
     ), announced AS (
       ${announce({ id: '$7', type: '$8', body: '$9::jsonb', at: '$10' })}
     )
     SELECT reg_number AS number, reg_index AS index FROM filed`,
    [r.documentId, r.journal, r.year, r.index, r.date, r.case, randomUUID(), r.event.type, JSON.stringify(r.event.body), r.event.occurredAt],
    'dilovod_register_under_next_number',
  );
  const filed = rows[0];
  // Not on file in this transaction: throwing rolls the draw back, so the number is not lost.
  if (!filed) throw new Error(`document ${r.documentId} is not on file to be registered`);
  return { journal: r.journal, index: filed.index, number: filed.number, date: r.date, case: r.case, year: r.year };
}

/**
 * The columns of the card (documents.ts toCard) a new row has, named: the statements are prepared,
 * and a prepared `RETURNING *` would fail once a migration adds a column under a running hub.
 */
const CARD_COLUMNS = `id, source, external_id, kind, subtype, status, summary, correspondent, outgoing, received_at, urgency, pages,
       due_date, meta, reg_journal, reg_year, reg_number, reg_index, reg_date, reg_case, not_registered_reason, created_at, flags`;

/** A registration with nothing else to write: its document (not yet on file) and where to number it. */
export interface Alone {
  doc: NewDocument;
  registration: Omit<Unnumbered, 'documentId'>;
}

/** Binds a value to the statement being built and gives its placeholder. */
export type Bind = (value: unknown) => string;

/**
 * What an intake step keeps of a registration, written by the registering statement itself
 * (issue 16: an appeal with its keys, decisions, control-log entry and event is one statement and
 * one commit, not a transaction of a dozen round trips). `ctes`: `name AS (…)` parts that may read
 * `filed`, the document's row under its number (id, reg_index, …); data-modifying, since a
 * statement runs a SELECT part only when something reads it. `events`: appended after the
 * document's own, in order, each body's `registration` written from the row. `name`: the same name
 * always builds the same text (the statement is prepared under it).
 */
export interface FiledPart {
  name: string;
  ctes(bind: Bind): string[];
  events?: OutboxEvent[];
}

/**
 * Registrations of documents that need nothing else written with them (no files, no step's rows),
 * as many as arrived together (group commit: src/pipeline/group-commit.ts), in one statement that
 * is its own transaction: each counter advanced once by as many as it numbers, each document
 * inserted under its number (in the order of the items), each event appended. A counter's row lock
 * is held only while the server inserts the rows and commits, across no round trip to the hub: the
 * least any gap-free registration can hold it (issue 16). The hub batches one journal at a time on
 * PostgreSQL, so other journals never wait for it (src/pipeline/register.ts); a batch of several
 * takes their counters in one order, (journal, year), so two batches never wait in a circle.
 * Anything failing rolls back the whole statement and every number with it: a key on file or
 * inserted meanwhile is the unique violation of documents_source_external_id_key, a case missing
 * from the year's nomenclature the foreign key documents_case_fk. With `parts` (what the steps
 * keep, FiledPart), one item: they are written by the same statement. Returns the cards, in order.
 */
export async function insertUnderNextNumbers(q: Queryable, items: Alone[], parts: FiledPart[] = []): Promise<DocumentCard[]> {
  if (parts.length && items.length !== 1) throw new Error('what steps keep is written with one registration at a time');
  const params: unknown[] = [];
  const p: Bind = (v) => `$${params.push(v)}`;
  const later = laterOfTheirJournal(items);
  const journals = new Set(items.map(({ registration: r }) => `${r.year} ${r.journal}`));
  const first = (items[0] as Alone).registration;
  // One journal (every batch of the hub's on PostgreSQL): its counter advanced by the batch's size.
  const oneJournal = journals.size === 1 ? { journal: p(first.journal), year: p(first.year) } : undefined;
  const counter = oneJournal
    ? draw(oneJournal.journal, oneJournal.year, p(items.length))
    : `INSERT INTO journal_counters (journal, year, last_number)
       SELECT journal, year, count(*) FROM (VALUES ${items.map(({ registration: r }) => `(${p(r.journal)}::text, ${p(r.year)}::integer)`).join(', ')}) AS wanted (journal, year)
       GROUP BY journal, year ORDER BY journal, year
       ON CONFLICT (journal, year) DO UPDATE SET last_number = journal_counters.last_number + EXCLUDED.last_number
       RETURNING journal, year, last_number`;
  const documents = items.map(({ doc, registration: r }, k) => {
    const values = newDocumentValues(doc, 'registered').map(p);
    const journal = oneJournal?.journal ?? p(r.journal);
    const year = oneJournal?.year ?? p(r.year);
    // The last item of a journal takes its counter's new value, the one before it one less, and so on.
    const number = `((SELECT last_number FROM counter${oneJournal ? '' : ` WHERE journal = ${journal} AND year = ${year}`}) - ${later[k]})`;
    return `(${values.join(', ')}, ${journal}, ${year}, ${number}, replace(${p(r.index)}, '{number}', ${number}::text), ${p(r.date)}, ${p(r.case)})`;
  });
  // Each document's event first, then the steps' (one item then), in the order of the outbox's seq.
  const announced: Array<[string, OutboxEvent, boolean]> = [
    ...items.map(({ doc, registration: r }): [string, OutboxEvent, boolean] => [doc.id, r.event, true]),
    ...parts.flatMap((part) => (part.events ?? []).map((ev): [string, OutboxEvent, boolean] => [(items[0] as Alone).doc.id, ev, false])),
  ];
  const events = announced.map(([documentId, ev, received], k) =>
    `(${p(documentId)}::uuid, ${p(randomUUID())}::uuid, ${p(ev.type)}, ${p(JSON.stringify(ev.body))}::jsonb, ${p(ev.occurredAt)}::timestamptz, ${received}, ${k})`);
  const kept = parts.flatMap((part) => part.ctes(p));
  const rows = await q.query<DocumentRow>(
    `WITH counter AS (
       ${counter}
     ), filed AS (
       INSERT INTO documents (${NEW_DOCUMENT_COLUMNS}, reg_journal, reg_year, reg_number, reg_index, reg_date, reg_case)
       VALUES ${documents.join(',\n         ')}
       RETURNING ${CARD_COLUMNS}
     ), announced AS (
       ${announce({ id: 'e.event_id', type: 'e.type', body: 'e.body', at: 'e.at', received: 'e.received' },
         `filed JOIN (VALUES ${events.join(', ')}) AS e (document_id, event_id, type, body, at, received, ord) ON e.document_id = filed.id ORDER BY e.ord`)}
     )${kept.map((cte) => `, ${cte}`).join('')}
     SELECT ${CARD_COLUMNS}, NULL::json AS attachments, NULL::json AS signatures FROM filed`,
    params,
    // For one journal the text depends on the number of items (and the parts) alone: prepared once per shape and connection.
    oneJournal ? `dilovod_insert_under_next_numbers_${items.length}${parts.map((part) => `_${part.name}`).join('')}` : undefined,
  );
  const cards = new Map(rows.map((row) => [row.id, toCard(row)]));
  return items.map(({ doc }) => {
    const card = cards.get(doc.id);
    if (!card) throw new Error(`document ${doc.id} was not filed by its registration`);
    return card;
  });
}

/** For each item, how many items after it in the batch go to the same journal and year. */
function laterOfTheirJournal(items: Alone[]): number[] {
  const seen = new Map<string, number>();
  return items
    .map(({ registration: r }) => `${r.year} ${r.journal}`)
    .reverse()
    .map((key) => {
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      return n;
    })
    .reverse();
}

/**
 * A number given outside the hub (a council's own decision, 003 §195): the counter is raised to it
 * (never lowered), so a number drawn later continues after it, and the row lock serialises it with
 * every other registration in that journal. Returns the index already holding that number, if any.
 */
export async function keepJournalNumber(q: Queryable, journal: string, year: number, number: number): Promise<string | undefined> {
  await q.query(
    `INSERT INTO journal_counters (journal, year, last_number) VALUES ($1, $2, $3)
     ON CONFLICT (journal, year) DO UPDATE SET last_number = GREATEST(journal_counters.last_number, EXCLUDED.last_number)`,
    [journal, year, number],
  );
  const taken = await q.query<{ reg_index: string }>('SELECT reg_index FROM documents WHERE reg_journal = $1 AND reg_year = $2 AND reg_number = $3', [journal, year, number]);
  return taken[0]?.reg_index;
}
