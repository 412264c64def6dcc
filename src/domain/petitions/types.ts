import type { WorkingDayCalendar } from '../calendar';
import type { PetitionSnapshot, PetitionState, PetitionTransition, PetitionView } from '../../schemas';

export type { PetitionSnapshot, PetitionState, PetitionTransition };

/** How it is considered: as a petition (art. 23-1) or, below its threshold, as a collective appeal. */
export type ConsideredAs = NonNullable<PetitionView['consideredAs']>;

/**
 * What the hub knows of one petition: the latest snapshot it accepted and where consideration
 * stands (collection ended below the threshold, consideration started with the resolution — art.
 * 23-1 counts the term from it — term, answer): the fields of schemas/petition-view.schema.json.
 */
export type PetitionRecord = Pick<
  PetitionView,
  'platformId' | 'state' | 'consideredAs' | 'collectionEndedOn' | 'considerationStartedOn' | 'term' | 'termRule' | 'answeredOn' | 'result' | 'outgoingIndex'
> & { snapshot: PetitionSnapshot };

export type PetitionEvent =
  /** The platform's export of the petition, mapped by connectors/e-petitions. */
  | { type: 'snapshot'; snapshot: PetitionSnapshot }
  /** A day passed: collection may have ended with no snapshot to say so. */
  | { type: 'day' }
  /** A resolution put the registered petition under control (control.assigned). */
  | { type: 'resolution'; resolutionDate: string; controlTerm: string }
  /** The answer was recorded (appeal.answered). */
  | { type: 'answer'; answeredOn: string; result: string; outgoingIndex: string | null };

/** The hub's instant and Kyiv date, and the council's working-day calendar: passed in, never read. */
export interface PetitionContext {
  now: Date;
  today: string;
  calendar: WorkingDayCalendar;
}

/**
 * created: a new petition; updated: the record changed; unchanged: nothing new (the same snapshot
 * again, an event that does not apply); stale: a snapshot older or with fewer votes than the one on
 * file, ignored.
 */
export type StepOutcome = 'created' | 'updated' | 'unchanged' | 'stale';

export interface PetitionStep {
  outcome: StepOutcome;
  record: PetitionRecord;
  transitions: PetitionTransition[];
}
