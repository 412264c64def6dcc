/**
 * Every time the hub shows a citizen's personal data, it records who saw which record, when, how
 * they were signed in and from where (Law «Про захист персональних даних», art. 10: processing
 * only for its purpose; art. 14: a record of who had access). The auditor queries it; nobody can
 * change it (the table refuses UPDATE, DELETE, TRUNCATE like the control log).
 */
import type { Queryable } from '../store';
import type { Principal } from './principal';

export type PersonalRecordKind = 'document' | 'attachment' | 'appeal' | 'info-request' | 'petition' | 'quarantine';

export interface PersonalRecordRef {
  kind: PersonalRecordKind;
  id: string;
}

export interface PersonalDataRead {
  seq: number;
  at: string;
  principal: string;
  via: string | null;
  method: string;
  clientAddress: string | null;
  recordKind: PersonalRecordKind;
  recordId: string;
  route: string;
}

/** One row per record shown, in one statement (a journal page may show hundreds). */
export async function recordPersonalDataReads(q: Queryable, who: Principal, route: string, records: PersonalRecordRef[], at: Date): Promise<void> {
  if (!records.length) return;
  await q.query(
    `INSERT INTO personal_data_reads (at, principal, via, method, client_address, record_kind, record_id, route)
     SELECT $1, $2, $3, $4, $5, k, i, $8 FROM unnest($6::text[], $7::text[]) AS r(k, i)`,
    [at, who.id, who.via?.tokenId ?? null, who.method, who.clientAddress ?? null, records.map((r) => r.kind), records.map((r) => r.id), route],
  );
}

export interface PersonalDataReadQuery {
  principal?: string;
  recordId?: string;
  from?: Date;
  before?: Date;
  afterSeq?: number;
  limit: number;
}

export async function queryPersonalDataReads(q: Queryable, f: PersonalDataReadQuery): Promise<PersonalDataRead[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.principal) where.push(`principal = $${params.push(f.principal)}`);
  if (f.recordId) where.push(`record_id = $${params.push(f.recordId)}`);
  if (f.from) where.push(`at >= $${params.push(f.from)}`);
  if (f.before) where.push(`at < $${params.push(f.before)}`);
  if (f.afterSeq !== undefined) where.push(`seq > $${params.push(f.afterSeq)}`);
  params.push(f.limit);
  const rows = await q.query<{
    seq: number; at: Date; principal: string; via: string | null; method: string; client_address: string | null;
    record_kind: PersonalRecordKind; record_id: string; route: string;
  }>(`SELECT * FROM personal_data_reads ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY seq LIMIT $${params.length}`, params);
  return rows.map((r) => ({
    seq: r.seq, at: r.at.toISOString(), principal: r.principal, via: r.via, method: r.method, clientAddress: r.client_address,
    recordKind: r.record_kind, recordId: r.record_id, route: r.route,
  }));
}
