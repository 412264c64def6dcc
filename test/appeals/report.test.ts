/**
 * The department's report from stored appeals reproduces seed 002 end to end, through the public
 * API only: every appeal of the quarter goes in over HTTP (intake, registration, the store), the
 * 2020 letters are answered over HTTP, and the figures come out of GET /api/v1/reports/appeals,
 * the open data and the appeal views (no SQL). Each assertion names the seed line it reproduces.
 */
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { appealReportRows } from '../../src/domain/appeals';
import { violations } from '../../src/schemas';
import { startTestHub, submission , type TestHub } from '../support/hub';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { seed002, type SeedSubmission } from './seed-002';
import { call, OFFICER, type Json } from './support';
import { downloadXlsx, expectIntegerCell, expectLayout, expectTextCell, records, XLSX_TYPE } from '../support/xlsx';

const CONCURRENCY = 8;

function toSubmission(s: SeedSubmission): Record<string, unknown> {
  const { id, registrationIndex, ...card } = s.card;
  void registrationIndex;
  return submission({
    externalId: `seed002-${id}`,
    kind: s.kind,
    source: s.source,
    correspondent: { name: card.applicants[0]?.fullName ?? 'Заявник' },
    outgoing: undefined,
    summary: card.summary,
    receivedAt: `${card.receivedOn}T09:00:00Z`,
    meta: { appeal: card },
  });
}

async function post(hub: TestHub, s: SeedSubmission): Promise<string> {
  const res = await call(hub, 'POST', '/api/v1/documents', toSubmission(s));
  if (res.status !== 201) throw new Error(`${s.card.id}: ${res.status} ${res.text}`);
  return res.json.id;
}

describe('appeals report over stored records: reproduces seed 002 (I quarter of 2021) end to end', function () {
  this.timeout(120_000);
  let testDb: TestDatabase;
  let hub: TestHub;
  const seed = seed002();
  let report: Json;
  /** Document ids by the composition's card id, as POST /api/v1/documents answered them. */
  const ids = new Map<string, string>();
  const earlierIds = new Set<string>();

  before(async () => {
    testDb = await createTestDatabase('appeals_report');
    hub = await startTestHub({ databaseUrl: testDb.url }, { scheduler: false });
    for (const e of seed.earlier) {
      const id = await post(hub, e);
      earlierIds.add(id);
      const answered = await call(hub, 'POST', `/api/v1/documents/${id}/appeal/answer`, { actor: 'housing-dept', result: 'explained', answeredOn: e.answeredOn });
      expect(answered.status).to.equal(200);
    }
    const queue = [...seed.quarter];
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      for (let s = queue.shift(); s; s = queue.shift()) ids.set(s.card.id, await post(hub, s));
    }));
    const res = await call(hub, 'GET', '/api/v1/reports/appeals?from=2021-01-01&to=2021-03-31');
    expect(res.status).to.equal(200);
    report = res.json;
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
  });

  it('002 line 92: «У І кварталі 2021 року … надійшло 4906 звернень»; the 2020 letters are outside the period', async () => {
    expect(report.total).to.equal(4906);
    const all = await call(hub, 'GET', '/api/v1/reports/appeals?from=2020-01-01&to=2021-12-31');
    expect(all.json.total).to.equal(4906 + 40);
  });

  it('002 line 96: «органів влади вищого рівня (3799) … – 99,3% (3773 звернення)»', () => {
    expect(report.higherAuthority).to.deep.equal({ total: 3799, viaHotlines: 3773, viaHotlinesPercent: 99.3 });
    expect(report.byForwardingBody['higher-authority']).to.equal(3799);
  });

  it('002 line 101: «надійшло 143 електронних звернення»', () => {
    expect(report.byChannel.electronic).to.equal(143);
  });

  it('002 lines 101-102: 15 e-petitions below the threshold «розглянуті як колективні звернення»', async () => {
    expect(report.byChannel['e-petition']).to.equal(15);
    const petitions = await call(hub, 'GET', '/api/v1/open-data/petitions?from=2021-01-01&to=2021-03-31');
    expect(petitions.json).to.have.length(15);
    expect(petitions.json.every((p: Json) => p.consideredAs === 'collective-appeal')).to.equal(true);
    // The only collective appeals of the composition are the petitions.
    expect([report.collective, report.byForm.collective]).to.deep.equal([15, 15]);
  });

  it('002 line 104: «Через засоби телефонного зв’язку … надійшло 312 звернень»', () => {
    expect(report.byChannelGroup.telephone).to.equal(312);
  });

  it('002 line 105: «порушено 5121 питання, … комунального господарства – 3658 або 71%; соціального захисту 659 (13%); охорони здоров’я 191 (4%)»', () => {
    expect(report.questions.total).to.equal(5121);
    const topic = (code: string) => report.questions.byTopic.find((t: Json) => t.code === code);
    expect([topic('009').questions, topic('009').percent]).to.deep.equal([3658, 71]);
    expect([topic('006').questions, topic('006').percent]).to.deep.equal([659, 13]);
    expect([topic('008').questions, topic('008').percent]).to.deep.equal([191, 4]);
    expect(report.questions.byTopic[0].code).to.equal('009');
  });

  it('our own figure: the 40 planted repeats, written differently, are found through appeal_keys, marked «П» and linked to the 2020 letters', async () => {
    // Through the API only: the report counts 40 repeats, and each planted letter's card says it is one of them.
    expect(report.repeat).to.equal(40);
    for (const cardId of seed.planted) {
      const view = await call(hub, 'GET', `/api/v1/documents/${ids.get(cardId)}/appeal`, undefined, OFFICER);
      expect(view.status).to.equal(200);
      expect(view.json.intake).to.include({ recurrence: 'repeat', mark: 'П' });
      expect(earlierIds.has(view.json.intake.linkedTo), cardId).to.equal(true);
      const linked = await call(hub, 'GET', `/api/v1/documents/${view.json.intake.linkedTo}/appeal`, undefined, OFFICER);
      expect(linked.json.kind).to.equal('citizen-appeal');
      expect(linked.json.card.receivedOn < '2021-01-01').to.equal(true);
    }
  });

  it('the report is well-formed and its parts add up: byResult sums to the total', () => {
    expect(violations('appeal-report.schema.json', report)).to.deep.equal([]);
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    expect(sum(report.byResult)).to.equal(4906);
    expect(sum(report.byChannel)).to.equal(4906);
    expect(report.written.total + report.oral.total).to.equal(4906);
  });

  it('CSV for staff (format=csv and Accept: text/csv): Ukrainian titles, the seed figures readable', async () => {
    for (const [path, headers] of [
      ['/api/v1/reports/appeals?from=2021-01-01&to=2021-03-31&format=csv', {}],
      ['/api/v1/reports/appeals?from=2021-01-01&to=2021-03-31', { accept: 'text/csv' }],
    ] as const) {
      const res = await call(hub, 'GET', path, undefined, headers);
      expect(res.type).to.contain('text/csv');
      const rows = parse(res.text.replace(/^\uFEFF/, ''), { columns: true, delimiter: ';' }) as Array<Record<string, string>>;
      const row = (title: string) => rows.find((x) => x['Показник'] === title)!;
      expect(row('Зареєстровано звернень')['Кількість']).to.equal('4906');
      expect(row('009 Комунальне господарство')).to.include({ 'Кількість': '3658', 'Частка, %': '71' });
      expect(row('з них через урядову «гарячу лінію» та обласний контактний центр')).to.include({ 'Кількість': '3773', 'Частка, %': '99,3' });
    }
  });

  it('XLSX for staff (format=xlsx and Accept): title, period, frozen header, counts as whole numbers, shares as numbers, as the JSON', async () => {
    const figures = appealReportRows(report);
    for (const [path, headers] of [
      ['/api/v1/reports/appeals?from=2021-01-01&to=2021-03-31&format=xlsx', {}],
      ['/api/v1/reports/appeals?from=2021-01-01&to=2021-03-31', { accept: XLSX_TYPE }],
    ] as const) {
      const { sheet, headers: got } = await downloadXlsx(hub, path, headers);
      expect(got.get('content-disposition')).to.equal('attachment; filename="appeals-report_2021-01-01_2021-03-31.xlsx"');
      expectLayout(sheet, { title: 'Звіт про звернення громадян', caption: 'Період: з 01.01.2021 по 31.03.2021', headers: ['Розділ', 'Показник', 'Кількість', 'Частка, %'] });
      const rows = records(sheet);
      expect(rows).to.have.length(figures.length);
      figures.forEach((f, i) => {
        expectTextCell(rows[i]!['Розділ'], f.section);
        expectTextCell(rows[i]!['Показник'], f.title);
        expectIntegerCell(rows[i]!['Кількість'], f.count);
        expect(rows[i]!['Частка, %']!.value ?? null).to.equal(f.share);
      });
      const row = (title: string) => rows.find((r) => r['Показник']!.value === title)!;
      expect(row('Зареєстровано звернень')['Кількість']!.value).to.equal(4906);
      expect([row('009 Комунальне господарство')['Кількість']!.value, row('009 Комунальне господарство')['Частка, %']!.value]).to.deep.equal([3658, 71]);
      const hotlines = row('з них через урядову «гарячу лінію» та обласний контактний центр')['Частка, %']!;
      expect([hotlines.value, hotlines.numFmt]).to.deep.equal([99.3, '0.0']);
    }
  });

  it('asks for both dates', async () => {
    const res = await call(hub, 'GET', '/api/v1/reports/appeals?from=2021-01-01');
    expect([res.status, res.json.code]).to.deep.equal([400, 'INVALID_QUERY']);
  });
});
