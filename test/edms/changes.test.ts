/**
 * The change feed (issue 11, "Reconcile after an outage"): every change of documents and control
 * cards, in an order nothing can later slip in before, with a cursor an EDMS keeps across restarts.
 */
import { expect } from 'chai';
import { PostgresDb } from '../../src/store';
import { readChanges } from '../../src/store/changes';
import { call } from '../support/http';
import { startTestHub, submission, type TestHub } from '../support/hub';
import { bearer, ensureStaff, systemToken } from '../support/identity';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { waitFor } from '../support/wait';

type Json = any;

describe('change feed: GET /api/v1/changes (real PostgreSQL)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let hub: TestHub;

  before(async () => {
    testDb = await createTestDatabase('changes');
    hub = await startTestHub({ databaseUrl: testDb.url }, { scheduler: false });
    await ensureStaff(hub.db, ['mayor', 'housing-dept']);
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
  });

  /** The EDMS's catch-up loop: since the last cursor until a page comes back empty. */
  async function catchUp(since: string | null, query = '', headers?: Record<string, string>): Promise<{ items: Json[]; cursor: string | null }> {
    const items: Json[] = [];
    let cursor = since;
    for (;;) {
      const page = await call(hub, 'GET', `/api/v1/changes?limit=2${cursor ? `&since=${cursor}` : ''}${query}`, undefined, headers);
      expect(page.status, JSON.stringify(page.json)).to.equal(200);
      if (!page.json.items.length) return { items, cursor };
      items.push(...page.json.items);
      cursor = page.json.nextCursor;
    }
  }

  /**
   * Waits until the feed may hand out these documents' changes: every transaction older than
   * theirs has ended. Transaction ids are the server's, not the database's, so a write still open
   * in another database on the same server (another test file running beside this one) holds the
   * feed back as well (migration 009); that is the feed's promise, not a fault.
   */
  async function feedPassed(...documentIds: string[]): Promise<void> {
    await waitFor(async () => {
      const rows = await hub.db.query<{ passed: boolean }>(
        'SELECT bool_and(tx < pg_snapshot_xmin(pg_current_snapshot())) AS passed FROM outbox WHERE document_id = ANY($1::uuid[])',
        [documentIds],
      );
      return rows[0]?.passed === true;
    }, `the change feed past ${documentIds.join(', ')}`);
  }

  it('an EDMS that was away catches up in one loop: every registration and every card change, each once, the card with its version', async () => {
    const start = await catchUp(null);
    const doc = (await call(hub, 'POST', '/api/v1/documents', submission())).json;
    const card = (await call(hub, 'POST', `/api/v1/documents/${doc.id}/resolutions`, { actor: 'mayor', executors: ['housing-dept'], task: 'Вжити заходів' })).json;
    await call(hub, 'POST', `/api/v1/documents/${doc.id}/control/${card.id}/interim-answers`, { actor: 'housing-dept', text: 'Проводиться обстеження' });
    const other = (await call(hub, 'POST', '/api/v1/documents', submission())).json;
    await feedPassed(doc.id, other.id);

    const { items, cursor } = await catchUp(start.cursor);
    expect(items.map((i) => [i.type, i.documentId])).to.deep.equal([
      ['document.registered', doc.id], ['control.assigned', doc.id], ['control.interim', doc.id], ['document.registered', other.id],
    ]);
    expect(new Set(items.map((i) => i.eventId)).size).to.equal(4);
    const interim = items[2].event.data;
    expect(interim).to.include({ cardId: card.id, version: 2 });
    expect(interim.card).to.include({ id: card.id, version: 2, status: 'under-control' });

    // Nothing new: the cursor stays; only control changes when asked for by type.
    expect((await catchUp(cursor)).items).to.deep.equal([]);
    const controlOnly = await catchUp(start.cursor, '&types=control.*');
    expect(controlOnly.items.map((i) => i.type)).to.deep.equal(['control.assigned', 'control.interim']);
    expect((await call(hub, 'GET', '/api/v1/changes?since=not-a-cursor')).json.code).to.equal('INVALID_CURSOR');
  });

  it('a change whose transaction is still open is not handed out, and nothing slips in before a cursor once it commits', async () => {
    const { cursor } = await catchUp(null);
    const doc = (await call(hub, 'POST', '/api/v1/documents', submission())).json;
    // A transaction that wrote an outbox row and has not committed, beside the one that did.
    const db = new PostgresDb({ connectionString: testDb.url });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    const open = db.tx(async (q) => {
      await q.query("INSERT INTO outbox (event_id, document_id, type, payload, occurred_at) VALUES (gen_random_uuid(), $1, 'document.test-held', '{}', now())", [doc.id]);
      wrote();
      await held;
    });
    await written;
    const later = (await call(hub, 'POST', '/api/v1/documents', submission())).json;
    await feedPassed(doc.id);
    const during = await catchUp(cursor);
    // The held transaction is the oldest running: nothing written after it is handed out yet.
    expect(during.items.map((i) => i.documentId)).to.deep.equal([doc.id]);
    release();
    await open;
    await feedPassed(doc.id, later.id);
    const afterCommit = await catchUp(during.cursor);
    expect(afterCommit.items.map((i) => [i.type, i.documentId])).to.deep.equal([['document.test-held', doc.id], ['document.registered', later.id]]);
    expect(await readChanges(db, { limit: 10_000 })).to.have.length.greaterThan(5);
    await db.close();
  });

  it('a system reads the changes of its own sources only', async () => {
    const edms = bearer(await systemToken(hub.db, ['integrator'], { sources: ['edms-b'] }));
    const mine = (await call(hub, 'POST', '/api/v1/documents', submission({ source: 'edms-b' }), edms)).json;
    const theirs = (await call(hub, 'POST', '/api/v1/documents', submission({ source: 'oblast' }))).json;
    await feedPassed(mine.id, theirs.id);
    const seen = await catchUp(null, '', edms);
    expect(seen.items.map((i) => i.documentId)).to.deep.equal([mine.id]);
  });
});
