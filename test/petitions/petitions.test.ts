/**
 * E-petitions end to end (Law «Про звернення громадян» art. 23-1) on a real PostgreSQL with a
 * clock the test moves: platform exports in over HTTP, registration through the pipeline, the
 * resolution and the answer followed by the daily check, the appeals report, quarantine.
 * 2026 is under martial law: only weekends are days off. Made-up petitions and people.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { platformUpdatesFor } from '../../connectors/e-petitions';
import { violations, type HubEvent } from '../../src/schemas';
import { call, headersFor, OFFICER, type Json } from '../appeals/support';
import { ManualClock } from '../support/clock';
import { startTestHub, type TestHub } from '../support/hub';
import { createTestDatabase, type TestDatabase } from '../support/pg';

const SAMPLES = join(__dirname, '..', '..', 'connectors', 'e-petitions', 'samples');
const sample = (name: string): Json => JSON.parse(readFileSync(join(SAMPLES, name), 'utf8'));

describe('e-petitions through the hub (real PostgreSQL, manual clock)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let hub: TestHub;
  const clock = new ManualClock('2026-03-02T08:00:00Z');

  const post = (body: unknown, headers: Record<string, string> = {}) => call(hub, 'POST', '/api/v1/petitions', body, headers);
  const petition = async (id: string, headers: Record<string, string> = OFFICER): Promise<Json> => {
    const res = await call(hub, 'GET', `/api/v1/petitions/${id}`, undefined, headers);
    expect(res.status, JSON.stringify(res.json)).to.equal(200);
    expect(violations('petition-view.schema.json', res.json)).to.deep.equal([]);
    return res.json;
  };
  const report = async (): Promise<Json> => (await call(hub, 'GET', '/api/v1/reports/appeals?from=2026-01-01&to=2026-12-31')).json;
  const registrations = async (platformId: string): Promise<number> =>
    (await hub.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM documents WHERE source = 'e-petition' AND external_id = $1`, [platformId]))[0]!.n;

  before(async () => {
    testDb = await createTestDatabase('petitions');
    hub = await startTestHub({ databaseUrl: testDb.url }, { clock, scheduler: false });
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
  });

  describe('a petition that reaches its threshold (kamianska-mtg/118)', () => {
    const base = sample('collecting.json');
    let documentId: string;

    it('collecting: kept, not registered', async () => {
      const res = await post(base);
      expect(res.status, JSON.stringify(res.json)).to.equal(201);
      expect(violations('petition-intake-result.schema.json', res.json)).to.deep.equal([]);
      expect(res.json.outcome).to.equal('created');
      expect(res.json.petition).to.include({ state: 'collecting', votes: 140, threshold: 250, documentId: null, personalData: 'masked' });
      expect(await registrations('kamianska-mtg/118')).to.equal(0);
    });

    it('reaching the threshold registers it once as an e-petition; the same export again changes nothing', async () => {
      const reached = { ...base, votes: 251, exported_at: '2026-03-02T07:00:00Z' };
      const res = await post(reached);
      expect(res.status).to.equal(200);
      expect(res.json.outcome).to.equal('updated');
      expect(res.json.transitions.map((t: Json) => [t.from, t.to, t.rule])).to.deep.equal([['collecting', 'threshold-reached', 'petition-threshold-reached']]);
      expect(res.json.petition).to.include({ state: 'threshold-reached', consideredAs: 'petition' });
      expect(res.json.petition.registrationIndex).to.match(/^01-11\/\d+$/);
      documentId = res.json.petition.documentId;

      const again = await post(reached);
      expect(again.status).to.equal(200);
      expect(again.json.outcome).to.equal('unchanged');
      expect(again.json.transitions).to.deep.equal([]);
      expect(again.json.petition.documentId).to.equal(documentId);
      expect(await registrations('kamianska-mtg/118')).to.equal(1);

      const doc = (await call(hub, 'GET', `/api/v1/documents/${documentId}`)).json;
      expect(doc).to.include({ kind: 'e-petition', source: 'e-petition', externalId: 'kamianska-mtg/118' });
      expect(doc.subtype ?? null).to.equal(null);
      const appeal = (await call(hub, 'GET', `/api/v1/documents/${documentId}/appeal`, undefined, OFFICER)).json;
      expect(appeal.card).to.include({ channel: 'e-petition', form: 'collective', type: 'proposal' });
      expect(appeal.card.applicants[0].fullName).to.equal('Гребенюк Оксана Василівна');
      expect(appeal.card.ePetition).to.deep.equal({ number: 'ЕП-118', votes: 251, threshold: 250, collectionEndsOn: '2026-03-12' });
      expect(appeal.intake.decisions.find((d: Json) => d.rule === 'e-petition').decision).to.equal('consider-as-petition');
    });

    it('a stale export (older, fewer votes) does not move it back', async () => {
      const res = await post({ ...base, votes: 200, exported_at: '2026-02-20T07:00:00Z' });
      expect(res.json.outcome).to.equal('stale');
      expect(res.json.petition).to.include({ state: 'threshold-reached', votes: 251 });
    });

    it('the resolution starts consideration: 10 working days (art. 23-1), on the control card and the petition alike', async () => {
      // Registered Monday 2 March; the resolution on Wednesday 4 March starts consideration:
      // + 10 working days = Wednesday 18 March (not counted from receipt).
      clock.set('2026-03-04T08:00:00Z');
      const res = await call(hub, 'POST', `/api/v1/documents/${documentId}/resolutions`, {
        actor: 'secretary', executors: ['housing-dept'], task: 'Розглянути петицію та підготувати відповідь',
      });
      expect(res.status, JSON.stringify(res.json)).to.equal(201);
      expect(res.json).to.include({ term: '2026-03-18', rule: 'petition' });
      const checked = await hub.petitions.tick();
      expect(checked.transitions).to.equal(1);
      const p = await petition('kamianska-mtg/118');
      expect(p).to.include({ state: 'under-consideration', considerationStartedOn: '2026-03-04', term: '2026-03-18', termRule: 'petition' });
    });

    it('answered after POST …/appeal/answer; history carries every rule; the author is masked without the role', async () => {
      const res = await call(hub, 'POST', `/api/v1/documents/${documentId}/appeal/answer`, {
        actor: 'housing-dept', result: 'resolved-positively', answeredOn: '2026-03-12', outgoingIndex: '01-11/45', summary: 'Перехід облаштують у квітні',
      });
      expect(res.status, JSON.stringify(res.json)).to.equal(200);
      // No daily check needed: reading the petition brings it up to date with its answer.
      const p = await petition('kamianska-mtg/118');
      expect(p).to.include({ state: 'answered', answeredOn: '2026-03-12', result: 'resolved-positively', outgoingIndex: '01-11/45' });
      expect(p.transitions.map((t: Json) => t.to)).to.deep.equal(['collecting', 'threshold-reached', 'under-consideration', 'answered']);
      for (const t of p.transitions) expect(t.basis).to.contain('Закон «Про звернення громадян»');
      expect(p.author.fullName).to.equal('Гребенюк Оксана Василівна');

      const masked = await petition('kamianska-mtg/118', {});
      expect(masked.personalData).to.equal('masked');
      expect(masked.author.fullName).to.not.contain('Гребенюк');
      expect(masked.author.email).to.not.contain('grebeniuk');
      expect(hub.logs.text()).to.not.contain('Гребенюк');
    });

    it('its events map to platform updates: registered, under consideration with the term, answered', async () => {
      const rows = await hub.db.query<{ seq: number; event_id: string; payload: Record<string, unknown> }>(
        'SELECT seq, event_id, payload FROM outbox WHERE document_id = $1 ORDER BY seq', [documentId]);
      const sent = rows.flatMap((r) => platformUpdatesFor({ ...r.payload, eventId: r.event_id, sequence: Number(r.seq) } as HubEvent))
        .map((m) => JSON.parse(m.body.toString('utf8')));
      expect(sent.map((u: Json) => u.status)).to.deep.equal(['registered', 'under-consideration', 'answered']);
      expect(sent[1].term).to.equal('2026-03-18');
      expect(sent[2]).to.include({ result: 'resolved-positively', answeredOn: '2026-03-12', outgoingIndex: '01-11/45' });
    });
  });

  describe('petitions whose collection ends below the threshold', () => {
    it('the daily check registers it as a collective appeal without waiting for a snapshot; counted in the report', async () => {
      clock.set('2026-03-03T08:00:00Z');
      const created = await post({
        id: 240, community: 'kamianska-mtg', title: 'Встановити лавки в сквері Героїв', author: { name: 'Кравчишин Любов Іванівна', address: 'м. Кам’янське, вул. Шкільна, 9' },
        published_at: '2026-02-03T09:00:00+02:00', end_date: '2026-03-05', votes: 87, votes_needed: 150, status: 'active', exported_at: '2026-03-03T07:00:00Z',
      });
      expect(created.json.petition.state).to.equal('collecting');
      const before = await report();

      clock.set('2026-03-05T15:00:00Z');
      expect((await hub.petitions.tick()).registered, 'the last day still collects').to.equal(0);
      clock.set('2026-03-06T06:00:00Z');
      expect((await hub.petitions.tick()).registered).to.equal(1);
      const p = await petition('kamianska-mtg/240');
      expect(p).to.include({ state: 'below-threshold', consideredAs: 'collective-appeal', collectionEndedOn: '2026-03-05' });
      expect(p.transitions.at(-1)).to.include({ rule: 'petition-below-threshold' });
      expect(await registrations('kamianska-mtg/240')).to.equal(1);

      const doc = (await call(hub, 'GET', `/api/v1/documents/${p.documentId}`)).json;
      expect(doc).to.include({ kind: 'e-petition', subtype: 'below-threshold' });
      const after = await report();
      expect(after.collective - before.collective).to.equal(1);
      expect(after.byChannel['e-petition'] - before.byChannel['e-petition']).to.equal(1);
      expect(after.total - before.total).to.equal(1);

      // Considered as a collective appeal: a month from receipt (Law art. 20), not 10 working days.
      const res = await call(hub, 'POST', `/api/v1/documents/${p.documentId}/resolutions`, { actor: 'secretary', executors: ['culture-dept'], task: 'Розглянути як колективне звернення' });
      expect(res.json).to.include({ rule: 'appeal', term: '2026-04-06' });
      await hub.petitions.tick();
      expect(await petition('kamianska-mtg/240')).to.include({ state: 'under-consideration', termRule: 'appeal', term: '2026-04-06' });
    });

    it('an export of a collection the platform closed below the statute’s threshold registers it at once', async () => {
      const res = await post(sample('closed-below-threshold.json'));
      expect(res.status).to.equal(201);
      expect(res.json.petition).to.include({ state: 'below-threshold', threshold: 250, thresholdSource: 'statute' });
      expect(res.json.petition.registrationIndex).to.match(/^01-11\/\d+$/);
    });

    it('the list shows state, votes against threshold, end of collection, index, term and answer', async () => {
      const res = await call(hub, 'GET', '/api/v1/petitions');
      expect(res.status).to.equal(200);
      expect(violations('petition-list.schema.json', res.json)).to.deep.equal([]);
      const byId = Object.fromEntries(res.json.items.map((i: Json) => [i.platformId, i]));
      expect(Object.keys(byId)).to.have.members(['kamianska-mtg/118', 'kamianska-mtg/240', 'kamianska-mtg/207']);
      expect(byId['kamianska-mtg/118']).to.include({ state: 'answered', votes: 251, threshold: 250, collectionEndsOn: '2026-03-12', term: '2026-03-18', answeredOn: '2026-03-12' });
      expect(byId['kamianska-mtg/118'].transitions).to.equal(undefined);
      const collecting = await call(hub, 'GET', '/api/v1/petitions?state=under-consideration');
      expect(collecting.json.items.map((i: Json) => i.platformId)).to.deep.equal(['kamianska-mtg/240']);
      expect((await call(hub, 'GET', '/api/v1/petitions/kamianska-mtg/999')).json.code).to.equal('PETITION_NOT_FOUND');
    });
  });

  it('a malformed export: 422 PETITION_INVALID and a quarantine row with the bytes and the reason', async () => {
    const bytes = readFileSync(join(SAMPLES, 'malformed.json'));
    const res = await fetch(`${hub.url}/api/v1/petitions`, { method: 'POST', headers: { ...hub.auth, 'content-type': 'application/json' }, body: bytes });
    const body = (await res.json()) as Json;
    expect(res.status).to.equal(422);
    expect(body.code).to.equal('PETITION_INVALID');
    expect(body.messageUk).to.contain('карантині');
    expect(body.quarantineId).to.be.a('string');
    const list = (await call(hub, 'GET', '/api/v1/quarantine?code=PETITION_INVALID')).json;
    const item = list.items.find((i: Json) => i.id === body.quarantineId);
    expect(item).to.include({ source: 'e-petition', externalId: 'kamianska-mtg/311', channel: 'http' });
    expect(item.details.violations.length).to.be.greaterThan(0);
    // The export names the petition's author: its bytes go only to a role that may see them.
    const withheld = await fetch(`${hub.url}${item.payloadRef}`, { headers: await headersFor(hub) });
    expect(withheld.status).to.equal(403);
    const payload = await fetch(`${hub.url}${item.payloadRef}`, { headers: await headersFor(hub, 'appeals-officer') });
    expect(Buffer.from(await payload.arrayBuffer()).equals(bytes)).to.equal(true);
  });
});
