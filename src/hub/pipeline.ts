import { registerConnectors } from '../../connectors';
import type { Config } from '../config';
import { loadRouting } from '../config/routing';
import { calendarTermService, configuredCalendar, configuredTermOptions } from '../control/terms';
import type { TermService } from '../control/term-service';
import type { Clock } from '../domain/clock';
import type { Logger } from '../log';
import type { IntakeStep, PipelineDeps } from '../pipeline';
import { loadSignatureSettings, signatureStep, type SignatureSettings } from '../pipeline/steps';
import { appealStep } from '../pipeline/steps/appeals';
import { senderControlStep } from '../pipeline/steps/sender-control';
import type { HubMetrics } from '../metrics';
import type { Db } from '../store';

/**
 * The pipeline as the settings make it (connectors' decoders, routing, the signature, appeal and
 * sender-control steps): the hub's, and the CLI's when an operator replays quarantine on the server.
 * `terms`: the control service's (the hub hands in its own), else the council's calendar.
 */
export async function composePipeline(
  config: Config, db: Db, log: Logger, clock: Clock,
  extra: { signatures?: SignatureSettings; steps?: IntakeStep[]; onEventsCommitted?: () => void; metrics?: HubMetrics; terms?: TermService } = {},
): Promise<{ deps: PipelineDeps; signatures: SignatureSettings }> {
  registerConnectors();
  const routing = loadRouting(config.registryRoutingFile);
  // The hub loads them before it opens anything (a bad trust file stops start-up first) and hands them in.
  const signatures = extra.signatures ?? (await loadSignatureSettings(config));
  // The appeal step counts its terms (forwarding, Law art. 7 ч. 3) with the council's TERM_ROLL, as control does (ЦК ст. 254 ч. 5).
  const steps = [
    signatureStep({ ...signatures, db, metrics: extra.metrics }),
    appealStep({ db, calendar: configuredCalendar(config), termOptions: configuredTermOptions(config) }),
    // The sender's control (003 п. 165) opens its card with the control service's terms, so both count one way.
    senderControlStep({ terms: extra.terms ?? calendarTermService(config) }),
    ...(extra.steps ?? []),
  ];
  return { deps: { db, clock, routing, log, steps, onEventsCommitted: extra.onEventsCommitted, metrics: extra.metrics }, signatures };
}
