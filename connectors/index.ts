import { registerDecoder } from '../src/pipeline';
import type { Connector } from './connector';
import { sevOvvConnector } from './sev-ovv';

export type { Connector, OutboundMessage } from './connector';

/** The connectors this hub ships; each registers its inbound formats with the pipeline. */
export const CONNECTORS: Connector[] = [sevOvvConnector];

let registered = false;
export function registerConnectors(): void {
  if (registered) return;
  registered = true;
  for (const c of CONNECTORS) for (const [format, decoder] of Object.entries(c.decoders)) registerDecoder(format, decoder);
}
