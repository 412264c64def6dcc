/**
 * Every caller is someone (issue 10): API tokens, the leaks a new user found, the staff directory
 * and its stand-ins (003 §118, §174, §196), the EDMS acting for a person, an identity provider's
 * JWT over HTTP, and what the control log and the personal-data record keep of who acted.
 */
import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { verifyAuditLog } from '../../src/audit';
import { redactedConfig } from '../../src/config';
import { appealSubmission, cardFor } from '../appeals/support';
import { fakePerson, seededRng } from '../../src/domain/appeals/testing/fake-people';
import { startTestHub, submission, type TestHub } from '../support/hub';
import { bearer, ensureStaff, personToken, secretOf, systemToken } from '../support/identity';
import { createTestDatabase, type TestDatabase } from '../support/pg';

type Json = any;

async function send(hub: TestHub, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; json: Json; text: string }> {
  const res = await fetch(`${hub.url}${path}`, {
    method, headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text.startsWith('{') ? JSON.parse(text) : text, text };
}

describe('identity: who the caller is, what they may see, and what the log keeps (real PostgreSQL)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let hub: TestHub;
  let idp: Server;
  let signingKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  const ISSUER_PATH = '/realms/council';

  before(async () => {
    // A small identity provider: discovery and JWKS, keys made with jose.
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    signingKey = privateKey;
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    idp = createServer((req, res) => {
      const base = `http://127.0.0.1:${(idp.address() as AddressInfo).port}${ISSUER_PATH}`;
      res.setHeader('content-type', 'application/json');
      if (req.url === `${ISSUER_PATH}/.well-known/openid-configuration`) res.end(JSON.stringify({ issuer: base, jwks_uri: `${base}/certs` }));
      else if (req.url === `${ISSUER_PATH}/certs`) res.end(JSON.stringify({ keys: [jwk] }));
      else res.writeHead(404).end('{}');
    });
    await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}${ISSUER_PATH}`;
    testDb = await createTestDatabase('identity');
    hub = await startTestHub({
      databaseUrl: testDb.url,
      oidc: {
        issuer, audience: 'dilovod', rolesClaim: 'realm_access.roles', roleMap: { 'kontrol': ['controller'], 'kantseliariia': ['registrar'] },
        staffClaim: 'preferred_username', nameClaim: 'name', clockToleranceSeconds: 60, algorithms: ['RS256'],
      },
    });
    await ensureStaff(hub.db, ['mayor', 'housing-dept', 'clerk.ivanenko', 'edms-user'], []);
    await ensureStaff(hub.db, ['first-deputy'], [{ deputy: 'first-deputy', for: 'mayor', from: '2026-03-01', to: '2026-03-31' }]);
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
    await new Promise<void>((resolve) => (idp ? idp.close(() => resolve()) : resolve()));
  });

  const jwtFor = async (staffId: string, roles: string[], over: { aud?: string } = {}) =>
    new SignJWT({ preferred_username: staffId, name: `Працівник ${staffId}`, realm_access: { roles } })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(hub.config.oidc!.issuer).setAudience(over.aud ?? 'dilovod').setIssuedAt().setExpirationTime('5m')
      .sign(signingKey);

  it('a token is shown once, stored only as a hash, refused at once when revoked or expired, and its last use is recorded', async () => {
    const admin = bearer(await personToken(hub.db, 'it-admin', ['admin']));
    const made = await send(hub, 'POST', '/api/v1/tokens', admin, { name: 'СЕД Мегаполіс', roles: ['integrator'], sources: ['edms'] });
    expect(made.status).to.equal(201);
    const token: string = made.json.token;
    expect(token).to.match(/^dlv_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    const [row] = await hub.db.query<Record<string, unknown>>('SELECT * FROM api_tokens WHERE id = $1', [made.json.id]);
    expect(JSON.stringify(row)).not.to.contain(secretOf(token));
    expect(row!.last_used_at).to.equal(null);
    const listed = await send(hub, 'GET', '/api/v1/tokens', admin);
    expect(listed.text).not.to.contain(token);
    expect(listed.json.items.find((t: Json) => t.id === made.json.id)).to.include({ name: 'СЕД Мегаполіс', revokedAt: null });

    expect((await send(hub, 'GET', '/api/v1/documents', bearer(token))).status).to.equal(200);
    const [used] = await hub.db.query<{ last_used_at: Date | null }>('SELECT last_used_at FROM api_tokens WHERE id = $1', [made.json.id]);
    expect(used!.last_used_at).to.be.instanceOf(Date);
    // A wrong secret with the right id is refused like an unknown token.
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await send(hub, 'GET', '/api/v1/documents', bearer(forged))).json.code).to.equal('TOKEN_INVALID');

    expect((await send(hub, 'DELETE', `/api/v1/tokens/${made.json.id}`, admin)).status).to.equal(200);
    const revoked = await send(hub, 'GET', '/api/v1/documents', bearer(token));
    expect([revoked.status, revoked.json.code]).to.deep.equal([401, 'TOKEN_REVOKED']);

    // Expired a day before the hub's (fixed) clock.
    const expired = await systemToken(hub.db, ['registrar'], { expiresAt: new Date('2026-03-09T09:00:00Z') });
    expect((await send(hub, 'GET', '/api/v1/documents', bearer(expired))).json.code).to.equal('TOKEN_EXPIRED');
    const log = await send(hub, 'GET', '/api/v1/audit/log?action=token.created', hub.auth);
    expect(log.json.items.map((e: Json) => e.after.name)).to.include('СЕД Мегаполіс');
  });

  it('X-Dilovod-Role unmasks nobody any more; a repeat POST of an appeal answers the masked card to a caller without personal data', async () => {
    const person = fakePerson(seededRng(901));
    const body = appealSubmission(cardFor([person!]));
    const clerk = bearer(await personToken(hub.db, 'clerk.masked', ['registrar']));
    const first = await send(hub, 'POST', '/api/v1/documents', { ...clerk, 'x-dilovod-role': 'appeals-officer' }, body);
    expect(first.status).to.equal(201);
    expect(first.text).not.to.contain(person!.surname);
    const repeat = await send(hub, 'POST', '/api/v1/documents', { ...clerk, 'x-dilovod-role': 'appeals-officer' }, body);
    expect(repeat.status).to.equal(200);
    expect(repeat.text).not.to.contain(person!.surname);
    const read = await send(hub, 'GET', `/api/v1/documents/${first.json.id}`, { ...clerk, 'x-dilovod-role': 'appeals-officer' });
    expect(read.text).not.to.contain(person!.surname);
    // Nobody signed in gets nothing at all.
    expect((await send(hub, 'GET', `/api/v1/documents/${first.json.id}`, { 'x-dilovod-role': 'appeals-officer' })).status).to.equal(401);
    // The officer sees it, and that read is recorded (Law «Про захист персональних даних», art. 14).
    const officer = bearer(await personToken(hub.db, 'officer.petrenko', ['appeals-officer']));
    expect((await send(hub, 'GET', `/api/v1/documents/${first.json.id}`, officer)).text).to.contain(person!.surname);
    const reads = await send(hub, 'GET', `/api/v1/audit/personal-data-reads?recordId=${first.json.id}`, hub.auth);
    expect(reads.json.items.map((r: Json) => r.principal)).to.include('officer.petrenko');
    expect(reads.json.items.map((r: Json) => r.principal)).not.to.include('clerk.masked');
    expect(reads.json.items.find((r: Json) => r.principal === 'officer.petrenko')).to.include({ recordKind: 'document', method: 'api-token' });
    // Events that leave the hub (the outbox the relay publishes) carry ids and statuses, never the applicant.
    const events = await hub.db.query<{ payload: unknown }>('SELECT payload FROM outbox WHERE document_id = $1', [first.json.id]);
    expect(events.length).to.be.greaterThan(0);
    for (const e of events) {
      const text = JSON.stringify(e.payload);
      for (const value of [person.surname, person.given, person.street[1], person.email, person.phone].filter(Boolean)) expect(text).not.to.contain(value);
    }
  });

  it('a quarantined hotline card’s payload goes to nobody but a caller granted personal data', async () => {
    const bytes = Buffer.from(JSON.stringify({ cardId: 'x', applicant: { surname: 'Гребенюк', phone: '+380670001234', email: 'g@example.com' } }));
    const rejected = await fetch(`${hub.url}/api/v1/documents?format=hotline.json`, { method: 'POST', headers: { ...hub.auth, 'content-type': 'application/json' }, body: bytes });
    const { quarantineId } = (await rejected.json()) as Json;
    expect(quarantineId).to.be.a('string');
    expect((await send(hub, 'GET', `/api/v1/quarantine/${quarantineId}/payload`, {})).status).to.equal(401);
    const auditor = bearer(await personToken(hub.db, 'auditor.k', ['auditor']));
    const refused = await send(hub, 'GET', `/api/v1/quarantine/${quarantineId}/payload`, auditor);
    expect([refused.status, refused.json.code]).to.deep.equal([403, 'PERSONAL_DATA_ROLE_REQUIRED']);
    const granted = bearer(await personToken(hub.db, 'auditor.pd', ['auditor', 'personal-data']));
    expect((await send(hub, 'GET', `/api/v1/quarantine/${quarantineId}/payload`, granted)).text).to.contain('Гребенюк');
  });

  it('a citizen’s letter sent as JSON that does not parse: the quarantine item quotes none of it (only the payload, by permission)', async () => {
    const letter = 'Прошу відремонтувати дах. Шевченко Тарас, вул. Соборна, 12';
    const res = await fetch(`${hub.url}/api/v1/documents`, { method: 'POST', headers: { ...hub.auth, 'content-type': 'application/json' }, body: letter });
    const answer = (await res.json()) as Json;
    expect([res.status, answer.code]).to.deep.equal([400, 'INVALID_JSON']);
    const clerk = bearer(await personToken(hub.db, 'clerk.quarantine', ['registrar']));
    const item = await send(hub, 'GET', `/api/v1/quarantine/${answer.quarantineId}`, clerk);
    expect(item.status).to.equal(200);
    for (const text of [item.text, JSON.stringify(answer)]) for (const part of ['Прошу', 'Шевченко', 'Соборна']) expect(text).not.to.contain(part);
    expect((await send(hub, 'GET', `/api/v1/quarantine/${answer.quarantineId}/payload`, clerk)).json.code).to.equal('PERSONAL_DATA_ROLE_REQUIRED');
  });

  it('003 §118, §174, §196: standingInFor only as the directory says, that day; the log names the person, the method and the address', async () => {
    const doc = (await send(hub, 'POST', '/api/v1/documents', hub.auth, submission())).json;
    const mayor = bearer(await personToken(hub.db, 'mayor', ['controller']));
    const card = (await send(hub, 'POST', `/api/v1/documents/${doc.id}/resolutions`, mayor, { executors: ['housing-dept'], task: 'Вжити заходів' })).json;
    expect(card).to.include({ author: 'mayor', controller: 'mayor' });
    const base = `/api/v1/documents/${doc.id}/control/${card.id}`;
    const executor = bearer(await personToken(hub.db, 'housing-dept', ['executor']));
    expect((await send(hub, 'POST', `${base}/extension-requests`, executor, { newTerm: '2026-04-30', reason: 'Очікуємо експертизу' })).status).to.equal(200);

    // The clerk claims to stand in for the mayor: the directory says no.
    const clerk = bearer(await personToken(hub.db, 'clerk.ivanenko', ['controller']));
    const claim = await send(hub, 'POST', `${base}/extension-decision`, clerk, { standingInFor: 'mayor', granted: true });
    expect([claim.status, claim.json.code]).to.deep.equal([403, 'NOT_A_STAND_IN']);
    expect(claim.json.messageUk).to.contain('заміщує');
    // `actor` is no longer something a body can say.
    expect((await send(hub, 'POST', `${base}/extension-decision`, mayor, { actor: 'mayor', granted: true })).status).to.equal(400);

    const deputy = bearer(await personToken(hub.db, 'first-deputy', ['controller']));
    const granted = await send(hub, 'POST', `${base}/extension-decision`, deputy, { standingInFor: 'mayor', granted: true, reason: 'Погоджено' });
    expect(granted.status, granted.text).to.equal(200);
    const log = await send(hub, 'GET', `/api/v1/audit/log?documentId=${doc.id}&action=control.extension-decided`, hub.auth);
    expect(log.json.items[0]).to.include({ actor: 'first-deputy' });
    expect(log.json.items[0].via).to.include({ method: 'api-token', principalKind: 'person', standingInFor: 'mayor' });
    expect(log.json.items[0].via.clientAddress).to.match(/127\.0\.0\.1/);
    expect(log.json.items[0].via.system.tokenId).to.be.a('string');
    expect(await verifyAuditLog(hub.db)).to.include({ ok: true });

    // Executors, controllers and authors are people of the directory.
    const unknown = await send(hub, 'POST', `/api/v1/documents/${doc.id}/resolutions`, mayor, { executors: ['nobody-here'], task: 'Т' });
    expect([unknown.status, unknown.json.code]).to.deep.equal([422, 'STAFF_UNKNOWN']);
    // An executor acts only on their own cards (003 §158-160).
    const other = bearer(await personToken(hub.db, 'edms-user', ['executor']));
    const notMine = await send(hub, 'POST', `${base}/interim-answers`, other, { text: 'Чужа картка' });
    expect(notMine.json.code).to.be.oneOf(['NOT_AN_EXECUTOR', 'NOT_IN_SCOPE']);
  });

  it('the EDMS acts for a signed-in person: a listed staff id, or the person’s own JWT; the log records both', async () => {
    const edms = await systemToken(hub.db, ['integrator'], { sources: ['edms'], actFor: ['housing-dept'], name: 'СЕД' });
    await hub.db.query("UPDATE staff SET roles = '{executor}' WHERE id = 'housing-dept'");
    const me = await send(hub, 'GET', '/api/v1/me', { ...bearer(edms), 'x-on-behalf-of': 'housing-dept' });
    expect(me.json).to.include({ kind: 'person', id: 'housing-dept', method: 'api-token+on-behalf-of' });
    expect(me.json.via.name).to.equal('СЕД');
    const notListed = await send(hub, 'GET', '/api/v1/me', { ...bearer(edms), 'x-on-behalf-of': 'mayor' });
    expect([notListed.status, notListed.json.code]).to.deep.equal([403, 'ON_BEHALF_OF_NOT_ALLOWED']);
    const userJwt = await jwtFor('mayor', ['kontrol']);
    const forwarded = await send(hub, 'GET', '/api/v1/me', { ...bearer(edms), 'x-user-token': userJwt });
    expect(forwarded.json).to.include({ id: 'mayor', method: 'api-token+user-jwt' });
    expect(forwarded.json.roles).to.deep.equal(['controller']);
    // A registrar's token may not act for anyone.
    const registrar = await systemToken(hub.db, ['registrar']);
    expect((await send(hub, 'GET', '/api/v1/me', { ...bearer(registrar), 'x-on-behalf-of': 'housing-dept' })).json.code).to.equal('ON_BEHALF_OF_NOT_ALLOWED');
    // An integrator submits only for its own sources; the refused body is kept in quarantine.
    const foreign = await send(hub, 'POST', '/api/v1/documents', bearer(edms), submission({ source: 'oblast' }));
    expect([foreign.status, foreign.json.code]).to.deep.equal([403, 'SOURCE_NOT_ALLOWED']);
    expect(foreign.json.quarantineId).to.be.a('string');
  });

  it('a person signed in by the identity provider: roles from the claim mapping; a token for another audience is 401', async () => {
    const jwt = await jwtFor('clerk.ivanenko', ['kantseliariia']);
    const me = await send(hub, 'GET', '/api/v1/me', bearer(jwt));
    expect(me.json).to.include({ kind: 'person', id: 'clerk.ivanenko', method: 'oidc' });
    expect(me.json.roles).to.deep.equal(['registrar']);
    expect((await send(hub, 'POST', '/api/v1/documents', bearer(jwt), submission())).status).to.equal(201);
    const wrongAud = await send(hub, 'GET', '/api/v1/me', bearer(await jwtFor('clerk.ivanenko', ['kantseliariia'], { aud: 'other-app' })));
    expect([wrongAud.status, wrongAud.json.code]).to.deep.equal([401, 'TOKEN_AUDIENCE_INVALID']);
    expect(wrongAud.json.messageUk).to.match(/[а-яіїє]/i);
  });

  it('the administrator loads a year’s nomenclature through the hub and sees the settings with secrets hidden; a clerk may do neither', async () => {
    const admin = bearer(await personToken(hub.db, 'it-admin-2', ['admin']));
    const cases = [{ index: '01-07', title: 'Листи установ', subdivision: '01', storageTerm: '5 р.', journal: 'incoming' }];
    const loaded = await send(hub, 'PUT', '/api/v1/nomenclature/2027', admin, { cases });
    expect(loaded.status, loaded.text).to.equal(200);
    expect((await send(hub, 'GET', '/api/v1/nomenclature?year=2027', admin)).json.cases.map((c: Json) => c.index)).to.deep.equal(['01-07']);
    const twice = await send(hub, 'PUT', '/api/v1/nomenclature/2027', admin, { cases: [...cases, ...cases] });
    expect([twice.status, twice.json.code]).to.deep.equal([400, 'VALIDATION_FAILED']);
    const log = await send(hub, 'GET', '/api/v1/audit/log?action=nomenclature.imported', hub.auth);
    expect(log.json.items.map((e: Json) => e.actor)).to.deep.equal(['it-admin-2']);
    const clerk = bearer(await personToken(hub.db, 'clerk.cfg', ['registrar']));
    expect((await send(hub, 'PUT', '/api/v1/nomenclature/2027', clerk, { cases })).json.code).to.equal('PERMISSION_DENIED');

    const settings = await send(hub, 'GET', '/api/v1/config', admin);
    expect(settings.json).to.include({ host: '127.0.0.1' });
    expect(settings.json.oidc.issuer).to.equal(hub.config.oidc!.issuer);
    expect(redactedConfig({ ...hub.config, databaseUrl: 'postgresql://dilovod:s3cret@db/dilovod', amqpUrl: 'amqp://gw:pa55@mq/council' }))
      .to.include({ databaseUrl: 'postgresql://dilovod:***@db/dilovod', amqpUrl: 'amqp://gw:***@mq/council' });
    expect((await send(hub, 'GET', '/api/v1/config', clerk)).status).to.equal(403);
  });
});
