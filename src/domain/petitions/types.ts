import type { WorkingDayCalendar } from '../calendar';
import type { PetitionSnapshot, PetitionState, PetitionTransition } from '../../schemas';

export type { PetitionSnapshot, PetitionState, PetitionTransition };

/** How it is considered: as a petition (art. 23-1) or, below its threshold, as a collective appeal. */
export type ConsideredAs = 'petition' | 'collective-appeal';

/** What the hub knows of one petition: the latest snapshot it accepted and where consideration stands. */
export interface PetitionRecord {
  platformId: string;
  state: PetitionState;
  consideredAs: ConsideredAs | null;
  snapshot: PetitionSnapshot;
  /** The day collection ended, once it ended below the threshold (the platform may close early). */
  collectionEndedOn: string | null;
  /** The resolution's date: consideration starts (art. 23-1 counts the term from it). */
  considerationStartedOn: string | null;
  term: string | null;
  termRule: 'petition' | 'appeal' | null;
  answeredOn: string | null;
  result: string | null;
  outgoingIndex: string | null;
}

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
