import type { DerivedDates } from '../domain/control';
import type { DocumentCard } from '../schemas';

/** What control needs from the terms and the calendar (src/domain/terms, src/domain/calendar). */
export interface TermService {
  /** The term rule a document gets by default, from its kind and subtype. */
  ruleFor(doc: Pick<DocumentCard, 'kind' | 'subtype' | 'urgency'>): string;
  /** The term from a rule counted from a date, with its legal basis; an explicit term (rule 'explicit') wins. */
  termFor(rule: string, from: string, explicitTerm?: string): { term: string; basis: string };
  /** Reminder, co-executors' and extension-request dates for a term (working days), never before `from`. */
  derive(term: string, isAppeal: boolean, from: string): DerivedDates;
  /** The last day an appeal received on that date may be kept to (45 days in total). */
  appealCap(receivedOn: string): string;
  /**
   * ЦК ст. 254 ч. 5: a term whose last day is not a working day ends on the next working day (or
   * the previous one by the council's TERM_ROLL), never on or before `after`.
   */
  roll(term: string, after: string): string;
}
