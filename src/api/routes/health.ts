import { secureRouter, type SecureRouter } from '../secure-router';
import type { Db } from '../../store';

export interface Readiness {
  db: Db;
  /** Undefined when no broker is configured (HTTP still works). */
  brokerConnected?: () => boolean;
}

/**
 * A load balancer gives up on a probe after a second or so: a database that does not answer
 * `SELECT 1` in this long (stalled, or every connection busy) is down for it (issue 14: /readyz
 * said ready, or hung, while the database stalled).
 */
const READY_WITHIN_MS = 800;

async function answersWithin(db: Db, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const answered = db.query('SELECT 1').then(() => true, () => false);
  try {
    return await Promise.race([answered, late]);
  } finally {
    clearTimeout(timer);
  }
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
    checks.database = (await answersWithin(deps.db, READY_WITHIN_MS)) ? 'ok' : 'down';
    checks.broker = deps.brokerConnected ? (deps.brokerConnected() ? 'ok' : 'down') : 'not-configured';
    const ready = checks.database === 'ok' && checks.broker !== 'down';
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not-ready', checks });
  });
  return r;
}
