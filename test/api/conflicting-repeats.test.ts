import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { editedSample, ownSample, TEST_ENV as SEV_OVV_ENV } from '../../connectors/sev-ovv/test-support';
import { TOPOLOGY } from '../../src/bus';
import { getQuarantined, listQuarantine } from '../../src/store/quarantine';
import { createTestVhost, queueState, type TestVhost } from '../support/amqp';
import { TestBroker } from '../support/broker';
import { startTestHub, submission, type TestHub } from '../support/hub';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { withEnv } from '../support/env';
import { waitFor } from '../support/wait';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Issue 18, "conflicting repeats, on every channel": the same idempotency key (source +
 * externalId; for СЕВ ОВВ the msg_id) with other content is never answered with the card on file.
 * HTTP: 409 CONFLICTING_REPEAT naming the card; AMQP and СЕВ ОВВ: quarantined as
 * CONFLICTING_REPEAT with both digests. The card and its files stay as they were, and the new bytes
 * are kept (quarantine). A true repeat is still a plain repeat: for JSON the canonical content is
 * compared (key order and whitespace do not count), for XML the bytes.
 */
describe('conflicting repeats: the same key with other content, on every channel (issue 18)', function () {
  this.timeout(90_000);
  let testDb: TestDatabase;
  let vhost: TestVhost;
  let hub: TestHub;
  let broker: TestBroker;
  let restoreEnv: () => void = () => undefined;

  before(async () => {
    restoreEnv = withEnv(SEV_OVV_ENV);
    [testDb, vhost] = await Promise.all([createTestDatabase('conflicts'), createTestVhost('conflicts')]);
    hub = await startTestHub({ databaseUrl: testDb.url, amqpUrl: vhost.url });
    broker = new TestBroker(vhost.url);
    await broker.open();
    await waitFor(() => hub.bus!.isConnected(), 'hub connected to broker');
  });
  after(async () => {
    await broker?.close();
    await hub?.close();
    await Promise.all([testDb?.drop(), vhost?.delete()]);
    restoreEnv();
  });

  const post = async (text: string) => {
    const res = await fetch(`${hub.url}/api/v1/documents`, { method: 'POST', headers: { ...hub.auth, 'content-type': 'application/json' }, body: text });
    return { status: res.status, json: (await res.json()) as any, replay: res.headers.get('idempotent-replay') };
  };
  const cardRow = async (id: string) => (await hub.db.query<{ summary: string; payload_sha256: string; input_sha256: string }>('SELECT summary, payload_sha256, input_sha256 FROM documents WHERE id = $1', [id]))[0]!;
  const attachmentsOf = async (id: string) => hub.db.query<{ ordinal: number; sha256: string }>('SELECT ordinal, sha256 FROM attachments WHERE document_id = $1 ORDER BY ordinal', [id]);
  const quarantinedWith = async (code: string) => listQuarantine(hub.db, { limit: 100, code });

  it('HTTP: 409 CONFLICTING_REPEAT naming the card on file; the card unchanged; the new bytes in quarantine', async () => {
    const first = submission();
    const created = await post(JSON.stringify(first));
    expect(created.status).to.equal(201);
    const before = await cardRow(created.json.id);

    const other = JSON.stringify({ ...first, summary: 'Інший зміст під тим самим ключем' });
    const refused = await post(other);
    expect(refused.status).to.equal(409);
    expect(refused.json.code).to.equal('CONFLICTING_REPEAT');
    expect(refused.json.messageUk).to.be.a('string').and.not.equal('');
    expect(refused.json.details.documentId).to.equal(created.json.id);
    expect(refused.json.details.onFileSha256).to.not.equal(refused.json.details.receivedSha256);
    expect(await cardRow(created.json.id)).to.deep.equal(before);
    const kept = await getQuarantined(hub.db, refused.json.quarantineId);
    expect(kept?.code).to.equal('CONFLICTING_REPEAT');
    expect(kept!.payload.equals(Buffer.from(other))).to.equal(true);
  });

  it('HTTP: the same content with its keys in another order and other whitespace is a plain repeat (200, the card)', async () => {
    const first = submission();
    const created = await post(JSON.stringify(first));
    const reordered = `{\n  ${Object.keys(first).reverse().map((k) => `${JSON.stringify(k)} : ${JSON.stringify(first[k])}`).join(',\n  ')}\n}`;
    const again = await post(reordered);
    expect(again.status).to.equal(200);
    expect(again.replay).to.equal('true');
    expect(again.json.id).to.equal(created.json.id);
  });

  it('AMQP: quarantined as CONFLICTING_REPEAT with both digests, acknowledged (nothing stranded), the card unchanged', async () => {
    const first = submission();
    broker.publish('edms.json', first, { messageId: 'conflict-amqp-1' });
    const [doc] = await waitFor(async () => {
      const rows = await hub.db.query<{ id: string }>('SELECT id FROM documents WHERE external_id = $1', [first.externalId]);
      return rows.length > 0 && rows;
    }, 'the first message registered');
    const before = await cardRow(doc!.id);
    const other = { ...first, summary: 'Змінений зміст, той самий externalId' };
    broker.publish('edms.json', other, { messageId: 'conflict-amqp-2' });
    const [item] = await waitFor(async () => {
      const items = (await quarantinedWith('CONFLICTING_REPEAT')).filter((i) => i.channel === 'amqp');
      return items.length > 0 && items;
    }, 'the conflicting repeat in quarantine');
    expect(item!.details).to.deep.include({ documentId: doc!.id, onFileSha256: before.input_sha256 });
    expect((item!.details as { receivedSha256: string }).receivedSha256).to.not.equal(before.input_sha256);
    expect((await getQuarantined(hub.db, item!.id))!.payload.equals(Buffer.from(JSON.stringify(other)))).to.equal(true);
    expect(await cardRow(doc!.id)).to.deep.equal(before);
    await waitFor(async () => (await queueState(vhost.name, TOPOLOGY.inboundQueue)).messages === 0, 'nothing left unacknowledged');
  });

  it('СЕВ ОВВ: the same msg_id with a changed attachment is CONFLICTING_REPEAT, the files on the card unchanged; the same bytes again are a plain repeat', async () => {
    const original = ownSample('do-vykonannia.xml');
    broker.publish('sev-ovv.xml', original, { messageId: 'sev-conflict-1' });
    const [doc] = await waitFor(async () => {
      const rows = await hub.db.query<{ id: string }>("SELECT id FROM documents WHERE source = 'sev-ovv'");
      return rows.length > 0 && rows;
    }, 'the СЕВ ОВВ message registered');
    const files = await attachmentsOf(doc!.id);
    expect(files.length).to.be.greaterThan(0);
    const before = await cardRow(doc!.id);
    expect(before.input_sha256).to.equal(sha256(original));

    // the same message delivered again: no quarantine item, nothing changes
    broker.publish('sev-ovv.xml', original, { messageId: 'sev-conflict-2' });
    // a changed attachment under the same msg_id
    const changed = editedSample('do-vykonannia.xml', (xml) => xml.replace(/(<DocTransfer[^>]*>)([^<]*)(<\/DocTransfer>)/, (_m, open: string, _b64: string, close: string) => `${open}${Buffer.from('Інший текст доручення').toString('base64')}${close}`));
    broker.publish('sev-ovv.xml', changed, { messageId: 'sev-conflict-3' });
    const [item] = await waitFor(async () => {
      const items = (await quarantinedWith('CONFLICTING_REPEAT')).filter((i) => i.source === 'sev-ovv');
      return items.length > 0 && items;
    }, 'the changed message in quarantine');
    expect(item!.details).to.deep.include({ documentId: doc!.id, onFileSha256: sha256(original), receivedSha256: sha256(changed) });
    expect((await getQuarantined(hub.db, item!.id))!.payload.equals(changed)).to.equal(true);
    await waitFor(async () => (await queueState(vhost.name, TOPOLOGY.inboundQueue)).messages === 0, 'all three settled');
    expect(await attachmentsOf(doc!.id)).to.deep.equal(files);
    expect(await cardRow(doc!.id)).to.deep.equal(before);
    expect((await quarantinedWith('CONFLICTING_REPEAT')).filter((i) => i.source === 'sev-ovv')).to.have.length(1);
  });
});
