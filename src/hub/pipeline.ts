import { registerConnectors } from '../../connectors';
import type { Config } from '../config';
import { loadRouting } from '../config/routing';
import { configuredCalendar, configuredTermOptions } from '../control/terms';
import type { Clock } from '../domain/clock';
import type { Logger } from '../log';
import type { IntakeStep, PipelineDeps } from '../pipeline';
import { loadSignatureSettings, signatureStep, type SignatureSettings } from '../pipeline/steps';
import { appealStep } from '../pipeline/steps/appeals';
import type { HubMetrics } from '../metrics';
import type { Db } from '../store';

/**
 * The pipeline as the settings make it (connectors' decoders, routing, the signature and appeal
 * steps): the hub's, and the CLI's when an operator replays quarantine on the server.
 */
export async function composePipeline(
  config: Config, db: Db, log: Logger, clock: Clock,
  extra: { signatures?: SignatureSettings; steps?: IntakeStep[]; onEventsCommitted?: () => void; metrics?: HubMetrics } = {},
): Promise<{ deps: PipelineDeps; signatures: SignatureSettings }> {
  registerConnectors();
  const routing = loadRouting(config.registryRoutingFile);
  // The hub loads them before it opens anything (a bad trust file stops start-up first) and hands them in.
  const signatures = extra.signatures ?? (await loadSignatureSettings(config));
  // The appeal step counts its terms (forwarding, Law art. 7 ч. 3) with the council's TERM_ROLL, as control does (ЦК ст. 254 ч. 5).
  const steps = [signatureStep({ ...signatures, db, metrics: extra.metrics }), appealStep({ db, calendar: configuredCalendar(config), termOptions: configuredTermOptions(config) }), ...(extra.steps ?? [])];
  return { deps: { db, clock, routing, log, steps, onEventsCommitted: extra.onEventsCommitted, metrics: extra.metrics }, signatures };
}
