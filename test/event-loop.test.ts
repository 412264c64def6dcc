import { expect } from 'chai';
import { stat } from 'node:fs';
import { letIoIn } from '../src/event-loop';

/**
 * letIoIn (src/event-loop.ts) lets I/O that waited be served before the caller's next slice of
 * work, even when the caller runs in an I/O callback, where one setImmediate resolves before any
 * new I/O is read (issue 18: a large outgoing document's two copies held /healthz for 0.1 s).
 */
describe('letIoIn: I/O that waited is served before the next slice of work (issue 18)', () => {
  /** In an I/O callback: another I/O completes while this one works; was it served before `wait` resolved? */
  const servedBefore = (wait: () => Promise<void>): Promise<boolean> => new Promise((done) => stat(__filename, async () => {
    let served = false;
    stat(__filename, () => (served = true));
    const until = Date.now() + 20;
    while (Date.now() < until) { /* the other stat completes on the thread pool meanwhile */ }
    await wait();
    done(served);
  }));

  it('letIoIn: served; one setImmediate (what the slices used before): not yet', async () => {
    expect(await servedBefore(letIoIn)).to.equal(true);
    expect(await servedBefore(() => new Promise((resolve) => setImmediate(resolve)))).to.equal(false);
  });
});
