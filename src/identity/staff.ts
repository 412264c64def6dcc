/**
 * The staff directory: people and positions, and who stands in for whom on which days. Executors,
 * controllers and authors of resolutions are staff ids checked here; `standingInFor` is accepted
 * only when the directory says so for that day (003 §118, §174, §196).
 */
import { readDirectoryFile } from '../directory-file';
import { violations, type StaffDirectory, type StaffMember } from '../schemas';
import type { Queryable } from '../store';
import { identityError } from './errors';

interface StaffRow {
  id: string;
  full_name: string;
  position: string;
  subdivision: string | null;
  roles: string[];
  active: boolean;
}

interface StandInRow {
  deputy_id: string;
  principal_id: string;
  from_date: string;
  to_date: string | null;
  basis: string | null;
}

/** CSV columns, English or as a Ukrainian spreadsheet names them. */
const CSV_COLUMNS: Record<string, string> = {
  id: 'id', 'ідентифікатор': 'id', 'логін': 'id',
  fullname: 'fullName', 'піб': 'fullName', "прізвище, ім'я, по батькові": 'fullName',
  position: 'position', 'посада': 'position',
  subdivision: 'subdivision', 'підрозділ': 'subdivision',
  roles: 'roles', 'ролі': 'roles',
  active: 'active', 'активний': 'active',
  standsinfor: 'standsInFor', 'заміщує': 'standsInFor',
  from: 'from', 'з': 'from',
  to: 'to', 'по': 'to',
  basis: 'basis', 'підстава': 'basis',
};

/**
 * Reads a directory from JSON ({ staff: [...] } or a bare array) or CSV (`;` or `,`, BOM) with
 * one row a person, or a row per stand-in of the same person. Checked against the schema and for
 * stand-ins that name nobody in the file or the directory to come.
 */
export function readStaffFile(file: string): StaffDirectory {
  const read = readDirectoryFile(file, CSV_COLUMNS);
  let data: unknown;
  if ('rows' in read) {
    const byId = new Map<string, Record<string, unknown>>();
    for (const r of read.rows) {
      const person = byId.get(r.id ?? '') ?? { id: r.id, fullName: r.fullName, position: r.position };
      if (r.subdivision) person.subdivision = r.subdivision;
      if (r.roles) person.roles = r.roles.split(/[\s|,]+/).filter(Boolean);
      if (r.active) person.active = !/^(false|ні|0|no)$/i.test(r.active);
      if (r.standsInFor) {
        const list = (person.standsInFor as unknown[] | undefined) ?? [];
        list.push({ staffId: r.standsInFor, from: r.from, ...(r.to ? { to: r.to } : {}), ...(r.basis ? { basis: r.basis } : {}) });
        person.standsInFor = list;
      }
      byId.set(String(r.id ?? ''), person);
    }
    data = { staff: [...byId.values()] };
  } else {
    data = Array.isArray(read.json) ? { staff: read.json } : read.json;
  }
  return parseStaffDirectory(data);
}

export function parseStaffDirectory(data: unknown): StaffDirectory {
  const found = violations('staff-directory.schema.json', data);
  if (found.length) throw identityError('STAFF_FILE_INVALID', { violations: found });
  const dir = data as StaffDirectory;
  const seen = new Set<string>();
  // Each problem in English and Ukrainian (the clerk who imports the file reads problemsUk).
  const problems: string[] = [];
  const problemsUk: string[] = [];
  for (const p of dir.staff) {
    if (seen.has(p.id)) {
      problems.push(`${p.id}: appears twice`);
      problemsUk.push(`${p.id}: трапляється двічі`);
    }
    seen.add(p.id);
    for (const s of p.standsInFor ?? []) {
      if (s.staffId === p.id) {
        problems.push(`${p.id}: stands in for themselves`);
        problemsUk.push(`${p.id}: заміщує сам себе`);
      }
      if (s.to && s.to < s.from) {
        problems.push(`${p.id}: stand-in for ${s.staffId} ends before it starts`);
        problemsUk.push(`${p.id}: заміщення ${s.staffId} закінчується раніше, ніж починається`);
      }
    }
  }
  if (problems.length) throw identityError('STAFF_FILE_INVALID', { problems, problemsUk });
  return dir;
}

/** Adds or updates the people given; each one's stand-ins are replaced by those given. */
export async function importStaff(q: Queryable, dir: StaffDirectory, now: Date): Promise<{ added: number; updated: number }> {
  let added = 0;
  for (const p of dir.staff) {
    const rows = await q.query<{ inserted: boolean }>(
      `INSERT INTO staff (id, full_name, position, subdivision, roles, active, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO UPDATE SET full_name = $2, position = $3, subdivision = $4, roles = $5, active = $6, updated_at = $7
       RETURNING (xmax = 0) AS inserted`,
      [p.id, p.fullName, p.position, p.subdivision ?? null, p.roles ?? [], p.active ?? true, now],
    );
    if (rows[0]?.inserted) added++;
  }
  const known = new Set((await q.query<{ id: string }>('SELECT id FROM staff WHERE id = ANY($1)', [dir.staff.flatMap((p) => (p.standsInFor ?? []).map((s) => s.staffId))])).map((r) => r.id));
  const unknown = dir.staff.flatMap((p) => (p.standsInFor ?? []).filter((s) => !known.has(s.staffId)).map((s) => ({ deputy: p.id, principal: s.staffId })));
  if (unknown.length) {
    throw identityError('STAFF_FILE_INVALID', {
      problems: unknown.map((u) => `${u.deputy}: stands in for ${u.principal}, who is not in the directory`),
      problemsUk: unknown.map((u) => `${u.deputy}: заміщує ${u.principal}, якого немає в довіднику`),
    });
  }
  for (const p of dir.staff) {
    await q.query('DELETE FROM staff_stand_ins WHERE deputy_id = $1', [p.id]);
    for (const s of p.standsInFor ?? []) {
      await q.query(
        'INSERT INTO staff_stand_ins (deputy_id, principal_id, from_date, to_date, basis) VALUES ($1, $2, $3, $4, $5)',
        [p.id, s.staffId, s.from, s.to ?? null, s.basis ?? null],
      );
    }
  }
  return { added, updated: dir.staff.length - added };
}

function toMember(r: StaffRow, standIns: StandInRow[]): StaffMember {
  const mine = standIns.filter((s) => s.deputy_id === r.id);
  return {
    id: r.id, fullName: r.full_name, position: r.position, ...(r.subdivision ? { subdivision: r.subdivision } : {}),
    roles: r.roles as StaffMember['roles'], active: r.active,
    ...(mine.length
      ? { standsInFor: mine.map((s) => ({ staffId: s.principal_id, from: s.from_date, ...(s.to_date ? { to: s.to_date } : {}), ...(s.basis ? { basis: s.basis } : {}) })) }
      : {}),
  };
}

export async function listStaff(q: Queryable): Promise<StaffMember[]> {
  const rows = await q.query<StaffRow>('SELECT * FROM staff ORDER BY id');
  const standIns = await q.query<StandInRow>('SELECT * FROM staff_stand_ins ORDER BY from_date');
  return rows.map((r) => toMember(r, standIns));
}

/** The person alone, without stand-ins: what signing in needs on every request (one indexed row). */
export async function getPerson(q: Queryable, id: string): Promise<Pick<StaffMember, 'id' | 'fullName' | 'roles' | 'active'> | undefined> {
  const [row] = await q.query<StaffRow>('SELECT * FROM staff WHERE id = $1', [id]);
  return row ? { id: row.id, fullName: row.full_name, roles: row.roles as StaffMember['roles'], active: row.active } : undefined;
}

export async function getStaff(q: Queryable, id: string): Promise<StaffMember | undefined> {
  const [row] = await q.query<StaffRow>('SELECT * FROM staff WHERE id = $1', [id]);
  if (!row) return undefined;
  return toMember(row, await q.query<StandInRow>('SELECT * FROM staff_stand_ins WHERE deputy_id = $1 ORDER BY from_date', [id]));
}

/** Throws STAFF_UNKNOWN (422) naming every id that is not an active person of the directory. */
export async function requireStaff(q: Queryable, ids: Record<string, string | string[] | undefined>): Promise<void> {
  const wanted = [...new Set(Object.values(ids).flatMap((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])))];
  if (!wanted.length) return;
  const found = new Set((await q.query<{ id: string }>('SELECT id FROM staff WHERE id = ANY($1) AND active', [wanted])).map((r) => r.id));
  const unknown = Object.entries(ids).flatMap(([field, v]) =>
    (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((id) => !found.has(id)).map((id) => ({ field, staffId: id })));
  if (unknown.length) throw identityError('STAFF_UNKNOWN', { unknown });
}

/** Does the directory say `deputy` stands in for `principal` on `day` (Kyiv date)? */
export async function standsInFor(q: Queryable, deputy: string, principal: string, day: string): Promise<boolean> {
  const rows = await q.query(
    `SELECT 1 FROM staff_stand_ins WHERE deputy_id = $1 AND principal_id = $2 AND from_date <= $3 AND (to_date IS NULL OR to_date >= $3) LIMIT 1`,
    [deputy, principal, day],
  );
  return rows.length > 0;
}

/** Throws NOT_A_STAND_IN (403) unless the directory names `deputy` as standing in for `principal` that day. */
export async function requireStandIn(q: Queryable, deputy: string, principal: string, day: string): Promise<void> {
  if (!(await standsInFor(q, deputy, principal, day))) throw identityError('NOT_A_STAND_IN', { staffId: deputy, standingInFor: principal, on: day });
}
