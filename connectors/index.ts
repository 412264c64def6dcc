import { ConfigError } from '../src/config';
import { registerDecoder, registerMessageHandler } from '../src/pipeline';
import type { Connector } from './connector';
import { ePetitionsConnector } from './e-petitions';
import { hotlineConnector } from './hotline';
import { sevOvvConnector } from './sev-ovv';

export type { Connector, OutboundMessage } from './connector';

/** The connectors this hub ships; each registers its inbound formats with the pipeline. */
export const CONNECTORS: Connector[] = [sevOvvConnector, hotlineConnector, ePetitionsConnector];

/** The connectors named in DELIVER_CONNECTORS, their settings checked: a bad name or setting stops start-up. */
export function deliveringConnectors(names: readonly string[]): Connector[] {
  return names.map((name) => {
    const connector = CONNECTORS.find((c) => c.name === name);
    if (!connector) {
      const known = CONNECTORS.map((c) => c.name).join(', ');
      throw new ConfigError('DELIVER_CONNECTORS', `unknown connector "${name}" (known: ${known})`, `невідомий конектор «${name}» (відомі: ${known})`);
    }
    connector.checkConfig?.();
    return connector;
  });
}

let registered = false;
export function registerConnectors(): void {
  if (registered) return;
  registered = true;
  for (const c of CONNECTORS) {
    for (const [format, decoder] of Object.entries(c.decoders)) registerDecoder(format, decoder, c.senders?.[format]);
    for (const [format, handler] of Object.entries(c.handlers ?? {})) registerMessageHandler(format, handler);
  }
}
