import { kyivDate } from '../domain/clock';
import type { ControlContext } from '../domain/control';
import { factsOf, termCap, type TermFn } from '../domain/info-requests';
import type { DocumentCard } from '../schemas';
import type { TermService } from './term-service';

/** Kinds whose control follows the Law on citizens' appeals (45-day cap, 4-day co-executors). */
export const CONTROL_APPEAL_KINDS: ReadonlySet<string> = new Set(['citizen-appeal', 'hotline-card', 'e-petition']);

/**
 * The instant, its Kyiv date and the calendar's derivations for a document's cards, with its kind's
 * cap: what the lifecycle (src/domain/control) is given, for a resolution or an action on a card
 * and for a card the intake opens (the sender's control, sender-control.ts).
 */
export function controlContext(terms: TermService, now: Date, doc: Pick<DocumentCard, 'kind' | 'receivedAt' | 'urgency' | 'meta'>): ControlContext {
  const today = kyivDate(now);
  const isAppeal = CONTROL_APPEAL_KINDS.has(doc.kind);
  const termFn: TermFn = (rule, from) => terms.termFor(rule, from);
  const info = doc.kind === 'info-request' ? factsOf({ ...doc, extension: null, answer: null }) : null;
  return {
    now,
    today,
    derive: (term) => terms.derive(term, isAppeal, today),
    appealCap: (receivedOn) => terms.appealCap(receivedOn),
    // ЦК ст. 254 ч. 5: an extension given as a date that falls on a day off ends on the next working day.
    rollTerm: (term, after) => terms.roll(term, after),
    // Закон «Про доступ до публічної інформації», ст. 20 ч. 2, 4: 20 working days at most, 48 hours if urgent.
    infoRequestCap: info ? { ...termCap(info, termFn), receivedOn: info.receivedOn, urgent: info.urgent } : null,
  };
}
