import type { Decoder, MessageHandler, SenderReader } from '../src/pipeline';
import type { HubEvent } from '../src/schemas';
import type { Queryable } from '../src/store';

/** What a connector's outbound mapping produces for an event: a message for the external system. */
export interface OutboundMessage {
  /** Where it goes, in the connector's own terms (queue, URL path, addressee id). */
  destination: string;
  contentType: string;
  body: Buffer;
  /** Stable id derived from the event id, so a redelivered event maps to the same message. */
  messageId: string;
}

/**
 * Every connector has the same shape (connectors/<name>/): a config schema, an inbound mapping
 * (external format → canonical DocumentSubmission, registered as pipeline decoders by format
 * name, e.g. 'sev-ovv.xml' for routing key sev-ovv.xml), an outbound mapping (hub event →
 * external message), real sample payloads under samples/, and tests beside them.
 */
export interface Connector {
  name: string;
  /** Path of the JSON Schema of the connector's settings. */
  configSchemaFile: string;
  decoders: Record<string, Decoder>;
  /** Per format: who sent a refused input, so its refusal goes back to them (input.refused → outbound). */
  senders?: Record<string, SenderReader>;
  /** Per format: the connector's own messages that are not documents (СЕВ ОВВ receipts), applied instead of registered. */
  handlers?: Record<string, MessageHandler>;
  outbound(event: HubEvent): OutboundMessage[];
  /**
   * For events whose message the hub keeps in its store (an outgoing document's content never rides
   * on an event, which carries no personal data): the message read with the hub's database.
   * Undefined for any other event, which `outbound` maps.
   */
  outboundStored?(event: HubEvent, db: Queryable): Promise<OutboundMessage[]> | undefined;
  /**
   * After the broker confirmed the messages an event was mapped to (publisher confirms): records
   * it where the connector keeps its messages (СЕВ ОВВ: an outgoing message's publishedAt).
   */
  published?(event: HubEvent, db: Queryable, at: Date): Promise<void>;
  /** Loads and checks the connector's settings; throws ConfigError naming the variable. Run at start-up when it delivers. */
  checkConfig?(): void;
}
