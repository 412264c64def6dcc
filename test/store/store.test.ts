import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { documents, migrate, nextJournalNumber, nomenclature, outbox, quarantine } from '../../src/store';
import { readNomenclatureFile, SAMPLE_NOMENCLATURE_FILE } from '../../src/nomenclature';
import { forEachBackend } from '../support/backends';

forEachBackend('store', (getDb) => {
  it('migrations are idempotent: a second run applies nothing', async () => {
    expect(await migrate(getDb())).to.deep.equal([]);
  });

  it('journal numbers run per journal and year, starting at 1', async () => {
    const db = getDb();
    const a = await db.tx((q) => nextJournalNumber(q, 'incoming', 2026));
    const b = await db.tx((q) => nextJournalNumber(q, 'incoming', 2026));
    const other = await db.tx((q) => nextJournalNumber(q, 'appeals', 2026));
    const nextYear = await db.tx((q) => nextJournalNumber(q, 'incoming', 2027));
    expect([a, b, other, nextYear]).to.deep.equal([1, 2, 1, 1]);
  });

  it('a rolled-back registration gives its number back: no gaps', async () => {
    const db = getDb();
    const first = await db.tx((q) => nextJournalNumber(q, 'gapless', 2026));
    await db
      .tx(async (q) => {
        await nextJournalNumber(q, 'gapless', 2026);
        throw new Error('registration failed after drawing a number');
      })
      .catch(() => undefined);
    const next = await db.tx((q) => nextJournalNumber(q, 'gapless', 2026));
    expect([first, next]).to.deep.equal([1, 2]);
  });

  it('imports a nomenclature for a year and lists it back; re-import updates in place', async () => {
    const db = getDb();
    const nom = readNomenclatureFile(SAMPLE_NOMENCLATURE_FILE);
    await db.tx((q) => nomenclature.importNomenclature(q, 2026, nom.cases));
    const changed = nom.cases.map((c) => (c.index === '01-07' ? { ...c, storageTerm: '3 р.' } : c));
    await db.tx((q) => nomenclature.importNomenclature(q, 2026, changed));
    const listed = await nomenclature.listNomenclature(db, 2026);
    expect(listed).to.have.length(nom.cases.length);
    expect(listed.find((c) => c.index === '01-07')?.storageTerm).to.equal('3 р.');
    expect(await nomenclature.findCase(db, 2026, '01-09')).to.deep.equal({ journal: 'appeals' });
    expect(await nomenclature.findCase(db, 2025, '01-09')).to.equal(undefined);
  });

  it('inserts a document once per (source, externalId)', async () => {
    const db = getDb();
    const doc = {
      id: randomUUID(), source: 'edms', externalId: 'once-1', kind: 'official-letter' as const, summary: 'Тест',
      correspondent: { name: 'ТОВ «Тест»' }, receivedAt: '2026-03-01T10:00:00Z', urgency: 'normal' as const, payloadSha256: 'x',
    };
    const first = await documents.insertDocumentOnce(db, doc, 'not-registered');
    const second = await documents.insertDocumentOnce(db, { ...doc, id: randomUUID() }, 'not-registered');
    expect(first).to.equal(doc.id);
    expect(second).to.equal(undefined);
    expect(await documents.findIdByExternalId(db, 'edms', 'once-1')).to.equal(doc.id);
    const card = await documents.getCard(db, doc.id);
    expect(card?.receivedAt).to.equal('2026-03-01T10:00:00.000Z');
    expect(card?.registration).to.equal(null);
  });

  it('keeps bytes in quarantine, and the same input rejected again bumps attempts on one row', async () => {
    const db = getDb();
    const item = {
      code: 'INVALID_JSON', reason: 'bad', reasonUk: 'погано', channel: 'amqp' as const, source: 'edms',
      routingKey: 'edms.json', payload: Buffer.from([0x7b, 0x00, 0xff]), receivedAt: new Date('2026-03-01T10:00:00Z'),
    };
    const id1 = await quarantine.putInQuarantine(db, item);
    const id2 = await quarantine.putInQuarantine(db, { ...item, receivedAt: new Date('2026-03-01T10:05:00Z') });
    expect(id2).to.equal(id1);
    const row = await quarantine.getQuarantined(db, id1);
    expect(row?.attempts).to.equal(2);
    expect(Buffer.compare(row!.payload, item.payload)).to.equal(0);
    const other = await quarantine.putInQuarantine(db, { ...item, payload: Buffer.from('другий') });
    expect(other).to.not.equal(id1);
    const page = await quarantine.listQuarantine(db, { limit: 10, code: 'INVALID_JSON' });
    expect(page.map((r) => r.id)).to.include.members([id1, other]);
  });

  it('outbox: pending events come out in order, and published ones do not come back', async () => {
    const db = getDb();
    const docId = randomUUID();
    await db.tx(async (q) => {
      for (const type of ['document.registered', 'control.assigned', 'control.extended']) {
        await outbox.appendEvent(q, { type, documentId: docId, occurredAt: new Date(), body: { type, documentId: docId } });
      }
    });
    const pending = await db.tx((q) => outbox.takePending(q, 10));
    const mine = pending.filter((p) => p.payload.documentId === docId);
    expect(mine.map((p) => p.type)).to.deep.equal(['document.registered', 'control.assigned', 'control.extended']);
    expect(mine[0]!.seq).to.be.lessThan(mine[1]!.seq);
    await db.tx((q) => outbox.markPublished(q, mine.map((p) => p.seq), new Date()));
    const again = await db.tx((q) => outbox.takePending(q, 10));
    expect(again.filter((p) => p.payload.documentId === docId)).to.deep.equal([]);
  });
});
