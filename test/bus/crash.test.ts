import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createTestVhost, queueState, type TestVhost } from '../support/amqp';
import { TestBroker } from '../support/broker';
import { startTestHub, submission } from '../support/hub';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { REPO } from '../support/process';
import { waitFor } from '../support/wait';

const queueDepth = async (vhost: string, queue: string): Promise<number> => (await queueState(vhost, queue)).messages;

describe('a consumer killed between the database commit and the ack', function () {
  this.timeout(90_000);
  let testDb: TestDatabase;
  let vhost: TestVhost;

  before(async () => {
    [testDb, vhost] = await Promise.all([createTestDatabase('crash'), createTestVhost('crash')]);
  });
  after(async () => {
    await Promise.all([testDb?.drop(), vhost?.delete()]);
  });

  it('does not register twice: the redelivered message finds the document already on file', async () => {
    const child = spawn(process.execPath, ['-r', 'tsx/cjs', join(REPO, 'test', 'support', 'crashing-consumer.ts')], {
      cwd: REPO,
      env: { ...process.env, DATABASE_URL: testDb.url, AMQP_URL: vhost.url, LOG_LEVEL: 'silent', SAMPLE_NOMENCLATURE: 'true' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    const died = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    await waitFor(() => out.includes('consumer ready'), 'crashing consumer to start', 30_000);

    const broker = new TestBroker(vhost.url);
    await broker.open();
    broker.publish('edms.json', submission({ externalId: 'crash-1' }), { messageId: 'crash-1' });
    expect(await died).to.equal('SIGKILL');
    expect(out).to.contain('committed created');
    await broker.close();

    // The commit happened; the ack did not: the broker still holds the message.
    const hubLess = await startTestHub({ databaseUrl: testDb.url }, { http: false });
    const afterCrash = await hubLess.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM documents WHERE external_id = 'crash-1'`);
    expect(afterCrash[0]!.n).to.equal(1);
    expect(await queueDepth(vhost.name, 'dilovod.inbound')).to.equal(1);
    await hubLess.close();

    // A healthy consumer takes the redelivery: it acknowledges it without registering again.
    const hub = await startTestHub({ databaseUrl: testDb.url, amqpUrl: vhost.url }, { http: false });
    try {
      await waitFor(() => hub.logs.text().includes('repeat delivery'), 'redelivery handled', 30_000);
      await waitFor(async () => (await queueDepth(vhost.name, 'dilovod.inbound')) === 0, 'queue drained');
      const rows = await hub.db.query<{ n: number; numbers: number[] }>(
        `SELECT count(*)::int AS n, array_agg(reg_number) AS numbers FROM documents WHERE external_id = 'crash-1'`,
      );
      expect(rows[0]).to.deep.equal({ n: 1, numbers: [1] });
      const events = await hub.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE type = 'document.registered'`);
      expect(events[0]!.n).to.equal(1);
      const redelivered = hub.logs.lines.map((l) => JSON.parse(l)).find((l) => l.msg.includes('repeat delivery'));
      expect(redelivered.traceId).to.equal('crash-1');
    } finally {
      await hub.close();
    }
  });
});
