import type { Connector } from '../connector';
import { CONFIG_SCHEMA_FILE, loadSevOvvConfig } from './config';
import { FORMAT, SOURCE, sevOvvDecoder } from './inbound';
import { acknowledgementsFor } from './outbound';
import { sevOvvSenderOf } from './sender';

export { loadSevOvvConfig, type SevOvvConfig } from './config';
export { decodeSevOvvMessage } from './inbound';
export { acknowledgementsFor } from './outbound';

/**
 * СЕВ ОВВ, the inter-agency electronic exchange (format "1207" v1.5): documents in on AMQP
 * routing key sev-ovv.xml, acknowledgements (registered / refused) out to the sender; a message
 * the hub refuses is answered with a refusal (ack_type 4) whenever its sender can be read.
 */
export const sevOvvConnector: Connector = {
  name: SOURCE,
  configSchemaFile: CONFIG_SCHEMA_FILE,
  decoders: { [FORMAT]: sevOvvDecoder },
  senders: { [FORMAT]: sevOvvSenderOf },
  outbound: (event) => acknowledgementsFor(event),
  checkConfig: () => void loadSevOvvConfig(),
};
