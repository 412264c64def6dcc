import type { Channel } from '../store/quarantine';

/** What a door hands the pipeline: the raw bytes and where they came from. */
export interface Envelope {
  channel: Channel;
  payload: Buffer;
  /** Decoder name: 'json' for the canonical body; connectors add theirs (e.g. 'sev-ovv.xml'). */
  format: string;
  contentType?: string;
  routingKey?: string;
  /** AMQP message_id: the idempotency key when the body has no externalId. */
  messageId?: string;
  /** The source the door knows (routing key prefix); the body's own source wins. */
  sourceHint?: string;
  receivedAt: Date;
  /**
   * The sources the sender may submit for: an API token's, or the broker user's (AMQP_PUBLISHERS).
   * Undefined: any. A submission for another source is quarantined as SOURCE_NOT_ALLOWED.
   */
  allowedSources?: readonly string[];
  /** The broker user who published (AMQP user_id, vouched for by the broker), kept with a quarantined message. */
  publishedBy?: string;
  /** Correlates log lines of one request or message. */
  traceId: string;
}
