/**
 * The answer to a public-information request (Закон «Про доступ до публічної інформації»):
 * given, partly given, refused on a ground of ст. 22 ч. 1 with the motives and how to appeal
 * (ч. 4), or forwarded to the proper holder with the requester told (ч. 3). Late when given after
 * the term in force; a forwarding is late after 5 working days from receipt.
 */
import type { IsoDate } from '../calendar';
import type { InfoRequestAnswerBody } from '../../schemas';
import { infoRequestRule } from './errors';
import { fiveWorkingDays, termInForce, type RequestFacts, type TermFn } from './terms';

export type InfoRequestResult = InfoRequestAnswerBody['result'];
export type RefusalGround = NonNullable<InfoRequestAnswerBody['refusal']>['ground'];

/** ст. 22 ч. 1 п. 1-4. */
export const REFUSAL_GROUNDS_UK: Readonly<Record<RefusalGround, string>> = {
  'not-held': 'ст. 22 ч. 1 п. 1: розпорядник не володіє і не зобов’язаний володіти інформацією',
  restricted: 'ст. 22 ч. 1 п. 2: інформація з обмеженим доступом (ч. 2 ст. 6)',
  'costs-unpaid': 'ст. 22 ч. 1 п. 3: не оплачено фактичні витрати на копіювання або друк (ст. 21)',
  'request-requirements': 'ст. 22 ч. 1 п. 4: не дотримано вимог до запиту (ч. 5 ст. 19)',
};

export const RESULTS_UK: Readonly<Record<InfoRequestResult, string>> = {
  provided: 'надано',
  'partially-provided': 'надано частково',
  refused: 'відмовлено',
  forwarded: 'направлено належному розпоряднику',
};

/** The last day the answer counts as on time. */
export function answerDeadline(f: RequestFacts, result: InfoRequestResult, terms: TermFn): IsoDate {
  const term = termInForce(f, terms).term;
  if (result !== 'forwarded') return term;
  // ст. 22 ч. 3: forwarded within 5 working days (an urgent request's 48 hours come first). The
  // 5 days are the task's reading of ч. 3, not checked here against the official text.
  const five = fiveWorkingDays(f.receivedOn, terms);
  return term < five ? term : five;
}

/** Checks an answer against the request; returns the answer date and whether it is late. */
export function checkAnswer(
  f: RequestFacts,
  body: Pick<InfoRequestAnswerBody, 'result' | 'answeredOn' | 'refusal' | 'forwardedTo' | 'requesterNotifiedOn'>,
  today: IsoDate,
  terms: TermFn,
): { answeredOn: IsoDate; deadline: IsoDate; late: boolean } {
  if (f.answeredOn) throw infoRequestRule('INFO_REQUEST_ALREADY_ANSWERED', { answeredOn: f.answeredOn });
  const answeredOn = body.answeredOn ?? today;
  if (answeredOn < f.receivedOn) throw infoRequestRule('INFO_REQUEST_DATE_BEFORE_RECEIPT', { answeredOn, receivedOn: f.receivedOn });
  if (answeredOn > today) throw infoRequestRule('INFO_REQUEST_DATE_IN_FUTURE', { answeredOn, today });
  if ((body.result === 'refused' || body.result === 'partially-provided') && !body.refusal) {
    throw infoRequestRule('INFO_REQUEST_REFUSAL_INCOMPLETE', { result: body.result, missing: 'refusal' });
  }
  if (body.result === 'forwarded') {
    if (!body.forwardedTo) throw infoRequestRule('INFO_REQUEST_FORWARD_TARGET_MISSING', { missing: 'forwardedTo' });
    const told = body.requesterNotifiedOn;
    if (told !== undefined && told < f.receivedOn) throw infoRequestRule('INFO_REQUEST_DATE_BEFORE_RECEIPT', { requesterNotifiedOn: told, receivedOn: f.receivedOn });
    if (told !== undefined && told > today) throw infoRequestRule('INFO_REQUEST_DATE_IN_FUTURE', { requesterNotifiedOn: told, today });
  }
  const deadline = answerDeadline(f, body.result, terms);
  return { answeredOn, deadline, late: answeredOn > deadline };
}
