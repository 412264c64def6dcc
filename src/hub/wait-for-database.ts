import { isTransient } from '../errors';
import { backoffMs, sleep } from '../bus/backoff';
import type { Db } from '../store';

/**
 * Start-up on a server where the database may come up after the hub (a reboot, a failover): ask
 * it `SELECT 1` with back-off (0.1 s … 5 s) until it answers or `waitMs` has passed, saying each
 * wait in the log, then give up with the last error so the service manager sees exit 69 (issue 14:
 * 15 restarts in a row exited at once while it was down). Only a connection failure is waited for.
 */
export async function waitForDatabase(db: Db, waitMs: number, onWait: (attempt: number, delayMs: number, err: Error) => void, now = () => Date.now()): Promise<void> {
  const deadline = now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    try {
      await db.query('SELECT 1');
      return;
    } catch (err) {
      const delay = backoffMs(attempt, 5_000);
      if (!isTransient(err) || now() + delay > deadline) throw err;
      onWait(attempt + 1, delay, err as Error);
      await sleep(delay);
    }
  }
}
