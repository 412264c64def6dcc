import { randomUUID } from 'node:crypto';
import type { AuditActor } from '../domain/audit';
import { auditActor, requireStaff, requireStandIn, type Principal } from '../identity';
import { kyivDate, type Clock } from '../domain/clock';
import {
  assign, awaitsExecutors, ControlRuleError, controlError, decideExtension, execute, fillSenderControl, giveInterimAnswer, release,
  requestExtension, senderTermOf, type ControlCard, type ControlContext,
} from '../domain/control';
import { HubError } from '../errors';
import type { Logger } from '../log';
import {
  assertValid, type DocumentCard, type ExecutionBody, type ExtensionDecisionBody, type ExtensionRequestBody,
  type InterimAnswerBody, type ReleaseBody, type ResolutionRequest,
} from '../schemas';
import { documents, outbox, type Db, type Queryable } from '../store';
import * as store from '../store/control';
import { isExtended } from '../store/info-requests';
import type { TermService } from './term-service';
import { cardEventData } from './events';
import { CONTROL_APPEAL_KINDS, controlContext } from './context';
import { recordCardChange } from './record';
import { COUNTS_FROM_RECEIPT } from './terms';

export interface ControlDeps {
  db: Db;
  clock: Clock;
  terms: TermService;
  log: Logger;
  onEventsCommitted?: () => void;
  /**
   * Runs in the execution's transaction: an appeal's answer result is recorded from the execution
   * (src/appeals), so control, the appeal card and the report tell one truth. Throwing rolls it back.
   */
  onExecuted?: (q: Queryable, doc: DocumentCard, body: ExecutionBody, card: ControlCard, by: AuditActor) => Promise<void>;
}

/** A resolution that cannot stand as given (422); any other broken rule is a conflict with the card (409). */
const RESOLUTION_INVALID = new Set(['NO_EXECUTORS', 'TERM_BEFORE_RESOLUTION', 'RESOLUTION_BEFORE_REGISTRATION', 'APPEAL_TERM_BEYOND_CAP', 'RESOLUTION_BEYOND_SENDER_TERM']);

/** A broken control rule becomes a 409/422 answer with the rule's code, message and basis. */
function asHubError(err: unknown): unknown {
  if (!(err instanceof ControlRuleError)) return err;
  const status = RESOLUTION_INVALID.has(err.code) ? 422 : 409;
  return new HubError(err.code, { status, message: err.message, messageUk: err.messageUk }, { basis: err.basis, ...err.details });
}

export type ControlAction = 'extension-request' | 'extension-decision' | 'interim-answer' | 'execution' | 'release';

/** Every change of a card is an event (issue 11: the EDMS holds the same state), a refused extension too. */
const ACTIONS: Record<ControlAction, { schema: string; event: string; audit: string }> = {
  'extension-request': { schema: 'extension-request.schema.json', event: 'control.extension-requested', audit: 'control.extension-requested' },
  'extension-decision': { schema: 'extension-decision.schema.json', event: 'control.extended', audit: 'control.extension-decided' },
  'interim-answer': { schema: 'interim-answer.schema.json', event: 'control.interim', audit: 'control.interim' },
  execution: { schema: 'execution.schema.json', event: 'control.executed', audit: 'control.executed' },
  release: { schema: 'release.schema.json', event: 'control.released', audit: 'control.released' },
};

export class ControlService {
  constructor(private readonly deps: ControlDeps) {}

  /** The terms and calendar control counts with (also for src/info-requests). */
  get terms(): TermService {
    return this.deps.terms;
  }

  /** The instant, its Kyiv date and the calendar's derivations for a document's cards, with its kind's cap. */
  contextFor(doc: Pick<DocumentCard, 'kind' | 'receivedAt' | 'urgency' | 'meta'>): ControlContext {
    return controlContext(this.deps.terms, this.deps.clock.now(), doc);
  }

  private async finish(q: Queryable, doc: DocumentCard, before: ControlCard | null, after: ControlCard, by: AuditActor, auditAction: string, event: string | null, reason: string | null): Promise<void> {
    await recordCardChange(q, this.deps.clock.now(), doc, { before, after, by, auditAction, event, reason });
  }

  /** A resolution puts the document under control with the legally right term (003 §157-158). */
  async addResolution(documentId: string, raw: unknown, by: Principal): Promise<ControlCard> {
    const body = assertValid<ResolutionRequest>('resolution-request.schema.json', raw);
    const author = body.author ?? by.id;
    const result = await this.deps.db.tx(async (q) => {
      // Executors, controllers and who sets the term are people of the directory, never free text.
      await requireStaff(q, { author, controller: body.controller, executors: body.executors });
      await q.query('SELECT id FROM documents WHERE id = $1 FOR UPDATE', [documentId]);
      const doc = await documents.getCard(q, documentId);
      if (!doc) throw HubError.of('NOT_FOUND', { documentId });
      if (!doc.registration) throw HubError.of('NOT_REGISTERED', { status: doc.status });
      const isAppeal = CONTROL_APPEAL_KINDS.has(doc.kind);
      const ctx = this.contextFor(doc);
      const resolutionDate = body.date ?? ctx.today;
      const cards = await store.cardsOfDocument(q, documentId);
      // Under the sender's control since registration: the resolution names the executors on that card.
      const awaiting = cards.find(awaitsExecutors);
      if (awaiting) return this.fillSenderCard(q, doc, awaiting, { ...body, author, date: resolutionDate }, ctx, by);
      let rule = body.term ? 'explicit' : body.rule ?? (doc.dueDate ? 'explicit' : this.deps.terms.ruleFor(doc));
      // An information request already extended (ст. 20 ч. 4) puts new cards on its extended term.
      if (rule === 'info-request' && (await isExtended(q, documentId))) rule = 'info-request-extended';
      // Terms run from registration (003 §166, §178), appeals and acts from receipt (Law on appeals
      // art. 20, Law on prosecution); a petition that reached its threshold from the start of its
      // consideration, i.e. the resolution (art. 23-1); a term in the resolution or the document wins.
      const from = rule === 'petition' ? resolutionDate
        : COUNTS_FROM_RECEIPT.has(doc.kind) ? kyivDate(new Date(doc.receivedAt)) : doc.registration.date;
      const explicit = body.term ?? doc.dueDate;
      // An appeal's explicit term overrides the appeals rule, not «document»: its basis says so (Law on appeals art. 20).
      const basisRule = rule === 'explicit' && isAppeal ? body.rule ?? this.deps.terms.ruleFor(doc) : rule;
      const { term, basis } = this.deps.terms.termFor(basisRule, from, explicit);
      // A further resolution on a document under the sender's control details it within the sender's term (003 пп. 157, 158, 172).
      const senderTerm = cards.filter((c) => c.status === 'under-control').map(senderTermOf).find((t) => t !== null);
      if (senderTerm && term > senderTerm) throw controlError('RESOLUTION_BEYOND_SENDER_TERM', { term, senderTerm });
      const card = assign(
        {
          id: randomUUID(), documentId, resolutionNo: await store.nextResolutionNo(q, documentId),
          author, controller: body.controller, executors: body.executors, task: body.task,
          resolutionDate, term, rule, basis,
          appealReceivedOn: isAppeal ? kyivDate(new Date(doc.receivedAt)) : null,
          // Art. 20's 45 days cap an appeal's term; a petition's own term (art. 23-1) runs from its consideration.
          appealTermCapped: basisRule !== 'petition',
          registrationDate: doc.registration.date,
        },
        ctx,
      );
      await store.insertCard(q, card);
      await this.finish(q, doc, null, card, auditActor(by), 'control.assigned', 'control.assigned', null);
      return card;
    }).catch((err) => {
      throw asHubError(err);
    });
    this.deps.onEventsCommitted?.();
    return result;
  }

  /**
   * The head's resolution on a document the sender put under control fills the card opened at
   * registration — executors, author, controller, the task after the sender's — rather than opening
   * a second one (003 п. 157: as a rule one resolution on a document). The term stays the sender's
   * unless the resolution sets an earlier one (sender-card.ts); a term rule in the resolution does
   * not apply, since the document's own term wins over any rule (003 п. 166). Logged as its own action and
   * announced as `control.assigned` again: the same card with executors and a higher version, which
   * every consumer of control.assigned (EDMS, webhooks) applies by version (issue 11).
   */
  private async fillSenderCard(
    q: Queryable, doc: DocumentCard, open: ControlCard, body: ResolutionRequest & { author: string; date: string }, ctx: ControlContext, by: Principal,
  ): Promise<ControlCard> {
    const card = (await store.lockCard(q, doc.id, open.id)) ?? open;
    // A date in the resolution ends on a working day as any term given as a date (ЦК ст. 254 ч. 5), then is compared with the sender's.
    const term = body.term && doc.registration ? this.deps.terms.termFor('explicit', doc.registration.date, body.term).term : undefined;
    const filled = fillSenderControl(card, { author: body.author, controller: body.controller, executors: body.executors, task: body.task, resolutionDate: body.date, term }, ctx);
    const next = await store.updateCard(q, filled);
    await this.finish(q, doc, card, next, auditActor(by), 'control.executors-assigned', 'control.assigned', 'Резолюція на контрольне завдання відправника: призначено виконавців (003 п. 157)');
    return next;
  }

  /**
   * Every other control action: lock the card, apply the rule, log it, announce it. `expectedVersion`
   * (a command's If-Match): refused with 412 and the card as it is when the card has moved on.
   */
  async act(documentId: string, cardId: string, action: ControlAction, raw: unknown, by: Principal, expectedVersion?: number): Promise<ControlCard> {
    const result = await this.deps.db.tx((q) => this.actIn(q, documentId, cardId, action, raw, by, expectedVersion));
    this.deps.onEventsCommitted?.();
    return result;
  }

  /**
   * The same action in the caller's transaction, e.g. an outgoing answer that executes its card in
   * the step that registers it (issue 18); the caller nudges the relay after its commit.
   */
  async actIn(q: Queryable, documentId: string, cardId: string, action: ControlAction, raw: unknown, by: Principal, expectedVersion?: number): Promise<ControlCard> {
    const spec = ACTIONS[action];
    const body = assertValid<{ reason?: string; standingInFor?: string }>(spec.schema, raw);
    const actor = auditActor(by, body.standingInFor);
    return (async () => {
      const card = await store.lockCard(q, documentId, cardId);
      const doc = card ? await documents.getCard(q, documentId) : undefined;
      if (!card || !doc) throw HubError.of('NOT_FOUND', { documentId, cardId });
      if (expectedVersion !== undefined && expectedVersion !== card.version) {
        throw HubError.of('VERSION_MISMATCH', { expectedVersion, version: card.version, card });
      }
      const ctx = this.contextFor(doc);
      // «або особа, яка його заміщує» (003 §118, §174, §196): only as the directory says, that day.
      if (body.standingInFor) await requireStandIn(q, by.id, body.standingInFor, ctx.today);
      const next = await store.updateCard(q, this.apply(card, action, body, by.id, ctx));
      if (action === 'execution') await this.deps.onExecuted?.(q, doc, body as ExecutionBody, next, actor);
      const granted = action === 'extension-decision' && (body as ExtensionDecisionBody).granted;
      const event = action === 'extension-decision' && !granted ? 'control.extension-refused' : spec.event;
      await this.finish(q, doc, card, next, actor, spec.audit, event, body.reason ?? null);
      return next;
    })().catch((err) => {
      throw asHubError(err);
    });
  }

  private apply(card: ControlCard, action: ControlAction, body: unknown, by: string, ctx: ControlContext): ControlCard {
    switch (action) {
      case 'extension-request': {
        const b = body as ExtensionRequestBody;
        return requestExtension(card, { by, newTerm: b.newTerm, reason: b.reason }, ctx);
      }
      case 'extension-decision': {
        const b = body as ExtensionDecisionBody;
        return decideExtension(card, { by, standingInFor: b.standingInFor, granted: b.granted, term: b.term, reason: b.reason }, ctx);
      }
      case 'interim-answer': {
        const b = body as InterimAnswerBody;
        return giveInterimAnswer(card, { by, text: b.text }, ctx);
      }
      case 'execution': {
        const b = body as ExecutionBody;
        return execute(card, { by, onMerits: b.onMerits, answer: b.answer }, ctx);
      }
      case 'release': {
        const b = body as ReleaseBody;
        return release(card, { by, standingInFor: b.standingInFor }, ctx);
      }
    }
  }

  /**
   * A command from the EDMS that a rule refused is itself an event (`control.command-refused`), so
   * the EDMS's clerk sees why: the rule's code, both messages, its basis, and the card as it is.
   */
  async commandRefused(cardId: string, command: string, refusal: HubError, by: Principal, key?: string): Promise<void> {
    await this.deps.db.tx(async (q) => {
      const card = await store.getCard(q, cardId);
      const doc = card ? await documents.getCard(q, card.documentId) : undefined;
      if (!card || !doc) return;
      const body = refusal.toBody();
      await outbox.appendDocumentEvent(q, doc, 'control.command-refused', this.deps.clock.now(), {
        ...cardEventData(card), command, refusal: { code: body.code, message: body.message, messageUk: body.messageUk, basis: (body.details as { basis?: string } | undefined)?.basis ?? null },
        by: by.id, via: by.via?.name ?? null, idempotencyKey: key ?? null,
      });
    });
    this.deps.onEventsCommitted?.();
  }

  async cardsOf(documentId: string): Promise<ControlCard[]> {
    return store.cardsOfDocument(this.deps.db, documentId);
  }
}
