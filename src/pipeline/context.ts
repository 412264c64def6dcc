import type { Logger } from 'pino';
import type { Clock } from '../domain/clock';
import type { RegistryRouting } from '../domain/registry';
import type { DocumentCard, DocumentSubmission } from '../schemas';
import type { Db, Queryable } from '../store';

/**
 * A stage that later capabilities plug into the pipeline (signature verification, appeal rules,
 * control terms) without touching the doors or the registration step.
 */
export interface IntakeStep {
  name: string;
  /** Before the transaction: may throw a HubError to reject (the input goes to quarantine). */
  check?(submission: DocumentSubmission, ctx: StepContext): Promise<void>;
  /** Inside the registering transaction, after the card exists; may append events. */
  onAccepted?(q: Queryable, card: DocumentCard, submission: DocumentSubmission, ctx: StepContext): Promise<void>;
}

export interface StepContext {
  clock: Clock;
  log: Logger;
}

export interface PipelineDeps {
  db: Db;
  clock: Clock;
  routing: RegistryRouting;
  log: Logger;
  steps?: IntakeStep[];
  /** Called after a commit that wrote events, so the relay publishes without waiting to poll. */
  onEventsCommitted?: () => void;
}
