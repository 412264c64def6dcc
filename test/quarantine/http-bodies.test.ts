/**
 * Issue 14: «every rejected HTTP body kept in quarantine as AMQP ones are», and «Personal data to
 * anonymous callers». Every route that takes a body keeps one it refuses as input (unreadable or
 * not matching its schema) with its exact bytes, channel `http` and the operation as the routing
 * key, and answers its `quarantineId`; refusals of who asks (401, 403), of an unknown id (404) and
 * of a rule (409, 412, 422) keep nothing, and neither do the identity routes. The payload goes only
 * to a caller granted personal data, and nothing of a body that does not parse is quoted back.
 */
import { expect } from 'chai';
import type { Express } from 'express';
import { randomUUID } from 'node:crypto';
import type { RouteEntry } from '../../src/api/secure-router';
import { assertConforms } from '../support/contract';
import { call } from '../support/http';
import { startTestHub, submission, type TestHub } from '../support/hub';
import { bearer, ensureStaff, personToken, systemToken } from '../support/identity';
import { createTestDatabase, type TestDatabase } from '../support/pg';

type Json = any;
type Answer = { status: number; json: Json; text: string; headers: Headers };

interface Row {
  id: string;
  code: string;
  reason: string;
  reason_uk: string;
  channel: string;
  routing_key: string | null;
  format: string | null;
  source: string | null;
  payload: Buffer;
  attempts: number;
  status: string;
}

/** A citizen's name: what must never be quoted back, logged, or shown without the permission. */
const NAME = 'Шевченко Тарас Григорович';

describe('quarantine: every refused HTTP body kept as sent, to the right people only (issue 14)', function () {
  this.timeout(120_000);
  let testDb: TestDatabase;
  let hub: TestHub;
  let admin: Record<string, string>;
  let registrar: Record<string, string>;
  let documentId: string;
  let card: Json;

  before(async () => {
    testDb = await createTestDatabase('httpbodies');
    hub = await startTestHub({ databaseUrl: testDb.url }, { scheduler: false });
    await ensureStaff(hub.db, ['housing-dept']);
    admin = bearer(await personToken(hub.db, 'admin.hb', ['admin']));
    registrar = bearer(await personToken(hub.db, 'registrar.hb', ['registrar']));
    documentId = (await call(hub, 'POST', '/api/v1/documents', submission())).json.id;
    card = (await call(hub, 'POST', `/api/v1/documents/${documentId}/resolutions`, { executors: ['housing-dept'], task: 'Вжити заходів' })).json;
    expect(card.id).to.be.a('string');
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
  });

  /** Exactly these bytes (no JSON.stringify between), the answer checked against the contract. */
  async function send(method: string, path: string, bytes: Buffer | string, headers: Record<string, string> = hub.auth, contentType = 'application/json'): Promise<Answer> {
    const res = await fetch(`${hub.url}${path}`, { method, headers: { ...headers, 'content-type': contentType }, body: typeof bytes === 'string' ? bytes : new Uint8Array(bytes) });
    const text = await res.text();
    const json = text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    assertConforms(hub, method, path, { status: res.status, contentType: res.headers.get('content-type'), json, text });
    return { status: res.status, json, text, headers: res.headers };
  }

  const row = async (id: string): Promise<Row> => {
    const [found] = await hub.db.query<Row>('SELECT id, code, reason, reason_uk, channel, routing_key, format, source, payload, attempts, status FROM quarantine WHERE id = $1', [id]);
    expect(found, `quarantine row ${id}`).to.not.equal(undefined);
    return found!;
  };
  const rowsWith = async (bytes: Buffer | string): Promise<number> =>
    (await hub.db.query<{ n: number }>('SELECT count(*)::int AS n FROM quarantine WHERE payload = $1', [Buffer.from(bytes)]))[0]!.n;

  /** Refused with this status and code, kept byte for byte under this operation, the answer naming the row. */
  async function expectKept(res: Answer, bytes: Buffer | string, status: number, code: string, operation: string): Promise<Row> {
    expect([res.status, res.json.code], JSON.stringify(res.json)).to.deep.equal([status, code]);
    expect(res.json.quarantineId, `${operation}: kept in quarantine`).to.be.a('string');
    const kept = await row(res.json.quarantineId);
    expect(kept).to.include({ code, channel: 'http', routing_key: operation, format: 'api-request', source: null, status: 'open' });
    expect(kept.reason).to.equal(res.json.message);
    expect(kept.reason_uk).to.equal(res.json.messageUk).and.to.match(/[а-яіїє]/i);
    expect(kept.payload.equals(Buffer.from(bytes)), `${operation}: the exact bytes sent`).to.equal(true);
    return kept;
  }

  const letter = (n: string) => `${NAME}, вул. Соборна, 12: ${n}`;

  it('each data route keeps a body that does not parse and one that breaks its schema, under its operation, and answers quarantineId', async () => {
    const d = documentId;
    const nomenclatureYear = '2026';
    const cases: Array<{ method: string; path: string; operation: string; invalid: string; code: string; as?: Record<string, string>; contentType?: string }> = [
      { method: 'POST', path: `/api/v1/documents/${d}/resolutions`, operation: 'POST /api/v1/documents/:id/resolutions', invalid: '{"executors":"housing-dept","task":5}', code: 'VALIDATION_FAILED' },
      { method: 'POST', path: `/api/v1/documents/${d}/control/${card.id}/interim-answers`, operation: 'POST /api/v1/documents/:id/control/:cardId/interim-answers', invalid: '{"text":7}', code: 'VALIDATION_FAILED' },
      { method: 'POST', path: `/api/v1/control/${card.id}/commands`, operation: 'POST /api/v1/control/:cardId/commands', invalid: '{"command":"burn","body":{}}', code: 'VALIDATION_FAILED' },
      { method: 'POST', path: `/api/v1/documents/${d}/appeal/answer`, operation: 'POST /api/v1/documents/:id/appeal/answer', invalid: '{"result":"maybe"}', code: 'APPEAL_ANSWER_INVALID' },
      { method: 'POST', path: `/api/v1/documents/${d}/info-request/answer`, operation: 'POST /api/v1/documents/:id/info-request/answer', invalid: '{"result":"perhaps"}', code: 'INFO_REQUEST_ANSWER_INVALID' },
      { method: 'POST', path: `/api/v1/documents/${d}/info-request/extension`, operation: 'POST /api/v1/documents/:id/info-request/extension', invalid: '{"why":1}', code: 'INFO_REQUEST_EXTENSION_INVALID' },
      { method: 'POST', path: '/api/v1/direct-line/calls', operation: 'POST /api/v1/direct-line/calls', invalid: '{"topics":"water"}', code: 'DIRECT_LINE_CALL_INVALID' },
      { method: 'POST', path: '/api/v1/archive/import', operation: 'POST /api/v1/archive/import', invalid: '{"not":"an array"}', code: 'VALIDATION_FAILED', as: admin },
      { method: 'PUT', path: `/api/v1/nomenclature/${nomenclatureYear}`, operation: 'PUT /api/v1/nomenclature/:year', invalid: '{"cases":"none"}', code: 'VALIDATION_FAILED', as: admin },
      { method: 'POST', path: '/api/v1/subscriptions', operation: 'POST /api/v1/subscriptions', invalid: '{"url":"ftp://edms.example/hook","events":["*"]}', code: 'VALIDATION_FAILED', as: admin },
    ];
    const ids = new Set<string>();
    for (const c of cases) {
      const malformed = `{"note":"${letter(c.operation)}",`;
      const kept = await expectKept(await send(c.method, c.path, malformed, c.as), malformed, 400, 'INVALID_JSON', c.operation);
      ids.add(kept.id);
      const invalid = await send(c.method, c.path, c.invalid, c.as);
      ids.add((await expectKept(invalid, c.invalid, 400, c.code, c.operation)).id);
      expect(invalid.json.details, `${c.operation}: the answer still says what is wrong`).to.not.equal(undefined);
    }
    expect(ids.size, 'one row per operation and body').to.equal(cases.length * 2);

    // JSON lines are bytes the archive route decodes itself: invalid UTF-8 is kept as sent too.
    const lines = Buffer.concat([Buffer.from('{"externalId":"a-1","summary":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n')]);
    await expectKept(await send('POST', '/api/v1/archive/import', lines, admin, 'application/x-ndjson'), lines, 400, 'INVALID_ENCODING', 'POST /api/v1/archive/import');
    // An unsupported charset is a 415 of the body: kept as sent.
    const latin = Buffer.from('{"task":"caf\xe9"}', 'latin1');
    await expectKept(await send('POST', `/api/v1/documents/${d}/resolutions`, latin, hub.auth, 'application/json; charset=iso-8859-1'), latin, 415, 'UNSUPPORTED_FORMAT', 'POST /api/v1/documents/:id/resolutions');
  });

  it('NUL, lone surrogates, invalid UTF-8 and deep nesting in a body: 400 with the code, the bytes kept', async () => {
    const path = `/api/v1/documents/${documentId}/appeal/answer`;
    const bodies: Array<[Buffer | string, string]> = [
      ['{"summary":"Відповідь \\u0000 надано"}', 'NUL_CHARACTER'],
      ['{"summary":"\\ud800"}', 'LONE_SURROGATE'],
      [Buffer.concat([Buffer.from('{"summary":"'), Buffer.from([0xff]), Buffer.from('"}')]), 'INVALID_ENCODING'],
      [`{"meta":${'['.repeat(5000)}${']'.repeat(5000)}}`, 'JSON_TOO_DEEP'],
    ];
    for (const [bytes, code] of bodies) await expectKept(await send('POST', path, bytes), bytes, 400, code, 'POST /api/v1/documents/:id/appeal/answer');
  });

  it('the same bytes again land on the same row (attempts + 1); the same bytes on another operation are another row', async () => {
    const bytes = `{"task":"${letter('repeat')}"`;
    const path = `/api/v1/documents/${documentId}/resolutions`;
    const first = await send('POST', path, bytes);
    const again = await send('POST', path, bytes);
    expect(again.json.quarantineId).to.equal(first.json.quarantineId);
    expect((await row(first.json.quarantineId)).attempts).to.equal(2);
    const elsewhere = await send('POST', '/api/v1/direct-line/calls', bytes);
    expect(elsewhere.json.quarantineId).to.be.a('string').and.not.equal(first.json.quarantineId);
    expect(await rowsWith(bytes)).to.equal(2);
  });

  it('with an Idempotency-Key: kept too, and the repeat (answered from the key) names the same row', async () => {
    const bytes = '{"executors":[],"task":""}';
    const headers = { ...hub.auth, 'idempotency-key': `bad-${randomUUID()}` };
    const path = `/api/v1/documents/${documentId}/resolutions`;
    const first = await send('POST', path, bytes, headers);
    await expectKept(first, bytes, 400, 'VALIDATION_FAILED', 'POST /api/v1/documents/:id/resolutions');
    const again = await send('POST', path, bytes, headers);
    expect(again.headers.get('idempotent-replay')).to.equal('true');
    expect(again.json).to.deep.equal(first.json);
    expect((await row(first.json.quarantineId)).attempts).to.equal(2);
  });

  it('not kept: no caller or a bad token (401), no permission (403), an unknown id (404), a rule (409, 412, 422), a bad query or header', async () => {
    const malformed = `{"task":"${letter('not kept')}"`;
    const resolutions = `/api/v1/documents/${documentId}/resolutions`;
    const refusals: Array<[Answer, number]> = [
      [await send('POST', resolutions, malformed, {}), 401],
      [await send('POST', resolutions, malformed, { authorization: `Bearer dlv_AAAAAAAAAAAA_${'x'.repeat(43)}` }), 401],
      [await send('POST', resolutions, malformed, registrar), 403],
      [await send('POST', '/api/v1/archive/import', malformed, registrar), 403],
    ];
    for (const [res, status] of refusals) {
      expect(res.status).to.equal(status);
      expect(res.json.quarantineId).to.equal(undefined);
    }
    // Nobody without the route's permission can fill the quarantine: their bodies are not even read.
    for (let i = 0; i < 20; i++) await send('POST', '/api/v1/direct-line/calls', malformed, {});
    for (let i = 0; i < 5; i++) await send('POST', '/api/v1/direct-line/calls', malformed, registrar);
    expect(await rowsWith(malformed)).to.equal(0);
    // The same bytes from a caller who may send them: kept, once.
    const allowed = await send('POST', '/api/v1/direct-line/calls', malformed);
    expect((await expectKept(allowed, malformed, 400, 'INVALID_JSON', 'POST /api/v1/direct-line/calls')).attempts).to.equal(1);

    const valid = JSON.stringify({ executors: ['housing-dept'], task: letter('valid') });
    const refused: Array<[Answer, number, string]> = [
      [await send('POST', `/api/v1/documents/${randomUUID()}/resolutions`, valid), 404, 'NOT_FOUND'],
      [await send('POST', `/api/v1/documents/${documentId}/resolutions`, JSON.stringify({ executors: ['nobody-here'], task: 'Т' })), 422, 'STAFF_UNKNOWN'],
      [await send('POST', `/api/v1/documents/${documentId}/info-request/answer`, '{"result":"provided"}'), 409, 'NOT_AN_INFO_REQUEST'],
      [await send('POST', `/api/v1/documents/${documentId}/control/${card.id}/interim-answers`, '{"text":"Проміжна"}', { ...hub.auth, 'if-match': '"99"' }), 412, 'VERSION_MISMATCH'],
      [await send('POST', `/api/v1/documents/${documentId}/control/${card.id}/interim-answers`, '{"text":"Проміжна"}', { ...hub.auth, 'if-match': 'seven' }), 400, 'INVALID_IF_MATCH'],
      [await send('POST', '/api/v1/archive/import?source=Bad%20Source', '[]', admin), 400, 'INVALID_QUERY'],
    ];
    for (const [res, status, code] of refused) {
      expect([res.status, res.json.code], JSON.stringify(res.json)).to.deep.equal([status, code]);
      expect(res.json.quarantineId, code).to.equal(undefined);
    }
  });

  it('identity routes and the quarantine’s own commands keep nothing: a token request, the staff directory, a dismissal', async () => {
    const token = `{"name":"${letter('token')}","roles":["admin"]`;
    const staff = `{"staff":[{"id":"x","fullName":"${NAME}"}]`;
    const cases: Array<[string, string, string, Record<string, string>]> = [
      ['POST', '/api/v1/tokens', token, admin],
      ['POST', '/api/v1/tokens', '{"name":"СЕД","roles":["nobody"]}', admin],
      ['PUT', '/api/v1/staff', staff, admin],
      ['POST', `/api/v1/quarantine/${randomUUID()}/dismiss`, `{"reason":"${letter('dismiss')}"`, registrar],
    ];
    for (const [method, path, bytes, who] of cases) {
      const res = await send(method, path, bytes, who);
      expect(res.status, `${method} ${path}`).to.equal(400);
      expect(res.json.quarantineId, `${method} ${path}`).to.equal(undefined);
      expect(await rowsWith(bytes), `${method} ${path}`).to.equal(0);
    }
    // The route decides, not the caller or the bytes: the same admin's same bytes to the nomenclature are kept.
    await expectKept(await send('PUT', '/api/v1/nomenclature/2026', token, admin), token, 400, 'INVALID_JSON', 'PUT /api/v1/nomenclature/:year');
  });

  it('the payload only to a caller granted personal data; the item and every answer quote none of it; never logged', async () => {
    const bytes = `${NAME}, вул. Соборна, 12. Прошу надати відповідь.`;
    const refused = await send('POST', `/api/v1/documents/${documentId}/appeal/answer`, bytes);
    const kept = await expectKept(refused, bytes, 400, 'INVALID_JSON', 'POST /api/v1/documents/:id/appeal/answer');
    const item = await call(hub, 'GET', `/api/v1/quarantine/${kept.id}`, undefined, registrar);
    expect(item.json).to.include({ channel: 'http', routingKey: 'POST /api/v1/documents/:id/appeal/answer', format: 'api-request', code: 'INVALID_JSON' });
    const list = await call(hub, 'GET', '/api/v1/quarantine?code=INVALID_JSON&limit=200', undefined, registrar);
    expect(list.json.items.map((i: Json) => i.id)).to.include(kept.id);
    for (const text of [refused.text, JSON.stringify(item.json), JSON.stringify(list.json)]) for (const part of ['Шевченко', 'Соборна', 'Прошу']) expect(text).not.to.contain(part);

    expect((await fetch(`${hub.url}/api/v1/quarantine/${kept.id}/payload`)).status).to.equal(401);
    const denied = await call(hub, 'GET', `/api/v1/quarantine/${kept.id}/payload`, undefined, registrar);
    expect([denied.status, denied.json.code]).to.deep.equal([403, 'PERSONAL_DATA_ROLE_REQUIRED']);
    // An integrator sees its own sources' items only: this one has none.
    const integrator = bearer(await systemToken(hub.db, ['integrator'], { sources: ['edms'] }));
    expect((await call(hub, 'GET', `/api/v1/quarantine/${kept.id}`, undefined, integrator)).json.code).to.equal('NOT_IN_SCOPE');
    expect((await call(hub, 'GET', '/api/v1/quarantine?limit=200', undefined, integrator)).json.items.map((i: Json) => i.id)).not.to.include(kept.id);
    const granted = await fetch(`${hub.url}/api/v1/quarantine/${kept.id}/payload`, { headers: hub.auth });
    expect(granted.status).to.equal(200);
    expect(Buffer.from(await granted.arrayBuffer()).toString('utf8')).to.equal(bytes);
    const reads = await hub.db.query<{ route: string }>("SELECT route FROM personal_data_reads WHERE record_kind = 'quarantine' AND record_id = $1", [kept.id]);
    expect(reads.map((r) => r.route), 'the unmasked read is recorded').to.deep.equal(['GET /api/v1/quarantine/:id/payload']);

    expect(hub.logs.text()).to.contain(kept.id);
    for (const part of ['Шевченко', 'Соборна']) expect(hub.logs.text(), 'no payload in the log').not.to.contain(part);
  });

  it('INVALID_JSON never quotes the body, whatever the parser says, on the documents route and the others', async () => {
    const bodies = [
      `${NAME}`, `{"a": ${NAME}}`, `{"${NAME}": }`, `["${NAME}"`, `{"a":"${NAME}"} ${NAME}`, `{"a":"${NAME}",}`, `{"a":"Шев\nченко"}`, `{"a": 1 ${NAME}}`, `'${NAME}'`,
    ];
    for (const path of ['/api/v1/documents', `/api/v1/documents/${documentId}/resolutions`, '/api/v1/direct-line/calls']) {
      for (const bytes of bodies) {
        const res = await send('POST', path, bytes);
        expect([res.status, res.json.code], `${path} ${bytes}`).to.deep.equal([400, 'INVALID_JSON']);
        expect(res.json.quarantineId).to.be.a('string');
        const item = await call(hub, 'GET', `/api/v1/quarantine/${res.json.quarantineId}`, undefined, registrar);
        for (const text of [res.text, JSON.stringify(item.json)]) for (const part of ['Шевченко', 'Шев', 'Тарас']) expect(text, `${path} ${bytes}`).not.to.contain(part);
      }
    }
  });

  it('never replayed (it is no document): one by id is 409 QUARANTINE_NOT_REPLAYABLE, a bulk replay passes it by; it is dismissed', async () => {
    const bytes = '{"topics":"replay-me"}';
    const kept = await expectKept(await send('POST', '/api/v1/direct-line/calls', bytes), bytes, 400, 'DIRECT_LINE_CALL_INVALID', 'POST /api/v1/direct-line/calls');
    const one = await call(hub, 'POST', `/api/v1/quarantine/${kept.id}/replay`, undefined, registrar);
    expect([one.status, one.json.code]).to.deep.equal([409, 'QUARANTINE_NOT_REPLAYABLE']);
    const documents = async () => (await hub.db.query<{ n: number }>('SELECT count(*)::int AS n FROM documents'))[0]!.n;
    const before = await documents();
    const all = await call(hub, 'POST', '/api/v1/quarantine/replay?code=DIRECT_LINE_CALL_INVALID', undefined, registrar);
    expect(all.status).to.equal(200);
    expect(all.json.items.map((i: Json) => i.id)).not.to.include(kept.id);
    expect(await row(kept.id), 'untouched: no attempt, no new code').to.include({ status: 'open', attempts: 1, code: 'DIRECT_LINE_CALL_INVALID' });
    expect(await documents(), 'nothing registered from it').to.equal(before);
    const dismissed = await call(hub, 'POST', `/api/v1/quarantine/${kept.id}/dismiss`, { reason: 'Відправник надіслав виправлений запит' }, registrar);
    expect(dismissed.json).to.include({ status: 'dismissed', resolvedBy: 'registrar.hb' });
  });

  it('every route that reads a body: an unparseable one is kept, but for the identity routes, signatures and dismissals', async () => {
    const routes = ((hub.app as Express).locals.routes as RouteEntry[]).filter((r) => r.method === 'post' || r.method === 'put');
    const everyone = bearer(await personToken(hub.db, 'all.roles', ['registrar', 'executor', 'controller', 'appeals-officer', 'auditor', 'admin', 'personal-data']));
    const notKept = ['POST /api/v1/tokens', 'PUT /api/v1/staff', 'POST /api/v1/signatures/verify', 'POST /api/v1/quarantine/:id/dismiss'];
    const kept: string[] = [];
    for (const route of routes) {
      const path = route.path.replace(/:\w+/g, randomUUID()).replace(/\*\w+/, 'community/1');
      const bytes = `{"${NAME}":`;
      const res = await send(route.method.toUpperCase(), path, bytes, everyone);
      const operation = `${route.method.toUpperCase()} ${route.path}`;
      expect(res.status, `${operation}: ${res.text}`).to.be.below(500);
      if (res.json.code !== 'INVALID_JSON') continue;
      if (notKept.includes(operation)) expect(res.json.quarantineId, operation).to.equal(undefined);
      else {
        expect(res.json.quarantineId, `${operation} reads a body and refused it: kept`).to.be.a('string');
        kept.push(operation);
      }
    }
    expect(kept).to.include.members([
      'POST /api/v1/documents', 'POST /api/v1/documents/:id/resolutions', 'POST /api/v1/documents/:id/control/:cardId/extension-requests',
      'POST /api/v1/documents/:id/control/:cardId/extension-decision', 'POST /api/v1/documents/:id/control/:cardId/interim-answers',
      'POST /api/v1/documents/:id/control/:cardId/execution', 'POST /api/v1/documents/:id/control/:cardId/release', 'POST /api/v1/control/:cardId/commands',
      'POST /api/v1/documents/:id/appeal/answer', 'POST /api/v1/documents/:id/info-request/extension', 'POST /api/v1/documents/:id/info-request/answer',
      'POST /api/v1/direct-line/calls', 'POST /api/v1/archive/import', 'PUT /api/v1/nomenclature/:year', 'POST /api/v1/subscriptions',
    ]);
  });
});
