import { expect } from 'chai';
import { TEST_ENV as HOTLINE_ENV } from '../../connectors/hotline/test-support';
import { deliveryQueue, TOPOLOGY } from '../../src/bus';
import { loadConfig, ConfigError } from '../../src/config';
import { createTestVhost, rabbitmqctl, type TestVhost } from '../support/amqp';
import { TestBroker } from '../support/broker';
import { withEnv } from '../support/env';
import { startTestHub, submission, type TestHub } from '../support/hub';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { waitFor } from '../support/wait';

/** Each queue of a vhost with its type, as the broker reports it. */
async function queueTypes(vhost: string): Promise<Record<string, string>> {
  const out = await rabbitmqctl('list_queues', '-p', vhost, 'name', 'type');
  return Object.fromEntries(out.split('\n').map((l) => l.split('\t')).filter((c) => c.length === 2) as Array<[string, string]>);
}

/**
 * AMQP_QUEUE_TYPE=quorum (issue 16, scaling past one broker): on a RabbitMQ cluster the hub's
 * queues are quorum queues, replicated across nodes. One node here: a quorum queue of one
 * replica behaves the same for the hub (declared, consumed, dead-lettered).
 */
describe('quorum queues (AMQP_QUEUE_TYPE=quorum, real RabbitMQ and PostgreSQL)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let vhost: TestVhost;
  let hub: TestHub | undefined;
  let broker: TestBroker;
  let restoreEnv: () => void;

  before(async () => {
    restoreEnv = withEnv(HOTLINE_ENV);
    [testDb, vhost] = await Promise.all([createTestDatabase('quorum'), createTestVhost('quorum')]);
    broker = new TestBroker(vhost.url, 'quorum');
  });
  after(async () => {
    await broker?.close();
    await hub?.close();
    await Promise.all([testDb?.drop(), vhost?.delete()]);
    restoreEnv();
  });

  it('AMQP_QUEUE_TYPE takes classic or quorum, and nothing else stops start-up naming it', () => {
    expect(loadConfig({}).amqpQueueType).to.equal('classic');
    expect(loadConfig({ AMQP_QUEUE_TYPE: 'quorum' }).amqpQueueType).to.equal('quorum');
    expect(() => loadConfig({ AMQP_QUEUE_TYPE: 'stream' })).to.throw(ConfigError).with.property('variable', 'AMQP_QUEUE_TYPE');
  });

  it('declares the inbound, dead-letter and delivery queues as quorum queues, and a restarted hub declares them again', async () => {
    for (let start = 0; start < 2; start++) {
      hub = await startTestHub({ databaseUrl: testDb.url, amqpUrl: vhost.url, amqpQueueType: 'quorum', deliverConnectors: ['hotline'] }, { http: false });
      await waitFor(() => hub!.bus!.isConnected(), 'hub connected to broker');
      const types = await queueTypes(vhost.name);
      expect(types).to.include({ [TOPOLOGY.inboundQueue]: 'quorum', [TOPOLOGY.deadLetterQueue]: 'quorum', [deliveryQueue('hotline')]: 'quorum' });
      if (start === 0) await hub.close();
    }
  });

  it('a letter through a quorum queue registers; a message that cannot be read is dead-lettered, the next one still registers', async () => {
    await broker.open();
    broker.publish('edms.json', '{"not json', { messageId: 'quorum-bad' });
    broker.publish('edms.json', submission({ externalId: 'quorum-1' }), { messageId: 'quorum-1' });
    const rows = await waitFor(async () => {
      const found = await hub!.db.query<{ reg_number: number }>("SELECT reg_number FROM documents WHERE external_id = 'quorum-1'");
      return found.length === 1 && found;
    }, 'registered');
    expect(rows[0]!.reg_number).to.be.a('number');
    const dead = await broker.waitDeadLettered(1);
    expect(dead[0]!.properties.messageId).to.equal('quorum-bad');
  });
});
