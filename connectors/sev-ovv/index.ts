import type { Connector } from '../connector';
import { CONFIG_SCHEMA_FILE, loadSevOvvConfig } from './config';
import { FORMAT, SOURCE, sevOvvDecoder } from './inbound';
import { acknowledgementsFor } from './outbound';
import { applySevOvvMessage } from './apply-own';
import { sentMessageFor, sentMessagePublished } from './outgoing/send';
import { receiptsFor } from './progress-receipts';
import { sevOvvSenderOf } from './sender';

export { loadSevOvvConfig, type SevOvvConfig } from './config';
export { decodeSevOvvMessage } from './inbound';
export { acknowledgementsFor } from './outbound';

/**
 * СЕВ ОВВ, the inter-agency electronic exchange (format "1207" v1.5): documents in on AMQP
 * routing key sev-ovv.xml, acknowledgements (registered / refused) out to the sender; a message
 * the hub refuses is answered with a refusal (ack_type 4) whenever its sender can be read. The
 * council's outgoing documents go out one message per addressee, and the receipts to them
 * (msg_type 0) move their state (./outgoing, issue 18).
 */
export const sevOvvConnector: Connector = {
  name: SOURCE,
  configSchemaFile: CONFIG_SCHEMA_FILE,
  decoders: { [FORMAT]: sevOvvDecoder },
  senders: { [FORMAT]: sevOvvSenderOf },
  handlers: { [FORMAT]: applySevOvvMessage },
  outbound: (event) => acknowledgementsFor(event),
  outboundStored: (event, db) => sentMessageFor(event, db) ?? receiptsFor(event, db),
  published: sentMessagePublished,
  checkConfig: () => void loadSevOvvConfig(),
};
