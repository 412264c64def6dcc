import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit';
import type { AuditActor } from '../domain/audit';
import { auditActor, requireStaff, requireStandIn, type Principal } from '../identity';
import { kyivDate, type Clock } from '../domain/clock';
import {
  assign, ControlRuleError, decideExtension, execute, giveInterimAnswer, release, requestExtension,
  type ControlCard, type ControlContext,
} from '../domain/control';
import { factsOf, termCap, type TermFn } from '../domain/info-requests';
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

/** Kinds whose control follows the Law on citizens' appeals (45-day cap, 4-day co-executors). */
const APPEAL_KINDS = new Set(['citizen-appeal', 'hotline-card', 'e-petition']);

/** A resolution that cannot stand as given (422); any other broken rule is a conflict with the card (409). */
const RESOLUTION_INVALID = new Set(['NO_EXECUTORS', 'TERM_BEFORE_RESOLUTION', 'RESOLUTION_BEFORE_REGISTRATION', 'APPEAL_TERM_BEYOND_CAP']);

/** A broken control rule becomes a 409/422 answer with the rule's code, message and basis. */
function asHubError(err: unknown): unknown {
  if (!(err instanceof ControlRuleError)) return err;
  const status = RESOLUTION_INVALID.has(err.code) ? 422 : 409;
  return new HubError(err.code, { status, message: err.message, messageUk: err.messageUk }, { basis: err.basis, ...err.details });
}

/** What the control log keeps of a card before and after an action. */
function snapshot(card: ControlCard | null): Record<string, unknown> | null {
  if (!card) return null;
  return {
    status: card.status,
    term: card.term,
    executors: card.executors,
    controller: card.controller,
    pendingExtension: card.pendingExtension,
    interimAnswers: card.interimAnswers.length,
    execution: card.execution,
  };
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
    const now = this.deps.clock.now();
    const today = kyivDate(now);
    const isAppeal = APPEAL_KINDS.has(doc.kind);
    const termFn: TermFn = (rule, from) => this.deps.terms.termFor(rule, from);
    const info = doc.kind === 'info-request' ? factsOf({ ...doc, extension: null, answer: null }) : null;
    return {
      now,
      today,
      derive: (term) => this.deps.terms.derive(term, isAppeal, today),
      appealCap: (receivedOn) => this.deps.terms.appealCap(receivedOn),
      // ЦК ст. 254 ч. 5: an extension given as a date that falls on a day off ends on the next working day.
      rollTerm: (term, after) => this.deps.terms.roll(term, after),
      // Закон «Про доступ до публічної інформації», ст. 20 ч. 2, 4: 20 working days at most, 48 hours if urgent.
      infoRequestCap: info ? { ...termCap(info, termFn), receivedOn: info.receivedOn, urgent: info.urgent } : null,
    };
  }

  private async finish(q: Queryable, doc: DocumentCard, before: ControlCard | null, after: ControlCard, by: AuditActor, auditAction: string, event: string | null, reason: string | null): Promise<void> {
    const status = await store.setDocumentStatus(q, doc.id);
    const now = this.deps.clock.now();
    await appendAudit(q, { at: now.toISOString(), ...by, action: auditAction, documentId: doc.id, before: snapshot(before), after: snapshot(after), reason });
    if (event) {
      await outbox.appendDocumentEvent(q, { ...doc, status }, event, now, cardEventData(after));
    }
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
      const isAppeal = APPEAL_KINDS.has(doc.kind);
      const ctx = this.contextFor(doc);
      const resolutionDate = body.date ?? ctx.today;
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

  /** Every other control action: lock the card, apply the rule, log it, announce it. */
  /**
   * Every other control action: lock the card, apply the rule, log it, announce it. `expectedVersion`
   * (a command's If-Match): refused with 412 and the card as it is when the card has moved on.
   */
  async act(documentId: string, cardId: string, action: ControlAction, raw: unknown, by: Principal, expectedVersion?: number): Promise<ControlCard> {
    const spec = ACTIONS[action];
    const body = assertValid<{ reason?: string; standingInFor?: string }>(spec.schema, raw);
    const actor = auditActor(by, body.standingInFor);
    const result = await this.deps.db.tx(async (q) => {
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
    }).catch((err) => {
      throw asHubError(err);
    });
    this.deps.onEventsCommitted?.();
    return result;
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
