import { expect } from 'chai';
import { createHash } from 'node:crypto';
import type { Hub } from '../../src/hub';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { startTestHub, submission, type TestHub } from '../support/hub';
import { fixedClock } from '../../src/domain/clock';

async function post(hub: TestHub, body: unknown, contentType = 'application/json'): Promise<{ status: number; json: any; headers: Headers }> {
  const res = await fetch(`${hub.url}/api/v1/documents`, {
    method: 'POST',
    headers: { ...hub.auth, 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json(), headers: res.headers };
}

async function get(hub: TestHub, path: string): Promise<{ status: number; json: any }> {
  const res = await fetch(`${hub.url}${path}`, { headers: hub.auth });
  return { status: res.status, json: await res.json() };
}

describe('HTTP: documents and quarantine (real PostgreSQL)', function () {
  let testDb: TestDatabase;
  let hub: TestHub;

  before(async () => {
    testDb = await createTestDatabase('api');
    hub = await startTestHub({ databaseUrl: testDb.url });
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
  });

  it('registers an official letter with an index per the nomenclature and files it to the case', async () => {
    const res = await post(hub, submission({ externalId: 'letter-1' }));
    expect(res.status).to.equal(201);
    expect(res.headers.get('location')).to.equal(`/api/v1/documents/${res.json.id}`);
    expect(res.json.status).to.equal('registered');
    expect(res.json.registration).to.deep.include({ journal: 'incoming', case: '01-07', date: '2026-03-10', year: 2026 });
    expect(res.json.registration.index).to.equal(`01-07/${res.json.registration.number}`);
    const card = await get(hub, `/api/v1/documents/${res.json.id}`);
    expect(card.status).to.equal(200);
    expect(card.json).to.deep.equal(res.json);
  });

  it('the same (source, externalId) twice registers once and answers with the same id', async () => {
    const body = submission({ externalId: 'twice-1' });
    const first = await post(hub, body);
    const second = await post(hub, body);
    expect(first.status).to.equal(201);
    expect(second.status).to.equal(200);
    expect(second.headers.get('idempotent-replay')).to.equal('true');
    expect(second.json.id).to.equal(first.json.id);
    expect(second.json.registration.number).to.equal(first.json.registration.number);
    const list = await get(hub, '/api/v1/documents?q=twice&limit=10');
    const sameExternal = (await get(hub, '/api/v1/documents?source=edms&limit=200')).json.items.filter((d: any) => d.externalId === 'twice-1');
    expect(sameExternal).to.have.length(1);
    expect(list.status).to.equal(200);
  });

  it('numbers run on within a journal: consecutive letters get consecutive numbers', async () => {
    const a = await post(hub, submission());
    const b = await post(hub, submission());
    expect(b.json.registration.number).to.equal(a.json.registration.number + 1);
  });

  it('each kind goes to its own journal and case', async () => {
    const appeal = await post(hub, submission({ kind: 'citizen-appeal', correspondent: { name: 'Коваленко Олена Петрівна', address: 'вул. Шевченка, 1, м. Біла Церква' } }));
    const act = await post(hub, submission({ kind: 'prosecutorial-act', subtype: 'submission' }));
    expect(appeal.json.registration).to.deep.include({ journal: 'appeals', case: '01-09', number: 1 });
    expect(act.json.registration).to.deep.include({ journal: 'prosecutorial', case: '01-06', number: 1, index: '01-06/1' });
  });

  it('003 §157: a greeting letter is accepted and kept, marked not registered with the reason', async () => {
    const res = await post(hub, submission({ subtype: 'greeting', summary: 'Вітання з Днем місцевого самоврядування' }));
    expect(res.status).to.equal(201);
    expect(res.json.status).to.equal('not-registered');
    expect(res.json.registration).to.equal(null);
    expect(res.json.notRegisteredReason.code).to.equal('NOT_REGISTRABLE');
    expect(res.json.notRegisteredReason.basis).to.contain('§157');
    const listed = await get(hub, '/api/v1/documents?status=not-registered');
    expect(listed.json.items.map((d: any) => d.id)).to.include(res.json.id);
  });

  it('stores attachments checked against their SHA-256 and serves them back', async () => {
    const content = Buffer.from('%PDF-1.4 лист', 'utf8');
    const sha256 = createHash('sha256').update(content).digest('hex');
    const res = await post(hub, submission({ attachments: [{ name: 'лист.pdf', mediaType: 'application/pdf', contentBase64: content.toString('base64'), sha256 }] }));
    expect(res.status).to.equal(201);
    expect(res.json.attachments).to.deep.equal([{ name: 'лист.pdf', mediaType: 'application/pdf', sha256, size: content.length }]);
    const file = await fetch(`${hub.url}/api/v1/documents/${res.json.id}/attachments/1`, { headers: hub.auth });
    expect(Buffer.from(await file.arrayBuffer()).equals(content)).to.equal(true);
  });

  it('an attachment that does not match its SHA-256 is refused and kept in quarantine', async () => {
    const res = await post(hub, submission({ attachments: [{ name: 'a.txt', contentBase64: Buffer.from('a').toString('base64'), sha256: '0'.repeat(64) }] }));
    expect(res.status).to.equal(400);
    expect(res.json.code).to.equal('ATTACHMENT_HASH_MISMATCH');
    expect(res.json.quarantineId).to.be.a('string');
  });

  it('invalid bodies get 400 with a stable code and both languages, never 500, and land in quarantine', async () => {
    const missing = submission();
    delete missing.summary;
    const cases: Array<[unknown, string]> = [
      ['{"externalId": ', 'INVALID_JSON'],
      [missing, 'VALIDATION_FAILED'],
      [submission({ kind: 'love-letter' }), 'VALIDATION_FAILED'],
      [submission({ receivedAt: 'yesterday' }), 'VALIDATION_FAILED'],
      [[1, 2, 3], 'VALIDATION_FAILED'],
      ['null', 'VALIDATION_FAILED'],
    ];
    for (const [body, code] of cases) {
      const res = await post(hub, body);
      expect(res.status, JSON.stringify(body)).to.equal(400);
      expect(res.json.code).to.equal(code);
      expect(res.json.message).to.be.a('string').and.not.empty;
      expect(res.json.messageUk).to.be.a('string').and.not.empty;
      const item = await get(hub, `/api/v1/quarantine/${res.json.quarantineId}`);
      expect(item.json).to.include({ code, channel: 'http' });
      const raw = await fetch(`${hub.url}${item.json.payloadRef}`, { headers: hub.auth });
      const sent = typeof body === 'string' ? body : JSON.stringify(body);
      expect(await raw.text()).to.equal(sent);
    }
    const schemaError = await post(hub, missing);
    expect(schemaError.json.details.violations).to.deep.include({ path: '/', message: "must have required property 'summary'", messageUk: "бракує обов'язкового поля «summary»" });
  });

  it('lists quarantine with code, reason, source, receivedAt and payload reference, newest first, paginated', async () => {
    const page1 = await get(hub, '/api/v1/quarantine?limit=2');
    expect(page1.json.items).to.have.length(2);
    expect(page1.json.nextCursor).to.be.a('string');
    for (const item of page1.json.items) {
      expect(item).to.include.keys('code', 'reason', 'reasonUk', 'source', 'receivedAt', 'payloadRef');
    }
    const page2 = await get(hub, `/api/v1/quarantine?limit=2&cursor=${page1.json.nextCursor}`);
    const ids1 = page1.json.items.map((i: any) => i.id);
    expect(page2.json.items.map((i: any) => i.id)).to.not.include.members(ids1);
  });

  it('a year without a nomenclature of files is a clear error, kept in quarantine', async () => {
    const hub2031 = await startTestHub({ databaseUrl: testDb.url, sampleNomenclature: false }, { clock: fixedClock('2031-02-01T10:00:00Z') });
    try {
      const res = await post(hub2031, submission());
      expect(res.status).to.equal(422);
      expect(res.json.code).to.equal('NO_NOMENCLATURE');
      expect(res.json.details.year).to.equal(2031);
    } finally {
      await hub2031.close();
    }
  });

  it('a case not in the year\'s nomenclature is refused', async () => {
    const res = await post(hub, submission({ caseIndex: '99-99' }));
    expect(res.status).to.equal(422);
    expect(res.json.code).to.equal('UNKNOWN_CASE');
  });

  it('searches by kind, text and dates with cursor pagination that neither repeats nor skips', async () => {
    for (let i = 0; i < 5; i++) {
      // No number of their own (003 §195 orders that arrive numbered keep it: test/control/own-numbered.test.ts): the hub draws 01-05/N.
      await post(hub, submission({ kind: 'mayor-order', summary: `Про затвердження плану заходів №${i}`, receivedAt: `2026-02-0${i + 1}T09:00:00Z`, outgoing: undefined }));
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { json: any } = await get(hub, `/api/v1/documents?kind=mayor-order&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.json.items.map((d: any) => d.receivedAt));
      cursor = res.json.nextCursor;
    } while (cursor);
    expect(seen).to.deep.equal(['2026-02-05T09:00:00.000Z', '2026-02-04T09:00:00.000Z', '2026-02-03T09:00:00.000Z', '2026-02-02T09:00:00.000Z', '2026-02-01T09:00:00.000Z']);
    const ranged = await get(hub, '/api/v1/documents?kind=mayor-order&from=2026-02-02&to=2026-02-03');
    expect(ranged.json.items).to.have.length(2);
    const text = await get(hub, `/api/v1/documents?q=${encodeURIComponent('ПЛАНУ ЗАХОДІВ №3')}`);
    expect(text.json.items).to.have.length(1);
    const byIndex = await get(hub, `/api/v1/documents?q=${encodeURIComponent('01-05/2')}`);
    expect(byIndex.json.items.map((d: any) => d.registration.index)).to.deep.equal(['01-05/2']);
  });

  it('bad query parameters and unknown ids are structured errors', async () => {
    expect((await get(hub, '/api/v1/documents?limit=0')).json.code).to.equal('INVALID_QUERY');
    expect((await get(hub, '/api/v1/documents?kind=spam')).status).to.equal(400);
    expect((await get(hub, '/api/v1/documents?cursor=garbage')).json.code).to.equal('INVALID_CURSOR');
    expect((await get(hub, '/api/v1/documents/not-a-uuid')).status).to.equal(404);
    expect((await get(hub, '/api/v1/documents/00000000-0000-4000-8000-000000000000')).json.code).to.equal('NOT_FOUND');
    expect((await get(hub, '/api/v1/nowhere')).json).to.include({ code: 'NOT_FOUND', messageUk: 'Не знайдено' });
  });

  it('answers /healthz and /readyz (database reachable, no broker configured)', async () => {
    expect((await get(hub, '/healthz')).json).to.deep.equal({ status: 'ok' });
    expect((await get(hub, '/readyz')).json).to.deep.equal({ status: 'ready', checks: { database: 'ok', broker: 'not-configured' } });
  });

  it('logs carry a request id on every line and never the applicant\'s personal data', async () => {
    const name = 'Ґуцуляк Ярина Степанівна';
    const phone = '+380671234567';
    const address = 'вул. Лесі Українки, 17, кв. 4, м. Бровари';
    await post(hub, submission({ kind: 'citizen-appeal', correspondent: { name, phone, address, email: 'yaryna@example.org' } }));
    await post(hub, submission({ kind: 'citizen-appeal', correspondent: { name, phone }, receivedAt: 'bad' }));
    const text = hub.logs.text();
    for (const secret of [name, 'Ґуцуляк', phone, address, 'yaryna@example.org']) expect(text).to.not.contain(secret);
    const requestLines = hub.logs.lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request' || l.msg.endsWith('document accepted'));
    expect(requestLines.length).to.be.greaterThan(0);
    for (const line of requestLines) expect(line.traceId).to.be.a('string');
  });

  it('one info line per accepted input, and the input\'s traceId on every line of it, the signature step\'s too', async () => {
    const debugHub = await startTestHub({ databaseUrl: testDb.url, logLevel: 'debug' });
    try {
      const traceId = `trace-${Date.now()}`;
      const res = await fetch(`${debugHub.url}/api/v1/documents`, {
        method: 'POST', headers: { ...debugHub.auth, 'content-type': 'application/json', 'x-request-id': traceId }, body: JSON.stringify(submission()),
      });
      expect(res.status).to.equal(201);
      await new Promise((r) => setTimeout(r, 50));
      const lines = debugHub.logs.lines.map((l) => JSON.parse(l)).filter((l) => l.traceId === traceId);
      expect(lines.filter((l) => l.level >= 30).map((l) => l.msg)).to.deep.equal(['документ прийнято / document accepted']);
      expect(lines.map((l) => l.msg)).to.include.members(['signatures verified', 'request']);
    } finally {
      await debugHub.close();
    }
  });
});
