/**
 * SIGTERM under load (issue 12, "Watch it"): the hub stops taking messages, finishes what is in
 * flight, publishes the outbox and exits in time; nothing is lost — every answered request is on
 * file, every message is registered or still on the queue for the next process, every event out.
 */
import { expect } from 'chai';
import { TOPOLOGY } from '../../src/bus';
import { PostgresDb } from '../../src/store';
import { createTestVhost, type TestVhost } from '../support/amqp';
import { TestBroker } from '../support/broker';
import { submission } from '../support/hub';
import { bearer, systemToken } from '../support/identity';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { spawnHub } from '../support/process';
import { waitFor } from '../support/wait';

describe('graceful shutdown on SIGTERM under load (real PostgreSQL and RabbitMQ, a real process)', function () {
  this.timeout(120_000);
  let testDb: TestDatabase;
  let vhost: TestVhost;
  let db: PostgresDb;

  before(async () => {
    [testDb, vhost] = await Promise.all([createTestDatabase('shutdown'), createTestVhost('shutdown')]);
    db = new PostgresDb({ connectionString: testDb.url });
  });
  after(async () => {
    await db?.close();
    await Promise.all([testDb?.drop(), vhost?.delete()]);
  });

  it('loses nothing: answered requests on file, messages registered or waiting, the outbox published, exit 0 in time', async () => {
    const env = { DATABASE_URL: testDb.url, AMQP_URL: vhost.url, SAMPLE_NOMENCLATURE: 'true', SHUTDOWN_TIMEOUT_MS: '8000' };
    const first = await spawnHub(env);
    const auth = { ...bearer(await systemToken(db, ['registrar'])), 'content-type': 'application/json' };
    const broker = new TestBroker(vhost.url);
    await broker.open();
    const MESSAGES = 300;
    for (let i = 0; i < MESSAGES; i++) broker.publish('edms.json', submission({ externalId: `amqp-${i}` }), { messageId: `amqp-${i}` });

    // HTTP load from four clients until the hub stops answering.
    const answered: string[] = [];
    const statuses: number[] = [];
    let stop = false;
    const clients = Array.from({ length: 4 }, async (_, c) => {
      for (let i = 0; !stop; i++) {
        const externalId = `http-${c}-${i}`;
        try {
          const res = await fetch(`${first.url}/api/v1/documents`, { method: 'POST', headers: auth, body: JSON.stringify(submission({ externalId })) });
          statuses.push(res.status);
          if (res.status === 201) answered.push(externalId);
        } catch {
          return; // the hub has stopped accepting: this client is done
        }
      }
    });
    await waitFor(() => answered.length >= 20, 'some registrations under load');
    const started = Date.now();
    const code = await first.stop('SIGTERM');
    stop = true;
    await Promise.all(clients);
    expect(code, first.output().slice(-2000)).to.equal(0);
    expect(Date.now() - started).to.be.below(10_000);
    expect(statuses.filter((s) => s >= 500), 'no 5xx while stopping').to.deep.equal([]);

    // Every answered request is on file; every event of the committed documents went out.
    const onFile = new Set((await db.query<{ external_id: string }>('SELECT external_id FROM documents')).map((r) => r.external_id));
    for (const id of answered) expect(onFile.has(id), id).to.equal(true);
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL'))[0]!.n, 'outbox published').to.equal(0);
    // The messages: registered, or still on the queue, never lost nor doubled — the next process takes the rest.
    const registered = (await db.query("SELECT 1 FROM documents WHERE external_id LIKE 'amqp-%'")).length;
    const waiting = (await broker.ch.checkQueue(TOPOLOGY.inboundQueue)).messageCount;
    expect(registered + waiting).to.equal(MESSAGES);
    const second = await spawnHub(env);
    try {
      await waitFor(async () => (await db.query("SELECT 1 FROM documents WHERE external_id LIKE 'amqp-%'")).length === MESSAGES, 'every message registered', 60_000);
    } finally {
      await second.stop('SIGTERM');
      await broker.close();
    }
    const dup = await db.query("SELECT external_id FROM documents GROUP BY source, external_id HAVING count(*) > 1");
    expect(dup).to.deep.equal([]);
  });
});
