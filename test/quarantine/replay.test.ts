/**
 * Quarantine an operator can work (issue 12): an item whose cause was fixed is replayed with its
 * original bytes and envelope and leaves the open list linked to its document; one that will never
 * register is dismissed with a reason; both are in the control log with who did it. An input for
 * a connector that is not configured is a 4xx kept in quarantine, not a 500.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { SAMPLE_NOMENCLATURE_FILE } from '../../src/nomenclature';
import { sample, TEST_ENV, withEnv } from '../../connectors/hotline/test-support';
import { runCli } from '../support/cli';
import { call } from '../support/http';
import { startTestHub, submission, type TestHub } from '../support/hub';
import { bearer, personToken } from '../support/identity';
import { createTestDatabase, type TestDatabase } from '../support/pg';

type Json = any;

describe('quarantine: replay after a fix, dismiss with a reason (real PostgreSQL)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let hub: TestHub;
  let clerk: Record<string, string>;
  let admin: Record<string, string>;

  before(async () => {
    testDb = await createTestDatabase('quarantine');
    hub = await startTestHub({ databaseUrl: testDb.url, sampleNomenclature: false }, { scheduler: false });
    clerk = bearer(await personToken(hub.db, 'clerk.q', ['registrar']));
    admin = bearer(await personToken(hub.db, 'admin.q', ['admin']));
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
  });

  const open = async () => (await call(hub, 'GET', '/api/v1/quarantine?limit=200', undefined, clerk)).json.items as Json[];

  it('NO_NOMENCLATURE: once the nomenclature is imported, a replay registers the letter as it came and links the item', async () => {
    const sent = submission({ receivedAt: '2026-03-02T08:00:00Z' });
    const refused = await call(hub, 'POST', '/api/v1/documents', sent, clerk);
    expect([refused.status, refused.json.code]).to.deep.equal([422, 'NO_NOMENCLATURE']);
    const id = refused.json.quarantineId;
    expect((await open()).map((i) => i.id)).to.include(id);

    // Replayed before the fix: refused again, still open, one more attempt.
    const early = await call(hub, 'POST', `/api/v1/quarantine/${id}/replay`, undefined, clerk);
    expect(early.json).to.include({ outcome: 'refused-again', code: 'NO_NOMENCLATURE' });
    expect((await open()).find((i) => i.id === id)).to.include({ status: 'open', attempts: 2 });

    const { cases } = JSON.parse(readFileSync(SAMPLE_NOMENCLATURE_FILE, 'utf8')) as { cases: Json[] };
    expect((await call(hub, 'PUT', '/api/v1/nomenclature/2026', { cases }, admin)).status).to.equal(200);
    const replayed = await call(hub, 'POST', `/api/v1/quarantine/${id}/replay`, undefined, clerk);
    expect(replayed.json).to.include({ outcome: 'registered' });
    const doc = (await call(hub, 'GET', `/api/v1/documents/${replayed.json.documentId}`, undefined, clerk)).json;
    expect(doc).to.include({ externalId: sent.externalId, receivedAt: '2026-03-02T08:00:00.000Z', status: 'registered' });
    expect((await open()).map((i) => i.id)).not.to.include(id);
    const item = (await call(hub, 'GET', `/api/v1/quarantine/${id}`, undefined, clerk)).json;
    expect(item).to.include({ status: 'replayed', documentId: doc.id, resolvedBy: 'clerk.q' });
    // Again: nothing to do; the log has who did it.
    expect((await call(hub, 'POST', `/api/v1/quarantine/${id}/replay`, undefined, clerk)).json.outcome).to.equal('not-open');
    const log = (await call(hub, 'GET', '/api/v1/audit/log?action=quarantine.replayed')).json.items;
    expect(log.map((e: Json) => [e.actor, e.documentId])).to.deep.equal([['clerk.q', doc.id]]);
  });

  it('a hotline card before HOTLINE_* is set: 422 kept in quarantine (not 500); configured, a replay by code registers it with its own format', async () => {
    const refused = await fetch(`${hub.url}/api/v1/documents?format=hotline.json`, { method: 'POST', headers: { ...clerk, 'content-type': 'application/json' }, body: sample('ukc-1545-complaint.json') });
    const json = (await refused.json()) as Json;
    expect([refused.status, json.code]).to.deep.equal([422, 'HOTLINE_NOT_CONFIGURED']);
    expect(json.messageUk).to.contain('карантині');
    const restore = withEnv(TEST_ENV);
    try {
      const bulk = await call(hub, 'POST', '/api/v1/quarantine/replay?code=HOTLINE_NOT_CONFIGURED', undefined, clerk);
      expect(bulk.json.items.map((i: Json) => i.outcome), JSON.stringify(bulk.json)).to.deep.equal(['registered']);
      const doc = (await call(hub, 'GET', `/api/v1/documents/${bulk.json.items[0].documentId}`, undefined, clerk)).json;
      expect(doc).to.include({ kind: 'hotline-card', source: 'hotline-1545' });
    } finally {
      restore();
    }
  });

  it('dismissed with a reason: off the open list, in the log; only once; a replay needs the permission', async () => {
    const refused = await call(hub, 'POST', '/api/v1/documents', { not: 'a document' }, clerk);
    const id = refused.json.quarantineId;
    const auditor = bearer(await personToken(hub.db, 'auditor.q', ['auditor']));
    expect((await call(hub, 'POST', `/api/v1/quarantine/${id}/dismiss`, { reason: 'Тестове повідомлення СЕД' }, auditor)).json.code).to.equal('PERMISSION_DENIED');
    expect((await call(hub, 'POST', `/api/v1/quarantine/${id}/dismiss`, {}, clerk)).status).to.equal(400);
    const dismissed = await call(hub, 'POST', `/api/v1/quarantine/${id}/dismiss`, { reason: 'Тестове повідомлення СЕД' }, clerk);
    expect(dismissed.json).to.include({ status: 'dismissed', dismissReason: 'Тестове повідомлення СЕД', resolvedBy: 'clerk.q' });
    expect((await open()).map((i) => i.id)).not.to.include(id);
    expect((await call(hub, 'GET', '/api/v1/quarantine?status=dismissed', undefined, clerk)).json.items.map((i: Json) => i.id)).to.include(id);
    expect((await call(hub, 'POST', `/api/v1/quarantine/${id}/dismiss`, { reason: 'ще раз' }, clerk)).status).to.equal(404);
    const log = (await call(hub, 'GET', '/api/v1/audit/log?action=quarantine.dismissed')).json.items;
    expect(log[0]).to.include({ actor: 'clerk.q', reason: 'Тестове повідомлення СЕД' });
  });
});

describe('dilovod quarantine list | replay | dismiss (real PostgreSQL)', function () {
  this.timeout(120_000);
  let testDb: TestDatabase;
  let hub: TestHub;

  before(async () => {
    testDb = await createTestDatabase('quarantinecli');
    hub = await startTestHub({ databaseUrl: testDb.url, sampleNomenclature: false }, { scheduler: false });
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
  });

  it('lists the open items, replays one by id or all by code after the fix, dismisses with a reason; in Ukrainian', async () => {
    const env = { DATABASE_URL: testDb.url };
    const year = String(new Date().getUTCFullYear());
    const a = (await call(hub, 'POST', '/api/v1/documents', submission())).json.quarantineId;
    const b = (await call(hub, 'POST', '/api/v1/documents', submission())).json.quarantineId;
    const c = (await call(hub, 'POST', '/api/v1/documents', { not: 'a document' })).json.quarantineId;
    const list = await runCli(['quarantine', 'list'], env);
    expect(list.stdout).to.contain(a).and.to.contain(b).and.to.contain(c);
    expect(list.stderr.trim()).to.equal('3 записи');

    const early = await runCli(['quarantine', 'replay', a], env);
    expect(early.code).to.equal(1);
    expect(early.stdout).to.contain(`${a}: знову відхилено — NO_NOMENCLATURE`);
    expect((await runCli(['nomenclature', 'import', SAMPLE_NOMENCLATURE_FILE, '--year', year], env)).code).to.equal(0);
    const fixed = await runCli(['quarantine', 'replay', '--code', 'NO_NOMENCLATURE'], env);
    expect(fixed.code, fixed.stdout + fixed.stderr).to.equal(0);
    expect(fixed.stdout).to.contain('Повторно оброблено 2 записи, зареєстровано, застосовано або знайдено 2.');

    const dismissed = await runCli(['quarantine', 'dismiss', c, '--reason', 'Тестове повідомлення'], env);
    expect(dismissed.stdout.trim()).to.equal(`Запис ${c} відхилено остаточно.`);
    expect((await runCli(['quarantine', 'list'], env)).stderr.trim()).to.equal('0 записів');
    const log = await hub.db.query<{ action: string; actor: string }>("SELECT action, actor FROM audit_log WHERE action LIKE 'quarantine.%' ORDER BY seq");
    expect(log).to.deep.equal([
      { action: 'quarantine.replayed', actor: 'cli' }, { action: 'quarantine.replayed', actor: 'cli' }, { action: 'quarantine.dismissed', actor: 'cli' },
    ]);
  });
});
