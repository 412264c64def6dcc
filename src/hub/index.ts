import type { Express } from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DestinationStream } from 'pino';
import { deliveringConnectors, registerConnectors } from '../../connectors';
import { amqpCommandHandler, ensureConfiguredSubscriptions, WebhookDispatcher } from '../../connectors/edms';
import { createApp } from '../api';
import { BusConnection, ConnectorDelivery, deliveryQueue, InboundConsumer, OutboxRelay, TOPOLOGY, type ConsumerOptions } from '../bus';
import { ControlScheduler, ControlService, type TermService } from '../control';
import { calendarTermService, configuredCalendar } from '../control/terms';
import type { Config } from '../config';
import type { HubEvent } from '../schemas';
import { kyivDate, systemClock, type Clock } from '../domain/clock';
import { createLogger, type Logger } from '../log';
import { ensureSampleNomenclature } from '../nomenclature';
import { waitForDatabase } from './wait-for-database';
import type { IntakeStep, PipelineDeps } from '../pipeline';
import { loadSignatureSettings, type SignatureSettings } from '../pipeline/steps';
import { composePipeline } from './pipeline';
import { createMetrics } from '../metrics';
import { answerFromExecution } from '../appeals';
import { requireInfoRequestAnswer } from '../info-requests';
import { PetitionScheduler, PetitionService } from '../petitions';
import { ensureAdminToken, OidcVerifier } from '../identity';
import { openDb, type Db } from '../store';
import { migrateWithRoles } from '../store/roles';
import { AuditCheckpoints, hubCheckpointSettings, openHubSigner } from '../audit/checkpoints';
import { configureWorkers, warmWorkers } from '../workers';

export interface HubOptions {
  clock?: Clock;
  logDestination?: DestinationStream;
  consumer?: Partial<ConsumerOptions>;
  steps?: IntakeStep[];
  /** false: no HTTP listener (a consumer-only process). */
  http?: boolean;
  terms?: TermService;
  /** false: this process raises no control reminders (another one does). */
  scheduler?: boolean;
  /** false: do not create the first administrator token (tests make their own tokens). */
  adminToken?: boolean;
}

export interface Hub {
  config: Config;
  db: Db;
  log: Logger;
  deps: PipelineDeps;
  signatures: SignatureSettings;
  bus?: BusConnection;
  relay?: OutboxRelay;
  consumer?: InboundConsumer;
  delivery?: ConnectorDelivery;
  webhooks?: WebhookDispatcher;
  control: ControlService;
  scheduler?: ControlScheduler;
  /** Signed checkpoints of the control log (when config.auditCheckpoints is set). */
  auditCheckpoints?: AuditCheckpoints;
  petitions: PetitionService;
  petitionScheduler?: PetitionScheduler;
  server?: Server;
  /** The HTTP application (its route table is app.locals.routes). */
  app?: Express;
  /** http://127.0.0.1:PORT when listening. */
  url?: string;
  close(): Promise<void>;
}

/** Composes the hub: database (migrated), sample nomenclature if asked, broker, relay, HTTP. */
export async function startHub(config: Config, opts: HubOptions = {}): Promise<Hub> {
  registerConnectors();
  const delivering = deliveringConnectors(config.deliverConnectors);
  const log = createLogger({ level: config.logLevel, destination: opts.logDestination });
  const clock = opts.clock ?? systemClock;
  if (delivering.length && !config.amqpUrl) log.warn({ connectors: config.deliverConnectors }, 'задано DELIVER_CONNECTORS, але не AMQP_URL: нічого не доставляється, доки не налаштовано брокер / DELIVER_CONNECTORS is set but AMQP_URL is not: nothing is delivered until a broker is configured');
  const signatures = await loadSignatureSettings(config);
  configureWorkers(config.workers);
  // A worker thread starts and loads its modules in the background (a first large input waits for
  // it at most; awaiting it here cost PostgreSQL start-up 0.7 s, bench startup).
  void warmWorkers();
  for (const warning of signatures.trust.warnings) log.warn({ warning }, 'сховище довірених сертифікатів: джерело пропущено / trust store: a source was skipped');
  if (!signatures.trust.size) log.warn('не налаштовано довірених сертифікатів (TRUST_FILES, TRUST_DIRS): жоден підпис не буде підтверджено / no trust anchors configured (TRUST_FILES, TRUST_DIRS): no signature can be confirmed');
  const db = await openDb({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    connectTimeoutMs: config.databaseConnectTimeoutMs,
    queryTimeoutMs: config.databaseQueryTimeoutMs,
    onError: (err) => log.warn({ err: err.message }, 'помилка зʼєднання з базою даних / database connection error'),
  });
  try {
    await waitForDatabase(db, config.databaseWaitMs, (attempt, delayMs, err) =>
      log.warn({ attempt, retryInMs: delayMs, err: err.message, waitMs: config.databaseWaitMs }, 'база даних недоступна; чекаємо (DATABASE_WAIT_MS) / the database is unreachable; waiting (DATABASE_WAIT_MS)'));
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  const { applied, roles } = await migrateWithRoles(db, config.databaseMigrationUrl);
  if (applied.length) log.info({ applied }, 'застосовано міграції бази даних / migrations applied');
  if (roles?.weakness) log.warn(roles, 'роль DATABASE_URL досі може переписати журнал контролю (та сама роль, суперкористувач або член ролі власника) / the DATABASE_URL role can still rewrite the control log');
  else if (roles) log.info(roles, 'хаб працює з роллю без права змінювати журнал контролю / the hub runs as a role that cannot alter the control log');
  if (config.sampleNomenclature) {
    const year = Number(kyivDate(clock.now()).slice(0, 4));
    if (await ensureSampleNomenclature(db, year)) log.warn({ year }, 'завантажено ЗРАЗКОВУ номенклатуру справ; імпортуйте власну / loaded the SAMPLE nomenclature of files; import your own');
  }

  const nudge = () => {
    hub.relay?.nudge();
    hub.webhooks?.nudge();
  };
  const metrics = createMetrics({
    db,
    queueDepths: async () => hub.bus?.queueDepths([TOPOLOGY.inboundQueue, ...delivering.map((c) => deliveryQueue(c.name))]) ?? {},
  });
  // One term service for control and for the intake's sender-control step: a card's dates are counted one way.
  const terms = opts.terms ?? calendarTermService(config);
  const { deps } = await composePipeline(config, db, log, clock, { signatures, steps: opts.steps, onEventsCommitted: nudge, metrics, terms });
  const control = new ControlService({
    db, clock, log, terms, onEventsCommitted: nudge,
    // One truth: an appeal's execution is its answer; an information request's needs its answer first.
    onExecuted: async (q, doc, body, card, by) => {
      await requireInfoRequestAnswer(q, doc);
      await answerFromExecution(q, doc, body, card, by, clock.now());
    },
  });
  const petitions = new PetitionService({ db, clock, log, pipeline: deps, calendar: configuredCalendar(config) });
  const hub: Hub = { config, db, log, deps, signatures, control, petitions, close: async () => undefined };
  if (config.auditCheckpoints) {
    const { signer, created, publicKeyFile } = openHubSigner(config.auditCheckpoints);
    const fields = { keyId: signer.keyId, keyFile: config.auditCheckpoints.keyFile, publicKeyFile, publicKey: signer.publicKeyPem, checkpointFile: config.auditCheckpoints.file };
    if (created) log.warn(fields, 'перший запуск: створено ключ підпису контрольних точок журналу (читати може лише власник); передайте аудитору відкритий ключ / first start: the audit checkpoint signing key was created (owner-only); give the public key to the auditor');
    else log.info(fields, 'ключ підпису контрольних точок журналу / audit checkpoint signing key');
    const settings = hubCheckpointSettings(config.auditCheckpoints, signer);
    const trusted = [...settings.keys.keys()];
    if (settings.untrustedSigner) {
      // Several hubs (issue 14): the trusted list is configured and this hub's key is not on it.
      log.error({ keyId: signer.keyId, publicKey: signer.publicKeyPem, publicKeyFile, trustedKeyIds: trusted },
        'цей хаб не підписує контрольних точок журналу: його ключа немає серед довірених (AUDIT_CHECKPOINT_PUBLIC_KEYS); додайте його відкритий ключ у цей список на кожному хабі й в аудитора / this hub signs no audit checkpoints: its key is not among AUDIT_CHECKPOINT_PUBLIC_KEYS; add its public key to that list on every hub and at the auditor\'s');
    }
    hub.auditCheckpoints = new AuditCheckpoints(db, clock, log, settings, nudge);
    const strangers = await hub.auditCheckpoints.untrustedKeyIds();
    if (strangers.length) {
      log.warn({ untrusted: strangers, trustedKeyIds: trusted },
        'у базі є контрольні точки, підписані ключами, яким цей хаб не довіряє: перевірка журналу їх не прийме (ключ іншого хаба — додайте його до AUDIT_CHECKPOINT_PUBLIC_KEYS; інакше з\'ясуйте, хто підписав) / the database holds checkpoints signed by keys this hub does not trust: verify will report them');
    }
    if (opts.scheduler !== false) {
      hub.auditCheckpoints.start();
      hub.auditCheckpoints.observe((ok) => metrics.schedulerRuns.inc({ scheduler: 'audit-checkpoints', result: ok ? 'ok' : 'failed' }));
    }
  }
  if (opts.adminToken !== false) {
    const boot = await ensureAdminToken(db, config.adminTokenFile, clock.now());
    if (boot.created) log.warn({ file: boot.file }, 'перший запуск: створено токен адміністратора й записано в цей файл (читати може лише власник) / first start: an administrator token was created and written to this file (readable by its owner only)');
  }
  if (config.webhookSubscriptions.length) await ensureConfiguredSubscriptions(db, config.webhookSubscriptions, clock.now());
  hub.webhooks = new WebhookDispatcher(db, clock, log, config.webhooks);
  hub.webhooks.start();
  hub.webhooks.observe((ok) => metrics.schedulerRuns.inc({ scheduler: 'webhooks', result: ok ? 'ok' : 'failed' }));
  if (opts.scheduler !== false) {
    hub.scheduler = new ControlScheduler(db, clock, log, config.schedulerIntervalMs, nudge);
    hub.scheduler.start();
    hub.scheduler.observe((ok) => metrics.schedulerRuns.inc({ scheduler: 'control', result: ok ? 'ok' : 'failed' }));
    hub.petitionScheduler = new PetitionScheduler(petitions, log, config.schedulerIntervalMs);
    hub.petitionScheduler.start();
  }

  if (config.amqpUrl) {
    hub.bus = new BusConnection(config.amqpUrl, log, config.amqpQueueType);
    hub.consumer = new InboundConsumer(hub.bus, deps, {
      prefetch: config.amqpPrefetch, publishers: config.amqpPublishers, onCommand: amqpCommandHandler(control, db), ...opts.consumer,
    });
    hub.relay = new OutboxRelay(db, hub.bus, clock, log, config.relayIntervalMs);
    // A connector's stored messages (СЕВ ОВВ outgoing documents) are read with this hub's database.
    const withStore = delivering.map((c) => ({
      name: c.name,
      outbound: (e: HubEvent) => c.outboundStored?.(e, db) ?? c.outbound(e),
      ...(c.published ? { published: (e: HubEvent) => c.published!(e, db, clock.now()) } : {}),
    }));
    hub.delivery = new ConnectorDelivery(hub.bus, withStore, log, config.amqpPrefetch);
    await hub.bus.start();
    hub.relay.start();
  }

  /**
   * Graceful stop, bounded by SHUTDOWN_TIMEOUT_MS: take nothing new (HTTP stops accepting, the
   * consumer cancels), finish what is in hand (requests answered, messages acked; what cannot
   * finish stays unacked for another process), publish the outbox, then close.
   */
  hub.close = async () => {
    const budget = config.shutdownTimeoutMs;
    const server = hub.server;
    const httpDone = server ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve();
    server?.closeIdleConnections?.();
    await hub.consumer?.drain(budget / 2);
    await Promise.race([httpDone, new Promise<void>((resolve) => setTimeout(resolve, budget / 2).unref())]);
    server?.closeAllConnections?.();
    await httpDone;
    await hub.scheduler?.stop();
    await hub.auditCheckpoints?.stop();
    await hub.webhooks?.stop();
    await hub.petitionScheduler?.stop();
    await hub.relay?.stop();
    await hub.relay?.flush(budget / 4);
    await hub.bus?.close();
    await db.close();
  };
  if (opts.http !== false) {
    const bus = hub.bus;
    const oidc = config.oidc ? new OidcVerifier(config.oidc) : undefined;
    const app = createApp({
      ...deps, control, signatures, petitions, oidc, config, auditCheckpoints: hub.auditCheckpoints, trustProxy: config.trustProxy, brokerConnected: bus ? () => bus.answers() : undefined,
    });
    hub.app = app;
    try {
      hub.server = await new Promise<Server>((resolve, reject) => {
        // Express 5 hands a listen error to the callback (not only to 'error'): either way it rejects.
        const server = app.listen(config.port, config.host, (err?: Error) => (err ? reject(err) : resolve(server)));
        server.once('error', reject);
      });
    } catch (err) {
      // The port is taken (or the interface is not there): nothing half-started stays alive.
      await hub.close().catch(() => undefined);
      throw err;
    }
    const address = hub.server.address() as AddressInfo;
    const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    // What the socket is bound to, not what we hoped: the log never says 127.0.0.1 while listening on all.
    hub.url = `http://${shown === '0.0.0.0' ? '127.0.0.1' : shown === '[::]' ? '[::1]' : shown}:${address.port}`;
    log.info(
      { listening: `${shown}:${address.port}`, url: hub.url, database: db.backend, broker: config.amqpUrl ? 'configured' : 'none', identityProvider: config.oidc ? config.oidc.issuer : 'none' },
      'dilovod готовий приймати запити / dilovod is listening',
    );
  }

  return hub;
}
