/**
 * E-petitions in the store (migration 007): one row per petition keyed by the platform's id, the
 * latest accepted snapshot whole, and every transition with its rule. The snapshot names the
 * author (personal data, 001 §2.2.13): it is read here and masked by role above, never logged.
 */
import type { PetitionRecord, PetitionTransition } from '../domain/petitions';
import type { PetitionSnapshot } from '../schemas';
import { Queryable } from './db';

export interface StoredPetition extends PetitionRecord {
  documentId: string | null;
  registrationIndex: string | null;
  registeredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  platform_id: string;
  state: PetitionRecord['state'];
  considered_as: PetitionRecord['consideredAs'];
  snapshot: PetitionSnapshot;
  collection_ended_on: string | null;
  document_id: string | null;
  registration_index: string | null;
  registered_at: Date | null;
  consideration_started_on: string | null;
  term: string | null;
  term_rule: PetitionRecord['termRule'];
  answered_on: string | null;
  result: string | null;
  outgoing_index: string | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `platform_id, state, considered_as, snapshot, collection_ended_on, document_id, registration_index, registered_at,
  consideration_started_on, term, term_rule, answered_on, result, outgoing_index, created_at, updated_at`;

function fromRow(r: Row): StoredPetition {
  return {
    platformId: r.platform_id, state: r.state, consideredAs: r.considered_as, snapshot: r.snapshot, collectionEndedOn: r.collection_ended_on,
    considerationStartedOn: r.consideration_started_on, term: r.term, termRule: r.term_rule, answeredOn: r.answered_on, result: r.result,
    outgoingIndex: r.outgoing_index, documentId: r.document_id, registrationIndex: r.registration_index,
    registeredAt: r.registered_at?.toISOString() ?? null, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
  };
}

/** One petition; `lock` holds its row for the caller's transaction (snapshots of one petition are applied in turn). */
export async function getPetition(q: Queryable, platformId: string, opts: { lock?: boolean } = {}): Promise<StoredPetition | undefined> {
  const [row] = await q.query<Row>(`SELECT ${COLUMNS} FROM petitions WHERE platform_id = $1${opts.lock ? ' FOR UPDATE' : ''}`, [platformId]);
  return row ? fromRow(row) : undefined;
}

/** Inserts the petition or updates everything the state machine owns; registration columns are setRegistered's. */
export async function savePetition(q: Queryable, p: PetitionRecord, at: Date): Promise<void> {
  const s = p.snapshot;
  await q.query(
    `INSERT INTO petitions (platform_id, state, considered_as, votes, threshold, collection_ends_on, collection_ended_on, snapshot_at, snapshot,
       consideration_started_on, term, term_rule, answered_on, result, outgoing_index, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)
     ON CONFLICT (platform_id) DO UPDATE SET state = EXCLUDED.state, considered_as = EXCLUDED.considered_as, votes = EXCLUDED.votes,
       threshold = EXCLUDED.threshold, collection_ends_on = EXCLUDED.collection_ends_on, collection_ended_on = EXCLUDED.collection_ended_on,
       snapshot_at = EXCLUDED.snapshot_at, snapshot = EXCLUDED.snapshot, consideration_started_on = EXCLUDED.consideration_started_on,
       term = EXCLUDED.term, term_rule = EXCLUDED.term_rule, answered_on = EXCLUDED.answered_on, result = EXCLUDED.result,
       outgoing_index = EXCLUDED.outgoing_index, updated_at = EXCLUDED.updated_at`,
    [
      p.platformId, p.state, p.consideredAs, s.votes, s.threshold, s.collectionEndsOn, p.collectionEndedOn, s.capturedAt, JSON.stringify(s),
      p.considerationStartedOn, p.term, p.termRule, p.answeredOn, p.result, p.outgoingIndex, at,
    ],
  );
}

/** Appends transitions after those on file, in order. */
export async function appendTransitions(q: Queryable, platformId: string, ts: readonly PetitionTransition[]): Promise<void> {
  if (!ts.length) return;
  await q.query(
    `INSERT INTO petition_transitions (platform_id, ordinal, from_state, to_state, at, effective_on, rule, basis, reason_uk, details)
     SELECT $1, coalesce((SELECT max(ordinal) FROM petition_transitions WHERE platform_id = $1), 0) + t.ordinal,
            t.value->>'from', t.value->>'to', (t.value->>'at')::timestamptz, (t.value->>'on')::date, t.value->>'rule', t.value->>'basis',
            t.value->>'reasonUk', t.value->'details'
       FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS t (value, ordinal)`,
    [platformId, JSON.stringify(ts)],
  );
}

export async function transitionsOf(q: Queryable, platformId: string): Promise<PetitionTransition[]> {
  const rows = await q.query<{ from_state: PetitionTransition['from']; to_state: PetitionTransition['to']; at: Date; effective_on: string; rule: string; basis: string; reason_uk: string; details: Record<string, unknown> | null }>(
    'SELECT from_state, to_state, at, effective_on, rule, basis, reason_uk, details FROM petition_transitions WHERE platform_id = $1 ORDER BY ordinal',
    [platformId],
  );
  return rows.map((r) => ({
    from: r.from_state, to: r.to_state, at: r.at.toISOString(), on: r.effective_on, rule: r.rule, basis: r.basis, reasonUk: r.reason_uk,
    ...(r.details ? { details: r.details } : {}),
  }));
}

/** Records the registration once (a retry after a crash finds it set and leaves it). */
export async function setRegistered(q: Queryable, platformId: string, reg: { documentId: string; index: string | null; at: Date }): Promise<void> {
  await q.query(
    `UPDATE petitions SET document_id = $2, registration_index = $3, registered_at = $4, updated_at = greatest(updated_at, $4)
      WHERE platform_id = $1 AND document_id IS NULL`,
    [platformId, reg.documentId, reg.index, reg.at],
  );
}

export interface PetitionListQuery {
  state?: PetitionRecord['state'];
  limit: number;
}

/** Petitions, latest end of collection first. */
export async function listPetitions(q: Queryable, f: PetitionListQuery): Promise<StoredPetition[]> {
  const params: unknown[] = [];
  const where = f.state ? `WHERE state = $${params.push(f.state)}` : '';
  params.push(f.limit);
  const rows = await q.query<Row>(`SELECT ${COLUMNS} FROM petitions ${where} ORDER BY collection_ends_on DESC, platform_id LIMIT $${params.length}`, params);
  return rows.map(fromRow);
}

/**
 * What the daily check looks at, in platform-id order after `after`: collections whose last day is
 * past, and petitions registered (or still to register) and not yet answered.
 */
export async function petitionsToCheck(q: Queryable, today: string, after: string, limit: number): Promise<string[]> {
  const rows = await q.query<{ platform_id: string }>(
    `SELECT platform_id FROM petitions
      WHERE platform_id > $2 AND ((state = 'collecting' AND collection_ends_on < $1) OR (state <> 'answered' AND state <> 'collecting'))
      ORDER BY platform_id LIMIT $3`,
    [today, after, limit],
  );
  return rows.map((r) => r.platform_id);
}
