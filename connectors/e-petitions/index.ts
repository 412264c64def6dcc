import type { Connector } from '../connector';
import { CONFIG_SCHEMA_FILE, loadEPetitionsConfig } from './config';
import { platformUpdatesFor } from './outbound';

export { loadEPetitionsConfig, type EPetitionsConfig } from './config';
export { decodePetitionExport, snapshotOf, SOURCE as PETITION_SOURCE } from './inbound';
export { platformUpdatesFor } from './outbound';

/**
 * Local e-petitions platform (E-DEM-like): exports in on POST /api/v1/petitions (a snapshot is
 * not a document: the state machine decides when a petition is registered, so there is no
 * pipeline decoder), updates out to the platform (registered, under consideration, answered).
 */
export const ePetitionsConnector: Connector = {
  name: 'e-petitions',
  configSchemaFile: CONFIG_SCHEMA_FILE,
  decoders: {},
  outbound: (event) => platformUpdatesFor(event),
  checkConfig: () => void loadEPetitionsConfig(),
};
