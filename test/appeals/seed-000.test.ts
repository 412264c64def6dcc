/**
 * Seed 000 («Звітуємо територіальній громаді: загальний відділ», ten months of 2018) reproduced
 * through the public API only, on a real PostgreSQL with the hub's clock in 2026: the data set of
 * ./seed-000.ts (made up in the test, not by the hub's domain) goes in over HTTP — documents, the
 * platform's e-petition exports, direct-line calls answered orally, answers — and every figure of
 * the seed the API can express comes out of GET /api/v1/reports/appeals, /open-data/petitions and
 * /info-requests. Each assertion names the seed line (/work/shared/seeds/000_20f500c1db89803e.txt,
 * the numbers copied into SEED_000). The department's other figures (3225 service documents,
 * 475 decisions, 311 orders, 376 copies, 1003 service packages, 761 services) are not appeals.
 */
import { expect } from 'chai';
import { addDays } from '../../src/domain/clock';
import { violations } from '../../src/schemas';
import { startTestHub, type TestHub } from '../support/hub';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { PERIOD_000, SEED_000, seed000, type SeedAppeal, type SeedPetition } from './seed-000';
import { call, OFFICER, type Json } from './support';

/** Requests in flight at once: about the hub's database pool (10), so none waits long for a connection. */
const CONCURRENCY = 10;

async function inPool<T>(items: readonly T[], work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    for (let i = next++; i < items.length; i = next++) await work(items[i]!, i);
  }));
}

describe('seed 000 (ten months of 2018) reproduced through the public API only', function () {
  this.timeout(180_000);
  let testDb: TestDatabase;
  let hub: TestHub;
  const seed = seed000();
  const period = `from=${PERIOD_000.from}&to=${PERIOD_000.to}`;
  let report: Json;

  /** The answer of the considered ones (003 §132), a few days after receipt; the ones on control have none. */
  async function answer(documentId: string, item: { result: string }, receivedOn: string, index: number): Promise<void> {
    if (item.result === 'on-control') return;
    const res = await call(hub, 'POST', `/api/v1/documents/${documentId}/appeal/answer`, {
      actor: 'appeals-dept', result: item.result, answeredOn: addDays(receivedOn, 1 + (index % 14)), summary: 'Відповідь надано',
    });
    if (res.status !== 200) throw new Error(`answer ${documentId}: ${res.status} ${res.text}`);
  }

  async function registerAppeal(a: SeedAppeal, index: number): Promise<void> {
    const res = await call(hub, 'POST', '/api/v1/documents', a.body);
    if (res.status !== 201) throw new Error(`${String(a.body.externalId)}: ${res.status} ${res.text}`);
    await answer(res.json.id, a, a.receivedOn, index);
  }

  async function registerPetition(p: SeedPetition, index: number): Promise<void> {
    const res = await call(hub, 'POST', '/api/v1/petitions', p.body);
    if (res.status !== 201) throw new Error(`petition ${String(p.body.id)}: ${res.status} ${res.text}`);
    expect(res.json.petition).to.include({ state: 'below-threshold', consideredAs: 'collective-appeal', collectionEndedOn: p.endDate });
    await answer(res.json.petition.documentId, p, p.endDate, index);
  }

  before(async () => {
    testDb = await createTestDatabase('appeals_seed_000');
    hub = await startTestHub({ databaseUrl: testDb.url }, { scheduler: false });
    await Promise.all([
      inPool(seed.appeals, registerAppeal),
      inPool(seed.petitions, registerPetition),
      inPool(seed.calls, async (body) => {
        const res = await call(hub, 'POST', '/api/v1/direct-line/calls', body, OFFICER);
        if (res.status !== 201) throw new Error(`call: ${res.status} ${res.text}`);
      }),
      inPool(seed.infoRequests, async (body) => {
        const res = await call(hub, 'POST', '/api/v1/documents', body);
        if (res.status !== 201) throw new Error(`info request: ${res.status} ${res.text}`);
      }),
    ]);
    const res = await call(hub, 'GET', `/api/v1/reports/appeals?${period}`);
    expect(res.status).to.equal(200);
    report = res.json;
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
  });

  it('line 9: «за 10 місяців 2018 року … зареєстровано … 4236 звернень, у тому числі, 1213 письмових»', () => {
    expect(violations('appeal-report.schema.json', report)).to.deep.equal([]);
    expect(report.period).to.deep.equal({ from: '2018-01-01', to: '2018-10-31' });
    expect(report.total).to.equal(SEED_000.total);
    expect(report.written.total).to.equal(SEED_000.written);
    expect(report.oral.total).to.equal(SEED_000.total - SEED_000.written);
    // Every one was complete and within competence: registered and considered, none returned or refused.
    expect(report.notConsidered).to.deep.equal({ anonymous: 0, returned: 0 });
  });

  it('lines 11-15: of the written «місцевих – 826; з виконкому Криворізької міської ради – 383; з прокуратури – 4»', () => {
    expect(report.written.bySource).to.include({ local: SEED_000.writtenLocal, 'city-executive': SEED_000.writtenCityExecutive, prosecutor: SEED_000.writtenProsecutor });
    expect(report.written.bySource).to.include({ 'higher-authority': 0, 'city-contact-centre': 0, mp: 0, other: 0 });
  });

  it('lines 19-23: «Урядовий контактний центр» 1339, «Гаряча лінія голови облдержадміністрації» 972, Криворізький ресурсний центр 283', () => {
    expect(report.byChannel).to.include({
      'hotline-1545': SEED_000.governmentContactCentre, 'oblast-contact-centre': SEED_000.oblastHotline, 'city-contact-centre': SEED_000.cityContactCentre,
    });
    expect(report.byChannelGroup.hotlines).to.equal(SEED_000.governmentContactCentre + SEED_000.oblastHotline + SEED_000.cityContactCentre);
    expect(report.higherAuthority).to.include({ total: SEED_000.governmentContactCentre + SEED_000.oblastHotline, viaHotlines: SEED_000.governmentContactCentre + SEED_000.oblastHotline });
    expect(report.byForwardingBody['city-contact-centre']).to.equal(SEED_000.cityContactCentre);
  });

  it('line 25: «пряма телефонна лінія» — 567 calls, 184 with a card, the rest (383) answered orally; only the cards are in the total', () => {
    expect(report.directLine).to.deep.equal({ calls: SEED_000.directLineCalls, registered: SEED_000.directLineCards, answeredOrally: SEED_000.directLineOral });
    expect(report.byChannel['direct-line']).to.equal(SEED_000.directLineCards);
  });

  it('lines 31-35: «876 – вирішено позитивно; 3285 – надано вичерпні роз\'яснення; 75 – залишаються на контролі»', () => {
    expect(report.byResult).to.deep.equal({
      'resolved-positively': SEED_000.resolvedPositively, explained: SEED_000.explained, 'on-control': SEED_000.onControl, refused: 0, forwarded: 0,
    });
  });

  it('line 37: «Найбільша кількість звернень стосується … житлово-комунального господарства – 3380»', () => {
    const groups: Json[] = report.questions.byGroup;
    const housing = groups.find((g) => g.id === 'housing-and-utilities');
    expect(housing.appeals).to.equal(SEED_000.housingAndUtilities);
    // One question per appeal in this data set: the questions say the same.
    expect(report.questions.total).to.equal(SEED_000.total);
    expect(housing.questions).to.equal(SEED_000.housingAndUtilities);
    // …and it is the largest: no single topic outside the group comes near it.
    const outside = report.questions.byTopic.filter((t: Json) => !housing.codes.includes(t.code));
    expect(Math.max(...outside.map((t: Json) => t.appeals))).to.be.below(housing.appeals);
  });

  it('line 39: eight e-petitions of 2018 from the platform, below the threshold, considered as (collective) appeals in their year', async () => {
    expect(report.byChannel['e-petition']).to.equal(SEED_000.ePetitions);
    const open = await call(hub, 'GET', '/api/v1/open-data/petitions?from=2018-01-01&to=2018-12-31');
    expect(open.status).to.equal(200);
    expect(open.json).to.have.length(SEED_000.ePetitions);
    expect(open.json.every((p: Json) => p.consideredAs === 'collective-appeal' && p.receivedOn.startsWith('2018-'))).to.equal(true);
    // Received at the end of collection in 2018, not on the day the hub registered them (2026).
    const y2026 = await call(hub, 'GET', '/api/v1/reports/appeals?from=2026-01-01&to=2026-12-31');
    expect(y2026.json.total).to.equal(0);
  });

  it('lines 43-49: «83 запити на інформацію, з них: 67 – від фізичних осіб; 10 – від громадських організацій; 6 – від юридичних осіб»', async () => {
    const res = await call(hub, 'GET', `/api/v1/info-requests?${period}`);
    expect(res.status, JSON.stringify(res.json)).to.equal(200);
    expect(res.json.summary).to.deep.equal({
      total: SEED_000.infoRequests,
      byRequesterType: { individual: SEED_000.infoIndividuals, 'public-association': SEED_000.infoPublicAssociations, 'legal-entity': SEED_000.infoLegalEntities, journalist: 0, unspecified: 0 },
    });
    expect(res.json.entries).to.have.length(SEED_000.infoRequests);
    // Information requests are not citizens' appeals: not in the 4236 (line 9 and line 43 are apart).
    expect(report.total).to.equal(SEED_000.total);
  });

  it('the parts add up: channels and results each sum to the total', () => {
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    expect(sum(report.byChannel)).to.equal(SEED_000.total);
    expect(sum(report.byResult)).to.equal(SEED_000.total);
    expect(sum(report.byForwardingBody)).to.equal(SEED_000.total);
  });
});
