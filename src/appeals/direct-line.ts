/**
 * The «Пряма лінія» (003 §87-91): calls answered orally on the spot get no registration card, yet
 * the department counts them (seed 000 line 25: «прийнято 567 телефонних звернень …, на 184
 * звернення заведено … картки …, на решту надано усні роз’яснення»; 003 §89 «облік телефонних
 * звернень», §91 «узагальнює результати»). A call that needs a card is registered as an appeal
 * (source direct-line) and is counted as one; this is the other kind: who took it, when, and the
 * classifier codes of its questions if noted (003 §89). No applicant is kept — no name, phone or
 * text (Law «Про захист персональних даних» art. 6) — so there is nothing to mask.
 */
import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit';
import { DEFAULT_CLASSIFIER, isKnownTopic, type AppealClassifier } from '../domain/appeals';
import { kyivDate, type Clock } from '../domain/clock';
import { errorFamily } from '../errors';
import { auditActor, type Principal } from '../identity';
import { violations, type DirectLineCall, type DirectLineCallBody, type SchemaViolation } from '../schemas';
import type { Db, Queryable } from '../store';

/** What the control log and the report cite for a call answered orally. */
export const DIRECT_LINE_BASIS = '003 §87-91 («Пряма лінія»: облік телефонних звернень і узагальнення результатів); звіт 000: дзвінки, на які надано усні роз’яснення без реєстраційно-контрольної картки';

export const directLineError = errorFamily<'DIRECT_LINE_CALL_INVALID'>({
  DIRECT_LINE_CALL_INVALID: {
    status: 400,
    message: 'The call does not match schemas/direct-line-call.schema.json, names a topic not in the appeals classifier, or is dated in the future',
    messageUk: 'Дзвінок на «Пряму лінію» (003 §87-91) не відповідає схемі direct-line-call, містить код питання, якого немає в класифікаторі звернень, або датований майбутнім часом',
  },
});

interface Row {
  id: string;
  called_at: Date;
  received_on: string;
  topics: string[];
  taken_by: string;
  recorded_at: Date;
}

const fromRow = (r: Row): DirectLineCall => ({
  id: r.id, calledAt: r.called_at.toISOString(), receivedOn: r.received_on, topics: r.topics, takenBy: r.taken_by, recordedAt: r.recorded_at.toISOString(),
});

/** Checks a call: its schema, its codes against the classifier, not in the future. Throws DIRECT_LINE_CALL_INVALID. */
export function checkDirectLineCall(raw: unknown, now: Date, classifier: AppealClassifier = DEFAULT_CLASSIFIER): DirectLineCallBody {
  const found: SchemaViolation[] = violations('direct-line-call.schema.json', raw ?? {});
  if (!found.length) {
    const body = (raw ?? {}) as DirectLineCallBody;
    (body.topics ?? []).forEach((code, i) => {
      if (!isKnownTopic(classifier, code)) found.push({ path: `/topics/${i}`, message: `${code} is not in the appeals classifier`, messageUk: `${code} немає в класифікаторі звернень` });
    });
    if (body.calledAt && Date.parse(body.calledAt) > now.getTime()) {
      found.push({ path: '/calledAt', message: 'must not be in the future', messageUk: 'не може бути в майбутньому' });
    }
  }
  if (found.length) throw directLineError('DIRECT_LINE_CALL_INVALID', { basis: '003 §87-91', violations: found });
  return (raw ?? {}) as DirectLineCallBody;
}

/** Records one call answered orally, with its control-log entry (no personal data in either). */
export async function recordDirectLineCall(db: Db, clock: Clock, raw: unknown, by: Principal, classifier?: AppealClassifier): Promise<DirectLineCall> {
  const now = clock.now();
  const body = checkDirectLineCall(raw, now, classifier);
  const calledAt = body.calledAt ? new Date(body.calledAt) : now;
  const topics = [...new Set(body.topics ?? [])];
  const actor = auditActor(by);
  return db.tx(async (q) => {
    const [row] = await q.query<Row>(
      `INSERT INTO direct_line_calls (id, called_at, received_on, topics, taken_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id, called_at, received_on::text AS received_on, topics, taken_by, recorded_at`,
      [randomUUID(), calledAt, kyivDate(calledAt), topics, actor.actor, now],
    );
    const call = fromRow(row!);
    await appendAudit(q, {
      at: now.toISOString(), ...actor, action: 'direct-line.call-answered-orally', documentId: null, before: null,
      after: { id: call.id, receivedOn: call.receivedOn, topics: call.topics, basis: DIRECT_LINE_BASIS }, reason: null,
    });
    return call;
  });
}

/** Calls answered orally taken in [from, to] (Kyiv dates, inclusive; absent = open), in the order taken. */
export async function directLineCalls(q: Queryable, period: { from?: string; to?: string } = {}): Promise<DirectLineCall[]> {
  const rows = await q.query<Row>(
    `SELECT id, called_at, received_on::text AS received_on, topics, taken_by, recorded_at FROM direct_line_calls
      WHERE ($1::date IS NULL OR received_on >= $1::date) AND ($2::date IS NULL OR received_on <= $2::date)
      ORDER BY called_at, id`,
    [period.from ?? null, period.to ?? null],
  );
  return rows.map(fromRow);
}

/** The calls in [from, to] counted by Kyiv date: all the report needs of them. */
export async function directLineCallsByDay(q: Queryable, from: string, to: string): Promise<Array<{ receivedOn: string; count: number }>> {
  const rows = await q.query<{ received_on: string; n: number }>(
    `SELECT received_on::text AS received_on, count(*)::int AS n FROM direct_line_calls WHERE received_on BETWEEN $1::date AND $2::date GROUP BY received_on`,
    [from, to],
  );
  return rows.map((r) => ({ receivedOn: r.received_on, count: r.n }));
}
