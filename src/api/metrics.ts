import type { RequestHandler } from 'express';
import type { HubMetrics } from '../metrics';
import { secureRouter, type SecureRouter } from './secure-router';

/** Counts each request by its route pattern (never the path: ids would make every request a series) and status. */
export function httpMetrics(metrics: HubMetrics): RequestHandler {
  return (req, res, next) => {
    const stop = metrics.httpSeconds.startTimer();
    res.on('finish', () => {
      const route = req.route ? `${req.baseUrl}${req.route.path as string}` : 'unmatched';
      stop({ method: req.method, route });
      metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
}

/** GET /metrics in the Prometheus text format, for a token with `metrics:read` (role monitoring or admin). */
export function metricsRouter(metrics: HubMetrics): SecureRouter {
  const r = secureRouter();
  r.get('/metrics', 'metrics:read', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return r;
}
