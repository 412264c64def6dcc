import express, { Express } from 'express';
import type { ControlService } from '../control';
import type { PetitionService } from '../petitions';
import type { PipelineDeps } from '../pipeline';
import type { SignatureSettings } from '../pipeline/steps';
import { errorHandler, notFound } from './errors';
import { requestId } from './request-id';
import { appealsRouter } from './routes/appeals';
import { auditRouter } from './routes/audit';
import { controlListsRouter, documentControlRouter } from './routes/control';
import { documentsRouter } from './routes/documents';
import { healthRouter } from './routes/health';
import { infoRequestsRouter } from './routes/info-requests';
import { nomenclatureRouter } from './routes/nomenclature';
import { petitionsRouter } from './routes/petitions';
import { quarantineRouter } from './routes/quarantine';
import { signaturesRouter } from './routes/signatures';

export interface ApiDeps extends PipelineDeps {
  control: ControlService;
  signatures: SignatureSettings;
  brokerConnected?: () => boolean;
  petitions?: PetitionService;
}

/** The HTTP door: thin handlers over the pipeline and the store. Express 5 forwards async errors. */
export function createApp(deps: ApiDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestId(deps.log));
  app.use(healthRouter({ db: deps.db, brokerConnected: deps.brokerConnected }));
  app.use('/api/v1/documents', documentsRouter(deps));
  app.use('/api/v1/documents', documentControlRouter(deps.control));
  app.use('/api/v1', controlListsRouter(deps.db, deps.clock));
  app.use('/api/v1/quarantine', quarantineRouter(deps.db));
  app.use('/api/v1/nomenclature', nomenclatureRouter(deps));
  app.use('/api/v1/audit', auditRouter(deps.db));
  app.use('/api/v1', appealsRouter(deps));
  app.use('/api/v1', infoRequestsRouter(deps));
  app.use('/api/v1/petitions', petitionsRouter(deps));
  app.use('/api/v1/signatures', signaturesRouter(deps.signatures, deps.clock));
  app.use(notFound);
  app.use(errorHandler(deps.log));
  return app;
}
