/**
 * An appeal with no files is registered by one statement (issue 16): the document under its
 * number, the appeal with its keys and decisions, the control-log entry by dilovod-intake (the
 * database draws its link, migration 024) and both events. What it keeps must be what the
 * transaction an appeal with a file goes through keeps, and a failure must keep nothing.
 */
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { verifyAuditLog } from '../../src/audit';
import { loadRouting } from '../../src/config/routing';
import { createCalendars } from '../../src/domain/calendar';
import { fixedClock } from '../../src/domain/clock';
import { fakePerson, seededRng } from '../../src/domain/appeals/testing/fake-people';
import { createLogger } from '../../src/log';
import { ensureSampleNomenclature } from '../../src/nomenclature';
import { acceptInput, type PipelineDeps } from '../../src/pipeline';
import { appealStep } from '../../src/pipeline/steps/appeals';
import { forEachBackend } from '../support/backends';
import { cardFor, type Json } from './support';

const NOW = '2026-03-10T09:30:00.000Z';

forEachBackend('an appeal registered by one statement', (getDb) => {
  let deps: PipelineDeps;
  const rng = seededRng(16016);
  let serial = 0;

  before(async () => {
    const db = getDb();
    await ensureSampleNomenclature(db, 2026);
    deps = {
      db, clock: fixedClock(NOW), routing: loadRouting(), log: createLogger({ level: 'silent' }),
      steps: [appealStep({ db, calendar: createCalendars([]).byName('law-in-force') })],
    };
  });

  function appealBody(over: Record<string, unknown> = {}): { externalId: string; payload: Buffer } {
    const p = fakePerson(rng);
    const card = cardFor([p]);
    const externalId = `one-statement-${++serial}`;
    return {
      externalId,
      payload: Buffer.from(JSON.stringify({
        externalId, source: 'post', kind: 'citizen-appeal', correspondent: { name: p.given }, summary: card.summary, receivedAt: NOW,
        meta: { appeal: card }, ...over,
      })),
    };
  }

  async function accept(payload: Buffer) {
    return acceptInput(deps, { channel: 'http', payload, format: 'json', contentType: 'application/json', receivedAt: new Date(NOW), traceId: `t${serial}` });
  }

  /** What the store holds of one document: its row, its appeal, its events (in order, with their transaction) and its log entries. */
  async function kept(documentId: string) {
    const db = getDb();
    const [doc] = await db.query<Json>('SELECT reg_index, reg_number, reg_journal FROM documents WHERE id = $1', [documentId]);
    const [appeal] = await db.query<Json>('SELECT registration_index, card, intake_status FROM appeals WHERE document_id = $1', [documentId]);
    const keys = await db.query<Json>('SELECT key FROM appeal_keys WHERE appeal_id = $1', [documentId]);
    const decisions = await db.query<Json>('SELECT ordinal, decision, rule FROM appeal_decisions WHERE appeal_id = $1 ORDER BY ordinal', [documentId]);
    const events = await db.query<Json>('SELECT type, payload, tx::text AS tx FROM outbox WHERE document_id = $1 ORDER BY seq', [documentId]);
    const log = await db.query<Json>('SELECT actor, action, after FROM audit_log WHERE document_id = $1 ORDER BY seq', [documentId]);
    return { doc, appeal, keys, decisions, events, log };
  }

  it('keeps the appeal, its keys, decisions, log entry and events in the transaction that numbers it, in order', async () => {
    const r = await accept(appealBody().payload);
    expect(r.status).to.equal('created');
    const id = (r as Json).card.id as string;
    const k = await kept(id);
    expect(k.appeal.registration_index).to.equal(k.doc.reg_index);
    expect(k.appeal.card.registrationIndex).to.equal(k.doc.reg_index);
    expect(k.appeal.card.id).to.equal(id);
    expect(k.keys.length).to.be.greaterThan(0);
    expect(k.decisions.length).to.be.greaterThan(0);
    expect(k.events.map((e: Json) => e.type)).to.deep.equal(['document.registered', 'appeal.intake-decided']);
    // One transaction: the change feed shows both or neither.
    expect(k.events[0].tx).to.equal(k.events[1].tx);
    expect(k.events[1].payload.registration).to.deep.equal(k.events[0].payload.registration);
    expect(k.events[1].payload.registration.index).to.equal(k.doc.reg_index);
    expect(k.events[1].payload.data).to.not.have.property('receivedAt');
    expect(k.log).to.have.length(1);
    expect(k.log[0]).to.include({ actor: 'dilovod-intake', action: 'appeal.intake-decided' });
    expect(k.log[0].after).to.deep.equal(k.events[1].payload.data);
    expect(await verifyAuditLog(getDb())).to.include({ ok: true });
  });

  it('keeps the same as the transaction an appeal with a file goes through', async () => {
    const content = Buffer.from('%PDF-1.4 скан звернення');
    const one = await kept(((await accept(appealBody().payload)) as Json).card.id);
    const withFile = appealBody({ attachments: [{ name: 'скан.pdf', mediaType: 'application/pdf', contentBase64: content.toString('base64'), sha256: createHash('sha256').update(content).digest('hex') }] });
    const tx = await kept(((await accept(withFile.payload)) as Json).card.id);
    const shape = (k: typeof one) => ({
      appealColumns: Object.keys(k.appeal).sort(),
      cardKeys: Object.keys(k.appeal.card).sort(),
      events: k.events.map((e: Json) => ({ type: e.type, keys: Object.keys(e.payload).sort(), data: Object.keys(e.payload.data).sort(), registration: Object.keys(e.payload.registration).sort() })),
      log: k.log.map((l: Json) => ({ actor: l.actor, action: l.action, after: Object.keys(l.after).sort() })),
      decisions: k.decisions.map((d: Json) => d.rule),
    });
    expect(shape(one)).to.deep.equal(shape(tx));
    expect(tx.appeal.registration_index).to.equal(tx.doc.reg_index);
    expect(tx.events[0].tx).to.equal(tx.events[1].tx);
  });

  it('a repeat keeps nothing more; a case not in the nomenclature keeps nothing and leaves no gap in the numbers', async () => {
    const db = getDb();
    const body = appealBody();
    const first = await accept(body.payload);
    const journal = (first as Json).card.registration.journal as string;
    const count = async () => (await db.query<Json>(
      `SELECT (SELECT count(*)::int FROM appeals) AS appeals, (SELECT count(*)::int FROM audit_log) AS log, (SELECT count(*)::int FROM outbox) AS events,
              (SELECT max(last_number) FROM journal_counters WHERE journal = $1) AS last`,
      [journal],
    ))[0];
    const before = await count();
    expect((await accept(body.payload)).status).to.equal('duplicate');
    expect(await count()).to.deep.equal(before);
    const stray = await accept(appealBody({ caseIndex: '99-99' }).payload);
    expect(stray.status).to.equal('rejected');
    expect((stray as Json).error.code).to.equal('UNKNOWN_CASE');
    expect(await count()).to.deep.equal(before);
    const next = await accept(appealBody().payload);
    expect((next as Json).card.registration.number).to.equal((first as Json).card.registration.number + 1);
    expect(await verifyAuditLog(db)).to.include({ ok: true });
  });
});
