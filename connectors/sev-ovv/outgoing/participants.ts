import { readDirectoryFile } from '../../../src/directory-file';
import { violations, type SevOvvParticipant, type SevOvvParticipantDirectory } from '../../../src/schemas';
import type { Queryable } from '../../../src/store';
import { outgoingError } from './errors';

/** CSV headers a clerk may write, in English or Ukrainian, → the schema's properties. */
const CSV_COLUMNS: Record<string, keyof SevOvvParticipant> = {
  edrpou: 'edrpou', 'єдрпоу': 'edrpou', 'код': 'edrpou', org_id: 'edrpou',
  sysid: 'sysId', sys_id: 'sysId', 'ідентифікатор системи': 'sysId', 'система': 'sysId',
  name: 'name', 'назва': 'name', 'найменування': 'name',
};

/**
 * The participants file: CSV (`edrpou,sysId,name`, `,` or `;`, the headers in English or Ukrainian)
 * or JSON (`{ participants: [...] }` or the bare array), checked against
 * schemas/sev-ovv-participant-directory.schema.json; a ЄДРПОУ twice is refused.
 */
export function readParticipantsFile(file: string): SevOvvParticipant[] {
  const read = readDirectoryFile(file, CSV_COLUMNS);
  const data = 'rows' in read ? { participants: read.rows } : Array.isArray(read.json) ? { participants: read.json } : read.json;
  return parseParticipants(data);
}

export function parseParticipants(data: unknown): SevOvvParticipant[] {
  const found = violations('sev-ovv-participant-directory.schema.json', data);
  if (found.length) throw outgoingError('SEV_OVV_PARTICIPANTS_FILE_INVALID', { violations: found });
  const list = (data as SevOvvParticipantDirectory).participants;
  const seen = new Set<string>();
  const twice = list.filter((p) => seen.has(p.edrpou) || !seen.add(p.edrpou)).map((p) => p.edrpou);
  if (twice.length) {
    throw outgoingError('SEV_OVV_PARTICIPANTS_FILE_INVALID', {
      violations: twice.map((edrpou) => ({ path: '/participants', message: `${edrpou} appears twice`, messageUk: `${edrpou} трапляється двічі` })),
    });
  }
  return list;
}

/** Adds each participant or updates it by its ЄДРПОУ; one not in the file stays (the exchange's list only grows). */
export async function importParticipants(q: Queryable, list: SevOvvParticipant[], at: Date): Promise<{ added: number; updated: number }> {
  const rows = await q.query<{ inserted: boolean }>(
    `INSERT INTO sev_ovv_participants (edrpou, sys_id, name, updated_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) AS p (edrpou, sys_id, name), (SELECT $4::timestamptz) AS t (at)
     ON CONFLICT (edrpou) DO UPDATE SET sys_id = EXCLUDED.sys_id, name = EXCLUDED.name, updated_at = EXCLUDED.updated_at
     RETURNING (xmax = 0) AS inserted`,
    [list.map((p) => p.edrpou), list.map((p) => p.sysId), list.map((p) => p.name), at],
  );
  const added = rows.filter((r) => r.inserted).length;
  return { added, updated: rows.length - added };
}

type Row = { edrpou: string; sys_id: string; name: string };
const toParticipant = (r: Row): SevOvvParticipant => ({ edrpou: r.edrpou, sysId: r.sys_id, name: r.name });

export async function listParticipants(q: Queryable): Promise<SevOvvParticipant[]> {
  return (await q.query<Row>('SELECT edrpou, sys_id, name FROM sev_ovv_participants ORDER BY name, edrpou')).map(toParticipant);
}

/**
 * The participants of these codes, in the order asked; a code not in the directory is refused
 * before anything is registered (issue 18: an addressee who is not a participant cannot be sent to).
 */
export async function requireParticipants(q: Queryable, edrpous: string[]): Promise<SevOvvParticipant[]> {
  const rows = await q.query<Row>('SELECT edrpou, sys_id, name FROM sev_ovv_participants WHERE edrpou = ANY($1::text[])', [edrpous]);
  const byCode = new Map(rows.map((r) => [r.edrpou, toParticipant(r)]));
  const unknown = edrpous.filter((e) => !byCode.has(e));
  if (unknown.length) throw outgoingError('SEV_OVV_UNKNOWN_ADDRESSEE', { unknown });
  return edrpous.map((e) => byCode.get(e) as SevOvvParticipant);
}
