import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseStringPromise } from 'xml2js';
import { acceptInput } from '../../../src/pipeline';
import { pki } from '../../../test/signatures/support/fixture';
import { detached, get, post, writeTrustFiles } from '../../../test/signatures-pipeline/support';
import { runCli } from '../../../test/support/cli';
import { ensureStaff, people } from '../../../test/support/identity';
import { ManualClock } from '../../../test/support/clock';
import { withEnv } from '../../../test/support/env';
import { startTestHub, type TestHub } from '../../../test/support/hub';
import { createTestDatabase, type TestDatabase } from '../../../test/support/pg';
import { xsdProblems } from '../../../test/support/xsd';
import { ownSample, TEST_ENV } from '../test-support';
import { messageBody } from './store';
import { LETTER, OTHER, outgoingBody, participantsCsv, PEER, SILENT } from './test-support';

/** The stored 1207 message of one addressee, as the delivery will publish it. */
async function stored(hub: TestHub, msgId: string): Promise<Buffer> {
  const [row] = await hub.db.query<{ body: Buffer }>('SELECT body FROM sev_ovv_outgoing_messages WHERE msg_id = $1', [msgId]);
  return row!.body;
}

/**
 * Issue 18, "Out: the council's documents and answers": the participants directory (CLI import,
 * API list), outgoing registration in its own journal with the signatures verified by the hub's
 * verifier under the policy for outgoing documents (qualified by default: Law 2155-VIII ст. 18, 22),
 * one XSD-valid 1207 message per addressee, and an answer that links to the incoming document and
 * executes its control card in the same step (003 §160). Real PostgreSQL; the trust is the test
 * PKI's root, the clock its "now".
 */
describe('СЕВ ОВВ outgoing: participants, registration, signatures, answers (issue 18; real PostgreSQL)', function () {
  this.timeout(120_000);
  let testDb: TestDatabase;
  let hub: TestHub;
  let trustDir: string;
  let tmp: string;
  let restoreEnv: () => void = () => undefined;

  before(async () => {
    restoreEnv = withEnv(TEST_ENV);
    const trust = writeTrustFiles();
    trustDir = trust.dir;
    tmp = mkdtempSync(join(tmpdir(), 'dilovod-sev-out-'));
    testDb = await createTestDatabase('sevoutgoing');
    hub = await startTestHub({ databaseUrl: testDb.url, trustFiles: [trust.root], crlFiles: trust.crls }, { clock: new ManualClock(pki().now.toISOString()) });
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
    rmSync(trustDir, { recursive: true, force: true });
    rmSync(tmp, { recursive: true, force: true });
    restoreEnv();
  });

  it('participants: imported from CSV by the CLI with Ukrainian plural forms, updated by ЄДРПОУ; listed by the API to who may read outgoing documents', async () => {
    const file = join(tmp, 'participants.csv');
    writeFileSync(file, participantsCsv([PEER, OTHER]));
    const env = { DATABASE_URL: testDb.url, DILOVOD_FROM_SOURCE: '1' };
    const first = await runCli(['sev-ovv', 'participants', 'import', file], env);
    expect(first.code, first.stderr).to.equal(0);
    expect(first.stdout).to.equal('Учасники СЕВ ОВВ: додано 2 учасники, оновлено 0 учасників.\n');
    const json = join(tmp, 'participants.json');
    writeFileSync(json, JSON.stringify({ participants: [{ ...OTHER, name: `${OTHER.name} (нова назва)` }, SILENT] }));
    const second = await runCli(['sev-ovv', 'participants', 'import', json], env);
    expect(second.stdout).to.equal('Учасники СЕВ ОВВ: додано 1 учасника, оновлено 1 учасника.\n');
    const bad = join(tmp, 'bad.csv');
    writeFileSync(bad, 'edrpou;sysId;name\n123;x;Без коду\n');
    const refused = await runCli(['sev-ovv', 'participants', 'import', bad], env);
    expect(refused.code).to.equal(65);
    expect(refused.stderr).to.contain('Файл учасників СЕВ ОВВ містить помилки').and.to.contain('/participants/0/edrpou');

    const list = await get(hub, '/api/v1/sev-ovv/participants');
    expect(list.status).to.equal(200);
    expect(list.json.items.map((p: { edrpou: string }) => p.edrpou).sort()).to.deep.equal([PEER.edrpou, OTHER.edrpou, SILENT.edrpou].sort());
    expect(list.json.items.find((p: { edrpou: string }) => p.edrpou === OTHER.edrpou).name).to.equal(`${OTHER.name} (нова назва)`);
    await runCli(['sev-ovv', 'participants', 'import', file], env);
    const executorOnly = await fetch(`${hub.url}/api/v1/sev-ovv/participants`, { headers: await people(hub.db, ['executor'])('only-executor') });
    expect(executorOnly.status).to.equal(403);
  });

  it('an addressee who is not a participant is refused before anything is registered (422 SEV_OVV_UNKNOWN_ADDRESSEE)', async () => {
    const res = await post(hub, '/api/v1/outgoing', outgoingBody({ addressees: [OTHER.edrpou, '49999999'] }));
    expect(res.status).to.equal(422);
    expect(res.json).to.deep.include({ code: 'SEV_OVV_UNKNOWN_ADDRESSEE', details: { unknown: ['49999999'] } });
    expect(res.json.messageUk).to.contain('не є учасником СЕВ ОВВ');
    expect(await hub.db.query("SELECT 1 FROM journal_counters WHERE journal = 'outgoing'")).to.have.length(0);
    expect(await hub.db.query('SELECT 1 FROM outgoing_documents')).to.have.length(0);
  });

  it('a signature that is not qualified, a file changed after signing, a file unsigned: refused with the reports (422 OUTGOING_SIGNATURE_POLICY_FAILED), nothing registered', async () => {
    const notQualified = await post(hub, '/api/v1/outgoing', outgoingBody({}, pki().notQualified));
    expect(notQualified.status).to.equal(422);
    expect(notQualified.json.code).to.equal('OUTGOING_SIGNATURE_POLICY_FAILED');
    expect(notQualified.json.details).to.deep.include({ rule: 'outgoing-qualified', problems: ['SIGNATURE_NOT_QUALIFIED'] });
    expect(notQualified.json.details.signatures[0].report.indication).to.equal('TOTAL-PASSED');

    const changed = await post(hub, '/api/v1/outgoing', outgoingBody({}, pki().signerEc, Buffer.from('%PDF-1.4\nінший текст\n')));
    expect(changed.status).to.equal(422);
    expect(changed.json.details.problems).to.deep.equal(['SIGNATURE_INVALID']);
    expect(changed.json.details.signatures[0].report.indication).to.equal('TOTAL-FAILED');

    const unsigned = await post(hub, '/api/v1/outgoing', outgoingBody({
      attachments: [{ name: 'лист.pdf', mediaType: 'application/pdf', contentBase64: LETTER.toString('base64') }, { name: 'додаток.txt', mediaType: 'text/plain', contentBase64: Buffer.from('додаток').toString('base64') }],
    }));
    expect(unsigned.status).to.equal(422);
    expect(unsigned.json.details).to.deep.include({ problems: ['SIGNATURE_MISSING'], unsigned: ['додаток.txt'] });
    expect(await hub.db.query('SELECT 1 FROM outgoing_documents')).to.have.length(0);
  });

  it('registers in its own journal (its own running numbers, the case of the nomenclature) and keeps one XSD-valid 1207 message (msg_type 1) per addressee, each announced as outgoing.sent', async () => {
    const first = await post(hub, '/api/v1/outgoing', outgoingBody({ addressees: [OTHER.edrpou, SILENT.edrpou] }));
    expect(first.status, JSON.stringify(first.json)).to.equal(201);
    expect(first.json.registration).to.include({ journal: 'outgoing', number: 1, case: '01-07', index: '01-07/1' });
    expect(first.json.signatures).to.have.length(1);
    expect(first.json.signatures[0]).to.include({ attachment: 'лист.pdf', indication: 'TOTAL-PASSED', qualified: true });
    expect(first.json.messages.map((m: { toOrgId: string; msgType: number; state: string }) => [m.toOrgId, m.msgType, m.state])).to.deep.equal([[OTHER.edrpou, 1, 'sent'], [SILENT.edrpou, 1, 'sent']]);
    // No broker here: handed to the outbox, never confirmed on dilovod.outbound.
    expect(first.json.messages.map((m: { publishedAt: string | null }) => m.publishedAt)).to.deep.equal([null, null]);
    const second = await post(hub, '/api/v1/outgoing', outgoingBody());
    expect(second.json.registration.number).to.equal(2);

    for (const m of first.json.messages) {
      const xml = await stored(hub, m.msgId);
      expect(await xsdProblems(xml), 'against Order1207_1.5_v.2.2.xsd').to.equal(null);
      const h = (await parseStringPromise(xml.toString('utf8'))).Header;
      expect(h.$).to.include({ msg_type: '1', msg_id: m.msgId, from_org_id: TEST_ENV.SEV_OVV_ORG_ID, from_sys_id: TEST_ENV.SEV_OVV_SYS_ID, to_org_id: m.toOrgId, to_sys_id: m.toSysId });
      expect(h.Document[0].RegNumber[0]).to.deep.equal({ _: '01-07/1', $: { regdate: first.json.registration.date } });
      expect(Buffer.from(h.Document[0].DocTransfer[0]._, 'base64').equals(LETTER)).to.equal(true);
      expect(h.Expansion[0].StaticExpansion[0].SignInfo[0].$.docTransfer_idnumber).to.equal(h.Document[0].DocTransfer[0].$.idnumber);
    }
    const events = await hub.db.query<{ type: string; payload: { data: { msgId: string } } }>('SELECT type, payload FROM outbox WHERE document_id = $1 ORDER BY seq', [first.json.id]);
    expect(events.map((e) => [e.type, e.payload.data.msgId])).to.deep.equal(first.json.messages.map((m: { msgId: string }) => ['outgoing.sent', m.msgId]));
    expect(JSON.stringify(events), 'events carry no content').not.to.contain(LETTER.toString('base64'));
    const card = await get(hub, `/api/v1/outgoing/${first.json.id}`);
    expect(card.json).to.deep.equal(first.json);
  });

  it('a retried POST with the same Idempotency-Key answers the first card: one number, one message per addressee', async () => {
    const body = JSON.stringify(outgoingBody());
    const send = () => fetch(`${hub.url}/api/v1/outgoing`, { method: 'POST', headers: { ...hub.auth, 'content-type': 'application/json', 'idempotency-key': 'out-retry-1' }, body });
    const first = await send();
    const again = await send();
    type Card = { id: string; registration: { number: number } };
    const [a, b] = [(await first.json()) as Card, (await again.json()) as Card];
    expect([first.status, again.status], JSON.stringify(b)).to.deep.equal([201, 201]);
    expect(again.headers.get('idempotent-replay')).to.equal('true');
    expect(b.id).to.equal(a.id);
    expect(await hub.db.query('SELECT 1 FROM sev_ovv_outgoing_messages WHERE outgoing_id = $1', [a.id])).to.have.length(1);
    expect(await hub.db.query('SELECT 1 FROM outgoing_documents WHERE reg_number > $1', [a.registration.number])).to.have.length(0);
  });

  it('a large document (a 3 MiB file: its body parsed and decoded on a worker thread, its text set into each message by the database): kept byte for byte, each message carries it exactly and is XSD-valid; the same Idempotency-Key answers the first card, and with another file is refused', async () => {
    const big = Buffer.alloc(3.5 * 1024 * 1024 + 1);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7919) % 251;
    const bodyFor = (content: Buffer) => JSON.stringify(outgoingBody({
      addressees: [OTHER.edrpou, SILENT.edrpou],
      attachments: [{ name: 'лист.pdf', mediaType: 'application/pdf', contentBase64: content.toString('base64') }],
      signatures: [{ attachment: 'лист.pdf', cms: detached(content, pki().signerEc) }],
    }));
    const send = (body: string) => fetch(`${hub.url}/api/v1/outgoing`, { method: 'POST', headers: { ...hub.auth, 'content-type': 'application/json', 'idempotency-key': 'out-large-1' }, body });
    const body = bodyFor(big);
    const first = await send(body);
    const card = (await first.json()) as { id: string; messages: Array<{ msgId: string }>; signatures: Array<{ qualified: boolean }> };
    expect(first.status, JSON.stringify(card)).to.equal(201);
    expect(card.signatures.map((x) => x.qualified)).to.deep.equal([true]);
    const [kept] = await hub.db.query<{ content: Buffer; size: number }>('SELECT content, size FROM outgoing_attachments WHERE outgoing_id = $1', [card.id]);
    expect(kept!.size).to.equal(big.length);
    expect(kept!.content.equals(big)).to.equal(true);
    for (const m of card.messages) {
      const xml = await stored(hub, m.msgId);
      expect(await xsdProblems(xml), 'against Order1207_1.5_v.2.2.xsd').to.equal(null);
      const h = (await parseStringPromise(xml.toString('utf8'))).Header;
      expect(Buffer.from(h.Document[0].DocTransfer[0]._, 'base64').equals(big)).to.equal(true);
      // What the delivery publishes, read 4 MiB at a time: the same bytes.
      expect(xml.length).to.be.above(4 * 1024 * 1024);
      expect((await messageBody(hub.db, m.msgId))!.body.equals(xml)).to.equal(true);
    }
    const again = await send(body);
    expect([again.status, again.headers.get('idempotent-replay')]).to.deep.equal([201, 'true']);
    expect(((await again.json()) as { id: string }).id).to.equal(card.id);
    const other = Buffer.from(big);
    other[1000]! ^= 1;
    const reused = await send(bodyFor(other));
    expect([reused.status, ((await reused.json()) as { code: string }).code]).to.deep.equal([422, 'IDEMPOTENCY_KEY_REUSED']);
  });

  it('an answer to an incoming СЕВ ОВВ document: msg_type 3 with Addressee/Referred to its sender, the incoming card shows «answered by», and its control card is executed with the answer\'s number and date (003 §160), in the control log', async () => {
    const incoming = await acceptInput(hub.deps, { channel: 'amqp', payload: ownSample('do-vykonannia.xml'), format: 'sev-ovv.xml', receivedAt: hub.deps.clock.now(), traceId: 'answer-test' });
    if (!('card' in incoming)) throw new Error(`not registered: ${incoming.status}`);
    const docId = incoming.card.id;
    const resolution = await post(hub, `/api/v1/documents/${docId}/resolutions`, { executors: ['test-operator'], controller: 'test-operator', task: 'Підготувати відповідь' });
    expect(resolution.status, JSON.stringify(resolution.json)).to.be.oneOf([200, 201]);

    const res = await post(hub, '/api/v1/outgoing', outgoingBody({ addressees: [PEER.edrpou, OTHER.edrpou], answersDocumentId: docId, executeControl: { cardId: resolution.json.id, onMerits: true } }));
    expect(res.status, JSON.stringify(res.json)).to.equal(201);
    expect(res.json.answersDocumentId).to.equal(docId);
    const toPeer = res.json.messages.find((m: { toOrgId: string }) => m.toOrgId === PEER.edrpou);
    const toOther = res.json.messages.find((m: { toOrgId: string }) => m.toOrgId === OTHER.edrpou);
    expect([toPeer.msgType, toOther.msgType]).to.deep.equal([3, 1]);
    const xml = await stored(hub, toPeer.msgId);
    expect(await xsdProblems(xml)).to.equal(null);
    const referred = (await parseStringPromise(xml.toString('utf8'))).Header.Document[0].Addressee[0].Referred[0];
    expect(referred).to.deep.equal({ $: { idnumber: 'D-2026-0415', retype: 'д' }, RegNumber: [{ _: '01-14/2214', $: { regdate: '2026-03-05' } }] });
    expect(await xsdProblems(await stored(hub, toOther.msgId))).to.equal(null);

    const doc = await get(hub, `/api/v1/documents/${docId}`);
    expect(doc.json.answeredBy).to.deep.equal([{ outgoingId: res.json.id, index: res.json.registration.index, date: res.json.registration.date }]);
    const cards = await get(hub, `/api/v1/documents/${docId}/control`);
    const card = cards.json.items?.find?.((c: { id: string }) => c.id === resolution.json.id) ?? cards.json.find((c: { id: string }) => c.id === resolution.json.id);
    expect(card.status).to.equal('executed');
    expect(card.execution.answer).to.include({ outgoingIndex: res.json.registration.index, answeredOn: res.json.registration.date });
    const log = await hub.db.query<{ action: string; after: { execution?: { answer?: { outgoingIndex?: string } } } }>("SELECT action, after FROM audit_log WHERE document_id = $1 AND action IN ('control.executed', 'outgoing.registered') ORDER BY seq", [docId]);
    expect(log.map((l) => l.action)).to.deep.equal(['control.executed', 'outgoing.registered']);
    expect(log[0]!.after.execution?.answer?.outgoingIndex).to.equal(res.json.registration.index);
    // The incoming document's own event, under its source (an EDMS subscribed to sev-ovv hears it).
    const answeredEvents = await hub.db.query<{ payload: { source: string; externalId: string; registration: { index: string }; data: Record<string, unknown> } }>(
      "SELECT payload FROM outbox WHERE document_id = $1 AND type = 'document.answered'", [docId]);
    expect(answeredEvents).to.have.length(1);
    expect(answeredEvents[0]!.payload).to.include({ source: 'sev-ovv', externalId: incoming.card.externalId });
    expect(answeredEvents[0]!.payload.registration.index).to.equal(incoming.card.registration!.index);
    expect(answeredEvents[0]!.payload.data).to.deep.equal({ outgoingId: res.json.id, index: res.json.registration.index, date: res.json.registration.date, addressees: [PEER.edrpou, OTHER.edrpou] });
  });

  it('an execution the control rules refuse rolls the whole answer back: nothing registered, nothing sent', async () => {
    await ensureStaff(hub.db, ['someone-else']);
    const payload = Buffer.from(ownSample('do-vykonannia.xml').toString('utf8').replace(/msg_id="[^"]+"/, 'msg_id="b0000000-0000-4000-8000-000000000001"'));
    const accepted = await acceptInput(hub.deps, { channel: 'amqp', payload, format: 'sev-ovv.xml', receivedAt: hub.deps.clock.now(), traceId: 'rollback-test' });
    if (!('card' in accepted)) throw new Error(`not registered: ${accepted.status}`);
    const resolution = await post(hub, `/api/v1/documents/${accepted.card.id}/resolutions`, { executors: ['someone-else'], controller: 'test-operator', task: 'Підготувати відповідь' });
    expect(resolution.status, JSON.stringify(resolution.json)).to.be.oneOf([200, 201]);
    const before = await hub.db.query<{ last_number: number }>("SELECT last_number FROM journal_counters WHERE journal = 'outgoing'");
    const res = await post(hub, '/api/v1/outgoing', outgoingBody({ addressees: [PEER.edrpou], answersDocumentId: accepted.card.id, executeControl: { cardId: resolution.json.id, onMerits: true } }));
    expect(res.status).to.be.within(400, 499);
    expect(await hub.db.query<{ last_number: number }>("SELECT last_number FROM journal_counters WHERE journal = 'outgoing'")).to.deep.equal(before);
    expect(await hub.db.query('SELECT 1 FROM outgoing_documents WHERE answers_document_id = $1', [accepted.card.id])).to.have.length(0);
  });
});
