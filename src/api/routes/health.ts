import { secureRouter, type SecureRouter } from '../secure-router';
import type { Db } from '../../store';

export interface Readiness {
  db: Db;
  /**
   * Whether the broker answers (src/bus/connection.ts `answers()`: a round trip, not only an open
   * socket); undefined when no broker is configured (HTTP still works).
   */
  brokerConnected?: () => boolean | Promise<boolean>;
}

/**
 * A load balancer gives up on a probe after a second or so: a database that does not answer
 * `SELECT 1` in this long (stalled, or every connection busy), or a broker that does not answer a
 * round trip, is down for it (issue 14: /readyz said ready, or hung, while either stalled).
 */
const READY_WITHIN_MS = 800;

/** Whether `check` says yes within `ms`; a late answer, or a failure, is a no. */
async function answersWithin(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const answered = Promise.resolve().then(check).then((ok) => ok === true, () => false);
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
    // Both at once, so the answer comes within READY_WITHIN_MS even when both services stall.
    const [database, broker] = await Promise.all([
      answersWithin(async () => {
        await deps.db.query('SELECT 1');
        return true;
      }, READY_WITHIN_MS),
      deps.brokerConnected ? answersWithin(deps.brokerConnected, READY_WITHIN_MS) : undefined,
    ]);
    checks.database = database ? 'ok' : 'down';
    checks.broker = broker === undefined ? 'not-configured' : broker ? 'ok' : 'down';
    const ready = checks.database === 'ok' && checks.broker !== 'down';
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not-ready', checks });
  });
  return r;
}
