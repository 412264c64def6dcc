/**
 * The appeals store (migration 005) on embedded PGlite and on PostgreSQL: the same SQL, the same
 * answers. The domain's EarlierAppeals port over appeal_keys finds a person written differently.
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { StoredArchive, intakeContext } from '../../src/appeals';
import { LAW_IN_FORCE } from '../../src/domain/calendar';
import { appealKeys, decideIntake, fingerprintApplicant, summaryStems, type AppealCard } from '../../src/domain/appeals';
import { fakeCard } from '../../src/domain/appeals/testing/fake-cards';
import { documents, type Db } from '../../src/store';
import { appealRecords, findEarlierByKeys, getAppeal, insertAppeal, setAnswer } from '../../src/store/appeals';
import { forEachBackend } from '../support/backends';

/** Decides and keeps one appeal as the pipeline step does, on a bare document row. */
async function keep(db: Db, card: AppealCard, today = card.receivedOn): Promise<string> {
  const id = randomUUID();
  await documents.insertDocumentOnce(db, {
    id, source: 'edms', externalId: id, kind: 'citizen-appeal', summary: card.summary, correspondent: { name: 'Заявник' },
    receivedAt: `${card.receivedOn}T09:00:00Z`, urgency: 'normal', payloadSha256: 'x',
  }, 'not-registered');
  const fingerprints = card.applicants.map(fingerprintApplicant);
  const keys = appealKeys(fingerprints);
  const intake = decideIntake({ card, fingerprints }, intakeContext(today, LAW_IN_FORCE), await StoredArchive.load(db, keys));
  await db.tx((q) => insertAppeal(q, {
    documentId: id, kind: 'citizen-appeal', cardSource: 'submitted', card: { ...card, id }, intake, fingerprints, stems: summaryStems(card.summary), keys,
  }));
  return id;
}

const roundTrip = <T>(v: T): T => JSON.parse(JSON.stringify(v));

forEachBackend('appeals store', (getDb) => {
  it('keeps the card, intake and its decisions in order; reads them back the same', async () => {
    const db = getDb();
    const card = fakeCard({ receivedOn: '2026-02-02', writtenOn: '2026-01-30', applicants: [{ fullName: 'Дем’яненко Ірина Петрівна', address: 'м. Кам’янське, вул. Соборна, буд. 12, кв. 34' }] });
    const id = await keep(db, card);
    const stored = await getAppeal(db, id);
    expect(stored!.card).to.deep.equal({ ...card, id });
    expect(stored!.intake.recurrence).to.equal('primary');
    expect(stored!.intake.decisions.map((d) => d.rule)).to.deep.equal(['completeness', 'recurrence', 'competence', 'routing']);
    expect(stored!.intake.decisions.every((d) => d.basis.length > 0)).to.equal(true);
    const keys = await db.query<{ key: string }>('SELECT key FROM appeal_keys WHERE appeal_id = $1 ORDER BY key', [id]);
    expect(keys.map((k) => k.key)).to.deep.equal(appealKeys(card.applicants.map(fingerprintApplicant)).sort());
  });

  it('findByKeys over appeal_keys: the earlier appeal with its fingerprints; a repeat once answered on the merits (003 §102)', async () => {
    const db = getDb();
    const first = fakeCard({ receivedOn: '2026-01-12', applicants: [{ fullName: 'Ґудзенко Олег Ярославович', address: 'м. Кам’янське, просп. Свободи, буд. 7, кв. 5' }] });
    const firstId = await keep(db, first);
    const fps = first.applicants.map(fingerprintApplicant);
    const found = await findEarlierByKeys(db, appealKeys(fps));
    expect(new Set(found.map((f) => f.appeal.id))).to.deep.equal(new Set([firstId]));
    expect(roundTrip(found[0]!.appeal.applicants)).to.deep.equal(roundTrip(fps));
    await db.tx((q) => setAnswer(q, firstId, { result: 'explained', answeredOn: '2026-02-01' }, true, new Date()));

    const later = fakeCard({ receivedOn: '2026-03-02', writtenOn: '2026-02-27', applicants: [{ fullName: 'ГУДЗЕНКО О.Я.', address: 'Кам\'янське, пр-т Свободи 7-5' }] });
    const laterId = await keep(db, later);
    const stored = await getAppeal(db, laterId);
    expect(stored!.intake).to.include({ recurrence: 'repeat', mark: 'П', linkedTo: firstId });
  });

  it('records for reports: by period of receipt and kind, counted under intake’s form', async () => {
    const db = getDb();
    const id = await keep(db, fakeCard({ receivedOn: '2025-06-10', form: 'anonymous', applicants: [], summary: 'Про порушення тиші у нічний час' }));
    const records = await appealRecords(db, { from: '2025-06-01', to: '2025-06-30', kinds: ['citizen-appeal'] });
    expect(records.map((r) => [r.card.id, r.status, r.card.form, r.registered])).to.deep.equal([[id, 'not-considered', 'anonymous', true]]);
    expect(await appealRecords(db, { from: '2025-06-01', to: '2025-06-30', kinds: ['hotline-card'] })).to.deep.equal([]);
  });
});
