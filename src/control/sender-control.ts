/**
 * Control set by the sender (issue 18, schemas/sender-control.schema.json): the card the intake
 * opens in the registering transaction (src/pipeline/steps/sender-control.ts), logged and announced
 * as any card put under control.
 */
import { randomUUID } from 'node:crypto';
import type { AuditActor } from '../domain/audit';
import { formatDateUk } from '../domain/calendar';
import { kyivDate } from '../domain/clock';
import { openSenderControl, senderTaskUk, type ControlCard } from '../domain/control';
import type { SenderControl } from '../schemas';
import { documents, type Queryable } from '../store';
import * as store from '../store/control';
import { CONTROL_APPEAL_KINDS, controlContext } from './context';
import { recordCardChange } from './record';
import type { TermService } from './term-service';

/**
 * Who the control log names for a card opened because the sender asked for control: the hub's
 * intake acting by rule on the sender's task, never a person (the sender is the card's author and
 * term setter, `sender:<ЄДРПОУ>`; the people come with the head's resolution).
 */
export const SENDER_CONTROL_ACTOR: AuditActor = { actor: 'dilovod-sender-control', via: { method: 'system', principalKind: 'system' } };

/**
 * Puts a registered document under the sender's control in the caller's transaction (003 п. 165:
 * the term of a control document is entered on receipt): the card, its control-log entry and
 * `control.assigned`. Returns the card; undefined when the document is not registered (a copy
 * for information, 003 п. 157, is not executed, so nothing of it is under control).
 */
export async function putUnderSenderControl(
  q: Queryable,
  deps: { terms: TermService; now: Date },
  documentId: string,
  senderControl: SenderControl,
): Promise<ControlCard | undefined> {
  const doc = await documents.getCard(q, documentId);
  if (!doc?.registration) return undefined;
  const ctx = controlContext(deps.terms, deps.now, doc);
  const card = openSenderControl(
    {
      id: randomUUID(), documentId, resolutionNo: await store.nextResolutionNo(q, documentId), registrationDate: doc.registration.date,
      senderControl, appealReceivedOn: CONTROL_APPEAL_KINDS.has(doc.kind) ? kyivDate(new Date(doc.receivedAt)) : null,
    },
    ctx,
  );
  await store.insertCard(q, card);
  const reason = `Контроль відправника: поставлено на контроль під час реєстрації за його завданням — ${senderTaskUk(senderControl)}, ` +
    `строк ${formatDateUk(card.term)}; виконавців призначає резолюція керівника (003 пп. 157, 165, 166)`;
  await recordCardChange(q, deps.now, doc, { before: null, after: card, by: SENDER_CONTROL_ACTOR, auditAction: 'control.assigned', event: 'control.assigned', reason });
  return card;
}
