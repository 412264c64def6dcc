/**
 * The record an appeal leaves for reports and for later intake: the card as intake settled it
 * (its form: an e-petition below threshold counts as collective, an anonymous one as anonymous),
 * what intake decided, and the result once answered.
 */
import type { AppealCard, AppealIntake, AppealRecord, AppealResult } from './types';

export interface AnswerOutcome {
  result: AppealResult | null;
  answeredOn: string | null;
  /** Considered on the merits (a later appeal on it without new facts is a repeat). */
  onMerits: boolean;
}

export function appealRecord(card: AppealCard, intake: AppealIntake, answer: AnswerOutcome = { result: null, answeredOn: null, onMerits: false }): AppealRecord {
  return {
    card: intake.form === card.form ? card : { ...card, form: intake.form },
    registered: true,
    recurrence: intake.recurrence,
    status: intake.status,
    linkedTo: intake.linkedTo,
    result: answer.result ?? (intake.status === 'forwarded' ? 'forwarded' : null),
    answeredOn: answer.answeredOn,
    answeredOnMerits: answer.onMerits,
  };
}
