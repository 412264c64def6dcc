import type { Logger } from '../log';

/**
 * A pass that runs now and then every `intervalMs` after the previous one ended (never two at
 * once), for the control scheduler and the petitions' daily check. A failed pass is logged and the
 * next one runs as usual; `stop()` waits for the pass in flight.
 */
export class Periodic {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private again = false;
  /** Told after each pass whether it succeeded (the hub counts them for /metrics). */
  observe?: (ok: boolean) => void;

  constructor(
    private readonly pass: () => Promise<unknown>,
    private readonly log: Logger,
    private readonly intervalMs: number,
    private readonly failure: string,
  ) {}

  private readonly loop = (): void => {
    this.again = false;
    this.running = this.pass()
      .then(() => this.observe?.(true))
      .catch((err) => {
        this.observe?.(false);
        this.log.warn({ err: (err as Error).message }, this.failure);
      })
      .finally(() => {
        this.running = undefined;
        if (this.timer !== undefined) this.timer = setTimeout(this.loop, this.again ? 0 : this.intervalMs);
      });
  };

  start(): void {
    this.timer = setTimeout(this.loop, 0);
  }

  /** Something to do now (an event committed): run at once, or once more right after the pass in flight. */
  nudge(): void {
    if (this.timer === undefined) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(this.loop, 0);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
