/**
 * Public-information requests end to end over HTTP against the real PostgreSQL (Закон «Про доступ
 * до публічної інформації» № 2939-VI): registered in their own journal with the term from receipt,
 * extended within 5 working days (ст. 20 ч. 4) with the control card moved, the event and the log
 * entry written; a late extension, an urgent one (ст. 20 ч. 2) refused; the answer (ст. 20, 22);
 * the CSV journal. The hub's calendar is the law in force: martial law in 2026 (Закон № 2136-IX).
 */
import { expect } from 'chai';
import { fakePerson, officialAddress, officialName, seededRng } from '../../src/domain/appeals/testing/fake-people';
import { call, headersFor, OFFICER, type Json } from '../appeals/support';
import { ManualClock } from '../support/clock';
import { startTestHub, submission , type TestHub } from '../support/hub';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { downloadXlsx, expectDateCell, expectLayout, expectTextCell, records } from '../support/xlsx';

describe('public-information requests over HTTP (real PostgreSQL, fixed dates)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let hub: TestHub;
  // Tuesday 10 March 2026, 11:00 Kyiv.
  const clock = new ManualClock('2026-03-10T09:00:00Z');
  const rng = seededRng(2939);

  before(async () => {
    testDb = await createTestDatabase('inforeq');
    hub = await startTestHub({ databaseUrl: testDb.url }, { clock, scheduler: false });
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
  });
  beforeEach(() => clock.set('2026-03-10T09:00:00Z'));

  /** A request by e-mail from a made-up person, received Monday 9 March 2026 at 10:15 Kyiv unless told. */
  async function registerRequest(over: Record<string, unknown> = {}): Promise<{ id: string; index: string; name: string; email: string }> {
    const p = fakePerson(rng, { email: `zapyt.${Math.floor(rng() * 1e6)}@example.com` });
    const sub = submission({
      kind: 'info-request', source: 'e-mail', outgoing: undefined,
      correspondent: { name: officialName(p), address: officialAddress(p), email: p.email },
      summary: 'Запит про договори на ремонт доріг у 2025 році',
      ...over,
    });
    const res = await call(hub, 'POST', '/api/v1/documents', sub);
    expect(res.status, JSON.stringify(res.json)).to.equal(201);
    expect(res.json.registration.journal).to.equal('info-requests');
    return { id: res.json.id, index: res.json.registration.index, name: officialName(p), email: p.email! };
  }

  async function journalEntry(id: string, on: string, headers: Record<string, string> = {}): Promise<Json> {
    const res = await call(hub, 'GET', `/api/v1/info-requests?from=${on}&to=${on}`, undefined, headers);
    expect(res.status, JSON.stringify(res.json)).to.equal(200);
    return res.json.entries.find((e: Json) => e.documentId === id);
  }

  async function events(id: string, type: string): Promise<Json[]> {
    const rows = await hub.db.query<{ payload: Json }>('SELECT payload FROM outbox WHERE document_id = $1 AND type = $2 ORDER BY seq', [id, type]);
    return rows.map((r) => r.payload);
  }

  it('ст. 20 ч. 1, 4: journal with the term from registration on; extended on the 5th working day, card moved, event and log written', async () => {
    const req = await registerRequest({ meta: { infoRequest: { requested: 'Копії договорів підряду на ремонт доріг за 2025 рік' } } });

    // From registration on, before any resolution: 5 working days from Mon 9 March → Mon 16 March.
    const masked = await journalEntry(req.id, '2026-03-09');
    expect(masked).to.deep.include({ registrationIndex: req.index, receivedOn: '2026-03-09', form: 'e-mail', urgent: false, urgentReason: null, overdue: false, extension: null });
    expect(masked.requested).to.equal('Копії договорів підряду на ремонт доріг за 2025 рік');
    expect(masked.term).to.include({ term: '2026-03-16', rule: 'info-request', countsFrom: '2026-03-09' });
    expect(masked.term.basis).to.contain('ст. 20 ч. 1');
    expect(masked.requester.name).to.not.equal(req.name);
    expect(JSON.stringify(masked)).to.not.contain(req.email);
    expect((await journalEntry(req.id, '2026-03-09', OFFICER)).requester).to.include({ name: req.name, email: req.email });

    // A resolution's card gets the same term.
    const resolution = await call(hub, 'POST', `/api/v1/documents/${req.id}/resolutions`, { actor: 'secretary', executors: ['roads-dept'], task: 'Підготувати копії договорів' });
    expect(resolution.status, JSON.stringify(resolution.json)).to.equal(201);
    expect(resolution.json).to.include({ term: '2026-03-16', rule: 'info-request' });
    const cardId = resolution.json.id;

    // The generic control flow cannot go beyond 20 working days from receipt (Mon 6 April).
    const beyond = await call(hub, 'POST', `/api/v1/documents/${req.id}/control/${cardId}/extension-requests`, { actor: 'roads-dept', newTerm: '2026-04-07', reason: 'Великий обсяг документів' });
    expect(beyond.status).to.equal(409);
    expect(beyond.json).to.include({ code: 'INFO_REQUEST_EXTENSION_BEYOND_CAP' });
    expect(beyond.json.details).to.include({ cap: '2026-04-06', receivedOn: '2026-03-09' });

    // Mon 16 March is the 5th working day: the last day to extend and to send the notice.
    clock.set('2026-03-16T12:00:00Z');
    const reason = 'Запит стосується великого обсягу інформації: 240 договорів за рік';
    const ext = await call(hub, 'POST', `/api/v1/documents/${req.id}/info-request/extension`, { actor: 'secretary', reason, noticeSentOn: '2026-03-16', noticeOutgoingIndex: '02-17/311' });
    expect(ext.status, JSON.stringify(ext.json)).to.equal(200);
    // 20 working days: 10-13 (4), 16-20 (9), 23-27 (14), 30-31 (16), 1-3 April (19), Mon 6 April (20).
    expect(ext.json.term).to.include({ term: '2026-04-06', rule: 'info-request-extended' });
    expect(ext.json.extension).to.include({ previousTerm: '2026-03-16', term: '2026-04-06', noticeDueBy: '2026-03-16', noticeSentOn: '2026-03-16', extendedOn: '2026-03-16', cardsMoved: 1 });
    expect(ext.json.extension.basis).to.contain('ст. 20 ч. 4');

    const cards = (await call(hub, 'GET', `/api/v1/documents/${req.id}/control`)).json.items;
    expect(cards[0]).to.include({ term: '2026-04-06', originalTerm: '2026-03-16', rule: 'info-request-extended', status: 'under-control' });
    // Reminder 3 working days before Mon 6 April: Wed 1 April (003 §117).
    expect(cards[0].reminderOn).to.equal('2026-04-01');
    expect(cards[0].extensions[0]).to.include({ by: 'secretary', granted: true, term: '2026-04-06' });

    const [event] = await events(req.id, 'info-request.extended');
    expect(event.data).to.deep.include({ term: '2026-04-06', previousTerm: '2026-03-16', rule: 'info-request-extended', receivedOn: '2026-03-09' });
    expect(event.data.notice).to.deep.equal({ noticeDueBy: '2026-03-16', reason, sentOn: '2026-03-16', outgoingIndex: '02-17/311' });
    const log = await call(hub, 'GET', `/api/v1/audit/log?documentId=${req.id}&action=info-request.extended`);
    expect(log.json.items).to.have.length(1);
    expect(log.json.items[0]).to.include({ actor: 'secretary', reason });
    for (const text of [JSON.stringify(event), JSON.stringify(log.json.items[0])]) {
      expect(text).to.not.contain(req.name.split(' ')[0]).and.not.contain(req.email);
    }

    const again = await call(hub, 'POST', `/api/v1/documents/${req.id}/info-request/extension`, { actor: 'secretary', reason });
    expect(again.status).to.equal(409);
    expect(again.json).to.include({ code: 'INFO_REQUEST_ALREADY_EXTENDED' });
    // A resolution after the extension puts its card on the extended term.
    const later = await call(hub, 'POST', `/api/v1/documents/${req.id}/resolutions`, { actor: 'secretary', executors: ['legal-dept'], task: 'Перевірити на обмежений доступ' });
    expect(later.json).to.include({ term: '2026-04-06', rule: 'info-request-extended' });
    // 003 §160: its card is executed only once the answer is in the journal — one truth for both.
    const execution = { actor: 'legal-dept', onMerits: true, answer: { summary: 'Інформацію надано' } };
    const early = await call(hub, 'POST', `/api/v1/documents/${req.id}/control/${later.json.id}/execution`, execution);
    expect([early.status, early.json.code]).to.deep.equal([409, 'INFO_REQUEST_ANSWER_REQUIRED']);

    // Answered Tue 7 April, after the extended term: late in the journal (ст. 20 ч. 4).
    clock.set('2026-04-07T09:00:00Z');
    expect((await journalEntry(req.id, '2026-03-09')).overdue).to.equal(true);
    const answer = await call(hub, 'POST', `/api/v1/documents/${req.id}/info-request/answer`, { actor: 'secretary', result: 'provided', outgoingIndex: '02-17/402' });
    expect(answer.status, JSON.stringify(answer.json)).to.equal(200);
    expect(answer.json).to.include({ result: 'provided', answeredOn: '2026-04-07', late: true, overdue: false });
    const [answered] = await events(req.id, 'info-request.answered');
    expect(answered.data).to.include({ result: 'provided', answeredOn: '2026-04-07', deadline: '2026-04-06', late: true });
    const twice = await call(hub, 'POST', `/api/v1/documents/${req.id}/info-request/answer`, { actor: 'secretary', result: 'provided' });
    expect(twice.status).to.equal(409);
    expect(twice.json).to.include({ code: 'INFO_REQUEST_ALREADY_ANSWERED' });
    const executed = await call(hub, 'POST', `/api/v1/documents/${req.id}/control/${later.json.id}/execution`, execution);
    expect([executed.status, executed.json.status]).to.deep.equal([200, 'executed']);

    // The CSV journal for staff: Ukrainian headers, the term, the extension, the late answer.
    const csv = await call(hub, 'GET', '/api/v1/info-requests?from=2026-03-09&to=2026-03-09', undefined, { accept: 'text/csv', ...OFFICER });
    expect(csv.status).to.equal(200);
    expect(csv.type).to.contain('text/csv');
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).to.match(/^Реєстраційний індекс;Дата реєстрації;Дата отримання;Форма запиту;Запитувач;Тип запитувача;Код ЄДРПОУ;Вимоги ч\. 5 ст\. 19;Запитувана інформація/);
    const row = lines.find((l) => l.startsWith(req.index))!;
    expect(row).to.contain('06.04.2026').and.contain('електронною поштою').and.contain('надано').and.contain(req.name);
    expect((await call(hub, 'GET', '/api/v1/info-requests?from=2026-03-09&to=2026-03-09&format=csv')).text).to.not.contain(req.name);
  });

  it('ст. 20 ч. 4: after the 5th working day the extension is refused, and nothing is written', async () => {
    // Received Mon 2 March: 3, 4, 5, 6, 9 March — the notice was due by Mon 9 March; today is Tue 10 March.
    const req = await registerRequest({ receivedAt: '2026-03-02T09:30:00Z' });
    const res = await call(hub, 'POST', `/api/v1/documents/${req.id}/info-request/extension`, { actor: 'secretary', reason: 'Великий обсяг' });
    expect(res.status).to.equal(409);
    expect(res.json).to.include({ code: 'INFO_REQUEST_EXTENSION_TOO_LATE' });
    expect(res.json.messageUk).to.contain('п’яти робочих днів');
    expect(res.json.details).to.include({ noticeDueBy: '2026-03-09', today: '2026-03-10' });
    expect(res.json.details.basis).to.contain('ст. 20 ч. 4');
    expect(await events(req.id, 'info-request.extended')).to.have.length(0);
    const entry = await journalEntry(req.id, '2026-03-02');
    expect(entry).to.include({ extension: null, overdue: true });
    expect(entry.term.term).to.equal('2026-03-09');
  });

  it('a wrong meta.infoRequest (an urgency ground the law does not name) goes to quarantine with its violations', async () => {
    const res = await call(hub, 'POST', '/api/v1/documents', submission({
      kind: 'info-request', source: 'e-mail', externalId: 'ir-bad-meta', outgoing: undefined,
      correspondent: { name: 'Редакція «Громада»', email: 'redaktsiia@example.com' },
      summary: 'Запит щодо тарифів', meta: { infoRequest: { urgentReason: 'deadline-of-newspaper' } },
    }));
    expect([res.status, res.json.code]).to.deep.equal([400, 'INFO_REQUEST_META_INVALID']);
    expect(res.json.details.violations[0].path).to.equal('/urgentReason');
    const item = (await call(hub, 'GET', `/api/v1/quarantine/${res.json.quarantineId}`)).json;
    expect(item).to.include({ code: 'INFO_REQUEST_META_INVALID', externalId: 'ir-bad-meta' });
    const docs = await hub.db.query("SELECT 1 FROM documents WHERE external_id = 'ir-bad-meta'");
    expect(docs).to.have.length(0);
  });

  it('ст. 20 ч. 2: a request about an accident is urgent — 48 hours in the journal and on the card, never extended', async () => {
    const req = await registerRequest({ meta: { infoRequest: { urgentReason: 'accident-or-disaster', urgentMotive: 'Пошкодження водогону, вода у підвалах' } } });
    const entry = await journalEntry(req.id, '2026-03-09');
    expect(entry).to.deep.include({ urgent: true, urgentReason: { code: 'accident-or-disaster', labelUk: 'інформація щодо аварій, катастроф', source: 'meta', motive: 'Пошкодження водогону, вода у підвалах' } });
    // Mon 9 March + 48 hours = Wed 11 March.
    expect(entry.term).to.include({ term: '2026-03-11', rule: 'info-request-urgent' });
    const card = await call(hub, 'POST', `/api/v1/documents/${req.id}/resolutions`, { actor: 'secretary', executors: ['utilities-dept'], task: 'Надати інформацію про аварію' });
    expect(card.json).to.include({ term: '2026-03-11', rule: 'info-request-urgent' });
    const res = await call(hub, 'POST', `/api/v1/documents/${req.id}/info-request/extension`, { actor: 'secretary', reason: 'Великий обсяг' });
    expect(res.status).to.equal(409);
    expect(res.json).to.include({ code: 'INFO_REQUEST_URGENT_NOT_EXTENDABLE' });
    expect(res.json.details.basis).to.contain('ст. 20 ч. 2');
  });

  it('ст. 22: a refusal needs its ground, motives and how to appeal; a forward names the holder; not an info-request is refused', async () => {
    const req = await registerRequest();
    const bare = await call(hub, 'POST', `/api/v1/documents/${req.id}/info-request/answer`, { actor: 'secretary', result: 'refused' });
    expect(bare.status).to.equal(422);
    expect(bare.json).to.include({ code: 'INFO_REQUEST_REFUSAL_INCOMPLETE' });
    const noTarget = await call(hub, 'POST', `/api/v1/documents/${req.id}/info-request/answer`, { actor: 'secretary', result: 'forwarded' });
    expect(noTarget.json).to.include({ code: 'INFO_REQUEST_FORWARD_TARGET_MISSING' });
    const wrong = await call(hub, 'POST', `/api/v1/documents/${req.id}/info-request/answer`, { actor: 'secretary', result: 'refused', refusal: { ground: 'п. 5' } });
    expect(wrong.status).to.equal(400);
    expect(wrong.json).to.include({ code: 'INFO_REQUEST_ANSWER_INVALID' });
    const refusal = { ground: 'not-held', motives: 'Виконавчий комітет не є розпорядником цієї інформації', howToAppeal: 'Відмову може бути оскаржено до суду (ст. 23 Закону)' };
    const ok = await call(hub, 'POST', `/api/v1/documents/${req.id}/info-request/answer`, { actor: 'secretary', result: 'refused', answeredOn: '2026-03-10', refusal });
    expect(ok.status, JSON.stringify(ok.json)).to.equal(200);
    expect(ok.json).to.include({ result: 'refused', refusalGround: 'not-held', late: false });
    const [answered] = await events(req.id, 'info-request.answered');
    expect(JSON.stringify(answered)).to.not.contain(refusal.motives);

    const letter = await call(hub, 'POST', '/api/v1/documents', submission());
    const notInfo = await call(hub, 'POST', `/api/v1/documents/${letter.json.id}/info-request/extension`, { actor: 'secretary', reason: 'Великий обсяг' });
    expect(notInfo.status).to.equal(409);
    expect(notInfo.json).to.include({ code: 'NOT_AN_INFO_REQUEST' });
    expect(notInfo.json.messageUk).to.equal('Документ не є запитом на публічну інформацію');
    expect((await call(hub, 'GET', '/api/v1/info-requests?from=2026-03-10')).json).to.include({ code: 'INVALID_QUERY' });
  });

  it('ст. 19 ч. 5, not ст. 5, 8 of the appeals law: a request with a name and an e-mail is accepted, never an anonymous appeal; one without a name is registered and may be refused (ст. 22 ч. 1 п. 4)', async () => {
    // A name and an e-mail, no postal address: a complete request (ст. 19 ч. 5 п. 1); as an appeal it would lack a residence.
    const named = await call(hub, 'POST', '/api/v1/documents', submission({
      kind: 'info-request', source: 'e-mail', outgoing: undefined, receivedAt: '2026-03-05T09:00:00Z',
      correspondent: { name: 'Ковальчук Ірина', email: 'i.kovalchuk.2939@example.com' },
      summary: 'Прошу надати копію рішення виконкому про тарифи на вивезення побутових відходів',
    }));
    expect(named.status, JSON.stringify(named.json)).to.equal(201);
    const view = (await call(hub, 'GET', `/api/v1/documents/${named.json.id}/appeal`, undefined, OFFICER)).json;
    expect(view.intake.status).to.equal('accepted');
    expect(view.intake.decisions.map((d: Json) => d.decision)).to.not.include('not-considered-anonymous');
    expect(view.intake.decisions.map((d: Json) => d.rule)).to.not.include('anonymous');
    const complete = view.intake.decisions.find((d: Json) => d.decision === 'complete');
    expect(complete.basis).to.contain('Про доступ до публічної інформації').and.contain('ст. 19 ч. 5');
    expect(complete.reasonUk).to.contain('ч. 5 ст. 19');
    const [decided] = await events(named.json.id, 'appeal.intake-decided');
    expect(decided.data).to.include({ kind: 'info-request', status: 'accepted' });
    // The journal agrees: the term of ст. 20 ч. 1 (Thu 5 March + 5 working days = Thu 12 March), the requirements met.
    const entry = await journalEntry(named.json.id, '2026-03-05', OFFICER);
    expect(entry.requirements).to.deep.equal({ met: true, missing: [], basis: 'Закон «Про доступ до публічної інформації», ст. 19 ч. 5' });
    expect(entry.term.term).to.equal('2026-03-12');

    // No name and no address: registered and answered in its term, never «не підлягає розгляду».
    const nameless = await call(hub, 'POST', '/api/v1/documents', submission({
      kind: 'info-request', source: 'post', outgoing: undefined, receivedAt: '2026-03-05T09:30:00Z',
      correspondent: { name: 'Анонім' }, summary: 'Скільки коштував ремонт дороги по вул. Шевченка у 2025 році',
    }));
    expect(nameless.status, JSON.stringify(nameless.json)).to.equal(201);
    const short = (await call(hub, 'GET', `/api/v1/documents/${nameless.json.id}/appeal`, undefined, OFFICER)).json;
    expect(short.intake.status).to.equal('accepted');
    expect(short.intake.decisions.map((d: Json) => d.rule)).to.not.include('anonymous');
    const route = short.intake.decisions.find((d: Json) => d.rule === 'routing');
    expect(route.reasonUk).to.contain('п. 4 ч. 1 ст. 22').and.contain('ім’я (найменування) запитувача');
    expect(route.basis).to.contain('ст. 19');
    const shortEntry = await journalEntry(nameless.json.id, '2026-03-05', OFFICER);
    expect(shortEntry.requirements).to.include({ met: false });
    expect(shortEntry.requirements.missing).to.deep.equal(['name', 'contact']);
  });

  it('ст. 12 and seed 000: the journal keeps the requester type and ЄДРПОУ and counts 83 requests as 67 individuals, 10 public associations, 6 legal entities', async () => {
    const types: Array<'individual' | 'public-association' | 'legal-entity'> = [
      ...Array<'individual'>(67).fill('individual'), ...Array<'public-association'>(10).fill('public-association'), ...Array<'legal-entity'>(6).fill('legal-entity'),
    ];
    let association: string | undefined;
    let company: string | undefined;
    for (const [i, type] of types.entries()) {
      const day = String(5 + (i % 20)).padStart(2, '0');
      const code = String(40000000 + i);
      const p = fakePerson(rng, { email: `zapyt.seed.${i}@example.com` });
      const correspondent = type === 'individual' ? { name: officialName(p), address: officialAddress(p) }
        : type === 'public-association' ? { name: `ГО «Громадський контроль ${i}»`, email: `go.${i}@example.com` }
          : { name: `ТОВ «Будпроєкт-${i}»`, edrpou: code, email: `office.${i}@example.com` };
      const infoRequest = type === 'public-association' ? { requesterType: type, edrpou: code } : { requesterType: type };
      const res = await call(hub, 'POST', '/api/v1/documents', submission({
        kind: 'info-request', source: 'post', outgoing: undefined, receivedAt: `2026-01-${day}T08:00:00Z`,
        correspondent, summary: `Запит про виконання бюджету, № ${i}`, meta: { infoRequest },
      }));
      expect(res.status, JSON.stringify(res.json)).to.equal(201);
      if (type === 'public-association') association ??= res.json.id;
      if (type === 'legal-entity') company ??= res.json.id;
    }
    const path = '/api/v1/info-requests?from=2026-01-01&to=2026-01-31';
    const journal = (await call(hub, 'GET', path, undefined, OFFICER)).json;
    expect(journal.entries).to.have.length(83);
    expect(journal.summary).to.deep.equal({ total: 83, byRequesterType: { individual: 67, 'public-association': 10, 'legal-entity': 6, journalist: 0, unspecified: 0 } });
    const go = journal.entries.find((e: Json) => e.documentId === association);
    expect(go.requesterType).to.equal('public-association');
    expect(go.requester.edrpou).to.match(/^4\d{7}$/);
    const llc = journal.entries.find((e: Json) => e.documentId === company);
    expect(llc).to.deep.include({ requesterType: 'legal-entity' });
    expect(llc.requester.edrpou).to.match(/^4\d{7}$/);
    // The counts are no personal data: the same for a role that sees requesters masked.
    expect((await call(hub, 'GET', path)).json.summary).to.deep.equal(journal.summary);

    const { sheet } = await downloadXlsx(hub, `${path}&format=xlsx`, await headersFor(hub, 'appeals-officer'));
    expect(String(sheet.getCell('A2').value)).to.contain('Усього запитів: 83, з них від фізичних осіб — 67, від громадських об’єднань — 10, від юридичних осіб — 6, від журналістів — 0');
    const rows = records(sheet);
    const row = rows.find((r) => r['Ідентифікатор документа']!.value === company)!;
    expectTextCell(row['Тип запитувача'], 'юридична особа');
    expectTextCell(row['Код ЄДРПОУ'], llc.requester.edrpou);
    expect(rows.filter((r) => r['Тип запитувача']!.value === 'фізична особа')).to.have.length(67);

    // A journalist, and a request that does not say: counted apart, never guessed.
    for (const infoRequest of [{ requesterType: 'journalist' }, {}]) {
      const res = await call(hub, 'POST', '/api/v1/documents', submission({
        kind: 'info-request', source: 'e-mail', outgoing: undefined, receivedAt: '2026-02-03T08:00:00Z',
        correspondent: { name: 'Редакція газети «Громада»', email: 'redaktsiia.hromada@example.com' }, summary: 'Запит про тарифи', meta: { infoRequest },
      }));
      expect(res.status, JSON.stringify(res.json)).to.equal(201);
    }
    const feb = (await call(hub, 'GET', '/api/v1/info-requests?from=2026-02-03&to=2026-02-03')).json;
    expect(feb.summary).to.deep.equal({ total: 2, byRequesterType: { individual: 0, 'public-association': 0, 'legal-entity': 0, journalist: 1, unspecified: 1 } });
    expect(feb.entries.map((e: Json) => e.requesterType)).to.have.members(['journalist', null]);
    // A type the law does not know goes to quarantine with its violation.
    const wrong = await call(hub, 'POST', '/api/v1/documents', submission({
      kind: 'info-request', source: 'e-mail', outgoing: undefined, correspondent: { name: 'Бойко Андрій Іванович', email: 'boiko@example.com' },
      summary: 'Запит', meta: { infoRequest: { requesterType: 'deputy' } },
    }));
    expect([wrong.status, wrong.json.code, wrong.json.details.violations[0].path]).to.deep.equal([400, 'INFO_REQUEST_META_INVALID', '/requesterType']);
  });

  it('the journal as XLSX: title, period, frozen header, real dates, Ukrainian values, the requester masked as in the JSON', async () => {
    clock.set('2026-03-04T10:00:00Z'); // Wednesday: received and registered that morning, answered on Friday
    const req = await registerRequest({ receivedAt: '2026-03-04T09:30:00Z' });
    clock.set('2026-03-06T10:00:00Z');
    const answer = await call(hub, 'POST', `/api/v1/documents/${req.id}/info-request/answer`, { actor: 'secretary', result: 'provided', outgoingIndex: '02-17/377' });
    expect(answer.status, JSON.stringify(answer.json)).to.equal(200);
    const path = '/api/v1/info-requests?from=2026-03-04&to=2026-03-04';
    const headers = [
      'Реєстраційний індекс', 'Дата реєстрації', 'Дата отримання', 'Форма запиту', 'Запитувач', 'Тип запитувача', 'Код ЄДРПОУ', 'Вимоги ч. 5 ст. 19',
      'Запитувана інформація',
      'Терміновий (48 годин)', 'Підстава терміновості', 'Строк відповіді', 'Правило строку', 'Підстава строку',
      'Строк продовжено до', 'Обґрунтування продовження', 'Повідомити запитувача до', 'Запитувача повідомлено',
      'Дата відповіді', 'Результат', 'Підстава відмови', 'Направлено розпоряднику', 'Відповідь після строку', 'Прострочено',
      'Ідентифікатор документа',
    ];
    for (const job of ['clerk', 'appeals-officer']) {
      const auth = await headersFor(hub, job);
      const journal = (await call(hub, 'GET', path, undefined, { 'x-test-role': job })).json;
      const { sheet, headers: got } = await downloadXlsx(hub, `${path}&format=xlsx`, auth);
      expect(got.get('content-disposition')).to.equal('attachment; filename="info-requests_2026-03-04_2026-03-04.xlsx"');
      const masked = journal.personalData === 'masked';
      expect(masked).to.equal(job === 'clerk');
      expectLayout(sheet, {
        title: 'Журнал реєстрації запитів на публічну інформацію',
        caption: `Період надходження: з 04.03.2026 по 04.03.2026; станом на 06.03.2026${masked ? '; персональні дані запитувачів приховано' : ''}` +
          '; Усього запитів: 1, з них від фізичних осіб — 0, від громадських об’єднань — 0, від юридичних осіб — 0, від журналістів — 0, тип запитувача не зазначено — 1',
        headers,
      });
      const rows = records(sheet);
      expect(rows.map((r) => r['Ідентифікатор документа']!.value)).to.deep.equal(journal.entries.map((e: Json) => e.documentId));
      const e = journal.entries.find((x: Json) => x.documentId === req.id);
      const row = rows.find((r) => r['Ідентифікатор документа']!.value === req.id)!;
      expectTextCell(row['Реєстраційний індекс'], req.index);
      expectDateCell(row['Дата реєстрації'], '2026-03-04');
      expectDateCell(row['Дата отримання'], '2026-03-04');
      expectTextCell(row['Форма запиту'], 'електронною поштою');
      expectTextCell(row['Запитувач'], e.requester.name);
      expect(row['Запитувач']!.value === req.name).to.equal(!masked);
      expectTextCell(row['Тип запитувача'], 'не зазначено');
      expectTextCell(row['Вимоги ч. 5 ст. 19'], 'дотримано');
      expectTextCell(row['Запитувана інформація'], e.requested);
      expectTextCell(row['Терміновий (48 годин)'], 'ні');
      expectDateCell(row['Строк відповіді'], e.term.term);
      expectTextCell(row['Правило строку'], e.term.rule);
      expectDateCell(row['Строк продовжено до'], null);
      expectDateCell(row['Дата відповіді'], '2026-03-06');
      expectTextCell(row['Результат'], 'надано');
      expectTextCell(row['Відповідь після строку'], 'ні');
      expectTextCell(row['Прострочено'], 'ні');
      // Masked means masked in every cell: neither the name nor the e-mail anywhere in the file.
      const everything: string[] = [];
      sheet.eachRow((r) => r.eachCell((c) => { everything.push(String(c.value)); }));
      if (masked) expect(everything.join('\n')).to.not.contain(req.name).and.not.contain(req.email);
    }
  });
});
