import type { Clock } from '../../src/domain/clock';

/** A clock the test moves by hand: the scheduler and terms see the date the test sets. */
export class ManualClock implements Clock {
  private at: Date;
  constructor(iso: string) {
    this.at = new Date(iso);
  }
  now(): Date {
    return new Date(this.at.getTime());
  }
  set(iso: string): void {
    this.at = new Date(iso);
  }
}
