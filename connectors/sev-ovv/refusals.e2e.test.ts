import { expect } from 'chai';
import type { ConsumeMessage } from 'amqplib';
import { createTestVhost, type TestVhost } from '../../test/support/amqp';
import { TestBroker } from '../../test/support/broker';
import { startTestHub, type TestHub } from '../../test/support/hub';
import { createTestDatabase, type TestDatabase } from '../../test/support/pg';
import { waitFor } from '../../test/support/wait';
import { withEnv } from '../../test/support/env';
import { xsdProblems } from '../../test/support/xsd';
import { editedSample, OUR_ORG_ID, readAck, TEST_ENV, type Ack } from './test-support';

/** The sender of the own samples (do-vykonannia.xml's Header). */
const SENDER = { orgId: '00022533', sysId: 'c1a2b3c4-d5e6-47f8-9a0b-1c2d3e4f5a6b' };

/**
 * A copy of the own sample under a new msg_id, edited further by `edit`; asking for the final
 * receipt only (msg_acknow 0): the delivery and acceptance receipts are progress-receipts.e2e.test.ts's.
 */
function message(msgId: string, edit: (xml: string) => string = (x) => x): Buffer {
  return editedSample('do-vykonannia.xml', (x) => edit(x.replace(/msg_id="[^"]+"/, `msg_id="${msgId}"`).replace('msg_acknow="2"', 'msg_acknow="0"')));
}

/**
 * Issue 18, "every sender hears back": a СЕВ ОВВ message the hub refuses is answered with a
 * refusal receipt (ack_type 4) to its sender with the reason in Ukrainian — read here off
 * dilovod.outbound as the exchange's gateway would, each checked against the 1207 XSD with
 * xmllint. Real RabbitMQ and PostgreSQL, own vhost and database.
 */
describe('СЕВ ОВВ refusals: ack_type 4 to the sender for every refusal that is theirs (issue 18)', function () {
  this.timeout(120_000);
  let restoreEnv: () => void = () => undefined;
  let vhost: TestVhost;
  let broker: TestBroker;
  const acks: ConsumeMessage[] = [];

  async function hubOn(label: string, over: Parameters<typeof startTestHub>[0]): Promise<{ hub: TestHub; db: TestDatabase }> {
    const db = await createTestDatabase(label);
    const hub = await startTestHub({ databaseUrl: db.url, amqpUrl: vhost.url, deliverConnectors: ['sev-ovv'], ...over }, { http: true });
    await waitFor(() => hub.bus!.isConnected(), 'hub connected to broker');
    return { hub, db };
  }

  before(async () => {
    restoreEnv = withEnv(TEST_ENV);
    vhost = await createTestVhost('sev-refusals');
    broker = new TestBroker(vhost.url);
    await broker.open();
    await broker.tapOutbound('sev-ovv.#', acks);
  });
  after(async () => {
    await broker?.close();
    await vhost?.delete();
    restoreEnv();
  });

  /** The receipts that answer this msg_id, once the hub has had time to send one. */
  async function acksFor(msgId: string, atLeast = 1): Promise<Ack[]> {
    const of = async () => (await Promise.all(acks.map(readAck))).filter((a) => a.acknowledges === msgId);
    await waitFor(async () => (await of()).length >= atLeast, `a receipt for ${msgId}`);
    return of();
  }

  async function expectRefusal(msgId: string, words: RegExp): Promise<Ack> {
    const [ack, ...more] = await acksFor(msgId);
    expect(more, 'one receipt per refused message').to.have.length(0);
    expect(ack).to.deep.include({ msgType: '0', ackType: '4', toOrgId: SENDER.orgId, toSysId: SENDER.sysId, fromOrgId: OUR_ORG_ID, routingKey: `sev-ovv.${SENDER.orgId}/${SENDER.sysId}` });
    expect(ack!.errortext).to.match(/^Повідомлення відхилено: /);
    expect(ack!.errortext).to.match(words);
    expect(await xsdProblems(ack!.xml), 'the receipt against Order1207_1.5_v.2.2.xsd').to.equal(null);
    return ack!;
  }

  describe('on a hub whose signature policy only flags', () => {
    let hub: TestHub;
    let db: TestDatabase;
    before(async () => ({ hub, db } = await hubOn('sevrefusals', {})));
    after(async () => {
      await hub?.close();
      await db?.drop();
    });

    it('an invalid message (SEV_OVV_INVALID_MESSAGE): the missing part named', async () => {
      broker.publish('sev-ovv.xml', message('a0000000-0000-4000-8000-000000000001', (x) => x.replace(/<Document [\s\S]*<\/Document>\s*/, '').replace(/<Expansion [\s\S]*<\/Expansion>\s*/, '')));
      await expectRefusal('a0000000-0000-4000-8000-000000000001', /бракує обовʼязкових частин|бракує обов’язкових частин|\/Header\/Document/);
    });

    it('addressed to another organisation (SEV_OVV_WRONG_ADDRESSEE)', async () => {
      broker.publish('sev-ovv.xml', message('a0000000-0000-4000-8000-000000000002', (x) => x.replace(`to_org_id="${OUR_ORG_ID}"`, 'to_org_id="49999999"')));
      await expectRefusal('a0000000-0000-4000-8000-000000000002', /адресоване іншій організації/);
    });

    it('an unsupported version (SEV_OVV_UNSUPPORTED_VERSION)', async () => {
      broker.publish('sev-ovv.xml', message('a0000000-0000-4000-8000-000000000003', (x) => x.replace('version="1.5"', 'version="1.4"')));
      await expectRefusal('a0000000-0000-4000-8000-000000000003', /не у підтримуваному форматі/);
    });

    it('a Header in a foreign namespace (SEV_OVV_INVALID_MESSAGE at /Header/@xmlns)', async () => {
      broker.publish('sev-ovv.xml', message('a0000000-0000-4000-8000-000000000004', (x) => x.replace('<Header ', '<Header xmlns="http://example.org/not-1207" ')));
      await expectRefusal('a0000000-0000-4000-8000-000000000004', /\/Header\/@xmlns.*простору імен/);
    });

    it('a sender not on the allow-list (SEV_OVV_SENDER_NOT_ALLOWED)', async () => {
      process.env.SEV_OVV_ALLOWED_SENDERS = '30000004';
      try {
        broker.publish('sev-ovv.xml', message('a0000000-0000-4000-8000-000000000005'));
        await expectRefusal('a0000000-0000-4000-8000-000000000005', /переліку дозволених відправників/);
      } finally {
        process.env.SEV_OVV_ALLOWED_SENDERS = TEST_ENV.SEV_OVV_ALLOWED_SENDERS;
      }
    });

    it('a conflicting repeat (the same msg_id, another attachment): refused back to the sender; the first got its registration receipt', async () => {
      const msgId = 'a0000000-0000-4000-8000-000000000006';
      broker.publish('sev-ovv.xml', message(msgId));
      const [registered] = await acksFor(msgId);
      expect(registered).to.include({ ackType: '3' });
      broker.publish('sev-ovv.xml', message(msgId, (x) => x.replace(/(<DocTransfer[^>]*>)([^<]*)(<\/DocTransfer>)/, (_m, open: string, _b: string, close: string) => `${open}${Buffer.from('інший текст').toString('base64')}${close}`)));
      const both = await acksFor(msgId, 2);
      const refusal = both.find((a) => a.ackType === '4')!;
      expect(refusal).to.deep.include({ toOrgId: SENDER.orgId, toSysId: SENDER.sysId });
      expect(refusal.errortext).to.match(/з іншим вмістом/);
      expect(await xsdProblems(refusal.xml)).to.equal(null);
      expect(await xsdProblems(registered!.xml), 'the registration receipt too').to.equal(null);
    });

    it('the same refused bytes again add an attempt, not a second receipt; a refused receipt (msg_type 0) is never answered', async () => {
      const bad = message('a0000000-0000-4000-8000-000000000007', (x) => x.replace('version="1.5"', 'version="1.3"'));
      broker.publish('sev-ovv.xml', bad);
      await expectRefusal('a0000000-0000-4000-8000-000000000007', /не у підтримуваному форматі/);
      broker.publish('sev-ovv.xml', bad);
      const receipt = editedSample('acknowledgement-registered.xml', (x) => x.replace('version="1.5"', 'version="1.3"'));
      broker.publish('sev-ovv.xml', receipt);
      // the repeat counted on its item; the receipt kept too (version 1.3 is refused alike), and nothing answers it
      const item = async () => (await hub.db.query<{ attempts: number }>("SELECT attempts FROM quarantine WHERE external_id LIKE '%a0000000-0000-4000-8000-000000000007'"))[0];
      await waitFor(async () => (await item())?.attempts === 2, 'the repeat counted');
      await waitFor(async () => (await hub.db.query("SELECT 1 FROM quarantine WHERE code = 'SEV_OVV_UNSUPPORTED_VERSION' AND external_id IS NULL")).length === 1, 'the receipt kept');
      await new Promise((r) => setTimeout(r, 500));
      expect(await acksFor('a0000000-0000-4000-8000-000000000007')).to.have.length(1);
      const receiptIds = (await Promise.all(acks.map(readAck))).filter((a) => a.toOrgId !== SENDER.orgId);
      expect(receiptIds, 'nothing sent to the receipt\'s sender').to.have.length(0);
    });

    it('a message kept for the council (not configured yet) gets no refusal; replayed once configured, it registers and ack_type 3 follows', async () => {
      const msgId = 'a0000000-0000-4000-8000-000000000008';
      delete process.env.SEV_OVV_ORG_ID;
      try {
        broker.publish('sev-ovv.xml', message(msgId));
        await waitFor(async () => (await hub.db.query("SELECT 1 FROM quarantine WHERE code = 'SEV_OVV_NOT_CONFIGURED'")).length > 0, 'kept in quarantine');
      } finally {
        process.env.SEV_OVV_ORG_ID = TEST_ENV.SEV_OVV_ORG_ID;
      }
      const [item] = await hub.db.query<{ id: string }>("SELECT id FROM quarantine WHERE code = 'SEV_OVV_NOT_CONFIGURED'");
      await new Promise((r) => setTimeout(r, 300));
      expect((await Promise.all(acks.map(readAck))).filter((a) => a.acknowledges === msgId)).to.have.length(0);
      const res = await fetch(`${hub.url}/api/v1/quarantine/${item!.id}/replay`, { method: 'POST', headers: hub.auth });
      expect(res.status, await res.clone().text()).to.be.lessThan(300);
      const [ack] = await acksFor(msgId);
      expect(ack).to.deep.include({ ackType: '3', toOrgId: SENDER.orgId, toSysId: SENDER.sysId });
      expect(await xsdProblems(ack!.xml)).to.equal(null);
    });
  });

  describe('on a hub with the shipped signature policy (003 §157)', () => {
    let hub: TestHub;
    let db: TestDatabase;
    before(async () => ({ hub, db } = await hubOn('sevpolicy', { signaturePolicyFile: undefined })));
    after(async () => {
      await hub?.close();
      await db?.drop();
    });

    it('a message whose signature fails the policy (SIGNATURE_POLICY_FAILED): refused back to its sender', async () => {
      broker.publish('sev-ovv.xml', message('a0000000-0000-4000-8000-000000000009'));
      await expectRefusal('a0000000-0000-4000-8000-000000000009', /кваліфікованим електронним підписом/);
    });
  });
});
