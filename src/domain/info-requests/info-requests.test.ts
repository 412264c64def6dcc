/**
 * Public-information requests, pure, with fixed dates on both calendars. Expected dates are
 * counted by hand (weekdays and days off written out in `why`), never by the code under test.
 * P = peacetime (КЗпП ст. 67, 73), M = martial law (Закон № 2136-IX ст. 6: holidays are working days).
 */
import { expect } from 'chai';
import { toCsv } from '../../exports';
import { MARTIAL_LAW, PEACETIME } from '../calendar';
import {
  answerDeadline, calendarTerms, checkAnswer, checkRequirements, edrpouOf, formOf, InfoRequestRuleError, infoRequestIntake, JOURNAL_TABLE, journalEntry,
  journalSummary, journalSummaryUk, planExtension, requestedOf, requesterTypeOf, termCap, termInForce, urgencyOf, type JournalSource, type RequestFacts,
} from './index';

const P = calendarTerms(PEACETIME);
const M = calendarTerms(MARTIAL_LAW);

function refused(fn: () => unknown): InfoRequestRuleError {
  try {
    fn();
  } catch (err) {
    expect(err).to.be.instanceOf(InfoRequestRuleError);
    return err as InfoRequestRuleError;
  }
  throw new Error('expected a refusal');
}

/** Received Friday 26 December 2025: the year's end falls inside the term. */
const DEC26: RequestFacts = { receivedOn: '2025-12-26', urgent: false, extension: null, answeredOn: null };

describe('public-information requests: urgency, form, requested information (ст. 19-20)', () => {
  it('ст. 20 ч. 2: a ground in meta.infoRequest.urgentReason makes the request urgent, with its label and the motive (ч. 3)', () => {
    const u = urgencyOf({ urgency: 'normal', meta: { infoRequest: { urgentReason: 'environment', urgentMotive: 'Викид на ТЕЦ, діти в школі поруч' } } });
    expect(u).to.deep.equal({ code: 'environment', labelUk: 'інформація щодо стану довкілля', source: 'meta', motive: 'Викид на ТЕЦ, діти в школі поруч' });
  });

  it('ст. 20 ч. 2: a submission marked urgent or immediate is urgent too; a normal one without a ground is not', () => {
    expect(urgencyOf({ urgency: 'immediate', meta: null })).to.include({ code: 'urgency-mark', source: 'urgency-mark' });
    expect(urgencyOf({ urgency: 'urgent' })).to.include({ code: 'urgency-mark' });
    expect(urgencyOf({ urgency: 'normal', meta: { infoRequest: { form: 'e-mail' } } })).to.equal(null);
  });

  it('an urgency ground outside the list of ст. 20 ч. 2 keeps the request urgent (the shorter term is the safe side)', () => {
    expect(urgencyOf({ urgency: 'normal', meta: { infoRequest: { urgentReason: 'повінь' } } })).to.include({ code: 'unrecognised', source: 'meta' });
    expect(urgencyOf({ urgency: 'normal', meta: { infoRequest: 'urgent' } })).to.equal(null);
  });

  it('ст. 19 ч. 3: the form comes from meta.infoRequest.form, else from the source; the requested information from meta or the summary', () => {
    const doc = { source: 'e-mail', summary: 'Про кошторис на ремонт вул. Садової' };
    expect(formOf(doc)).to.equal('e-mail');
    expect(formOf({ source: 'personal-reception', summary: '' })).to.equal('oral');
    expect(formOf({ source: 'edms', summary: '' })).to.equal('written');
    expect(formOf({ ...doc, meta: { infoRequest: { form: 'fax' } } })).to.equal('fax');
    expect(formOf({ ...doc, meta: { infoRequest: { form: 'pigeon' } } })).to.equal('e-mail');
    expect(requestedOf(doc)).to.equal('Про кошторис на ремонт вул. Садової');
    expect(requestedOf({ ...doc, meta: { infoRequest: { requested: 'Копія договору підряду № 17/2025' } } })).to.equal('Копія договору підряду № 17/2025');
  });
});

describe('public-information requests: terms (ст. 20), fixed dates', () => {
  it('ст. 20 ч. 1, M: received Fri 26.12.2025 → Fri 02.01.2026 (Mon 29, Tue 30, Wed 31, Thu 1, Fri 2 — 1 January works)', () => {
    expect(termInForce(DEC26, M)).to.include({ term: '2026-01-02', rule: 'info-request', countsFrom: '2025-12-26' });
    expect(termInForce(DEC26, M).basis).to.contain('ст. 20 ч. 1');
  });

  it('ст. 20 ч. 1, P: received Fri 26.12.2025 → Mon 05.01.2026 (Mon 29, Tue 30, Wed 31, 1 Jan off, Fri 2, Mon 5)', () => {
    expect(termInForce(DEC26, P).term).to.equal('2026-01-05');
  });

  it('ст. 20 ч. 2: urgent, received Fri 06.06.2025 → Sun 08.06.2025 (48 hours are not moved off a weekend), both calendars', () => {
    const urgent = { ...DEC26, receivedOn: '2025-06-06', urgent: true };
    expect(termInForce(urgent, M)).to.include({ term: '2025-06-08', rule: 'info-request-urgent' });
    expect(termInForce(urgent, P).term).to.equal('2025-06-08');
    expect(termInForce(urgent, M).basis).to.contain('ст. 20 ч. 2');
  });

  it('ст. 20 ч. 4, M: extended on the 5th working day (Fri 02.01.2026) to 20 working days → Fri 23.01.2026', () => {
    // Dec 29-31 (3), Jan 1-2 (5), 5-9 (10), 12-16 (15), 19-23 (20).
    const plan = planExtension(DEC26, { today: '2026-01-02' }, M);
    expect(plan).to.deep.include({ previousTerm: '2026-01-02', term: '2026-01-23', rule: 'info-request-extended', noticeDueBy: '2026-01-02' });
    expect(plan.basis).to.contain('ст. 20 ч. 4');
  });

  it('ст. 20 ч. 4, P: Mon 05.01.2026 is still within 5 working days → 20 working days end Mon 26.01.2026', () => {
    // Dec 29-31 (3), 1 Jan off, Jan 2 (4), 5-9 (9), 12-16 (14), 19-23 (19), Mon 26 (20).
    expect(planExtension(DEC26, { today: '2026-01-05' }, P)).to.include({ term: '2026-01-26', noticeDueBy: '2026-01-05' });
  });

  it('ст. 20 ч. 4, M: on Mon 05.01.2026 it is too late — the notice was due by Fri 02.01.2026', () => {
    const err = refused(() => planExtension(DEC26, { today: '2026-01-05' }, M));
    expect(err.code).to.equal('INFO_REQUEST_EXTENSION_TOO_LATE');
    expect(err.details).to.include({ noticeDueBy: '2026-01-02' });
    expect(err.basis).to.contain('ст. 20 ч. 4');
    expect(err.messageUk).to.contain('п’яти робочих днів');
  });

  it('ст. 20 ч. 2, 4: an urgent request is not extended; nor an answered or already extended one', () => {
    expect(refused(() => planExtension({ ...DEC26, urgent: true }, { today: '2025-12-26' }, M)).code).to.equal('INFO_REQUEST_URGENT_NOT_EXTENDABLE');
    expect(refused(() => planExtension({ ...DEC26, answeredOn: '2025-12-29' }, { today: '2025-12-29' }, M)).code).to.equal('INFO_REQUEST_ALREADY_ANSWERED');
    const extended = { ...DEC26, extension: { term: '2026-01-23', rule: 'info-request-extended' as const, basis: 'ст. 20 ч. 4' } };
    expect(refused(() => planExtension(extended, { today: '2025-12-29' }, M)).code).to.equal('INFO_REQUEST_ALREADY_EXTENDED');
    expect(termInForce(extended, M)).to.include({ term: '2026-01-23', rule: 'info-request-extended' });
  });

  it('ст. 20 ч. 4: the notice already sent is dated between receipt and today; on the 5th working day it is in time', () => {
    expect(refused(() => planExtension(DEC26, { today: '2026-01-02', noticeSentOn: '2025-12-24' }, M)).code).to.equal('INFO_REQUEST_DATE_BEFORE_RECEIPT');
    expect(refused(() => planExtension(DEC26, { today: '2025-12-30', noticeSentOn: '2025-12-31' }, M)).code).to.equal('INFO_REQUEST_DATE_IN_FUTURE');
    expect(planExtension(DEC26, { today: '2026-01-02', noticeSentOn: '2026-01-02' }, M).noticeDueBy).to.equal('2026-01-02');
  });

  it('cap for the generic control flow: 20 working days from receipt; an urgent request\'s own 48 hours (ст. 20 ч. 2, 4)', () => {
    expect(termCap(DEC26, M).cap).to.equal('2026-01-23');
    expect(termCap(DEC26, P).cap).to.equal('2026-01-26');
    expect(termCap({ receivedOn: '2025-06-03', urgent: true }, P).cap).to.equal('2025-06-05');
  });
});

describe('public-information requests: the answer (ст. 20, 22)', () => {
  it('ст. 22 ч. 1, 4: a refusal, or a partial one, needs its ground, motives and how to appeal', () => {
    expect(refused(() => checkAnswer(DEC26, { result: 'refused' }, '2025-12-30', M)).code).to.equal('INFO_REQUEST_REFUSAL_INCOMPLETE');
    expect(refused(() => checkAnswer(DEC26, { result: 'partially-provided' }, '2025-12-30', M)).code).to.equal('INFO_REQUEST_REFUSAL_INCOMPLETE');
    const ok = checkAnswer(DEC26, { result: 'refused', refusal: { ground: 'restricted', motives: 'Службова інформація', howToAppeal: 'До суду або Уповноваженого ВРУ з прав людини (ст. 23)' } }, '2025-12-30', M);
    expect(ok).to.deep.equal({ answeredOn: '2025-12-30', deadline: '2026-01-02', late: false });
  });

  it('ст. 22 ч. 3: a forwarded request names the holder; forwarding is late after 5 working days even when the term was extended', () => {
    expect(refused(() => checkAnswer(DEC26, { result: 'forwarded' }, '2025-12-30', M)).code).to.equal('INFO_REQUEST_FORWARD_TARGET_MISSING');
    const extended = { ...DEC26, extension: { term: '2026-01-23', rule: 'info-request-extended' as const, basis: 'ст. 20 ч. 4' } };
    const forwarded = checkAnswer(extended, { result: 'forwarded', forwardedTo: { name: 'Головне управління ДПС у Донецькій області' } }, '2026-01-05', M);
    expect(forwarded).to.include({ deadline: '2026-01-02', late: true });
    expect(answerDeadline(extended, 'provided', M)).to.equal('2026-01-23');
  });

  it('ст. 20 ч. 1: answered Mon 05.01.2026 is late on the martial-law calendar (term Fri 02.01) and on time in peacetime (term Mon 05.01)', () => {
    expect(checkAnswer(DEC26, { result: 'provided', answeredOn: '2026-01-05' }, '2026-01-05', M).late).to.equal(true);
    expect(checkAnswer(DEC26, { result: 'provided', answeredOn: '2026-01-05' }, '2026-01-05', P).late).to.equal(false);
  });

  it('an answer before receipt, in the future, or a second answer is refused', () => {
    expect(refused(() => checkAnswer(DEC26, { result: 'provided', answeredOn: '2025-12-25' }, '2025-12-30', M)).code).to.equal('INFO_REQUEST_DATE_BEFORE_RECEIPT');
    expect(refused(() => checkAnswer(DEC26, { result: 'provided', answeredOn: '2026-01-02' }, '2025-12-30', M)).code).to.equal('INFO_REQUEST_DATE_IN_FUTURE');
    expect(refused(() => checkAnswer({ ...DEC26, answeredOn: '2025-12-29' }, { result: 'provided' }, '2025-12-30', M)).code).to.equal('INFO_REQUEST_ALREADY_ANSWERED');
  });
});

describe('public-information requests: the journal entry and CSV', () => {
  const source: JournalSource = {
    documentId: '5b0f3c2e-3d1a-4a43-9d0e-2f3c4b5a6d7e',
    registrationIndex: 'ЗІ-1/2025',
    registrationDate: '2025-12-26',
    receivedAt: '2025-12-26T08:40:00Z',
    source: 'e-mail',
    summary: 'Запит щодо витрат на освітлення парку',
    urgency: 'normal',
    meta: null,
    correspondent: { name: 'Гнатюк Оксана Василівна', email: 'o.hnatiuk@example.org' },
    extension: null,
    answer: null,
  };

  it('ст. 20 ч. 1: from registration on the entry shows the term and basis; overdue the day after the term (M: after Fri 02.01.2026)', () => {
    const onTerm = journalEntry(source, '2026-01-02', M);
    expect(onTerm).to.deep.include({ receivedOn: '2025-12-26', form: 'e-mail', urgent: false, urgentReason: null, overdue: false, late: null, result: null });
    expect(onTerm.term).to.include({ term: '2026-01-02', rule: 'info-request' });
    expect(journalEntry(source, '2026-01-05', M).overdue).to.equal(true);
    expect(journalEntry(source, '2026-01-05', P).overdue).to.equal(false);
  });

  it('ст. 20, 22: an answer after the term shows as late; the CSV has Ukrainian headers and labels', () => {
    const answered = journalEntry({ ...source, answer: { result: 'refused', answeredOn: '2026-01-05', refusal: { ground: 'not-held', motives: 'Не є розпорядником', howToAppeal: 'ст. 23' } } }, '2026-01-06', M);
    expect(answered).to.include({ late: true, overdue: false, result: 'refused', refusalGround: 'not-held' });
    const csv = toCsv(JOURNAL_TABLE, [answered]);
    const [header, row = ''] = csv.replace(/^\uFEFF/, '').trim().split('\n');
    expect(header).to.match(/^Реєстраційний індекс;Дата реєстрації;Дата отримання;Форма запиту;Запитувач/);
    expect(row).to.contain('електронною поштою').and.contain('відмовлено').and.contain('ст. 22 ч. 1 п. 1').and.contain(';05.01.2026;');
    expect(row.split(';').slice(-3, -1)).to.deep.equal(['так', 'ні']);
  });
});

describe('public-information requests: what a request must contain (ст. 19 ч. 5), not an appeal (ст. 5, 8 of the appeals law)', () => {
  const doc = { source: 'e-mail', summary: 'Копія рішення виконкому про тарифи' };

  it('ст. 19 ч. 5 п. 1, 2: a name and an e-mail (or a postal address, or a phone) with a description are enough — no residence, no patronymic', () => {
    expect(checkRequirements(doc, { name: 'Ковальчук Ірина', email: 'i.k@example.com' })).to.deep.equal({ met: true, missing: [], basis: 'Закон «Про доступ до публічної інформації», ст. 19 ч. 5' });
    expect(checkRequirements(doc, { name: 'ТОВ «Будпроєкт»', address: 'вул. Заводська, 1, м. Кам’янське' }).met).to.equal(true);
    expect(checkRequirements({ source: 'phone', summary: 'Графік прийому' }, { name: 'Бойко А.', phone: '+380671234567' }).met).to.equal(true);
  });

  it('ст. 19 ч. 5: no name, no contact, no description — each named as missing', () => {
    expect(checkRequirements(doc, { name: 'Анонім' }).missing).to.deep.equal(['name', 'contact']);
    expect(checkRequirements(doc, { name: ' без підпису ', email: 'x@example.com' }).missing).to.deep.equal(['name']);
    expect(checkRequirements({ source: 'post', summary: '?' }, { name: 'Гнатюк О. В.', address: 'вул. Садова, 3' }).missing).to.deep.equal(['requested']);
  });

  it('intake: a named request with an e-mail is accepted under ст. 19 ч. 5; one short of it is accepted too, with ст. 22 ч. 1 п. 4 named — never «анонімне»', () => {
    const card = { form: 'individual' as const, applicants: [{ fullName: 'Ковальчук Ірина' }] };
    const ok = infoRequestIntake({ ...doc, correspondent: { name: 'Ковальчук Ірина', email: 'i.k@example.com' } }, card);
    expect(ok).to.include({ status: 'accepted', recurrence: 'primary', mark: null, priority: 'normal', mandatoryControl: false, form: 'individual' });
    expect(ok.decisions.map((d) => [d.decision, d.rule])).to.deep.equal([['complete', 'completeness'], ['route', 'routing']]);
    expect(ok.decisions[0]!.basis).to.contain('ст. 19 ч. 5').and.contain('ст. 5, 8 Закону «Про звернення громадян» до запиту на інформацію не застосовуються');
    const short = infoRequestIntake({ ...doc, correspondent: { name: 'Анонім' } }, { form: 'anonymous', applicants: [{ fullName: 'Анонім' }] });
    expect(short).to.include({ status: 'accepted', form: 'individual' });
    expect(short.decisions.map((d) => d.decision)).to.deep.equal(['route']);
    expect(short.decisions[0]!.reasonUk).to.contain('п. 4 ч. 1 ст. 22').and.contain('ім’я (найменування) запитувача').and.contain('як анонімне звернення запит не розглядається');
    expect(short.decisions[0]!.details).to.deep.include({ requirements: { met: false, missing: ['name', 'contact'], basis: 'Закон «Про доступ до публічної інформації», ст. 19 ч. 5' } });
  });
});

describe('public-information requests: who asks (ст. 12) and the counts of seed 000', () => {
  it('the requester type comes from meta.infoRequest.requesterType, never guessed; ЄДРПОУ from meta, else the correspondent', () => {
    expect(requesterTypeOf({ meta: { infoRequest: { requesterType: 'public-association' } } })).to.equal('public-association');
    expect(requesterTypeOf({ meta: { infoRequest: { requesterType: 'deputy' } } })).to.equal(null);
    expect(requesterTypeOf({ meta: null })).to.equal(null);
    expect(edrpouOf({ meta: { infoRequest: { edrpou: '12345678' } } }, { edrpou: '87654321' })).to.equal('12345678');
    expect(edrpouOf({ meta: null }, { edrpou: '87654321' })).to.equal('87654321');
    expect(edrpouOf({ meta: { infoRequest: { edrpou: '123' } } }, {})).to.equal(null);
  });

  it('seed 000: 83 requests — 67 from individuals, 10 from public associations, 6 from legal entities — counted and said in Ukrainian', () => {
    const entries = [
      ...Array(67).fill({ requesterType: 'individual' }), ...Array(10).fill({ requesterType: 'public-association' }), ...Array(6).fill({ requesterType: 'legal-entity' }),
    ];
    const summary = journalSummary(entries);
    expect(summary).to.deep.equal({ total: 83, byRequesterType: { individual: 67, 'public-association': 10, 'legal-entity': 6, journalist: 0, unspecified: 0 } });
    expect(journalSummaryUk(summary)).to.equal('Усього запитів: 83, з них від фізичних осіб — 67, від громадських об’єднань — 10, від юридичних осіб — 6, від журналістів — 0');
    expect(journalSummary([{ requesterType: 'journalist' }, { requesterType: null }]).byRequesterType).to.include({ journalist: 1, unspecified: 1 });
  });

  it('the journal entry and its CSV row carry the type, the ЄДРПОУ and the requirements of ст. 19 ч. 5', () => {
    const entry = journalEntry({
      documentId: '5b0f3c2e-3d1a-4a43-9d0e-2f3c4b5a6d7f', registrationIndex: 'ЗІ-2/2026', registrationDate: '2026-01-12', receivedAt: '2026-01-12T08:40:00Z',
      source: 'e-mail', summary: 'Запит про витрати на освітлення', urgency: 'normal', meta: { infoRequest: { requesterType: 'legal-entity' } },
      correspondent: { name: 'ТОВ «Будпроєкт»', edrpou: '41234567', email: 'office@example.com' } as JournalSource['correspondent'], extension: null, answer: null,
    }, '2026-01-12', M);
    expect(entry).to.deep.include({ requesterType: 'legal-entity', requester: { name: 'ТОВ «Будпроєкт»', email: 'office@example.com', edrpou: '41234567' } });
    expect(entry.requirements).to.deep.equal({ met: true, missing: [], basis: 'Закон «Про доступ до публічної інформації», ст. 19 ч. 5' });
    const [header, row = ''] = toCsv(JOURNAL_TABLE, [entry]).replace(/^\uFEFF/, '').trim().split('\n');
    expect(header).to.match(/;Запитувач;Тип запитувача;Код ЄДРПОУ;Вимоги ч\. 5 ст\. 19;Запитувана інформація;/);
    expect(row).to.contain(';юридична особа;41234567;дотримано;');
  });
});
