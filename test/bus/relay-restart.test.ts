import { expect } from 'chai';
import { TOPOLOGY } from '../../src/bus';
import { createTestVhost, type TestVhost } from '../support/amqp';
import { TestBroker } from '../support/broker';
import { startTestHub, submission, type TestHub } from '../support/hub';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { TcpProxy } from '../support/tcp-proxy';
import { waitFor } from '../support/wait';

/**
 * The broker goes away for the hub only: a TCP proxy between them is cut and restored. The
 * machine's RabbitMQ, which other clients use, is never stopped.
 */
describe('outbox relay across a broker outage (real RabbitMQ behind a TCP proxy)', function () {
  this.timeout(180_000);
  let testDb: TestDatabase;
  let vhost: TestVhost;
  let hub: TestHub;
  let proxy: TcpProxy;
  const queue = `test.events.${process.pid}`;

  before(async () => {
    [testDb, vhost] = await Promise.all([createTestDatabase('restart'), createTestVhost('restart')]);
    proxy = new TcpProxy(5672);
    await proxy.start();
    hub = await startTestHub({ databaseUrl: testDb.url, amqpUrl: vhost.url.replace(':5672/', `:${proxy.port}/`) });
    const broker = new TestBroker(vhost.url);
    await broker.open();
    // A durable queue survives the restart, as an EDMS connector's queue would.
    await broker.ch.assertQueue(queue, { durable: true });
    await broker.ch.bindQueue(queue, TOPOLOGY.eventsExchange, 'document.*');
    await broker.close();
    await waitFor(() => hub.bus!.isConnected(), 'hub connected');
  });
  after(async () => {
    await hub?.close();
    await proxy?.stop();
    await Promise.all([testDb?.drop(), vhost?.delete()]);
  });

  it('keeps accepting over HTTP while the broker is down and publishes the events after it is back', async () => {
    let documentId = '';
    await proxy.cut();
    try {
      await waitFor(() => !hub.bus!.isConnected(), 'hub to notice the broker is gone');
      const res = await fetch(`${hub.url}/api/v1/documents`, {
        method: 'POST',
        headers: { ...hub.auth, 'content-type': 'application/json' },
        body: JSON.stringify(submission({ externalId: 'while-broker-down' })),
      });
      expect(res.status).to.equal(201);
      documentId = ((await res.json()) as { id: string }).id;
      const ready = await fetch(`${hub.url}/readyz`);
      expect(ready.status).to.equal(503);
      const pending = await hub.db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
      expect(pending[0]!.n).to.equal(1);
    } finally {
      await proxy.restore();
    }

    await waitFor(() => hub.bus!.isConnected(), 'hub to reconnect', 60_000);
    const broker = new TestBroker(vhost.url);
    await broker.open();
    try {
      const msg = await waitFor(async () => (await broker.ch.get(queue, { noAck: true })) || undefined, 'event after restart', 60_000);
      const event = JSON.parse(msg.content.toString('utf8'));
      expect(event).to.include({ type: 'document.registered', documentId });
      const published = await hub.db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
      expect(published[0]!.n).to.equal(0);
      expect((await fetch(`${hub.url}/readyz`)).status).to.equal(200);
    } finally {
      await broker.close();
    }
  });
});
