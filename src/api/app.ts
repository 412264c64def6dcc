import express, { Express } from 'express';
import type { AuditCheckpoints } from '../audit/checkpoints';
import type { Config } from '../config';
import type { ControlService } from '../control';
import type { OidcVerifier } from '../identity';
import type { PetitionService } from '../petitions';
import type { PipelineDeps } from '../pipeline';
import type { SignatureSettings } from '../pipeline/steps';
import { authenticate } from './authenticate';
import { httpMetrics, metricsRouter } from './metrics';
import { errorHandler, notFound } from './errors';
import { rejectedBodyKeeper } from './rejected-bodies';
import { urlGuard } from './hostile';
import { requestId } from './request-id';
import { appealsRouter } from './routes/appeals';
import { archiveRouter } from './routes/archive';
import { auditRouter } from './routes/audit';
import { changesRouter } from './routes/changes';
import { configRouter } from './routes/config';
import { contractRouter } from './routes/contract';
import { controlListsRouter, documentControlRouter } from './routes/control';
import { dashboardRouter } from './routes/dashboard';
import { directLineRouter } from './routes/direct-line';
import { documentsRouter } from './routes/documents';
import { healthRouter } from './routes/health';
import { identityRouter } from './routes/identity';
import { infoRequestsRouter } from './routes/info-requests';
import { nomenclatureRouter } from './routes/nomenclature';
import { outgoingRouter } from './routes/outgoing';
import { petitionsRouter } from './routes/petitions';
import { quarantineRouter } from './routes/quarantine';
import { signaturesRouter } from './routes/signatures';
import { subscriptionsRouter } from './routes/subscriptions';
import { RouteTable } from './secure-router';
import { webPages } from './web';

export interface ApiDeps extends PipelineDeps {
  control: ControlService;
  signatures: SignatureSettings;
  /** /readyz: whether the broker answers (see routes/health.ts). */
  brokerConnected?: () => boolean | Promise<boolean>;
  petitions?: PetitionService;
  /** The people's identity provider; absent: API tokens only. */
  oidc?: OidcVerifier;
  /** Express `trust proxy` (TRUST_PROXY): whom to believe for the client's address. */
  trustProxy?: string;
  /** The settings, for the administrator's GET /api/v1/config. */
  config?: Config;
  /** Signed checkpoints of the control log: served, and what GET /api/v1/audit/verify checks against. */
  auditCheckpoints?: AuditCheckpoints;
}

/**
 * The HTTP door: thin handlers over the pipeline and the store. Express 5 forwards async errors.
 * Every route is mounted through the route table, so each names its permission (secure-router.ts);
 * the table is kept in app.locals.routes for the permission-matrix test.
 */
export function createApp(deps: ApiDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  if (deps.trustProxy) app.set('trust proxy', /^\d+$/.test(deps.trustProxy) ? Number(deps.trustProxy) : deps.trustProxy);
  const table = new RouteTable();
  app.locals.routes = table.entries;
  app.use(requestId(deps.log));
  if (deps.metrics) app.use(httpMetrics(deps.metrics));
  table.mount(app, '', healthRouter({ db: deps.db, brokerConnected: deps.brokerConnected }));
  // The department's pages: static files, no data in them, so before authentication (src/api/web.ts).
  const pages = webPages({ oidc: deps.config?.oidc });
  if (pages) app.use(pages);
  app.use(authenticate({ db: deps.db, oidc: deps.oidc, now: () => deps.clock.now() }));
  // No NUL and no non-UTF-8 percent-encoding in the path or any query parameter, before a route reads them (issue 14).
  app.use(urlGuard);
  table.mount(app, '/api/v1/documents', documentsRouter(deps));
  table.mount(app, '/api/v1/documents', documentControlRouter(deps.control, deps.db));
  table.mount(app, '/api/v1', dashboardRouter(deps.db, deps.clock, deps.config));
  table.mount(app, '/api/v1', controlListsRouter(deps.db, deps.clock, deps.control));
  table.mount(app, '/api/v1/quarantine', quarantineRouter(deps));
  table.mount(app, '/api/v1/nomenclature', nomenclatureRouter(deps));
  table.mount(app, '/api/v1/audit', auditRouter(deps.db, deps.auditCheckpoints));
  table.mount(app, '/api/v1', appealsRouter(deps));
  table.mount(app, '/api/v1/direct-line', directLineRouter(deps));
  table.mount(app, '/api/v1/archive', archiveRouter(deps));
  table.mount(app, '/api/v1', infoRequestsRouter(deps));
  table.mount(app, '/api/v1/petitions', petitionsRouter({ petitions: deps.petitions, db: deps.db, clock: deps.clock }));
  table.mount(app, '/api/v1/signatures', signaturesRouter(deps.signatures, deps.clock));
  table.mount(app, '/api/v1', outgoingRouter(deps));
  table.mount(app, '/api/v1', identityRouter(deps.db, deps.clock));
  table.mount(app, '/api/v1', configRouter(deps.config));
  table.mount(app, '/api/v1', changesRouter(deps.db));
  if (deps.metrics) table.mount(app, '', metricsRouter(deps.metrics));
  table.mount(app, '/api/v1', subscriptionsRouter(deps.db, deps.clock, deps.config?.webhooks.secretGraceHours ?? 24));
  table.mount(app, '/api/v1', contractRouter());
  app.use(notFound);
  // A body refused as input is kept in quarantine with its exact bytes (issue 14; src/api/rejected-bodies.ts).
  app.use(errorHandler(deps.log, rejectedBodyKeeper(deps)));
  return app;
}
