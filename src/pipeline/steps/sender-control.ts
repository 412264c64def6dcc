/**
 * A document whose sender put its task for the council under control (submission.senderControl,
 * set by a connector: СЕВ ОВВ's Task@referred-control="1") is under control from its registration,
 * in the registering transaction: a card with the sender's term and no executors yet, its
 * control-log entry and `control.assigned` (003 п. 165: the term of a control document is entered
 * on receipt; п. 166: executed in the term the document sets). The head's resolution then names
 * the executors on that card (src/control/service.ts addResolution). A repeat never gets here:
 * registration returns the card on file before the steps run.
 */
import { putUnderSenderControl } from '../../control/sender-control';
import type { TermService } from '../../control/term-service';
import type { IntakeStep } from '../context';

export interface SenderControlStepOptions {
  /** The same terms and calendar as the control service's, so a card's dates are counted one way. */
  terms: TermService;
}

export function senderControlStep(opts: SenderControlStepOptions): IntakeStep<void> {
  return {
    name: 'sender-control',
    // Only a document the sender put under control has anything of this step to write: every other
    // one keeps the one-statement registration (src/pipeline/register.ts).
    keeps: (sub) => !!sub.senderControl,
    // After the number is drawn: the card is put under control on the registration's date (003 п. 165).
    async onAccepted(q, accepted, sub, ctx) {
      if (!sub.senderControl) return;
      if (!accepted.registration) {
        ctx.log.info({ documentId: accepted.documentId }, 'контроль відправника не застосовано: документ не зареєстровано / sender control not applied: the document is not registered');
        return;
      }
      const card = await putUnderSenderControl(q, { terms: opts.terms, now: ctx.clock.now() }, accepted.documentId, sub.senderControl);
      if (card) ctx.log.info({ documentId: accepted.documentId, cardId: card.id, term: card.term }, 'document put under the sender\'s control');
    },
  };
}
