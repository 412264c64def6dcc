/**
 * Public-information requests in the store (migration 006): the journal reads the registered
 * 'info-request' documents with what was recorded on them (extension, answer). Requesters'
 * names and contacts are personal data: never logged.
 */
import { kyivDayStart, addDays } from '../domain/clock';
import type { ExtensionEntry, JournalSource, StoredAnswer } from '../domain/info-requests';
import type { DocumentCard } from '../schemas';
import type { Queryable } from './db';

export interface InfoRequestState {
  extension: ExtensionEntry | null;
  answer: StoredAnswer | null;
}

/** What was recorded on the request; `lock` holds its row (if any) for the caller's transaction. */
export async function getState(q: Queryable, documentId: string, opts: { lock?: boolean } = {}): Promise<InfoRequestState> {
  const [row] = await q.query<{ extension: ExtensionEntry | null; answer: StoredAnswer | null }>(
    `SELECT extension, answer FROM info_requests WHERE document_id = $1${opts.lock ? ' FOR UPDATE' : ''}`,
    [documentId],
  );
  return { extension: row?.extension ?? null, answer: row?.answer ?? null };
}

/** Whether the term was extended to 20 working days (ст. 20 ч. 4): new control cards take that term. */
export async function isExtended(q: Queryable, documentId: string): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM info_requests WHERE document_id = $1 AND extended_term IS NOT NULL', [documentId]);
  return rows.length > 0;
}

export async function saveExtension(q: Queryable, documentId: string, e: ExtensionEntry, at: Date): Promise<void> {
  await q.query(
    `INSERT INTO info_requests (document_id, extended_term, extension, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
     ON CONFLICT (document_id) DO UPDATE SET extended_term = $2, extension = $3, updated_at = $4`,
    [documentId, e.term, JSON.stringify(e), at],
  );
}

export async function saveAnswer(q: Queryable, documentId: string, a: StoredAnswer, at: Date): Promise<void> {
  await q.query(
    `INSERT INTO info_requests (document_id, result, answered_on, answer, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)
     ON CONFLICT (document_id) DO UPDATE SET result = $2, answered_on = $3, answer = $4, updated_at = $5`,
    [documentId, a.result, a.answeredOn, JSON.stringify(a), at],
  );
}

interface JournalRow {
  id: string;
  source: string;
  summary: string;
  urgency: 'normal' | 'urgent' | 'immediate';
  meta: Record<string, unknown> | null;
  correspondent: DocumentCard['correspondent'];
  received_at: Date;
  reg_index: string;
  reg_date: string;
  extension: ExtensionEntry | null;
  answer: StoredAnswer | null;
}

/** The registered requests received on the Kyiv dates [from, to], in order of receipt. */
export async function journalSources(q: Queryable, from: string, to: string): Promise<JournalSource[]> {
  const rows = await q.query<JournalRow>(
    `SELECT d.id, d.source, d.summary, d.urgency, d.meta, d.correspondent, d.received_at, d.reg_index, d.reg_date::text AS reg_date,
            r.extension, r.answer
       FROM documents d LEFT JOIN info_requests r ON r.document_id = d.id
      WHERE d.kind = 'info-request' AND d.reg_index IS NOT NULL AND d.received_at >= $1 AND d.received_at < $2
      ORDER BY d.received_at, d.id`,
    [kyivDayStart(from), kyivDayStart(addDays(to, 1))],
  );
  return rows.map((r) => ({
    documentId: r.id,
    source: r.source,
    summary: r.summary,
    urgency: r.urgency,
    meta: r.meta,
    correspondent: r.correspondent,
    receivedAt: r.received_at.toISOString(),
    registrationIndex: r.reg_index,
    registrationDate: r.reg_date,
    extension: r.extension,
    answer: r.answer,
  }));
}
