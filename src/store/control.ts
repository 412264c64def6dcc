import type { ControlCard } from '../domain/control';
import { Queryable } from './db';

/** The first executor answers (003 п. 157); none yet on a card of the sender's control before its resolution (migration 021). */
const responsibleOf = (card: ControlCard): string | null => card.executors[0] ?? null;

/** The card is kept whole as jsonb; the columns beside it are what lists and reports filter on. */
export async function insertCard(q: Queryable, card: ControlCard): Promise<void> {
  await q.query(
    `INSERT INTO control_cards (id, document_id, resolution_no, responsible, status, term, reminder_on, executed_on, card)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [card.id, card.documentId, card.resolutionNo, responsibleOf(card), card.status, card.term, card.reminderOn, card.execution?.on ?? null, JSON.stringify(card)],
  );
}

/** Saves a change of the card: its version grows by one (the EDMS discards anything older). Returns the card as saved. */
export async function updateCard(q: Queryable, changed: ControlCard): Promise<ControlCard> {
  const card = { ...changed, version: changed.version + 1 };
  await q.query(
    `UPDATE control_cards SET responsible = $2, status = $3, term = $4, reminder_on = $5, executed_on = $6, card = $7, updated_at = now()
     WHERE id = $1`,
    [card.id, responsibleOf(card), card.status, card.term, card.reminderOn, card.execution?.on ?? null, JSON.stringify(card)],
  );
  return card;
}

/** Cards saved before versions existed read as version 1. */
const versioned = (card: ControlCard): ControlCard => (card.version ? card : { ...card, version: 1 });

/** Locks the card for the caller's transaction: two clerks acting at once act one after the other. */
export async function lockCard(q: Queryable, documentId: string, cardId: string): Promise<ControlCard | undefined> {
  const rows = await q.query<{ card: ControlCard }>('SELECT card FROM control_cards WHERE id = $1 AND document_id = $2 FOR UPDATE', [cardId, documentId]);
  return rows[0] ? versioned(rows[0].card) : undefined;
}

/** One card by its id, as it stands (GET /api/v1/control/{cardId}). */
export async function getCard(q: Queryable, cardId: string): Promise<ControlCard | undefined> {
  const rows = await q.query<{ card: ControlCard }>('SELECT card FROM control_cards WHERE id = $1', [cardId]);
  return rows[0] ? versioned(rows[0].card) : undefined;
}

export async function cardsOfDocument(q: Queryable, documentId: string): Promise<ControlCard[]> {
  const rows = await q.query<{ card: ControlCard }>('SELECT card FROM control_cards WHERE document_id = $1 ORDER BY resolution_no', [documentId]);
  return rows.map((r) => versioned(r.card));
}

export async function nextResolutionNo(q: Queryable, documentId: string): Promise<number> {
  const rows = await q.query<{ n: number }>('SELECT coalesce(max(resolution_no), 0) + 1 AS n FROM control_cards WHERE document_id = $1', [documentId]);
  return rows[0]?.n ?? 1;
}

export interface ControlListQuery {
  executor?: string;
  status?: string;
  dueBefore?: string;
  overdueOn?: string;
  limit: number;
  after?: { term: string; id: string };
}

/** Open items by term: the daily list of unexecuted documents and the weekly plan (003 §165). */
export async function listCards(q: Queryable, f: ControlListQuery): Promise<Array<ControlCard & { documentIndex: string | null; documentSummary: string }>> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.executor) where.push(`c.responsible = $${params.push(f.executor)}`);
  if (f.status) where.push(`c.status = $${params.push(f.status)}`);
  if (f.dueBefore) where.push(`c.term <= $${params.push(f.dueBefore)}`);
  if (f.overdueOn) where.push(`c.status = 'under-control' AND c.term < $${params.push(f.overdueOn)}`);
  if (f.after) where.push(`(c.term, c.id) > ($${params.push(f.after.term)}, $${params.push(f.after.id)}::uuid)`);
  params.push(f.limit);
  const rows = await q.query<{ card: ControlCard; reg_index: string | null; summary: string }>(
    `SELECT c.card, d.reg_index, d.summary FROM control_cards c JOIN documents d ON d.id = c.document_id
     ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY c.term, c.id LIMIT $${params.length}`,
    params,
  );
  return rows.map((r) => ({ ...versioned(r.card), documentIndex: r.reg_index, documentSummary: r.summary }));
}

export interface DisciplineRow {
  /** Null: cards of the sender's control with no executor named yet («виконавця не призначено»). */
  executor: string | null;
  total: number;
  onTime: number;
  late: number;
  overdue: number;
  open: number;
}

/**
 * Executive discipline per responsible executor over cards whose term falls in [from, to]
 * (003 §117): executed on time, executed late, overdue (still open after the term), open.
 */
export async function discipline(q: Queryable, from: string, to: string, today: string): Promise<DisciplineRow[]> {
  return q.query<DisciplineRow>(
    `SELECT responsible AS executor,
            count(*)::int AS total,
            count(*) FILTER (WHERE executed_on IS NOT NULL AND executed_on <= term)::int AS "onTime",
            count(*) FILTER (WHERE executed_on IS NOT NULL AND executed_on > term)::int AS late,
            count(*) FILTER (WHERE status = 'under-control' AND term < $3)::int AS overdue,
            count(*) FILTER (WHERE status = 'under-control' AND term >= $3)::int AS open
       FROM control_cards
      WHERE term BETWEEN $1 AND $2
      GROUP BY responsible
      ORDER BY responsible NULLS LAST`,
    [from, to, today],
  );
}

/** Records a notice once per card, kind and term; true only for the process that recorded it. */
export async function recordNotice(q: Queryable, cardId: string, kind: 'due-soon' | 'overdue', term: string): Promise<boolean> {
  const rows = await q.query('INSERT INTO control_notices (card_id, kind, term) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING card_id', [cardId, kind, term]);
  return rows.length === 1;
}

/**
 * Open cards whose reminder day or term has come and that have no notice of that kind for their term;
 * not a card imported from the archive whose term had passed before it was imported (src/archive).
 */
export async function cardsNeedingNotice(q: Queryable, kind: 'due-soon' | 'overdue', today: string, limit: number): Promise<ControlCard[]> {
  const condition = kind === 'due-soon' ? 'c.reminder_on <= $1 AND c.term >= $1' : 'c.term < $1';
  const rows = await q.query<{ card: ControlCard }>(
    `SELECT c.card FROM control_cards c
      WHERE c.status = 'under-control' AND ${condition}
        -- A card brought from the archive with its term already past when it came raises nothing (migration 015).
        AND NOT (c.imported_at IS NOT NULL AND c.term < (c.imported_at AT TIME ZONE 'Europe/Kyiv')::date)
        AND NOT EXISTS (SELECT 1 FROM control_notices n WHERE n.card_id = c.id AND n.kind = $2 AND n.term = c.term)
      ORDER BY c.term LIMIT $3`,
    [today, kind, limit],
  );
  return rows.map((r) => versioned(r.card));
}

export async function setDocumentStatus(q: Queryable, documentId: string): Promise<string> {
  const rows = await q.query<{ status: string }>(
    `UPDATE documents d SET status = CASE
        WHEN EXISTS (SELECT 1 FROM control_cards c WHERE c.document_id = d.id AND c.status = 'under-control') THEN 'under-control'
        WHEN EXISTS (SELECT 1 FROM control_cards c WHERE c.document_id = d.id AND c.status = 'executed') THEN 'executed'
        WHEN EXISTS (SELECT 1 FROM control_cards c WHERE c.document_id = d.id) THEN 'released'
        ELSE d.status END
      WHERE d.id = $1 RETURNING d.status`,
    [documentId],
  );
  return rows[0]?.status ?? 'registered';
}
