/**
 * The terms of a public-information request, all counted from the day it was received
 * (Закон «Про доступ до публічної інформації», ст. 20):
 *  - ч. 1: 5 working days;
 *  - ч. 2: 48 hours for information needed to protect life or liberty, on the environment,
 *    emergencies …; never extended;
 *  - ч. 4: a large volume, or a search among much data: up to 20 working days, with the reasons,
 *    the requester told in writing within 5 working days of receipt.
 * The working-day counting is the terms module's (src/domain/terms); it comes in as `TermFn`.
 */
import { computeTerm, type TermOptions } from '../terms';
import type { IsoDate, WorkingDayCalendar } from '../calendar';
import { infoRequestRule } from './errors';

export type InfoRequestRuleId = 'info-request' | 'info-request-urgent' | 'info-request-extended';

/** The term of a rule counted from a date, with its basis: computeTerm on the council's calendar. */
export type TermFn = (rule: InfoRequestRuleId, from: IsoDate) => { term: IsoDate; basis: string };

export function calendarTerms(calendar: WorkingDayCalendar, options?: TermOptions): TermFn {
  return (rule, from) => {
    const r = computeTerm({ rule, from, calendar, options });
    return { term: r.term, basis: r.basis };
  };
}

export interface TermInForce {
  term: IsoDate;
  rule: InfoRequestRuleId;
  basis: string;
  countsFrom: IsoDate;
}

export interface RecordedExtension {
  term: IsoDate;
  rule: 'info-request-extended';
  basis: string;
}

export interface RequestFacts {
  receivedOn: IsoDate;
  urgent: boolean;
  extension: RecordedExtension | null;
  answeredOn: IsoDate | null;
}

/** The term from registration on, before any extension (ст. 20 ч. 1, 2). */
export function baseTerm(f: Pick<RequestFacts, 'receivedOn' | 'urgent'>, terms: TermFn): TermInForce {
  const rule: InfoRequestRuleId = f.urgent ? 'info-request-urgent' : 'info-request';
  return { ...terms(rule, f.receivedOn), rule, countsFrom: f.receivedOn };
}

/** The extended term once recorded (ст. 20 ч. 4), else the base one. */
export function termInForce(f: RequestFacts, terms: TermFn): TermInForce {
  return f.extension ? { ...f.extension, countsFrom: f.receivedOn } : baseTerm(f, terms);
}

/** The last day for the written notice of an extension, and for forwarding: 5 working days from receipt. */
export function fiveWorkingDays(receivedOn: IsoDate, terms: TermFn): IsoDate {
  return terms('info-request', receivedOn).term;
}

/**
 * The furthest any term of the request may go, for the generic control flow: 20 working days from
 * receipt (ст. 20 ч. 4); for an urgent request its 48 hours (ч. 2: not extended).
 */
export function termCap(f: Pick<RequestFacts, 'receivedOn' | 'urgent'>, terms: TermFn): { cap: IsoDate; basis: string } {
  const r = f.urgent ? baseTerm(f, terms) : terms('info-request-extended', f.receivedOn);
  return { cap: r.term, basis: r.basis };
}

export interface PlannedExtension {
  previousTerm: IsoDate;
  term: IsoDate;
  rule: 'info-request-extended';
  basis: string;
  noticeDueBy: IsoDate;
}

/**
 * ст. 20 ч. 4: a non-urgent request, not yet answered nor extended, on or before the 5th working
 * day from receipt — the day by which the requester must have the written notice. A notice
 * already sent is dated between receipt and today, so never after that day.
 */
export function planExtension(f: RequestFacts, at: { today: IsoDate; noticeSentOn?: IsoDate }, terms: TermFn): PlannedExtension {
  const current = termInForce(f, terms);
  if (f.urgent) throw infoRequestRule('INFO_REQUEST_URGENT_NOT_EXTENDABLE', { term: current.term, receivedOn: f.receivedOn });
  if (f.answeredOn) throw infoRequestRule('INFO_REQUEST_ALREADY_ANSWERED', { answeredOn: f.answeredOn });
  if (f.extension) throw infoRequestRule('INFO_REQUEST_ALREADY_EXTENDED', { term: f.extension.term });
  const noticeDueBy = fiveWorkingDays(f.receivedOn, terms);
  if (at.today > noticeDueBy) throw infoRequestRule('INFO_REQUEST_EXTENSION_TOO_LATE', { today: at.today, noticeDueBy, receivedOn: f.receivedOn });
  if (at.noticeSentOn !== undefined) {
    if (at.noticeSentOn < f.receivedOn) throw infoRequestRule('INFO_REQUEST_DATE_BEFORE_RECEIPT', { noticeSentOn: at.noticeSentOn, receivedOn: f.receivedOn });
    if (at.noticeSentOn > at.today) throw infoRequestRule('INFO_REQUEST_DATE_IN_FUTURE', { noticeSentOn: at.noticeSentOn, today: at.today });
  }
  const extended = terms('info-request-extended', f.receivedOn);
  return { previousTerm: current.term, term: extended.term, rule: 'info-request-extended', basis: extended.basis, noticeDueBy };
}
