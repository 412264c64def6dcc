/**
 * The report reproduces the figures of the department's own reports (seeds 000 and 002) from
 * appeal records of the same composition, made up at test time. Each assertion names the seed
 * line it reproduces. Where a seed does not say how a figure splits, the split chosen here is
 * marked «assumption» and no assertion rests on it.
 */
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { addDays } from '../clock';
import { violations } from '../../schemas';
import { earlierAppealOf, MemoryArchive } from './archive';
import { DEFAULT_CLASSIFIER } from './classifier';
import { decideIntake } from './intake';
import { appealRecord } from './records';
import { buildAppealReport } from './report';
import { toCsv } from '../../exports';
import { APPEAL_REPORT_TABLE, appealReportRows } from './report-table';
import { composedCard, exactly, SEED_002_SLICES, type Slice } from './testing/compose';
import { addressVariant, fakePerson, nameVariant, seededRng, type Rng } from './testing/fake-people';
import { applicantOf } from './testing/fake-cards';
import { APPEAL_RESULTS, type AppealCard, type AppealRecord, type AppealReport, type AppealResult } from './types';

const record = (card: AppealCard, result: AppealResult | null, registered = true): AppealRecord => ({
  card, registered, recurrence: 'primary', status: 'accepted', linkedTo: null, result, answeredOn: result ? addDays(card.receivedOn, 14) : null, answeredOnMerits: result !== null,
});

/** Codes outside the ones a seed counts (000: not 009/010; 002: not 009, 006, 008). */
function otherTopics(rng: Rng, n: number): string[] {
  const pool = ['003', '013', '014', '011', '002', '021', '012', '024'];
  return Array.from({ length: n }, () => pool[Math.floor(rng() * pool.length)]!);
}

function checkShape(r: AppealReport): void {
  expect(violations('appeal-report.schema.json', JSON.parse(JSON.stringify(r)))).to.deep.equal([]);
  expect(APPEAL_RESULTS.reduce((s, k) => s + r.byResult[k], 0), 'byResult sums to total').to.equal(r.total);
  expect(r.written.total + r.oral.total).to.equal(r.total);
  expect(Object.values(r.byChannel).reduce((a, b) => a + b, 0)).to.equal(r.total);
  expect(Object.values(r.byForwardingBody).reduce((a, b) => a + b, 0)).to.equal(r.total);
}

/**
 * Seed 000: «Звітуємо територіальній громаді: загальний відділ» — 10 months of 2018.
 * Line 9: 4236 appeals, of which 1213 written; lines 11-15: local 826, city executive 383,
 * prosecutor 4; lines 19-23: government contact centre 1339, oblast head's hotline 972,
 * the city's resource centre 283; line 25: 567 calls on the direct line, 184 with cards.
 * 1213 + 1339 + 972 + 283 = 3807; with all 567 calls the sum would pass 4236, so the 383 calls
 * answered orally are not in the total; 184 are. That leaves 245 oral appeals the seed does not
 * place: here they are personal receptions (assumption).
 */
function seed000(): AppealRecord[] {
  const rng = seededRng(2018);
  const period = { from: '2018-01-01', to: '2018-10-31' };
  const local = (channel: AppealCard['channel']): Slice => ({ count: 0, channel, submission: 'written' });
  const slices: Slice[] = [
    { ...local('post'), count: 758 }, // assumption: local written split post / e-mail / e-petitions
    { ...local('electronic'), count: 60 },
    { ...local('e-petition'), count: 8 }, // line 39: eight e-petitions considered as appeals
    { count: 383, channel: 'post', submission: 'written', forwardedBy: { body: 'city-executive', name: 'Виконком міської ради', underControl: false } },
    { count: 4, channel: 'post', submission: 'written', forwardedBy: { body: 'prosecutor', name: 'Місцева прокуратура', underControl: true } },
    { count: 1339, channel: 'hotline-1545', submission: 'oral', forwardedBy: { body: 'government-contact-centre', underControl: true } },
    { count: 972, channel: 'oblast-contact-centre', submission: 'oral', forwardedBy: { body: 'oblast-contact-centre', underControl: true } },
    { count: 283, channel: 'city-contact-centre', submission: 'oral', forwardedBy: { body: 'city-contact-centre', underControl: false } },
    { count: 184, channel: 'direct-line', submission: 'oral' },
    { count: 245, channel: 'personal-reception', submission: 'oral' }, // assumption, see above
  ];
  const total = slices.reduce((s, x) => s + x.count, 0);
  // Lines 31-35: results. Line 37: 3380 appeals on housing and utilities (codes 009, 010).
  const results = exactly<AppealResult | 'unanswered'>(rng, { 'resolved-positively': 876, explained: 3285, unanswered: 75 });
  const topics = exactly(rng, { utilities: 2900, housing: 380, both: 100, other: total - 3380 });
  const records: AppealRecord[] = [];
  let i = 0;
  for (const slice of slices) {
    for (let k = 0; k < slice.count; k++, i++) {
      const t = topics[i]!;
      const codes = t === 'utilities' ? ['009'] : t === 'housing' ? ['010'] : t === 'both' ? ['009', '010'] : otherTopics(rng, 1);
      const result = results[i]!;
      records.push(record(composedCard(rng, slice, codes, period), result === 'unanswered' ? null : result));
    }
  }
  // Line 25: the other 383 calls on the direct line, answered orally without a registration card.
  for (let k = 0; k < 383; k++) records.push(record(composedCard(rng, { count: 1, channel: 'direct-line', submission: 'oral' }, ['009'], period), 'explained', false));
  return records;
}

describe('appeals report: reproduces seed 000 (10 months of 2018)', () => {
  const records = seed000();
  const r = buildAppealReport(records, { from: '2018-01-01', to: '2018-10-31' });

  it('000 line 9: «зареєстровано … 4236 звернень, у тому числі, 1213 письмових»', () => {
    expect(r.total).to.equal(4236);
    expect(r.written.total).to.equal(1213);
  });

  it('000 lines 11, 13, 15: «місцевих - 826; з виконкому … міської ради – 383; з прокуратури – 4»', () => {
    expect(r.written.bySource.local).to.equal(826);
    expect(r.written.bySource['city-executive']).to.equal(383);
    expect(r.written.bySource.prosecutor).to.equal(4);
  });

  it('000 lines 19, 21, 23: «Урядовий контактний центр» 1339, «Гаряча лінія голови облдержадміністрації» 972, ресурсний центр 283', () => {
    expect(r.byChannel['hotline-1545']).to.equal(1339);
    expect(r.byChannel['oblast-contact-centre']).to.equal(972);
    expect(r.byChannel['city-contact-centre']).to.equal(283);
  });

  it('000 line 25: «567 телефонних звернень …, на 184 звернення заведено … картки …, на решту надано усні роз’яснення»', () => {
    expect(r.directLine).to.deep.equal({ calls: 567, registered: 184, answeredOrally: 383 });
  });

  it('000 lines 31, 33, 35: «876 - вирішено позитивно; 3285 - надано вичерпні роз’яснення; 75 - залишаються на контролі», summing to the total', () => {
    expect(r.byResult).to.deep.equal({ 'resolved-positively': 876, explained: 3285, refused: 0, forwarded: 0, 'on-control': 75 });
    expect(876 + 3285 + 75).to.equal(r.total);
  });

  it('000 line 37: «Найбільша кількість звернень стосується … житлово-комунального господарства – 3380»', () => {
    const group = r.questions.byGroup.find((g) => g.id === 'housing-and-utilities')!;
    expect(group.appeals).to.equal(3380);
    expect(Math.max(...r.questions.byGroup.filter((g) => g.id !== 'housing-and-utilities').map((g) => g.appeals))).to.be.below(3380);
  });

  it('000 line 39: «вісім електронних петицій …, які … не набрали необхідної кількості голосів та були розглянуті як звернення»', () => {
    expect(r.byChannel['e-petition']).to.equal(8);
  });

  it('the report is well-formed and its parts add up', () => checkShape(r));
});

/**
 * Seed 002: «ЗВІТ про роботу відділу звернень громадян … у І кварталі 2021 року».
 * Line 92: 4906 appeals; line 96: of the city's appeals to higher authorities (3799), 3773 —
 * 99,3% — came through the government hotline and the oblast head's hotline; line 101: 143
 * electronic appeals; lines 101-102: 15 e-petitions considered as collective appeals; line 104:
 * 312 by telephone; line 105: 5121 questions, communal economy 3658 (71%), social protection 659
 * (13%), health 191 (4%). Personal receptions were cancelled (lines 118-121): the rest came by post.
 * Here every card goes through intake first; 40 of them repeat questions answered in 2020.
 */
function seed002(): { records: AppealRecord[]; planted: Set<string> } {
  const rng = seededRng(2021);
  const period = { from: '2021-01-01', to: '2021-03-31' };
  const slices = SEED_002_SLICES;
  const total = slices.reduce((s, x) => s + x.count, 0);
  const other = 5121 - 3658 - 659 - 191;
  const questionCodes = exactly(rng, { '009': 3658, '006': 659, '008': 191, other });
  const codes = questionCodes.map((c) => (c === 'other' ? otherTopics(rng, 1)[0]! : c));
  const cards: AppealCard[] = [];
  let i = 0;
  for (const slice of slices) for (let k = 0; k < slice.count; k++, i++) cards.push(composedCard(rng, slice, [codes[i]!], period));
  for (let k = 0; i < codes.length; i++, k++) cards[k]!.topics.push(codes[i]!); // 215 appeals raise a second question

  // 40 local letters repeat a question answered on the merits in the 4th quarter of 2020.
  const archive = new MemoryArchive();
  const records: AppealRecord[] = [];
  const planted = new Set<string>();
  const letters = cards.filter((c) => c.channel === 'post' && c.forwardedBy.body === 'none').slice(0, 40);
  for (const later of letters) {
    const person = fakePerson(rng);
    const earlier = composedCard(rng, { count: 1, channel: 'post', submission: 'written' }, [later.topics[0]!], { from: '2020-10-01', to: '2020-11-30' });
    earlier.applicants = [applicantOf(person)];
    earlier.summary = later.summary;
    const answered = appealRecord(earlier, decideIntake({ card: earlier }, intakeCtx(earlier.receivedOn), archive), { result: 'explained', answeredOn: addDays(earlier.receivedOn, 20), onMerits: true });
    archive.add(earlierAppealOf(answered));
    records.push(answered);
    later.applicants = [{ fullName: nameVariant(rng, person), address: addressVariant(rng, person) }];
    planted.add(later.id);
  }
  for (const card of [...cards].sort((a, b) => a.receivedOn.localeCompare(b.receivedOn))) {
    const intake = decideIntake({ card }, intakeCtx(card.receivedOn), archive);
    const rec = appealRecord(card, intake);
    archive.add(earlierAppealOf(rec));
    records.push(rec);
  }
  expect(total).to.equal(4906);
  return { records, planted };
}

function intakeCtx(today: string) {
  return { today, addWorkingDays: (d: string, n: number) => addDays(d, Math.ceil((n * 7) / 5)) };
}

describe('appeals report: reproduces seed 002 (I quarter of 2021), from cards that went through intake', () => {
  const { records, planted } = seed002();
  const r = buildAppealReport(records, { from: '2021-01-01', to: '2021-03-31' });

  it('002 line 92: «У І кварталі 2021 року … надійшло 4906 звернень»', () => {
    expect(r.total).to.equal(4906);
  });

  it('002 line 96: «органів влади вищого рівня (3799) на урядову … «гарячу лінію» та гарячу лінію голови облдержадміністрації – 99,3% (3773 звернення)»', () => {
    expect(r.higherAuthority).to.deep.equal({ total: 3799, viaHotlines: 3773, viaHotlinesPercent: 99.3 });
    expect(r.byForwardingBody['higher-authority']).to.equal(3799);
  });

  it('002 line 101: «надійшло 143 електронних звернення»', () => {
    expect(r.byChannel.electronic).to.equal(143);
  });

  it('002 lines 101-102: e-petitions below the threshold «розглянуті як колективні звернення … 15 звернень»', () => {
    expect(r.byChannel['e-petition']).to.equal(15);
    const petitions = records.filter((x) => x.card.channel === 'e-petition');
    expect(petitions.every((x) => x.card.form === 'collective')).to.equal(true);
  });

  it('002 line 104: «Через засоби телефонного зв’язку … надійшло 312 звернень»', () => {
    expect(r.byChannelGroup.telephone).to.equal(312);
  });

  it('002 line 105: «порушено 5121 питання, … комунального господарства – 3658 або 71%; соціального захисту 659 (13%); охорони здоров’я 191 (4%)»', () => {
    expect(r.questions.total).to.equal(5121);
    const topic = (code: string) => r.questions.byTopic.find((t) => t.code === code)!;
    expect([topic('009').questions, topic('009').percent]).to.deep.equal([3658, 71]);
    expect([topic('006').questions, topic('006').percent]).to.deep.equal([659, 13]);
    expect([topic('008').questions, topic('008').percent]).to.deep.equal([191, 4]);
    expect(r.questions.byTopic[0]!.code).to.equal('009'); // «питому вагу складають» — the largest
    const group = (id: string) => r.questions.byGroup.find((g) => g.id === id)!;
    expect([group('utilities').questions, group('social-protection').questions, group('health').questions]).to.deep.equal([3658, 659, 191]);
  });

  it('our own figure: the 40 planted repeats are found, marked «П» and linked; none else', () => {
    expect(r.repeat).to.equal(40);
    const repeats = records.filter((x) => x.recurrence === 'repeat');
    expect(new Set(repeats.map((x) => x.card.id))).to.deep.equal(planted);
    expect(repeats.every((x) => x.linkedTo !== null)).to.equal(true);
  });

  it('the report is well-formed and its parts add up; the period leaves out the 2020 appeals', () => {
    checkShape(r);
    for (const x of records.slice(0, 200)) expect(violations('appeal-record.schema.json', JSON.parse(JSON.stringify(x)))).to.deep.equal([]);
    expect(buildAppealReport(records).total).to.equal(4906 + 40);
  });

  it('CSV for staff: Ukrainian column titles, one figure a row, the seed figures readable', () => {
    const csv = toCsv(APPEAL_REPORT_TABLE, appealReportRows(r));
    expect(csv.charCodeAt(0)).to.equal(0xfeff);
    const rows = parse(csv.slice(1), { columns: true, delimiter: ';' }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!)).to.deep.equal(['Розділ', 'Показник', 'Кількість', 'Частка, %']);
    const row = (title: string) => rows.find((x) => x['Показник'] === title)!;
    expect(row('Зареєстровано звернень')['Кількість']).to.equal('4906');
    expect(row('Порушено питань')['Кількість']).to.equal('5121');
    expect(row('009 Комунальне господарство')).to.include({ 'Кількість': '3658', 'Частка, %': '71' });
    expect(row('з них через урядову «гарячу лінію» та обласний контактний центр')).to.include({ 'Кількість': '3773', 'Частка, %': '99,3' });
    expect(row('електронні звернення')['Кількість']).to.equal('143');
  });
});

describe('appeals classifier', () => {
  it('is valid against its schema; every topic a seed report names maps to codes that exist', () => {
    expect(violations('appeal-classifier.schema.json', JSON.parse(JSON.stringify(DEFAULT_CLASSIFIER)))).to.deep.equal([]);
    const codes = new Set(DEFAULT_CLASSIFIER.topics.map((t) => t.code));
    expect(DEFAULT_CLASSIFIER.reportTerms.map((t) => t.term)).to.have.members([
      'житлово-комунального господарства', 'комунального господарства', 'соціального захисту', 'охорони здоров’я',
    ]);
    for (const t of DEFAULT_CLASSIFIER.reportTerms) for (const c of t.codes) expect(codes.has(c), `${t.term} → ${c}`).to.equal(true);
    for (const g of DEFAULT_CLASSIFIER.reportGroups) for (const c of g.codes) expect(codes.has(c), `${g.id} → ${c}`).to.equal(true);
    expect(codes.size).to.equal(DEFAULT_CLASSIFIER.topics.length);
  });
});
