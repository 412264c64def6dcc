/**
 * The figures of the department's morning page (issue 15, «Сьогодні»): what is overdue, what is
 * due within 3 working days (003 §117), what was registered today by journal, what waits in
 * quarantine; and the cards behind each figure of executive discipline. Counts only: the lists
 * themselves are the API's (GET /api/v1/control, /documents, /quarantine).
 */
import { addWorkingDays, type WorkingDayCalendar } from '../domain/calendar';
import { addDays, kyivDayStart } from '../domain/clock';
import type { ControlCard } from '../schemas';
import type { Queryable } from '../store';

/** 003 §117: the reminder goes 3 working days before the term. */
export const DUE_SOON_WORKING_DAYS = 3;

export interface TodayFigures {
  today: string;
  /** The last term counted as due soon: 3 working days after today. */
  dueSoonUntil: string;
  overdue: number;
  dueSoon: number;
  registeredToday: Array<{ journal: string; count: number }>;
  /** Null when the caller may not see the quarantine. */
  quarantineOpen: number | null;
}

export async function todayFigures(
  q: Queryable,
  opts: { today: string; calendar: WorkingDayCalendar; executor?: string; documents: boolean; quarantine: boolean },
): Promise<TodayFigures> {
  const dueSoonUntil = addWorkingDays(opts.calendar, opts.today, DUE_SOON_WORKING_DAYS);
  const params: unknown[] = [opts.today, dueSoonUntil];
  const mine = opts.executor ? `AND responsible = $${params.push(opts.executor)}` : '';
  const [control] = await q.query<{ overdue: number; due_soon: number }>(
    `SELECT count(*) FILTER (WHERE term < $1)::int AS overdue,
            count(*) FILTER (WHERE term >= $1 AND term <= $2)::int AS due_soon
       FROM control_cards WHERE status = 'under-control' AND term <= $2 ${mine}`,
    params,
  );
  const registeredToday = opts.documents
    ? await q.query<{ journal: string; count: number }>(
      `SELECT reg_journal AS journal, count(*)::int AS count FROM documents
        WHERE received_at >= $1 AND received_at < $2 AND reg_journal IS NOT NULL
        GROUP BY reg_journal ORDER BY reg_journal`,
      [kyivDayStart(opts.today), kyivDayStart(addDays(opts.today, 1))],
    )
    : [];
  const quarantineOpen = opts.quarantine
    ? (await q.query<{ n: number }>("SELECT count(*)::int AS n FROM quarantine WHERE status = 'open'"))[0]!.n
    : null;
  return { today: opts.today, dueSoonUntil, overdue: control?.overdue ?? 0, dueSoon: control?.due_soon ?? 0, registeredToday, quarantineOpen };
}

export const DISCIPLINE_OUTCOMES = ['on-time', 'late', 'overdue', 'open'] as const;
export type DisciplineOutcome = (typeof DISCIPLINE_OUTCOMES)[number];

/** The same conditions as the discipline report's counts (src/store/control.ts, discipline). */
const OUTCOME_SQL: Record<DisciplineOutcome, string> = {
  'on-time': 'c.executed_on IS NOT NULL AND c.executed_on <= c.term',
  late: 'c.executed_on IS NOT NULL AND c.executed_on > c.term',
  overdue: "c.status = 'under-control' AND c.term < $4",
  open: "c.status = 'under-control' AND c.term >= $4",
};

export type ListedCard = ControlCard & { documentIndex: string | null; documentSummary: string };

/**
 * The cards behind one figure of the discipline report: one executor — or, with executor null, the
 * cards of the sender's control no resolution has given one yet — terms in [from, to], one outcome.
 */
export async function disciplineCards(
  q: Queryable,
  f: { executor: string | null; from: string; to: string; today: string; outcome: DisciplineOutcome; limit: number },
): Promise<ListedCard[]> {
  // `=` for an executor keeps the responsible index usable; IS NULL is the unassigned row ($1, null, still named: PostgreSQL types every parameter given).
  const who = f.executor === null ? 'c.responsible IS NULL AND $1::text IS NULL' : 'c.responsible = $1';
  const rows = await q.query<{ card: ControlCard; reg_index: string | null; summary: string }>(
    `SELECT c.card, d.reg_index, d.summary FROM control_cards c JOIN documents d ON d.id = c.document_id
      WHERE ${who} AND c.term BETWEEN $2 AND $3 AND ${OUTCOME_SQL[f.outcome]}
      ORDER BY c.term, c.id LIMIT $5`,
    [f.executor, f.from, f.to, f.today, f.limit],
  );
  return rows.map((r) => ({ ...r.card, version: r.card.version ?? 1, documentIndex: r.reg_index, documentSummary: r.summary }));
}
