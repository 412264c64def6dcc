import { buildAsyncApi, buildOpenApi, hubVersion, renderReferencePage } from '../../contract';
import { secureRouter, type RouteEntry, type SecureRouter } from '../secure-router';

/**
 * The published contract (issue 12): OpenAPI 3.1 of every route in the app's route table, AsyncAPI 3
 * of the broker side, and the reference page drawn from both. Any signed-in caller may read them
 * (secure by default: only the health checks are public). Mounted at /api/v1.
 */
export function contractRouter(): SecureRouter {
  const r = secureRouter();
  const openapi = (req: { app: { locals: Record<string, unknown> }; protocol: string; get(name: string): string | undefined }) =>
    buildOpenApi(req.app.locals.routes as RouteEntry[], { version: hubVersion(), serverUrl: `${req.protocol}://${req.get('host') ?? 'localhost'}` });

  r.get('/openapi.json', 'authenticated', (req, res) => {
    res.json(openapi(req));
  });
  r.get('/asyncapi.json', 'authenticated', (_req, res) => {
    res.json(buildAsyncApi({ version: hubVersion() }));
  });
  r.get('/docs', 'authenticated', (req, res) => {
    res.type('text/html; charset=utf-8').send(renderReferencePage(openapi(req), buildAsyncApi({ version: hubVersion() })));
  });
  return r;
}
