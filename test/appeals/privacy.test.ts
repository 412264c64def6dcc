/**
 * Personal data (001 §2.2.13; Law «Про звернення громадян» ст. 10, «Про захист персональних
 * даних»): applicants' names, addresses, phones and e-mails are shown only to the appeals officer
 * and the general department (X-Dilovod-Role) — in the appeal view, the document card and list,
 * attachments and quarantined payloads — never written to the logs (HTTP and AMQP, accepted,
 * quarantined and answered), and never in the open data sets (001 §2.2.11).
 */
import { createHash } from 'node:crypto';
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { OPEN_APPEALS_COLUMNS, OPEN_PETITIONS_COLUMNS } from '../../src/domain/appeals';
import { applicantOf } from '../../src/domain/appeals/testing/fake-cards';
import { fakePerson, officialAddress, officialName, seededRng, type FakePerson } from '../../src/domain/appeals/testing/fake-people';
import { createTestVhost, type TestVhost } from '../support/amqp';
import { TestBroker } from '../support/broker';
import { startTestHub, submission, type LogCapture , type TestHub } from '../support/hub';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { waitFor } from '../support/wait';
import { downloadXlsx, expectDateCell, expectIntegerCell, expectLayout, expectTextCell, records } from '../support/xlsx';
import { appealSubmission, call, cardFor, headersFor, OFFICER, registerAppeal, type Json } from './support';

describe('appeals: personal data by role, in logs and in open data (real PostgreSQL, RabbitMQ)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let vhost: TestVhost;
  let broker: TestBroker;
  let hub: TestHub;
  const rng = seededRng(1313);
  const people: FakePerson[] = [];
  let documentId: string;
  let collectiveId: string;
  let attachedId: string;
  let amqpId: string;
  const letter = Buffer.from('Прошу відремонтувати покрівлю. ', 'utf8');
  /** What was sent that ended in quarantine: an appeal's bytes by its quarantine id, and an official letter's. */
  const quarantined = new Map<string, string>();
  let letterQuarantineId: string;
  let letterId: string;
  let organisationId: string;

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

  /** Sends an appeal that goes to quarantine over HTTP; keeps the quarantine id and the bytes. */
  async function quarantineOverHttp(body: string, code: string): Promise<void> {
    const res = await fetch(`${hub.url}/api/v1/documents`, { method: 'POST', headers: { ...(await headersFor(hub)), 'content-type': 'application/json' }, body });
    const json = (await res.json()) as Json;
    expect(json.code, JSON.stringify(json)).to.equal(code);
    quarantined.set(json.quarantineId, body);
  }

  /** A document's id once the hub's AMQP consumer has registered it. */
  async function registeredFromBroker(externalId: string): Promise<string> {
    return waitFor(async () => (await hub.db.query<{ id: string }>('SELECT id FROM documents WHERE external_id = $1', [externalId]))[0]?.id, externalId);
  }

  before(async () => {
    [testDb, vhost] = await Promise.all([createTestDatabase('appeals_privacy'), createTestVhost('appeals_privacy')]);
    hub = await startTestHub({ databaseUrl: testDb.url, amqpUrl: vhost.url }, { scheduler: false });
    broker = new TestBroker(vhost.url);
    await broker.open();
    await waitFor(() => hub.bus!.isConnected(), 'hub connected to broker');
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

    // The scanned letter as an attachment: its bytes name the applicant.
    const writer = fakePerson(rng, { phone: '+380509876543' });
    people.push(writer);
    const content = Buffer.concat([letter, Buffer.from(`${officialName(writer)}, ${officialAddress(writer)}`)]);
    ({ appeal: { documentId: attachedId } } = await registerAppeal(hub, appealSubmission(cardFor([writer]), {
      correspondent: { name: officialName(writer), address: officialAddress(writer), phone: writer.phone },
      attachments: [{ name: `Звернення ${officialName(writer).split(' ')[0]}.pdf`, mediaType: 'application/pdf', contentBase64: content.toString('base64'), sha256: createHash('sha256').update(content).digest('hex') }],
    })));

    // Over AMQP: one accepted (and answered), one with a wrong card, to quarantine.
    const [byBroker, wrongByBroker] = [fakePerson(rng, { email: 'oksana.4410@example.com', phone: '+380937461852' }), fakePerson(rng)];
    people.push(byBroker, wrongByBroker);
    const sent = appealSubmission(cardFor([byBroker], { channel: 'electronic', summary: 'Про відсутність гарячого водопостачання' }), {
      correspondent: { name: officialName(byBroker), address: officialAddress(byBroker), email: byBroker.email, phone: byBroker.phone },
    });
    broker.publish('edms.json', sent);
    amqpId = await registeredFromBroker(sent.externalId as string);
    expect((await call(hub, 'POST', `/api/v1/documents/${amqpId}/appeal/answer`, { actor: 'housing-dept', result: 'explained' })).status).to.equal(200);
    const wrong = appealSubmission(cardFor([wrongByBroker], { topics: ['999'] }), { correspondent: { name: officialName(wrongByBroker), address: officialAddress(wrongByBroker) } });
    broker.publish('edms.json', wrong);
    const wrongId = await waitFor(async () => (await hub.db.query<{ id: string }>('SELECT id FROM quarantine WHERE external_id = $1', [wrong.externalId]))[0]?.id, 'quarantined');
    quarantined.set(wrongId, JSON.stringify(wrong));

    // Over HTTP: a card naming a topic the classifier lacks, and an appeal cut short (it does not parse).
    const [wrongCard, cutShort] = [fakePerson(rng, { phone: '+380661239876' }), fakePerson(rng, { email: 'petro.2291@example.com' })];
    people.push(wrongCard, cutShort);
    await quarantineOverHttp(JSON.stringify(appealSubmission(cardFor([wrongCard], { topics: ['999'] }), {
      correspondent: { name: officialName(wrongCard), address: officialAddress(wrongCard), phone: wrongCard.phone },
    })), 'APPEAL_CARD_INVALID');
    const full = JSON.stringify(appealSubmission(cardFor([cutShort]), { correspondent: { name: officialName(cutShort), address: officialAddress(cutShort), email: cutShort.email } }));
    await quarantineOverHttp(full.slice(0, full.length - 40), 'INVALID_JSON');

    // Official correspondents stay visible to everyone: a letter, a public-information request by a newspaper.
    letterId = (await call(hub, 'POST', '/api/v1/documents', submission())).json.id;
    organisationId = (await call(hub, 'POST', '/api/v1/documents', submission({
      kind: 'info-request', source: 'e-mail', outgoing: undefined, summary: 'Про копії рішень виконкому щодо тарифів',
      correspondent: { name: 'ТОВ «Редакція газети «Придніпровський вісник»', edrpou: '43210987', email: 'redaktsiia@example.com' },
    }))).json.id;
    const noSummary = submission();
    delete noSummary.summary;
    const rejectedLetter = await call(hub, 'POST', '/api/v1/documents', noSummary);
    letterQuarantineId = rejectedLetter.json.quarantineId;
  });
  after(async () => {
    await broker?.close();
    await hub?.close();
    await Promise.all([testDb?.drop(), vhost?.delete()]);
  });

  it('without a role, or with a role that does not need it, applicants are masked; the rest of the card is whole', async () => {
    for (const headers of [{}, { 'x-test-role': 'executor' }, { 'x-test-role': 'appeals-officer-x' }] as Array<Record<string, string>>) {
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
    for (const role of ['appeals-officer', 'general-department']) {
      const res = await call(hub, 'GET', `/api/v1/documents/${documentId}/appeal`, undefined, { 'x-test-role': role });
      expect(res.json.personalData).to.equal('shown');
      expect(res.json.card.applicants[0]).to.deep.equal({ fullName: officialName(people[0]!), address: officialAddress(people[0]!), email: people[0]!.email, phone: people[0]!.phone });
    }
  });

  it('the collective appeal’s recipient named in a decision is masked too (003 §134)', async () => {
    const masked = await call(hub, 'GET', `/api/v1/documents/${collectiveId}/appeal`);
    const d = masked.json.intake.decisions.find((x: Json) => x.rule === 'collective');
    expect(d.details.answerToName).to.match(/^\S\*+ \S\*+ \S\*+$/);
    const shown = await call(hub, 'GET', `/api/v1/documents/${collectiveId}/appeal`, undefined, { 'x-test-role': 'appeals-officer' });
    expect(shown.json.intake.decisions.find((x: Json) => x.rule === 'collective').details.answerToName).to.equal(officialName(people[1]!));
  });

  it('the document card masks a citizen’s correspondent, the applicants in meta.appeal for a role without access', async () => {
    const p = people[0]!;
    for (const headers of [{}, { 'x-test-role': 'executor' }] as Array<Record<string, string>>) {
      const res = await call(hub, 'GET', `/api/v1/documents/${documentId}`, undefined, headers);
      expect(res.status).to.equal(200);
      expect(res.json.correspondent.name).to.match(/^\S\*+ \S\*+ \S\*+$/);
      expect(res.json.correspondent.email).to.equal('m*****.7***@e******.c**');
      expect(res.json.meta.appeal.applicants[0].fullName).to.equal(res.json.correspondent.name);
      expect(res.json.meta.appeal.summary).to.equal('Щодо ремонту покрівлі багатоквартирного будинку');
      expect(res.json.registration.index).to.be.a('string');
      for (const s of secrets()) expect(res.text, s).not.to.contain(s);
    }
    const shown = await call(hub, 'GET', `/api/v1/documents/${documentId}`, undefined, OFFICER);
    expect(shown.json.correspondent).to.deep.equal({ name: officialName(p), address: officialAddress(p), email: p.email, phone: p.phone });
    expect(shown.json.meta.appeal.applicants[0]).to.deep.equal(applicantOf(p));
  });

  it('official correspondents and organisations stay visible on the card without a role', async () => {
    expect((await call(hub, 'GET', `/api/v1/documents/${letterId}`)).json.correspondent).to.deep.equal({ name: 'ТОВ «Будсервіс-Поділля»', edrpou: '41234567' });
    expect((await call(hub, 'GET', `/api/v1/documents/${organisationId}`)).json.correspondent).to.deep.equal({
      name: 'ТОВ «Редакція газети «Придніпровський вісник»', edrpou: '43210987', email: 'redaktsiia@example.com',
    });
  });

  it('the list masks every citizen without the role and shows them to the officer; a search by name finds no citizen for a role without access', async () => {
    const masked = await call(hub, 'GET', '/api/v1/documents?limit=100');
    expect(masked.json.items.length).to.be.greaterThan(6);
    for (const s of secrets()) expect(masked.text, s).not.to.contain(s);
    expect(masked.text).to.contain('ТОВ «Будсервіс-Поділля»').and.to.contain('Придніпровський вісник');
    const shown = await call(hub, 'GET', '/api/v1/documents?limit=100', undefined, { 'x-test-role': 'general-department' });
    // The first applicant (HTTP) and the one who wrote over AMQP.
    for (const p of [people[0]!, people[7]!]) expect(shown.text).to.contain(officialName(p));

    const surname = encodeURIComponent(people[0]!.surname);
    expect((await call(hub, 'GET', `/api/v1/documents?q=${surname}`)).json.items).to.deep.equal([]);
    expect((await call(hub, 'GET', `/api/v1/documents?q=${surname}`, undefined, OFFICER)).json.items.map((d: Json) => d.id)).to.include(documentId);
    const newspaper = await call(hub, 'GET', `/api/v1/documents?q=${encodeURIComponent('Придніпровський')}`);
    expect(newspaper.json.items.map((d: Json) => d.id)).to.deep.equal([organisationId]);
  });

  it('an appeal’s attachment (the letter itself) goes only to the roles with access: 403 PERSONAL_DATA_ROLE_REQUIRED otherwise', async () => {
    const refused = await call(hub, 'GET', `/api/v1/documents/${attachedId}/attachments/1`, undefined, { 'x-test-role': 'executor' });
    expect(refused.status).to.equal(403);
    expect(refused.json.code).to.equal('PERSONAL_DATA_ROLE_REQUIRED');
    expect(refused.json.messageUk).to.contain('персональні дані');
    const card = await call(hub, 'GET', `/api/v1/documents/${attachedId}`);
    expect(card.json.attachments).to.have.length(1);
    // The file name carries the applicant's surname: masked, its type kept.
    expect(card.json.attachments[0].name).to.match(/^З\*+ [^*\s]\*+\.pdf$/);
    const named = await call(hub, 'GET', `/api/v1/documents/${attachedId}`, undefined, OFFICER);
    expect(named.json.attachments[0].name).to.match(/^Звернення [^*]+\.pdf$/);
    expect(card.json.correspondent.phone).to.equal(`+3${'*'.repeat(11)}`);
    const file = await fetch(`${hub.url}/api/v1/documents/${attachedId}/attachments/1`, { headers: await headersFor(hub, 'appeals-officer') });
    expect(file.status).to.equal(200);
    expect(Buffer.from(await file.arrayBuffer()).subarray(0, letter.length).equals(letter)).to.equal(true);
  });

  it('quarantine: the items tell what was wrong with no personal data; an appeal’s payload only to the roles with access', async () => {
    expect(quarantined.size).to.equal(3);
    const list = await call(hub, 'GET', '/api/v1/quarantine?limit=50');
    expect(list.json.items.map((i: Json) => i.code)).to.include.members(['APPEAL_CARD_INVALID', 'INVALID_JSON', 'VALIDATION_FAILED']);
    for (const s of secrets()) expect(list.text, s).not.to.contain(s);
    for (const [id, sent] of quarantined) {
      const item = await call(hub, 'GET', `/api/v1/quarantine/${id}`);
      expect(item.status).to.equal(200);
      for (const s of secrets()) expect(item.text, s).not.to.contain(s);
      for (const headers of [{}, { 'x-test-role': 'executor' }] as Array<Record<string, string>>) {
        const refused = await call(hub, 'GET', item.json.payloadRef, undefined, headers);
        expect(refused.status).to.equal(403);
        expect(refused.json.code).to.equal('PERSONAL_DATA_ROLE_REQUIRED');
        for (const s of secrets()) expect(refused.text, s).not.to.contain(s);
      }
      const raw = await fetch(`${hub.url}${item.json.payloadRef}`, { headers: await headersFor(hub, 'appeals-officer') });
      expect(await raw.text()).to.equal(sent);
    }
    const letterItem = await call(hub, 'GET', `/api/v1/quarantine/${letterQuarantineId}`);
    const letterPayload = await call(hub, 'GET', letterItem.json.payloadRef);
    expect(letterPayload.status).to.equal(200);
    expect(letterPayload.text).to.contain('ТОВ «Будсервіс-Поділля»');
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
    expect(appeals).to.have.length(5);
    expect(appeals.map((a) => a.result).sort()).to.deep.equal(['explained', 'on-control', 'on-control', 'on-control', 'resolved-positively']);
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

  it('open data as XLSX for people: the same rows as the JSON, real dates and counts, still no name, address, contact or summary', async () => {
    const auth = await headersFor(hub);
    const appeals = JSON.parse((await call(hub, 'GET', '/api/v1/open-data/appeals')).text) as Json[];
    const a = await downloadXlsx(hub, '/api/v1/open-data/appeals?format=xlsx', auth);
    expect(a.headers.get('content-disposition')).to.equal('attachment; filename="open-data-appeals.xlsx"');
    expectLayout(a.sheet, { title: 'Відкриті дані: звернення громадян', caption: 'Усі записи, без відбору', headers: [...OPEN_APPEALS_COLUMNS] });
    const rows = records(a.sheet);
    expect(rows).to.have.length(appeals.length);
    appeals.forEach((x, i) => {
      expectTextCell(rows[i]!['Реєстраційний індекс'], x.registrationIndex);
      expectDateCell(rows[i]!['Дата надходження'], x.receivedOn);
      expectTextCell(rows[i]!['Канал надходження'], x.channelTitle);
      expectTextCell(rows[i]!['Результат розгляду'], x.resultTitle);
      expectIntegerCell(rows[i]!['Кількість заявників'], x.citizens);
      expectDateCell(rows[i]!['Дата відповіді'], x.answeredOn);
    });
    const petitions = JSON.parse((await call(hub, 'GET', '/api/v1/open-data/petitions?from=2026-03-01&to=2026-03-31')).text) as Json[];
    const p = await downloadXlsx(hub, '/api/v1/open-data/petitions?from=2026-03-01&to=2026-03-31&format=xlsx', auth);
    expectLayout(p.sheet, { title: 'Відкриті дані: електронні петиції', caption: 'Період реєстрації: з 01.03.2026 по 31.03.2026', headers: [...OPEN_PETITIONS_COLUMNS] });
    const [petition] = records(p.sheet);
    expect(petitions).to.have.length(1);
    expectTextCell(petition!['Номер петиції'], 'ЕП-2026-17');
    expectIntegerCell(petition!['Кількість голосів'], 83);
    expectIntegerCell(petition!['Необхідна кількість голосів'], 250);
    expectDateCell(petition!['Завершення збору підписів'], '2026-03-01');
    expectTextCell(petition!['Розглянуто як'], 'колективне звернення');
    for (const sheet of [a.sheet, p.sheet]) {
      const cells: string[] = [];
      sheet.eachRow((r) => r.eachCell((c) => { cells.push(String(c.value)); }));
      for (const s of [...secrets(), 'Про облаштування велодоріжки', 'Щодо ремонту покрівлі']) expect(cells.join('\n'), s).not.to.contain(s);
    }
  });

  it('no name, address, phone, e-mail or summary reached the logs: HTTP and AMQP, accepted, quarantined and answered', () => {
    const text = hub.logs.text();
    expect(text).to.contain('appeal intake decided').and.to.contain('input rejected to quarantine').and.to.contain('"channel":"amqp"');
    // Five citizens' appeals and the newspaper's information request.
    expect(hub.logs.lines.filter((l) => l.includes('appeal intake decided'))).to.have.length(6);
    expect(hub.logs.lines.filter((l) => l.includes('input rejected to quarantine'))).to.have.length(4);
    for (const s of [...secrets(), 'Щодо ремонту покрівлі', 'Про відсутність гарячого']) expect(text, s).not.to.contain(s);
  });
});
