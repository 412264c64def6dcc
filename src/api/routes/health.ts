import { secureRouter, type SecureRouter } from '../secure-router';
import type { Db } from '../../store';

export interface Readiness {
  db: Db;
  /** Undefined when no broker is configured (HTTP still works). */
  brokerConnected?: () => boolean;
}

/** /healthz: the process answers. /readyz: the database and, if configured, the broker are reachable. */
export function healthRouter(deps: Readiness): SecureRouter {
  const r = secureRouter();
  // Open to anyone (a load balancer, a service manager): they say nothing but up or down.
  r.get('/healthz', 'public', (_req, res) => {
    res.json({ status: 'ok' });
  });
  r.get('/readyz', 'public', async (_req, res) => {
    const checks: Record<string, 'ok' | 'down' | 'not-configured'> = {};
    try {
      await deps.db.query('SELECT 1');
      checks.database = 'ok';
    } catch {
      checks.database = 'down';
    }
    checks.broker = deps.brokerConnected ? (deps.brokerConnected() ? 'ok' : 'down') : 'not-configured';
    const ready = checks.database === 'ok' && checks.broker !== 'down';
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not-ready', checks });
  });
  return r;
}
