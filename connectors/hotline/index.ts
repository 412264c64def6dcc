import type { Connector } from '../connector';
import { CONFIG_SCHEMA_FILE, loadHotlineConfig } from './config';
import { FORMAT, hotlineDecoder } from './inbound';
import { statusMessagesFor } from './outbound';

export { loadHotlineConfig, type HotlineConfig } from './config';
export { decodeHotlineCard } from './inbound';
export { statusMessagesFor, type HotlineStatus } from './outbound';

/**
 * Cards of the government hotline 1545 and the oblast contact centre (003 §136-139): cards in on
 * format hotline.json, registered as hotline-card appeals under the centre's control; statuses
 * and the result out to the centre that forwarded the card.
 */
export const hotlineConnector: Connector = {
  name: 'hotline',
  configSchemaFile: CONFIG_SCHEMA_FILE,
  decoders: { [FORMAT]: hotlineDecoder },
  outbound: (event) => statusMessagesFor(event),
  checkConfig: () => void loadHotlineConfig(),
};
