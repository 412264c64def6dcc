/**
 * Citizens' appeals in the store (migration 005): the card whole as jsonb, the columns reports
 * filter on, the blocking keys repeat checks look up (003 §102) and every intake decision with
 * its basis. Fingerprints and keys are personal data (001 §2.2.13): never logged.
 */
import type {
  AppealAnswerBody, AppealCard, AppealIntake, AppealIntakeDecision, AppealRecord, AppealView,
} from '../schemas';
import type { ApplicantFingerprint, EarlierAppeal } from '../domain/appeals';
import type { Bind } from './counters';
import { Queryable } from './db';

export type AppealKind = AppealView['kind'];
export type CardSource = AppealView['cardSource'];

export interface NewAppeal {
  documentId: string;
  kind: AppealKind;
  cardSource: CardSource;
  /** The card with id = documentId and the registration index. */
  card: AppealCard;
  intake: AppealIntake;
  fingerprints: readonly ApplicantFingerprint[];
  stems: readonly string[];
  keys: readonly string[];
}

/**
 * The appeal row, its keys and its decisions, as parts of a statement (`bind` gives placeholders).
 * With `filedIndex` (SQL reading the registering statement's `filed` row: src/store/counters.ts
 * FiledPart) the registration index comes from there, into the column and the card alike; else
 * from the card.
 */
export function appealCtes(bind: Bind, a: NewAppeal, filedIndex?: string): string[] {
  const { card, intake } = a;
  const { decisions, ...rest } = intake;
  const id = `${bind(a.documentId)}::uuid`;
  const cardJson = `${bind(JSON.stringify(card))}::jsonb`;
  const values = [
    id, `${bind(a.kind)}::text`, `${bind(card.receivedOn)}::date`,
    filedIndex ?? `${bind(card.registrationIndex ?? null)}::text`,
    `${bind(card.channel)}::text`, `${bind(card.submission)}::text`, `${bind(card.type)}::text`, `${bind(intake.form)}::text`,
    `${bind(card.forwardedBy.body)}::text`, `${bind(intake.status)}::text`, `${bind(intake.recurrence)}::text`, `${bind(intake.mark)}::text`,
    `${bind(intake.linkedTo)}::uuid`, `${bind(intake.counted.citizens)}::integer`, `${bind([...card.topics])}::text[]`,
    `${bind(intake.priority)}::text`, `${bind(intake.routeTo)}::text`, `${bind(intake.status === 'forwarded' ? 'forwarded' : null)}::text`,
    `${bind(a.cardSource)}::text`,
    filedIndex ? `jsonb_set(${cardJson}, '{registrationIndex}', to_jsonb(${filedIndex}))` : cardJson,
    `${bind(JSON.stringify(rest))}::jsonb`, `${bind(JSON.stringify(a.fingerprints))}::jsonb`, `${bind([...a.stems])}::text[]`,
  ];
  return [
    `appeal AS (
       INSERT INTO appeals (document_id, kind, received_on, registration_index, channel, submission, type, form, forwarded_by,
         intake_status, recurrence, mark, linked_to, citizens, topics, priority, route_to, result, card_source, card, intake,
         fingerprints, stems)
       SELECT ${values.join(', ')}${filedIndex ? ' FROM filed' : ''}
       RETURNING document_id)`,
    `appeal_keys_kept AS (
       INSERT INTO appeal_keys (key, appeal_id) SELECT DISTINCT k, ${id} FROM unnest(${bind([...a.keys])}::text[]) AS k)`,
    `appeal_decisions_kept AS (
       INSERT INTO appeal_decisions (appeal_id, ordinal, decision, rule, basis, reason_uk, details)
       SELECT ${id}, d.ordinal, d.value->>'decision', d.value->>'rule', d.value->>'basis', d.value->>'reasonUk', d.value->'details'
         FROM jsonb_array_elements(${bind(JSON.stringify(decisions))}::jsonb) WITH ORDINALITY AS d (value, ordinal))`,
  ];
}

/**
 * Inserts the appeal row, its keys and its decisions in one statement (it runs in the registering
 * transaction while the journal's number is locked, so round trips count).
 */
export async function insertAppeal(q: Queryable, a: NewAppeal): Promise<void> {
  const params: unknown[] = [];
  const ctes = appealCtes((v) => `$${params.push(v)}`, a);
  await q.query(`WITH ${ctes.join(', ')} SELECT document_id FROM appeal`, params);
}

interface EarlierRow {
  document_id: string;
  registration_index: string | null;
  received_on: string;
  form: EarlierAppeal['form'];
  fingerprints: ApplicantFingerprint[];
  topics: string[];
  stems: string[];
  answered_on_merits: boolean;
  answered_on: string | null;
  forwarded_by: EarlierAppeal['forwardedBy'];
  key: string;
}

/**
 * The earlier appeals filed under any of the keys, with the key each was found under. One index
 * scan of appeal_keys per key: a key is a person or a household, so the answer stays small however
 * many years are on file.
 */
export async function findEarlierByKeys(q: Queryable, keys: readonly string[]): Promise<Array<{ key: string; appeal: EarlierAppeal }>> {
  if (!keys.length) return [];
  const rows = await q.query<EarlierRow>(
    `SELECT k.key, a.document_id, a.registration_index, a.received_on, a.form, a.fingerprints, a.topics, a.stems,
            a.answered_on_merits, a.answered_on, a.forwarded_by
       FROM appeal_keys k JOIN appeals a ON a.document_id = k.appeal_id
      WHERE k.key = ANY($1::text[])`,
    [[...keys]],
    // Every appeal asks it before it registers: parsed and planned once per connection.
    'dilovod_find_earlier_appeals',
  );
  const byId = new Map<string, EarlierAppeal>();
  return rows.map((r) => {
    let appeal = byId.get(r.document_id);
    if (!appeal) {
      appeal = {
        id: r.document_id,
        ...(r.registration_index ? { registrationIndex: r.registration_index } : {}),
        receivedOn: r.received_on,
        form: r.form,
        applicants: r.fingerprints,
        topics: r.topics,
        stems: r.stems,
        answeredOnMerits: r.answered_on_merits,
        answeredOn: r.answered_on,
        forwardedBy: r.forwarded_by,
      };
      byId.set(r.document_id, appeal);
    }
    return { key: r.key, appeal };
  });
}

export interface StoredAppeal {
  documentId: string;
  kind: AppealKind;
  cardSource: CardSource;
  card: AppealCard;
  intake: AppealIntake;
  result: AppealRecord['result'];
  answeredOn: string | null;
  answeredOnMerits: boolean;
  answer: AppealAnswerBody | null;
  answerRecordedAt: string | null;
}

interface AppealRow {
  document_id: string;
  kind: AppealKind;
  card_source: CardSource;
  card: AppealCard;
  intake: Omit<AppealIntake, 'decisions'>;
  result: AppealRecord['result'];
  answered_on: string | null;
  answered_on_merits: boolean;
  answer: { body: AppealAnswerBody; recordedAt: string } | null;
}

/** One appeal with its decisions; `lock` holds the row for the caller's transaction. */
export async function getAppeal(q: Queryable, documentId: string, opts: { lock?: boolean } = {}): Promise<StoredAppeal | undefined> {
  const [row] = await q.query<AppealRow>(
    `SELECT document_id, kind, card_source, card, intake, result, answered_on, answered_on_merits, answer
       FROM appeals WHERE document_id = $1${opts.lock ? ' FOR UPDATE' : ''}`,
    [documentId],
  );
  if (!row) return undefined;
  const decisions = await q.query<{ decision: AppealIntakeDecision['decision']; rule: AppealIntakeDecision['rule']; basis: string; reason_uk: string; details: Record<string, unknown> | null }>(
    'SELECT decision, rule, basis, reason_uk, details FROM appeal_decisions WHERE appeal_id = $1 ORDER BY ordinal',
    [documentId],
  );
  return {
    documentId: row.document_id,
    kind: row.kind,
    cardSource: row.card_source,
    card: row.card,
    intake: {
      ...row.intake,
      decisions: decisions.map((d) => ({ decision: d.decision, rule: d.rule, basis: d.basis, reasonUk: d.reason_uk, ...(d.details ? { details: d.details } : {}) })),
    },
    result: row.result,
    answeredOn: row.answered_on,
    answeredOnMerits: row.answered_on_merits,
    answer: row.answer?.body ?? null,
    answerRecordedAt: row.answer?.recordedAt ?? null,
  };
}

/** Records the answer (the latest one stands; the control log keeps the earlier ones). */
export async function setAnswer(q: Queryable, documentId: string, body: AppealAnswerBody, onMerits: boolean, recordedAt: Date): Promise<void> {
  await q.query(
    `UPDATE appeals SET result = $2, answered_on = $3, answered_on_merits = $4, answer = $5, updated_at = $6 WHERE document_id = $1`,
    [documentId, body.result, body.answeredOn ?? null, onMerits, JSON.stringify({ body, recordedAt: recordedAt.toISOString() }), recordedAt],
  );
}

export interface RecordQuery {
  /** Inclusive Kyiv dates of receipt. */
  from?: string;
  to?: string;
  kinds: readonly AppealKind[];
}

/** The records reports and open data are built from, in order of receipt. */
export async function appealRecords(q: Queryable, f: RecordQuery): Promise<AppealRecord[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  where.push(`kind = ANY($${params.push([...f.kinds])}::text[])`);
  if (f.from) where.push(`received_on >= $${params.push(f.from)}`);
  if (f.to) where.push(`received_on <= $${params.push(f.to)}`);
  const rows = await q.query<{
    card: AppealCard; form: AppealCard['form']; recurrence: AppealRecord['recurrence']; intake_status: AppealRecord['status'];
    linked_to: string | null; result: AppealRecord['result']; answered_on: string | null; answered_on_merits: boolean;
  }>(
    `SELECT card, form, recurrence, intake_status, linked_to, result, answered_on, answered_on_merits
       FROM appeals WHERE ${where.join(' AND ')} ORDER BY received_on, document_id`,
    params,
  );
  // The same record appealRecord() makes: the card counted under intake's form.
  return rows.map((r) => ({
    card: r.form === r.card.form ? r.card : { ...r.card, form: r.form },
    registered: true,
    recurrence: r.recurrence,
    status: r.intake_status,
    linkedTo: r.linked_to,
    result: r.result,
    answeredOn: r.answered_on,
    answeredOnMerits: r.answered_on_merits,
  }));
}
