import { expect } from 'chai';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { TcpProxy } from '../support/tcp-proxy';
import { startTestHub, submission, type TestHub } from '../support/hub';
import { TestBroker } from '../support/broker';
import { createTestVhost, type TestVhost } from '../support/amqp';
import { call } from '../support/http';
import { waitFor } from '../support/wait';

/**
 * Issue 14, "A stalled database (no reset)": the proxy between the hub and PostgreSQL stops passing
 * bytes, connections stay open. pg-pool's "timeout exceeded when trying to connect" was taken for a
 * bug: HTTP answered 500 after ~5 s, AMQP messages were tried three times, the quarantine write
 * failed too, and they stayed unacknowledged until a restart while /readyz said ready.
 */
describe('faults: the database stalls (TCP proxy, real PostgreSQL and RabbitMQ)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let vhost: TestVhost;
  let proxy: TcpProxy;
  let hub: TestHub;
  let broker: TestBroker;

  before(async () => {
    [testDb, vhost] = await Promise.all([createTestDatabase('stall'), createTestVhost('stall')]);
    const url = new URL(testDb.url);
    proxy = new TcpProxy(Number(url.port || 5432), url.hostname);
    await proxy.start();
    url.host = `127.0.0.1:${proxy.port}`;
    hub = await startTestHub({ databaseUrl: url.toString(), amqpUrl: vhost.url, databaseConnectTimeoutMs: 500, databaseQueryTimeoutMs: 1000 });
    broker = new TestBroker(vhost.url);
    await broker.open();
    await waitFor(() => hub.bus!.isConnected(), 'hub connected to broker');
  });
  after(async () => {
    proxy?.unstall();
    await broker?.close();
    await hub?.close();
    await proxy?.stop();
    await Promise.all([testDb?.drop(), vhost?.delete()]);
  });

  it('/readyz says down, HTTP answers 503 STORE_UNAVAILABLE, AMQP messages wait; after the stall everything registers once and nothing is stranded', async () => {
    const letters = Array.from({ length: 5 }, () => submission());
    proxy.stall();

    const ready = await fetch(`${hub.url}/readyz`);
    expect(ready.status).to.equal(503);
    expect(((await ready.json()) as { checks: { database: string } }).checks.database).to.equal('down');

    const refused = await call(hub, 'POST', '/api/v1/documents', submission());
    expect(refused.status, JSON.stringify(refused.json)).to.equal(503);
    expect(refused.json.code).to.equal('STORE_UNAVAILABLE');

    letters.forEach((body, i) => broker.publish('edms.json', body, { messageId: `stall-${i}` }));
    // Longer than three query timeouts: the old consumer had given up and stranded them by now.
    await new Promise((r) => setTimeout(r, 4000));
    proxy.unstall();

    const ids = letters.map((l) => l.externalId as string);
    await waitFor(async () => {
      const rows = await hub.db.query<{ n: number }>('SELECT count(*)::int AS n FROM documents WHERE external_id = ANY($1)', [ids]);
      return rows[0]!.n === letters.length;
    }, 'every letter published during the stall registered', 30_000);
    const rows = await hub.db.query<{ external_id: string; n: number }>('SELECT external_id, count(*)::int AS n FROM documents WHERE external_id = ANY($1) GROUP BY external_id', [ids]);
    expect(rows.every((r) => r.n === 1)).to.equal(true);
    const { messageCount } = await broker.ch.checkQueue('dilovod.inbound');
    expect(messageCount, 'nothing left on the queue').to.equal(0);
    expect((await fetch(`${hub.url}/readyz`)).status).to.equal(200);
    const quarantined = await hub.db.query('SELECT 1 FROM quarantine');
    expect(quarantined, 'nothing quarantined for a stall').to.have.length(0);
  });
});
