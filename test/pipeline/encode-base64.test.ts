import { expect } from 'chai';
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { encodeBase64 } from '../../src/pipeline/attachments';

/**
 * encodeBase64 (src/pipeline/attachments.ts) encodes a large file a few megabytes at a time with
 * the event loop free between (issue 18): its text must be exactly Node's base64 of the bytes,
 * across every step boundary and for a view into a larger (shared) buffer.
 */
describe('encodeBase64: the file\'s base64 a step at a time, exactly Buffer#toString(\'base64\') (issue 18)', () => {
  const STEP = 3 * 1024 * 1024;

  it('small contents of every length (fast-check, 300 cases)', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
      expect((await encodeBase64(bytes)).toString('latin1')).to.equal(Buffer.from(bytes).toString('base64'));
    }), { numRuns: 300 });
  });

  it('at and around the step boundaries, and from a view into shared memory', async () => {
    for (const n of [0, 1, 2, 3, STEP - 1, STEP, STEP + 1, STEP + 2, 2 * STEP + 2]) {
      const bytes = randomBytes(n);
      expect((await encodeBase64(bytes)).toString('latin1'), `${n} bytes`).to.equal(bytes.toString('base64'));
    }
    const shared = new Uint8Array(new SharedArrayBuffer(STEP + 100));
    shared.set(randomBytes(shared.length));
    const view = shared.subarray(7, STEP + 50);
    expect((await encodeBase64(view)).toString('latin1')).to.equal(Buffer.from(view).toString('base64'));
  });
});
