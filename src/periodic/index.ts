import type { Logger } from '../log';

/**
 * A pass that runs now and then every `intervalMs` after the previous one ended (never two at
 * once), for the control scheduler and the petitions' daily check. A failed pass is logged and the
 * next one runs as usual; `stop()` waits for the pass in flight.
 */
export class Periodic {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly pass: () => Promise<unknown>,
    private readonly log: Logger,
    private readonly intervalMs: number,
    private readonly failure: string,
  ) {}

  start(): void {
    const loop = () => {
      this.running = this.pass()
        .catch((err) => this.log.warn({ err: (err as Error).message }, this.failure))
        .finally(() => {
          if (this.timer !== undefined) this.timer = setTimeout(loop, this.intervalMs);
        });
    };
    this.timer = setTimeout(loop, 0);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
