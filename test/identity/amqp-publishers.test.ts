/**
 * AMQP publishers are who the broker says (README, Security): RabbitMQ refuses a `user_id` that
 * differs from the connection's user, and the hub lets each broker user publish only its sources
 * (AMQP_PUBLISHERS). Two broker users of the test's own vhost, made and removed by the test.
 */
import { expect } from 'chai';
import amqp from 'amqplib';
import { randomBytes } from 'node:crypto';
import { TOPOLOGY } from '../../src/bus';
import { rabbitmqctl, createTestVhost, type TestVhost } from '../support/amqp';
import { TestBroker } from '../support/broker';
import { startTestHub, submission, type TestHub } from '../support/hub';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { waitFor } from '../support/wait';

describe('identity: AMQP publishers by broker user (real RabbitMQ, real PostgreSQL)', function () {
  this.timeout(120_000);
  let vhost: TestVhost;
  let testDb: TestDatabase;
  let hub: TestHub;
  const suffix = randomBytes(3).toString('hex');
  const users = { oblast: `dilovod-oblast-${suffix}`, other: `dilovod-other-${suffix}` };
  const password = randomBytes(12).toString('hex');

  before(async () => {
    vhost = await createTestVhost('pub');
    for (const u of Object.values(users)) {
      await rabbitmqctl('add_user', u, password);
      await rabbitmqctl('set_permissions', '-p', vhost.name, u, '^$', '^dilovod\\.inbound$', '^$');
    }
    testDb = await createTestDatabase('pub');
    hub = await startTestHub({ databaseUrl: testDb.url, amqpUrl: vhost.url, amqpPublishers: { guest: '*', [users.oblast]: ['oblast'], [users.other]: ['edms'] } });
    // The gateways may not declare anything: the exchange and queue must be there before they publish.
    const broker = new TestBroker(vhost.url);
    await broker.open();
    await broker.close();
  });
  after(async () => {
    await hub?.close();
    for (const u of Object.values(users)) await rabbitmqctl('delete_user', u).catch(() => undefined);
    await vhost?.delete();
    await testDb?.drop();
  });

  async function publishAs(user: string, body: unknown, userId: string | undefined): Promise<void> {
    const conn = await amqp.connect(vhost.url.replace('guest:guest', `${user}:${password}`));
    const ch = await conn.createConfirmChannel();
    ch.publish(TOPOLOGY.inboundExchange, 'oblast.json', Buffer.from(JSON.stringify(body)), { persistent: true, ...(userId ? { userId } : {}) });
    await ch.waitForConfirms();
    await conn.close();
  }

  const stored = async (externalId: string) => hub.db.query('SELECT id FROM documents WHERE external_id = $1', [externalId]);
  const quarantined = async (externalId: string) => hub.db.query<{ code: string; details: Record<string, unknown> }>('SELECT code, details FROM quarantine WHERE external_id = $1', [externalId]);

  it('the oblast gateway registers oblast documents; another user claiming the oblast source is quarantined SOURCE_NOT_ALLOWED', async () => {
    await publishAs(users.oblast, submission({ source: 'oblast', externalId: `ob-${suffix}` }), users.oblast);
    await waitFor(async () => (await stored(`ob-${suffix}`)).length === 1 || (await quarantined(`ob-${suffix}`)).length === 1, 'the oblast document');
    expect(await quarantined(`ob-${suffix}`), 'an allowed publisher is not quarantined').to.deep.equal([]);
    expect(await stored(`ob-${suffix}`)).to.have.length(1);
    await publishAs(users.other, submission({ source: 'oblast', externalId: `forged-${suffix}` }), users.other);
    await waitFor(async () => (await quarantined(`forged-${suffix}`)).length === 1, 'the forged one in quarantine');
    expect((await quarantined(`forged-${suffix}`))[0]).to.deep.include({ code: 'SOURCE_NOT_ALLOWED' });
    expect((await quarantined(`forged-${suffix}`))[0]!.details).to.include({ userId: users.other, source: 'oblast' });
    expect(await stored(`forged-${suffix}`)).to.have.length(0);
    // Without user_id nobody vouches for the publisher.
    await publishAs(users.oblast, submission({ source: 'oblast', externalId: `anon-${suffix}` }), undefined);
    await waitFor(async () => (await quarantined(`anon-${suffix}`)).length === 1, 'the unvouched one in quarantine');
    expect((await quarantined(`anon-${suffix}`))[0]!.details).to.include({ userId: null });
  });

  it('the broker itself refuses a user_id that is not the connection’s user', async () => {
    const conn = await amqp.connect(vhost.url.replace('guest:guest', `${users.other}:${password}`));
    conn.on('error', () => undefined);
    const ch = await conn.createConfirmChannel();
    const closed = new Promise<string>((resolve) => ch.on('error', (err: Error) => resolve(err.message)));
    ch.publish(TOPOLOGY.inboundExchange, 'oblast.json', Buffer.from('{}'), { userId: users.oblast });
    expect(await closed).to.match(/PRECONDITION_FAILED.*user_id/i);
    await conn.close().catch(() => undefined);
  });
});
