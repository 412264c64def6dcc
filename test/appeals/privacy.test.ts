/**
 * Personal data (001 §2.2.13; Law «Про захист персональних даних»): applicants' names,
 * addresses, phones and e-mails are shown only to the appeals officer and the general department
 * (X-Dilovod-Role), never written to the logs, and never in the open data sets (001 §2.2.11).
 */
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { OPEN_APPEALS_COLUMNS, OPEN_PETITIONS_COLUMNS } from '../../src/domain/appeals';
import { fakePerson, officialAddress, officialName, seededRng, type FakePerson } from '../../src/domain/appeals/testing/fake-people';
import type { Hub } from '../../src/hub';
import { startTestHub, type LogCapture } from '../support/hub';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { appealSubmission, call, cardFor, registerAppeal, type Json } from './support';

describe('appeals: personal data by role, in logs and in open data (real PostgreSQL)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let hub: Hub & { logs: LogCapture };
  const rng = seededRng(1313);
  const people: FakePerson[] = [];
  let documentId: string;
  let collectiveId: string;

  /** Everything that would identify the applicants: each word of a name, the address, contacts. */
  function secrets(): string[] {
    const out = new Set<string>();
    for (const p of people) {
      for (const w of [p.surname, p.given, p.patronymic]) out.add(w);
      out.add(officialAddress(p));
      out.add(`${p.street[1]}, буд. ${p.house}`);
      if (p.email) out.add(p.email);
      if (p.phone) out.add(p.phone.slice(-7));
    }
    return [...out];
  }

  before(async () => {
    testDb = await createTestDatabase('appeals_privacy');
    hub = await startTestHub({ databaseUrl: testDb.url }, { scheduler: false });
    const p = fakePerson(rng, { email: 'maryna.7731@example.com', phone: '+380671112233' });
    people.push(p);
    ({ appeal: { documentId } } = await registerAppeal(hub, appealSubmission(cardFor([p], { channel: 'electronic' }), {
      correspondent: { name: officialName(p), address: officialAddress(p), email: p.email, phone: p.phone },
    })));
    const signers = [fakePerson(rng), fakePerson(rng), fakePerson(rng)];
    people.push(...signers);
    ({ appeal: { documentId: collectiveId } } = await registerAppeal(hub, appealSubmission(cardFor(signers, { summary: 'Про ремонт ліфта у під’їзді' }))));
    const petitioners = [fakePerson(rng), fakePerson(rng)];
    people.push(...petitioners);
    const petition = cardFor(petitioners, {
      channel: 'e-petition', summary: 'Про облаштування велодоріжки', topics: ['003'], ePetition: { number: 'ЕП-2026-17', votes: 83, threshold: 250, collectionEndsOn: '2026-03-01' },
    });
    await registerAppeal(hub, appealSubmission(petition, { kind: 'e-petition', source: 'e-petition' }));
    const answered = await call(hub, 'POST', `/api/v1/documents/${documentId}/appeal/answer`, { actor: 'housing-dept', result: 'resolved-positively' });
    expect(answered.status).to.equal(200);
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
  });

  it('without a role, or with a role that does not need it, applicants are masked; the rest of the card is whole', async () => {
    for (const headers of [{}, { 'x-dilovod-role': 'executor' }, { 'x-dilovod-role': 'appeals-officer-x' }] as Array<Record<string, string>>) {
      const res = await call(hub, 'GET', `/api/v1/documents/${documentId}/appeal`, undefined, headers);
      expect(res.status).to.equal(200);
      expect(res.json.personalData).to.equal('masked');
      const a = res.json.card.applicants[0];
      expect(a.fullName).to.equal(`${people[0]!.surname[0]}${'*'.repeat(people[0]!.surname.length - 1)} ${people[0]!.given[0]}${'*'.repeat(people[0]!.given.length - 1)} ${people[0]!.patronymic[0]}${'*'.repeat(people[0]!.patronymic.length - 1)}`);
      for (const s of secrets()) expect(res.text).not.to.contain(s);
      expect(res.json.card.summary).to.equal('Щодо ремонту покрівлі багатоквартирного будинку');
      expect(res.json.intake.decisions.length).to.be.greaterThan(2);
    }
  });

  it('the appeals officer and the general department see them', async () => {
    for (const role of ['appeals-officer', 'general-department', 'General-Department']) {
      const res = await call(hub, 'GET', `/api/v1/documents/${documentId}/appeal`, undefined, { 'x-dilovod-role': role });
      expect(res.json.personalData).to.equal('shown');
      expect(res.json.card.applicants[0]).to.deep.equal({ fullName: officialName(people[0]!), address: officialAddress(people[0]!), email: people[0]!.email, phone: people[0]!.phone });
    }
  });

  it('the collective appeal’s recipient named in a decision is masked too (003 §134)', async () => {
    const masked = await call(hub, 'GET', `/api/v1/documents/${collectiveId}/appeal`);
    const d = masked.json.intake.decisions.find((x: Json) => x.rule === 'collective');
    expect(d.details.answerToName).to.match(/^\S\*+ \S\*+ \S\*+$/);
    const shown = await call(hub, 'GET', `/api/v1/documents/${collectiveId}/appeal`, undefined, { 'x-dilovod-role': 'appeals-officer' });
    expect(shown.json.intake.decisions.find((x: Json) => x.rule === 'collective').details.answerToName).to.equal(officialName(people[1]!));
  });

  it('open data, CSV and JSON, appeals and petitions: the rows, with no name, address, contact or summary', async () => {
    const outputs: string[] = [];
    for (const set of ['appeals', 'petitions']) {
      const json = await call(hub, 'GET', `/api/v1/open-data/${set}`);
      const csv = await call(hub, 'GET', `/api/v1/open-data/${set}?format=csv`);
      expect(json.type).to.contain('application/json');
      expect(csv.type).to.contain('text/csv');
      outputs.push(json.text, csv.text);
      const rows = parse(csv.text.replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;
      expect(Object.keys(rows[0]!)).to.deep.equal(set === 'appeals' ? [...OPEN_APPEALS_COLUMNS] : [...OPEN_PETITIONS_COLUMNS]);
    }
    const appeals = JSON.parse(outputs[0]!) as Json[];
    expect(appeals).to.have.length(3);
    expect(appeals.map((a) => a.result).sort()).to.deep.equal(['on-control', 'on-control', 'resolved-positively']);
    const petitions = JSON.parse(outputs[2]!) as Json[];
    expect(petitions).to.deep.equal([{
      petitionNumber: 'ЕП-2026-17', registrationIndex: petitions[0].registrationIndex, receivedOn: '2026-03-09', votes: 83, threshold: 250,
      collectionEndsOn: '2026-03-01', consideredAs: 'collective-appeal', topics: [{ code: '003', title: 'Транспорт і зв’язок' }],
      result: 'on-control', answeredOn: null, resultTitle: petitions[0].resultTitle,
    }]);
    for (const out of outputs) {
      for (const s of [...secrets(), 'Про облаштування велодоріжки', 'Щодо ремонту покрівлі']) expect(out, s).not.to.contain(s);
    }
  });

  it('no name, address, phone, e-mail or summary reached the logs', () => {
    const text = hub.logs.text();
    expect(text).to.contain('appeal intake decided');
    for (const s of [...secrets(), 'Щодо ремонту покрівлі']) expect(text, s).not.to.contain(s);
  });
});
