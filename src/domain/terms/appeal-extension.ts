/**
 * Extending an appeal's term: the head sets the time needed, but the appeal is resolved within
 * 45 days in total from its receipt (Закон «Про звернення громадян», ст. 20 ч. 1; 003 §113).
 * The 45 days are counted like any term in days (ЦК ст. 253-254), through the `appeal-cap`
 * rule, so a council's override of that rule or of the roll policy applies here too.
 */
import { formatDateUk, isIsoDate, type IsoDate, type WorkingDayCalendar } from '../calendar';
import { computeTerm, type TermOptions } from './compute';
import { invalidDate } from './errors';

export interface AppealExtensionInput {
  /** The day the appeal was received: the 45 days count from the next day. */
  receivedOn: IsoDate;
  /** The term asked for. */
  requestedTerm: IsoDate;
  /** The term in force now; the new one must be later. */
  currentTerm?: IsoDate | null;
  calendar: WorkingDayCalendar;
  options?: TermOptions;
}

export type AppealExtensionRefusal = 'BEYOND_CAP' | 'NOT_LATER' | 'BEFORE_RECEIPT';

export interface AppealExtensionVerdict {
  allowed: boolean;
  requestedTerm: IsoDate;
  /** The last day the appeal may be kept to (45 days, moved off a non-working day per the roll policy). */
  cap: IsoDate;
  /** receivedOn + 45 calendar days, before any move off a non-working day. */
  unadjustedCap: IsoDate;
  basis: string;
  refusal?: AppealExtensionRefusal;
  message?: string;
  messageUk?: string;
}

export function checkAppealExtension(input: AppealExtensionInput): AppealExtensionVerdict {
  const { receivedOn, requestedTerm, calendar } = input;
  if (!isIsoDate(receivedOn)) throw invalidDate('receivedOn', receivedOn);
  if (!isIsoDate(requestedTerm)) throw invalidDate('requestedTerm', requestedTerm);
  const currentTerm = input.currentTerm ?? null;
  if (currentTerm !== null && !isIsoDate(currentTerm)) throw invalidDate('currentTerm', currentTerm);

  const capTerm = computeTerm({ rule: 'appeal-cap', from: receivedOn, calendar, options: input.options });
  const verdict = { requestedTerm, cap: capTerm.term, unadjustedCap: capTerm.unadjustedTerm, basis: capTerm.basis };
  const refuse = (refusal: AppealExtensionRefusal, message: string, messageUk: string): AppealExtensionVerdict => ({
    ...verdict, allowed: false, refusal, message, messageUk,
  });

  if (requestedTerm <= receivedOn) {
    return refuse('BEFORE_RECEIPT', `requested term ${requestedTerm} is not after receipt ${receivedOn}`,
      `Новий строк ${formatDateUk(requestedTerm)} не пізніший за дату надходження звернення ${formatDateUk(receivedOn)}`);
  }
  if (currentTerm !== null && requestedTerm <= currentTerm) {
    return refuse('NOT_LATER', `requested term ${requestedTerm} is not later than the current term ${currentTerm}`,
      `Новий строк ${formatDateUk(requestedTerm)} має бути пізнішим за чинний ${formatDateUk(currentTerm)}`);
  }
  if (requestedTerm > capTerm.term) {
    return refuse('BEYOND_CAP', `an appeal received on ${receivedOn} cannot be kept beyond ${capTerm.term} (45 days in total)`,
      `Загальний строк розгляду звернення, що надійшло ${formatDateUk(receivedOn)}, не може перевищувати 45 днів: ` +
        `не пізніше ${formatDateUk(capTerm.term)} (${capTerm.basis})`);
  }
  return { ...verdict, allowed: true };
}
