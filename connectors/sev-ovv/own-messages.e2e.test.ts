import { expect } from 'chai';
import { rmSync } from 'node:fs';
import { get, post, writeTrustFiles } from '../../test/signatures-pipeline/support';
import { pki } from '../../test/signatures/support/fixture';
import { ManualClock } from '../../test/support/clock';
import { assertConforms } from '../../test/support/contract';
import { withEnv } from '../../test/support/env';
import { startTestHub, type TestHub } from '../../test/support/hub';
import { systemToken, bearer } from '../../test/support/identity';
import { createTestDatabase, type TestDatabase } from '../../test/support/pg';
import { decodeInWorker } from '../../src/workers/jobs/decode';
import { quarantine } from '../../src/store';
import { importParticipants } from './outgoing/participants';
import { additionXml, documentXml, OTHER, outgoingBody, PEER, receiptXml, SILENT } from './outgoing/test-support';
import { sha256, TEST_ENV } from './test-support';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/**
 * Issue 18: СЕВ ОВВ receipts (msg_type 0) and additions (msg_type 2, 4) are applied on every door,
 * not only where the consumer takes them off dilovod.inbound: POSTed over HTTP with
 * ?format=sev-ovv.xml and replayed from the quarantine they go to the same handlers, with the same
 * quarantine codes; the pipeline's decoder tells them apart (one place), on a worker thread for a
 * large message. Real PostgreSQL; every answer is checked against the OpenAPI contract.
 */
describe('СЕВ ОВВ receipts and additions on every door: HTTP and a replay as on the queue (issue 18)', function () {
  this.timeout(120_000);
  let restoreEnv: () => void = () => undefined;
  let testDb: TestDatabase;
  let hub: TestHub;
  let trustDir: string;
  let outgoing: Json;
  const msgIdTo = (p: typeof PEER): string => outgoing.messages.find((m: { toOrgId: string }) => m.toOrgId === p.edrpou).msgId;
  const stateOf = async (p: typeof PEER): Promise<string> => (await get(hub, `/api/v1/outgoing/${outgoing.id}`)).json.messages.find((m: { toOrgId: string }) => m.toOrgId === p.edrpou).state;
  const filesOf = async (id: string): Promise<string[]> => (await get(hub, `/api/v1/documents/${id}`)).json.attachments.map((a: { name: string }) => a.name);

  /** 1207 bytes POSTed as a СЕВ ОВВ gateway over HTTP would, the answer checked against the contract. */
  async function postXml(xml: Buffer, auth: Record<string, string> = hub.auth): Promise<{ status: number; json: Json; replay: string | null }> {
    const path = '/api/v1/documents?format=sev-ovv.xml';
    const res = await fetch(`${hub.url}${path}`, { method: 'POST', headers: { ...auth, 'content-type': 'application/xml' }, body: xml });
    const text = await res.text();
    const json = JSON.parse(text);
    assertConforms(hub, 'POST', path, { status: res.status, contentType: res.headers.get('content-type'), json, text });
    return { status: res.status, json, replay: res.headers.get('idempotent-replay') };
  }

  before(async () => {
    restoreEnv = withEnv(TEST_ENV);
    const trust = writeTrustFiles();
    trustDir = trust.dir;
    testDb = await createTestDatabase('sevowndoors');
    hub = await startTestHub({ databaseUrl: testDb.url, trustFiles: [trust.root], crlFiles: trust.crls }, { clock: new ManualClock(pki().now.toISOString()), http: true });
    await importParticipants(hub.db, [PEER, OTHER, SILENT], hub.deps.clock.now());
    const res = await post(hub, '/api/v1/outgoing', outgoingBody({ addressees: [PEER.edrpou, OTHER.edrpou, SILENT.edrpou] }));
    expect(res.status, JSON.stringify(res.json)).to.equal(201);
    outgoing = res.json;
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
    rmSync(trustDir, { recursive: true, force: true });
    restoreEnv();
  });

  it('a receipt POSTed with ?format=sev-ovv.xml moves the message it acknowledges: 200 with what it changed; the same again is 200 changed: false, Idempotent-Replay', async () => {
    const receipt = receiptXml(PEER, 'http-receipt-1', msgIdTo(PEER), 1);
    const first = await postXml(receipt);
    expect(first.status, JSON.stringify(first.json)).to.equal(200);
    expect(first.json).to.deep.equal({ applied: 'sev-ovv.receipt', id: msgIdTo(PEER), changed: true, outgoingId: outgoing.id });
    expect(await stateOf(PEER)).to.equal('delivered');
    const again = await postXml(receipt);
    expect(again).to.deep.include({ status: 200, replay: 'true' });
    expect(again.json).to.include({ changed: false });
    expect(await hub.db.query("SELECT 1 FROM documents WHERE meta->>'msgType' = '0'"), 'never registered as a document').to.have.length(0);
  });

  it('a receipt for a msg_id the hub never sent (SEV_OVV_RECEIPT_UNKNOWN_MESSAGE) and one from an organisation the message was not addressed to (SEV_OVV_RECEIPT_WRONG_SENDER): 422, quarantined, the message unchanged', async () => {
    const unknown = await postXml(receiptXml(PEER, 'http-receipt-2', '99999999-dead-4bee-8000-000000000001', 3, { regNumber: { number: '1/1', date: '2026-03-10' } }));
    expect(unknown.status).to.equal(422);
    expect(unknown.json).to.include({ code: 'SEV_OVV_RECEIPT_UNKNOWN_MESSAGE' });
    const wrong = await postXml(receiptXml(OTHER, 'http-receipt-3', msgIdTo(SILENT), 3, { regNumber: { number: '2/2', date: '2026-03-10' } }));
    expect(wrong.status).to.equal(422);
    expect(wrong.json).to.include({ code: 'SEV_OVV_RECEIPT_WRONG_SENDER' });
    const kept = await hub.db.query<{ id: string; code: string; channel: string }>('SELECT id, code, channel FROM quarantine WHERE id = ANY($1) ORDER BY code', [[unknown.json.quarantineId, wrong.json.quarantineId]]);
    expect(kept.map((k) => [k.code, k.channel])).to.deep.equal([['SEV_OVV_RECEIPT_UNKNOWN_MESSAGE', 'http'], ['SEV_OVV_RECEIPT_WRONG_SENDER', 'http']]);
    expect(await stateOf(SILENT)).to.equal('sent');
  });

  it('a token bound to another source may not submit СЕВ ОВВ receipts (SOURCE_NOT_ALLOWED), as for documents', async () => {
    const edms = bearer(await systemToken(hub.db, ['integrator'], { sources: ['edms'], name: 'EDMS only' }));
    const res = await postXml(receiptXml(PEER, 'http-receipt-4', msgIdTo(PEER), 2), edms);
    expect(res.status).to.equal(403);
    expect(res.json).to.include({ code: 'SOURCE_NOT_ALLOWED' });
    expect(await stateOf(PEER)).to.equal('delivered');
  });

  it('an addition over HTTP attaches its file to the card (200, documentId); other bytes under its msg_id are 409 CONFLICTING_REPEAT, the card unchanged; to a document the hub does not have, 422 SEV_OVV_ADDITION_UNKNOWN_DOCUMENT', async () => {
    const doc = await postXml(documentXml('d0000000-0000-4000-8000-000000000001'));
    expect(doc.status, JSON.stringify(doc.json)).to.equal(201);
    const added = Buffer.from('Додаток 2: перелік закладів освіти\n', 'utf8');
    const first = await postXml(additionXml('d0000000-0000-4000-8000-000000000002', added));
    expect(first.status, JSON.stringify(first.json)).to.equal(200);
    expect(first.json).to.deep.equal({ applied: 'sev-ovv.addition', id: doc.json.id, changed: true, documentId: doc.json.id });
    expect(await filesOf(doc.json.id)).to.deep.equal(['Доручення 01-14-2214.txt', 'Додаток 2.txt']);
    const [log] = await hub.db.query<{ via: { method: string } }>("SELECT via FROM audit_log WHERE document_id = $1 AND action = 'sev-ovv.addition-attached'", [doc.json.id]);
    expect(log?.via.method, 'logged with the door it came by').to.equal('http');

    const conflict = await postXml(additionXml('d0000000-0000-4000-8000-000000000002', Buffer.from('інший додаток')));
    expect(conflict.status).to.equal(409);
    expect(conflict.json).to.include({ code: 'CONFLICTING_REPEAT' });
    expect(conflict.json.details).to.include({ documentId: doc.json.id });
    const unknown = await postXml(additionXml('d0000000-0000-4000-8000-000000000003', added, 'NO-SUCH-DOC'));
    expect(unknown.status).to.equal(422);
    expect(unknown.json).to.include({ code: 'SEV_OVV_ADDITION_UNKNOWN_DOCUMENT' });
    expect(await filesOf(doc.json.id), 'the card unchanged by the conflict').to.have.length(2);
  });

  it('a large addition is read on a worker thread as a large document is: its file decoded and hashed there, handed back in shared memory (src/workers/jobs/decode.ts)', async () => {
    const big = Buffer.alloc(300 * 1024, 'Додаток великий. ');
    const xml = additionXml('d0000000-0000-4000-8000-000000000010', big);
    const decoded = await decodeInWorker({ channel: 'http', format: 'sev-ovv.xml', payload: new Uint8Array(xml), receivedAtMs: Date.now(), traceId: 'worker' });
    expect(decoded.value).to.include({ own: 'sev-ovv.addition', source: 'sev-ovv' });
    const files = (decoded.value as { attachments: Array<{ name: string; contentBase64: string; sha256: string }> }).attachments;
    const index = files.findIndex((f) => f.name === 'Додаток 2.txt');
    expect(files[index], 'its base64 text not copied back').to.include({ contentBase64: '', sha256: sha256(big) });
    expect(decoded.attachments.map((a) => a.index), 'only the large file decoded there').to.deep.equal([index]);
    expect(Buffer.from(decoded.attachments[0]!.content).equals(big)).to.equal(true);

    // through the pipeline (decodeInput sends a body over the inline limit to the worker): the bytes attached as sent
    const doc = await postXml(documentXml('d0000000-0000-4000-8000-000000000011', 'D-2026-0500'));
    expect(doc.status, JSON.stringify(doc.json)).to.equal(201);
    const res = await postXml(additionXml('d0000000-0000-4000-8000-000000000012', big, 'D-2026-0500'));
    expect(res.status, JSON.stringify(res.json)).to.equal(200);
    const stored = await fetch(`${hub.url}/api/v1/documents/${doc.json.id}/attachments/2`, { headers: hub.auth });
    expect(sha256(Buffer.from(await stored.arrayBuffer()))).to.equal(sha256(big));
  });

  it('a replay applies them: an addition that came before its document (quarantined as unknown) attaches once the document is registered; a receipt an earlier hub kept as SEV_OVV_NOT_A_DOCUMENT moves its message', async () => {
    const early = await postXml(additionXml('d0000000-0000-4000-8000-000000000020', Buffer.from('Додаток, що випередив документ'), 'D-2026-0600'));
    expect(early.json).to.include({ code: 'SEV_OVV_ADDITION_UNKNOWN_DOCUMENT' });
    const doc = await postXml(documentXml('d0000000-0000-4000-8000-000000000021', 'D-2026-0600'));
    expect(doc.status).to.equal(201);
    const replayed = await post(hub, `/api/v1/quarantine/${early.json.quarantineId}/replay`, {});
    expect(replayed.status, JSON.stringify(replayed.json)).to.equal(200);
    expect(replayed.json).to.deep.equal({ id: early.json.quarantineId, outcome: 'applied', applied: 'sev-ovv.addition', changed: true, documentId: doc.json.id });
    expect(await filesOf(doc.json.id)).to.deep.equal(['Доручення 01-14-2214.txt', 'Додаток 2.txt']);
    const [item] = await hub.db.query<{ status: string; document_id: string }>('SELECT status, document_id FROM quarantine WHERE id = $1', [early.json.quarantineId]);
    expect(item).to.deep.equal({ status: 'replayed', document_id: doc.json.id });

    // as the hub before issue 18's handlers kept a receipt that reached the decoder
    const receipt = receiptXml(OTHER, 'old-receipt-1', msgIdTo(OTHER), 2);
    const old = await hub.db.tx((q) => quarantine.keepInQuarantine(q, {
      code: 'SEV_OVV_NOT_A_DOCUMENT', reason: 'not a document', reasonUk: 'не документ', details: {}, channel: 'amqp', source: null, externalId: null,
      routingKey: 'sev-ovv.xml', messageId: null, contentType: null, format: 'sev-ovv.xml', payload: receipt, receivedAt: hub.deps.clock.now(),
    }));
    const applied = await post(hub, `/api/v1/quarantine/${old.id}/replay`, {});
    expect(applied.json).to.deep.equal({ id: old.id, outcome: 'applied', applied: 'sev-ovv.receipt', changed: true, outgoingId: outgoing.id });
    expect(await stateOf(OTHER)).to.equal('accepted');
    const [log] = await hub.db.query<{ after: Json }>("SELECT after FROM audit_log WHERE action = 'quarantine.replayed' AND before->>'quarantineId' = $1", [old.id]);
    expect(log?.after).to.deep.include({ outcome: 'applied', applied: 'sev-ovv.receipt', outgoingId: outgoing.id });
  });
});
