/**
 * Appeals over the store, for the HTTP door: the card with intake's decisions (masked by role),
 * the answer (003 §132: a refusal with the law, the motives and how to appeal), the department's
 * report (seeds 000, 002) and the open data sets (001 §2.2.11), all from stored records.
 */
import { appendAudit } from '../audit';
import type { AuditActor } from '../domain/audit';
import { auditActor, type Principal } from '../identity';
import {
  buildAppealReport, DEFAULT_CLASSIFIER, openAppealRows, openPetitionRows,
  type AppealClassifier, type AppealReport, type OpenAppealRow, type OpenPetitionRow,
} from '../domain/appeals';
import { kyivDate, type Clock } from '../domain/clock';
import type { Logger } from '../log';
import { violations, type AppealAnswerBody, type AppealView, type ControlCard, type DocumentCard, type ExecutionBody } from '../schemas';
import { documents, outbox, type Db, type Queryable } from '../store';
import { appealRecords, getAppeal, setAnswer, type AppealKind, type StoredAppeal } from '../store/appeals';
import { directLineCallsByDay } from './direct-line';
import { appealError } from './errors';
import { maskAppealView, maySeePersonalData } from './privacy';

export interface AppealServiceDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  classifier?: AppealClassifier;
  onEventsCommitted?: () => void;
}

/** What the department's report and the open data count: appeals, not information requests (Law 2939-VI). */
export const REPORTED_KINDS: readonly AppealKind[] = ['citizen-appeal', 'hotline-card', 'e-petition'];

/** Considered on the merits unless forwarded or still under control (003 §99). */
const ON_MERITS_RESULTS = new Set<AppealAnswerBody['result']>(['resolved-positively', 'explained', 'refused']);

function viewOf(a: StoredAppeal): AppealView {
  return {
    documentId: a.documentId, kind: a.kind, cardSource: a.cardSource, personalData: 'shown', card: a.card, intake: a.intake,
    result: a.result, answeredOn: a.answeredOn, answer: a.answer, answerRecordedAt: a.answerRecordedAt,
  };
}

export class AppealService {
  private readonly classifier: AppealClassifier;

  constructor(private readonly deps: AppealServiceDeps) {
    this.classifier = deps.classifier ?? DEFAULT_CLASSIFIER;
  }

  /** The card and intake's decisions; personal data only for a caller granted it. */
  async view(documentId: string, viewer: Principal | undefined): Promise<AppealView> {
    const stored = await getAppeal(this.deps.db, documentId);
    if (!stored) throw appealError('APPEAL_NOT_FOUND', { documentId });
    const view = viewOf(stored);
    return maySeePersonalData(viewer) ? view : maskAppealView(view);
  }

  /** Records the result of consideration, logs it and announces `appeal.answered`. */
  async answer(documentId: string, raw: unknown, by: Principal): Promise<AppealView> {
    const found = violations('appeal-answer.schema.json', raw);
    if (found.length) throw appealError('APPEAL_ANSWER_INVALID', { violations: found });
    const view = await this.deps.db.tx(async (q) => {
      await recordAppealAnswer(q, documentId, raw as AppealAnswerBody, auditActor(by), this.deps.clock.now());
      return viewOf((await getAppeal(q, documentId))!);
    });
    this.deps.onEventsCommitted?.();
    this.deps.log.info({ documentId, result: view.result }, 'appeal answer recorded');
    return maySeePersonalData(by) ? view : maskAppealView(view);
  }

  /** The department's report over the appeals received in [from, to] (Kyiv dates). */
  async report(from: string, to: string): Promise<AppealReport> {
    const records = await appealRecords(this.deps.db, { from, to, kinds: REPORTED_KINDS });
    // Calls on the «Пряма лінія» answered orally, without a card (003 §87-91; 000 line 25).
    const directLineCalls = await directLineCallsByDay(this.deps.db, from, to);
    return buildAppealReport(records, { from, to, classifier: this.classifier, directLineCalls });
  }

  async openAppeals(from?: string, to?: string): Promise<OpenAppealRow[]> {
    const records = await appealRecords(this.deps.db, { from, to, kinds: REPORTED_KINDS });
    return openAppealRows(records, { from, to, classifier: this.classifier });
  }

  async openPetitions(from?: string, to?: string): Promise<OpenPetitionRow[]> {
    const records = await appealRecords(this.deps.db, { from, to, kinds: REPORTED_KINDS });
    return openPetitionRows(records, { from, to, classifier: this.classifier });
  }
}

/**
 * The answer inside a caller's transaction (the HTTP door, or the execution of a control card that
 * carries the result): checks it (003 §132 refusal, §107 forwarding), keeps it, writes the control
 * log entry and the `appeal.answered` event. Throws APPEAL_NOT_FOUND when the document has no appeal.
 */
export async function recordAppealAnswer(q: Queryable, documentId: string, given: AppealAnswerBody, by: AuditActor, now: Date): Promise<void> {
  const body = { ...given };
  if (body.result === 'refused' && !body.refusal) throw appealError('APPEAL_REFUSAL_INCOMPLETE', { basis: '003 §132', missing: 'refusal' });
  if (body.result === 'forwarded' && !body.forwardedTo) throw appealError('APPEAL_FORWARD_BODY_MISSING', { basis: '003 §107', missing: 'forwardedTo' });
  body.answeredOn ??= kyivDate(now);
  const onMerits = body.onMerits ?? ON_MERITS_RESULTS.has(body.result);
  body.onMerits = onMerits;
  const before = await getAppeal(q, documentId, { lock: true });
  const doc = before ? await documents.getCard(q, documentId) : undefined;
  if (!before || !doc) throw appealError('APPEAL_NOT_FOUND', { documentId });
  if (before.intake.status === 'not-considered') throw appealError('APPEAL_NOT_CONSIDERED', { basis: '003 §106' });
  if (body.answeredOn < before.card.receivedOn) {
    throw appealError('APPEAL_ANSWER_BEFORE_RECEIPT', { answeredOn: body.answeredOn, receivedOn: before.card.receivedOn });
  }
  await setAnswer(q, documentId, body, onMerits, now);
  // No free text in the log or the event: a refusal's motives may name people.
  const outcome = (a: Pick<StoredAppeal, 'result' | 'answeredOn' | 'answeredOnMerits'>) => ({ result: a.result, answeredOn: a.answeredOn, onMerits: a.answeredOnMerits });
  const after = { result: body.result, answeredOn: body.answeredOn, onMerits, outgoingIndex: body.outgoingIndex ?? null, oral: body.oral ?? false };
  await appendAudit(q, { at: now.toISOString(), ...by, action: 'appeal.answered', documentId, before: outcome(before), after, reason: null });
  await outbox.appendDocumentEvent(q, doc, 'appeal.answered', now, after);
}

/**
 * The execution of a control card that carries a result (schemas/execution.schema.json) is the
 * answer to the appeal: recorded once, in the execution's transaction (003 §160: executed only
 * with an answer on the merits). Another card of the same appeal executed later with the same
 * result changes nothing; with a different result it is refused, so the report never disagrees
 * with the control cards. Other kinds, and executions without a result, are left alone.
 */
export async function answerFromExecution(q: Queryable, doc: Pick<DocumentCard, 'id' | 'kind'>, body: ExecutionBody, card: ControlCard, by: AuditActor, now: Date): Promise<void> {
  const result = body.answer.result;
  if (!result || !(REPORTED_KINDS as readonly string[]).includes(doc.kind)) return;
  const current = await getAppeal(q, doc.id, { lock: true });
  if (!current) return;
  if (current.result && current.result !== 'on-control') {
    if (current.result === result) return;
    throw appealError('APPEAL_RESULT_CONFLICT', { recorded: current.result, given: result, cardId: card.id });
  }
  const a = body.answer;
  await recordAppealAnswer(q, doc.id, {
    result,
    answeredOn: a.answeredOn ?? card.execution?.on,
    onMerits: body.onMerits,
    summary: a.summary,
    ...(a.outgoingIndex ? { outgoingIndex: a.outgoingIndex } : {}),
    ...(a.refusal ? { refusal: a.refusal } : {}),
    ...(a.forwardedTo ? { forwardedTo: a.forwardedTo } : {}),
  }, by, now);
}
