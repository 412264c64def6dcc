import { expect } from 'chai';
import { isTransient } from '../../src/errors';
import { PostgresDb } from '../../src/store';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { spawnHub } from '../support/process';
import { TcpProxy } from '../support/tcp-proxy';
import { waitFor } from '../support/wait';

/**
 * Issue 14, "A reset database connection kills the process": pg-pool takes its error listener off
 * a client while it is checked out, so a connection reset in the middle of a transaction (the
 * client between two queries) was an unhandled 'error' event — exit 1. The connection is cut by a
 * TCP proxy between the hub and PostgreSQL; the machine's server is never touched.
 */
describe('faults: the database connection reset during a transaction (TCP proxy, real PostgreSQL)', function () {
  this.timeout(30_000);
  let testDb: TestDatabase;
  let proxy: TcpProxy;
  let db: PostgresDb;
  const poolErrors: string[] = [];

  before(async () => {
    testDb = await createTestDatabase('reset');
    const url = new URL(testDb.url);
    proxy = new TcpProxy(Number(url.port || 5432), url.hostname);
    await proxy.start();
    url.host = `127.0.0.1:${proxy.port}`;
    db = new PostgresDb({ connectionString: url.toString(), onError: (err) => poolErrors.push(err.message) });
  });
  after(async () => {
    await db?.close().catch(() => undefined);
    await proxy?.stop();
    await testDb?.drop();
  });

  it('the transaction fails as transient, the process lives on, and the next one works once the network is back', async () => {
    await db.exec('CREATE TABLE letters (id int PRIMARY KEY)');
    const failed = await db
      .tx(async (q) => {
        await q.query('INSERT INTO letters VALUES (1)');
        await proxy.cut();
        // The reset reaches the idle, checked-out client before its next query.
        await new Promise((r) => setTimeout(r, 200));
        await q.query('INSERT INTO letters VALUES (2)');
      })
      .then(() => undefined, (err: unknown) => err);
    expect(failed, 'the transaction should fail').to.be.instanceOf(Error);
    expect(isTransient(failed), String((failed as Error).message)).to.equal(true);
    expect(poolErrors.length, 'the reset is reported through onError').to.be.greaterThan(0);

    await proxy.restore();
    await db.tx(async (q) => q.query('INSERT INTO letters VALUES (3)'));
    expect((await db.query<{ id: number }>('SELECT id FROM letters ORDER BY id')).map((r) => r.id)).to.deep.equal([3]);
  });
});

describe('faults: start-up waits for the database (TCP proxy, real PostgreSQL, a real hub process)', function () {
  this.timeout(60_000);

  it('a hub started while the database is unreachable says it waits, and serves once the database answers', async () => {
    const testDb = await createTestDatabase('wait');
    const url = new URL(testDb.url);
    const proxy = new TcpProxy(Number(url.port || 5432), url.hostname);
    await proxy.start();
    await proxy.cut();
    url.host = `127.0.0.1:${proxy.port}`;
    // The database comes back once the hub says it waits (a fixed delay raced a slow start on a busy machine).
    const hub = spawnHub({ DATABASE_URL: url.toString(), DATABASE_WAIT_MS: '30000', AMQP_URL: '' }, async (output) => {
      await waitFor(() => output().includes('чекаємо (DATABASE_WAIT_MS)'), 'the hub to say it waits for the database', 30_000);
      await proxy.restore();
    });
    try {
      const started = await hub;
      const ready = await fetch(`${started.url}/readyz`);
      expect(ready.status).to.equal(200);
      expect(started.output()).to.contain('чекаємо (DATABASE_WAIT_MS)');
      expect(await started.stop()).to.equal(0);
    } finally {
      await hub.then((h) => h.stop(), () => undefined);
      await proxy.stop();
      await testDb.drop();
    }
  });
});
