import { appendAudit } from '../audit';
import type { AuditActor } from '../domain/audit';
import type { ControlCard } from '../domain/control';
import type { DocumentCard } from '../schemas';
import { outbox, type Queryable } from '../store';
import * as store from '../store/control';
import { cardEventData } from './events';

/** What the control log keeps of a card before and after an action. */
export function snapshot(card: ControlCard | null): Record<string, unknown> | null {
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

export interface CardChange {
  before: ControlCard | null;
  after: ControlCard;
  by: AuditActor;
  auditAction: string;
  /** Null: logged, not announced. */
  event: string | null;
  reason: string | null;
}

/**
 * In the change's transaction: the document's status follows its cards, the control log says who
 * did what (before → after, why), and the event announces the card as it now stands (issue 11).
 */
export async function recordCardChange(q: Queryable, now: Date, doc: DocumentCard, c: CardChange): Promise<void> {
  const status = await store.setDocumentStatus(q, doc.id);
  await appendAudit(q, { at: now.toISOString(), ...c.by, action: c.auditAction, documentId: doc.id, before: snapshot(c.before), after: snapshot(c.after), reason: c.reason });
  if (c.event) await outbox.appendDocumentEvent(q, { ...doc, status }, c.event, now, cardEventData(c.after));
}
