/**
 * Public-information requests over the store, for the HTTP door: the journal (masked by role),
 * the extension to 20 working days with the notice to the requester (ст. 20 ч. 4), moving every
 * open control card to it, and the answer (ст. 20, 22). The rules are src/domain/info-requests;
 * the working-day calendar is control's. No personal data in the log, the audit or the events.
 */
import { maySeePersonalData } from '../appeals/privacy';
import { auditActor, type Principal } from '../identity';
import { appendAudit } from '../audit';
import type { ControlService } from '../control';
import { kyivDate, type Clock } from '../domain/clock';
import { moveTermByLaw } from '../domain/control';
import {
  baseTerm, checkAnswer, factsOf, journalEntry, journalSummary, planExtension,
  type ExtensionEntry, type JournalSource, type Requester, type StoredAnswer, type TermFn,
} from '../domain/info-requests';
import { HubError } from '../errors';
import { maskPersonal, type Logger } from '../log';
import {
  violations, type DocumentCard, type InfoRequestAnswerBody, type InfoRequestExtensionBody, type InfoRequestJournal, type InfoRequestJournalEntry,
} from '../schemas';
import { documents, outbox, type Db, type Queryable } from '../store';
import * as controlStore from '../store/control';
import { getState, journalSources, saveAnswer, saveExtension, type InfoRequestState } from '../store/info-requests';
import { asHubError, infoRequestError } from './errors';

export interface InfoRequestServiceDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  control: ControlService;
  onEventsCommitted?: () => void;
}

/** Every field of a requester is personal data (name, address, e-mail, phone): all masked. */
function maskRequester(r: Requester): Requester {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, maskPersonal(v as string)])) as Requester;
}

function sourceOf(doc: DocumentCard, state: InfoRequestState): JournalSource {
  return {
    documentId: doc.id, source: doc.source, summary: doc.summary, urgency: doc.urgency, meta: doc.meta ?? null,
    correspondent: doc.correspondent, receivedAt: doc.receivedAt,
    registrationIndex: doc.registration!.index, registrationDate: doc.registration!.date, ...state,
  };
}

export class InfoRequestService {
  private readonly terms: TermFn;

  constructor(private readonly deps: InfoRequestServiceDeps) {
    this.terms = (rule, from) => deps.control.terms.termFor(rule, from);
  }

  private today(): string {
    return kyivDate(this.deps.clock.now());
  }

  private shown(entry: InfoRequestJournalEntry, viewer: Principal | undefined): InfoRequestJournalEntry {
    return maySeePersonalData(viewer) ? entry : { ...entry, requester: maskRequester(entry.requester) };
  }

  /** The journal over the requests received on the Kyiv dates [from, to]. */
  async journal(from: string, to: string, viewer: Principal | undefined): Promise<InfoRequestJournal> {
    const today = this.today();
    const entries = (await journalSources(this.deps.db, from, to)).map((s) => this.shown(journalEntry(s, today, this.terms), viewer));
    // By requester type (ст. 12), as the department's report counts them (seed 000).
    return { from, to, today, personalData: maySeePersonalData(viewer) ? 'shown' : 'masked', summary: journalSummary(entries), entries };
  }

  /** Locks the document (as a new resolution does) and reads it with what was recorded on it. */
  private async load(q: Queryable, documentId: string): Promise<{ doc: DocumentCard; state: InfoRequestState }> {
    await q.query('SELECT id FROM documents WHERE id = $1 FOR UPDATE', [documentId]);
    const doc = await documents.getCard(q, documentId);
    if (!doc) throw HubError.of('NOT_FOUND', { documentId });
    if (doc.kind !== 'info-request') throw infoRequestError('NOT_AN_INFO_REQUEST', { documentId, kind: doc.kind });
    if (!doc.registration) throw infoRequestError('INFO_REQUEST_NOT_REGISTERED', { documentId, status: doc.status });
    return { doc, state: await getState(q, documentId, { lock: true }) };
  }


  /**
   * ст. 20 ч. 4: the term becomes 20 working days from receipt; every open control card moves to
   * it; logged as `info-request.extended` and announced with the notice the requester is owed.
   */
  async extend(documentId: string, raw: unknown, by: Principal): Promise<InfoRequestJournalEntry> {
    const found = violations('info-request-extension.schema.json', raw);
    if (found.length) throw infoRequestError('INFO_REQUEST_EXTENSION_INVALID', { violations: found });
    const body = raw as InfoRequestExtensionBody;
    const entry = await this.deps.db.tx(async (q) => {
      const { doc, state } = await this.load(q, documentId);
      const now = this.deps.clock.now();
      const today = kyivDate(now);
      const facts = factsOf(sourceOf(doc, state));
      const plan = planExtension(facts, { today, noticeSentOn: body.noticeSentOn }, this.terms);
      const cards = await this.moveCards(q, doc, plan, body, by.id);
      const extension: ExtensionEntry = {
        previousTerm: plan.previousTerm, term: plan.term, rule: plan.rule, basis: plan.basis, reason: body.reason,
        extendedOn: today, extendedBy: by.id, noticeDueBy: plan.noticeDueBy, noticeSentOn: body.noticeSentOn ?? null,
        ...(body.noticeOutgoingIndex ? { noticeOutgoingIndex: body.noticeOutgoingIndex } : {}),
        cardsMoved: cards.length,
      };
      await saveExtension(q, documentId, extension, now);
      const notice = { noticeDueBy: plan.noticeDueBy, reason: body.reason, sentOn: extension.noticeSentOn, outgoingIndex: body.noticeOutgoingIndex ?? null };
      const after = { term: plan.term, rule: plan.rule, basis: plan.basis, receivedOn: facts.receivedOn, notice, cards };
      await appendAudit(q, {
        at: now.toISOString(), ...auditActor(by), action: 'info-request.extended', documentId,
        before: { term: plan.previousTerm, rule: baseTerm(facts, this.terms).rule }, after, reason: body.reason,
      });
      await outbox.appendDocumentEvent(q, doc, 'info-request.extended', now, { previousTerm: plan.previousTerm, ...after });
      return journalEntry(sourceOf(doc, { ...state, extension }), today, this.terms);
    }).catch((err) => {
      throw asHubError(err);
    });
    this.deps.onEventsCommitted?.();
    this.deps.log.info({ documentId, term: entry.term.term, cardsMoved: entry.extension?.cardsMoved }, 'information request term extended');
    return this.shown(entry, by);
  }

  /** Open cards whose term is earlier move to the extended one (a later explicit term stays). */
  private async moveCards(
    q: Queryable,
    doc: DocumentCard,
    plan: { term: string; rule: string; basis: string },
    body: InfoRequestExtensionBody,
    byId: string,
  ): Promise<Array<{ cardId: string; resolutionNo: number; previousTerm: string; term: string }>> {
    const ctx = this.deps.control.contextFor(doc);
    const moved = [];
    for (const listed of await controlStore.cardsOfDocument(q, doc.id)) {
      const card = listed.status === 'under-control' ? await controlStore.lockCard(q, doc.id, listed.id) : undefined;
      if (!card || card.status !== 'under-control' || card.term >= plan.term) continue;
      const next = moveTermByLaw(card, { by: byId, term: plan.term, rule: plan.rule, basis: plan.basis, reason: body.reason }, ctx);
      await controlStore.updateCard(q, next);
      moved.push({ cardId: card.id, resolutionNo: card.resolutionNo, previousTerm: card.term, term: next.term });
    }
    return moved;
  }

  /** ст. 20, 22: records the answer, logs it as `info-request.answered` and announces it. */
  async answer(documentId: string, raw: unknown, by: Principal): Promise<InfoRequestJournalEntry> {
    const found = violations('info-request-answer.schema.json', raw);
    if (found.length) throw infoRequestError('INFO_REQUEST_ANSWER_INVALID', { violations: found });
    const body = raw as InfoRequestAnswerBody;
    const entry = await this.deps.db.tx(async (q) => {
      const { doc, state } = await this.load(q, documentId);
      const now = this.deps.clock.now();
      const today = kyivDate(now);
      const facts = factsOf(sourceOf(doc, state));
      const checked = checkAnswer(facts, body, today, this.terms);
      const answer: StoredAnswer = { ...body, answeredOn: checked.answeredOn };
      if (body.result === 'forwarded') answer.requesterNotifiedOn = body.requesterNotifiedOn ?? checked.answeredOn;
      await saveAnswer(q, documentId, answer, now);
      // No free text in the log or the event: a refusal's motives or the summary may name people.
      const after = {
        result: body.result, answeredOn: checked.answeredOn, deadline: checked.deadline, late: checked.late,
        outgoingIndex: body.outgoingIndex ?? null, refusalGround: body.refusal?.ground ?? null,
        forwardedTo: body.forwardedTo ?? null, requesterNotifiedOn: answer.requesterNotifiedOn ?? null,
      };
      await appendAudit(q, { at: now.toISOString(), ...auditActor(by), action: 'info-request.answered', documentId, before: { result: null }, after, reason: null });
      await outbox.appendDocumentEvent(q, doc, 'info-request.answered', now, after);
      return journalEntry(sourceOf(doc, { ...state, answer }), today, this.terms);
    }).catch((err) => {
      throw asHubError(err);
    });
    this.deps.onEventsCommitted?.();
    this.deps.log.info({ documentId, result: entry.result, late: entry.late }, 'information request answer recorded');
    return this.shown(entry, by);
  }
}

/**
 * A control card of an information request is executed only once its answer is in the journal
 * (003 §160: executed with an answer to the correspondent; ст. 20, 22 of Law 2939-VI), so the
 * journal and the control cards never disagree. Runs in the execution's transaction.
 */
export async function requireInfoRequestAnswer(q: Queryable, doc: Pick<DocumentCard, 'id' | 'kind'>): Promise<void> {
  if (doc.kind !== 'info-request') return;
  const { answer } = await getState(q, doc.id);
  if (!answer) throw infoRequestError('INFO_REQUEST_ANSWER_REQUIRED', { documentId: doc.id, basis: '003 §160; Закон № 2939-VI ст. 20, 22' });
}
