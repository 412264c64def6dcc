import type { Logger } from '../log';
import { Periodic } from '../periodic';
import type { PetitionService } from './service';

/**
 * Runs the petitions' daily check on a timer (every SCHEDULER_INTERVAL_MS, like the control
 * scheduler: a pass over nothing to do is one indexed query). Tests call `service.tick()` directly.
 */
export class PetitionScheduler extends Periodic {
  constructor(service: PetitionService, log: Logger, intervalMs: number) {
    super(() => service.tick(), log, intervalMs, 'petitions check failed');
  }
}
