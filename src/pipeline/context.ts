import type { Logger } from 'pino';
import type { Clock } from '../domain/clock';
import type { RegistryRouting } from '../domain/registry';
import type { DocumentSubmission, Registration } from '../schemas';
import type { HubMetrics } from '../metrics';
import type { Db, FiledPart, Queryable } from '../store';

/**
 * A stage that later capabilities plug into the pipeline (signature verification, appeal rules,
 * control terms) without touching the doors or the registration step.
 */
export interface IntakeStep<Finding = unknown> {
  name: string;
  /**
   * Before the transaction: may throw a HubError to reject (the input goes to quarantine), and
   * returns what it found (e.g. signature reports) for onAccepted to keep.
   */
  check?(submission: DocumentSubmission, ctx: StepContext): Promise<Finding>;
  /**
   * Inside the registering transaction, before the journal number is drawn and the card is read:
   * keeps what the card shows and what does not need the registration (signature reports, flags).
   */
  onStored?(q: Queryable, documentId: string, submission: DocumentSubmission, ctx: StepContext, finding: Finding): Promise<void>;
  /**
   * Inside the registering transaction, after the number is drawn (registration null when the
   * document is not registered): keeps what records the registration. It runs while the journal's
   * counter stays locked until commit (src/store/counters.ts), so only what needs the number
   * belongs here; and the card was read before it, so nothing the card shows.
   */
  onAccepted?(q: Queryable, accepted: AcceptedDocument, submission: DocumentSubmission, ctx: StepContext, finding: Finding): Promise<void>;
  /**
   * Whether onStored or onAccepted will write anything for this submission. When no step will, a
   * document without files is registered by one statement, its own transaction (src/pipeline/
   * register.ts). A step with either hook and without this is taken to write, always.
   */
  keeps?(submission: DocumentSubmission, finding: Finding): boolean;
  /**
   * What onStored and onAccepted would keep, as parts of the statement that registers the document
   * (src/store/counters.ts FiledPart), from a step that can say it in SQL. When every step that
   * keeps something for a document with no files can, the document is registered by that one
   * statement, its own transaction, instead of a transaction of a dozen round trips (issue 16), and
   * `committed` runs after its commit. Absent, or undefined for this submission: the transaction.
   */
  filed?(submission: DocumentSubmission, finding: Finding, ctx: StepContext, documentId: string): StepFiled | undefined;
}

export interface StepFiled {
  parts: FiledPart[];
  committed?(): void;
}

export interface AcceptedDocument {
  documentId: string;
  registration: Registration | null;
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
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  steps?: IntakeStep<any>[];
  /** Called after a commit that wrote events, so the relay publishes without waiting to poll. */
  onEventsCommitted?: () => void;
  /** Counted for /metrics when the hub has them (src/metrics). */
  metrics?: HubMetrics;
}
