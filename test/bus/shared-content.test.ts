import { expect } from 'chai';
import amqp, { type Channel, type ChannelModel, type ConsumeMessage } from 'amqplib';
import { createHash } from 'node:crypto';
import { shareLargeContent } from '../../src/bus/shared-content';
import { createTestVhost, type TestVhost } from '../support/amqp';
import { waitFor } from '../support/wait';

/**
 * Issue 14, "/healthz answers in < 100 ms while any single input is processed", over AMQP: a
 * message a worker thread will decode is read into shared memory frame by frame
 * (src/bus/shared-content.ts) instead of amqplib joining its frames with one large copy. The content
 * must be exactly what was published, whatever its size against the frame size (RabbitMQ's
 * frame_max, 128 KiB), and small messages are amqplib's as before. Real RabbitMQ, own vhost.
 */
describe('AMQP: a large message body read into shared memory as its frames arrive (issue 14)', function () {
  this.timeout(60_000);
  const LARGE = 64 * 1024;
  let vhost: TestVhost;
  let conn: ChannelModel;
  let ch: Channel;
  const got: ConsumeMessage[] = [];

  before(async () => {
    vhost = await createTestVhost('shared-content');
    conn = await amqp.connect(vhost.url);
    ch = await conn.createChannel();
    expect(shareLargeContent(ch, (bytes) => bytes > LARGE)).to.equal(true);
    await ch.assertQueue('q', { durable: false });
    await ch.consume('q', (m) => { if (m) got.push(m); }, { noAck: true });
  });
  after(async () => {
    await conn?.close();
    await vhost?.delete();
  });

  const bytes = (n: number, seed: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + seed) % 256));
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

  it('each message arrives with exactly its bytes; only those over the size are in shared memory', async () => {
    // across one frame, exactly frames, frames and a bit, large ones between small and empty ones
    const sizes = [0, 10, LARGE, LARGE + 1, 131_072 - 8, 131_072 * 3, 131_072 * 3 + 17, 5 * 2 ** 20 + 3, 100, 200_000];
    const sent = sizes.map((n, i) => bytes(n, i));
    got.length = 0;
    const pub = await conn.createConfirmChannel();
    for (const [i, body] of sent.entries()) pub.sendToQueue('q', body, { messageId: String(i) });
    await pub.waitForConfirms();
    await pub.close();
    await waitFor(() => got.length === sent.length, 'all messages consumed');
    for (const [i, body] of sent.entries()) {
      const m = got.find((g) => g.properties.messageId === String(i))!;
      expect(m.content.length, `message ${i}`).to.equal(body.length);
      expect(sha(m.content), `message ${i} bytes`).to.equal(sha(body));
      expect(m.content.buffer instanceof SharedArrayBuffer, `message ${i} (${body.length} B) shared`).to.equal(body.length > LARGE);
    }
  });
});
