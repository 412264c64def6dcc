/**
 * The appeals officer's pages (issue 15): the department's report for the first quarter as the
 * seeds lay it out — totals, channels, results, topics with shares — with its charts drawn and the
 * same figures as the API's report; the open-data export; the information-request journal; the
 * petitions list by state with its CSV and XLSX. Chromium, real PostgreSQL.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeCard } from '../../src/domain/appeals/testing/fake-cards';
import { expectAccessible, screenshot } from '../support/browser';
import { call } from '../support/http';
import { headerNames } from '../support/xlsx';
import { asPerson, charts, downloaded, NOW, register, startWorld, type World } from './world';

type Json = any;

describe('web pages: appeals — the quarter\'s report with charts (Chromium, real PostgreSQL)', function () {
  this.timeout(60_000);
  let w: World;

  before(async () => {
    w = await startWorld('web_appeals');
    const appeals: Array<[string, Partial<Parameters<typeof fakeCard>[0]>]> = [
      ['2026-01-20T08:00:00Z', { channel: 'post', topics: ['009'], applicants: [{ fullName: 'Гнатюк Оксана Петрівна', address: 'м. Кам’янське, вул. Соборна, буд. 12, кв. 34' }] }],
      ['2026-02-11T08:00:00Z', { channel: 'electronic', submission: 'written', topics: ['009', '002'], applicants: [{ fullName: 'Мельник Ігор Васильович', address: 'м. Кам’янське, вул. Шевченка, буд. 3, кв. 7' }] }],
      ['2026-03-04T08:00:00Z', { channel: 'post', type: 'complaint', topics: ['003'], applicants: [{ fullName: 'Ткаченко Марія Іванівна', address: 'м. Кам’янське, просп. Свободи, буд. 40, кв. 2' }] }],
      ['2026-04-02T08:00:00Z', { channel: 'post', topics: ['009'], applicants: [{ fullName: 'Бондар Петро Олексійович', address: 'м. Кам’янське, вул. Лесі Українки, буд. 5' }] }],
    ];
    for (const [at, over] of appeals) {
      w.clock.set(at);
      const { id: _id, registrationIndex: _r, receivedOn: _o, ...card } = fakeCard({ writtenOn: at.slice(0, 10), ...over });
      await register(w, { kind: 'citizen-appeal', correspondent: { name: card.applicants[0]!.fullName }, outgoing: undefined, summary: card.summary, meta: { appeal: card } });
    }
    w.clock.set('2026-03-09T08:00:00Z');
    await register(w, { kind: 'info-request', source: 'e-mail', outgoing: undefined, correspondent: { name: 'Коваль Андрій', email: 'zapyt.web@example.com' }, summary: 'Запит про договори на ремонт доріг', meta: { infoRequest: { requested: 'Копії договорів підряду на ремонт доріг', requesterType: 'journalist' } } });
    w.clock.set(NOW);
  });
  after(async () => w?.close());

  it('the report for Q1 2026: the same figures as the API, the charts drawn, topics with shares, exported', async () => {
    const api = (await call(w.hub, 'GET', '/api/v1/reports/appeals?from=2026-01-01&to=2026-03-31')).json as Json;
    expect(api.total).to.equal(3);
    await asPerson(w, 'appeals-1', '/appeals', async (page) => {
      // The current quarter is the default; the officer asks for it explicitly all the same.
      await page.getByLabel('Рік').fill('2026');
      await page.getByLabel('Квартал').selectOption('1');
      await page.getByRole('button', { name: 'Показати' }).click();
      await page.getByRole('heading', { name: 'Звіт про звернення громадян з 01.01.2026 по 31.03.2026' }).waitFor();
      const totals = page.getByRole('list', { name: 'Підсумки' });
      expect((await totals.innerText()).replace(/\s+/g, ' ')).to.contain('3 звернення зареєстровано').and.contain(`${api.questions.total} порушено питань`);
      const channels = page.getByRole('table', { name: 'За каналами надходження' });
      expect(await channels.locator('tbody tr').filter({ hasText: 'поштою' }).innerText()).to.match(/поштою\s+2\s+67 %/);
      const topics = page.getByRole('table', { name: 'Питання за класифікатором, з часткою від усіх питань' });
      const first = api.questions.byTopic[0];
      expect(await topics.locator('tbody tr').first().innerText()).to.contain(first.title).and.contain(`${first.percent} %`);
      const drawn = await charts(page);
      expect(drawn).to.have.length(3);
      for (const c of drawn) expect([c.drawn, c.painted > 1000]).to.deep.equal([true, true]);
      await screenshot(page, 'appeals-report');
      await expectAccessible(page, 'звіт про звернення');

      const download = await downloaded(page, 'Завантажити набір відкритих даних про звернення у CSV');
      const csv = download.text();
      expect(csv).not.to.contain('Гнатюк');
      expect(csv.trim().split('\n')).to.have.length(4);
    });
  });

  it('the information-request journal and the petitions list', async () => {
    await asPerson(w, 'appeals-1', '/appeals?tab=info&year=2026&q=1', async (page) => {
      const journal = page.getByRole('table', { name: 'Запити на публічну інформацію' });
      await journal.waitFor();
      expect(await journal.locator('tbody tr').first().innerText()).to.contain('Коваль Андрій').and.contain('16.03.2026');
      await page.getByRole('status').filter({ hasText: 'Усього 1 запит' }).waitFor();
      await screenshot(page, 'info-requests');
      await expectAccessible(page, 'журнал запитів');
      await page.getByRole('link', { name: 'Електронні петиції' }).click();
      await page.getByText('Петицій немає.').waitFor();
      await expectAccessible(page, 'петиції');
    });
  });

  it('petitions by state, exported as XLSX and CSV as the API lists them (the author shown to the officer)', async () => {
    const sample = JSON.parse(readFileSync(join(__dirname, '..', '..', 'connectors', 'e-petitions', 'samples', 'collecting.json'), 'utf8')) as Json;
    for (const body of [{ ...sample, votes: 251 }, { ...sample, id: 119, number: 'ЕП-119', title: 'Встановити лавки в сквері' }]) {
      expect((await call(w.hub, 'POST', '/api/v1/petitions', body)).status).to.equal(201);
    }
    await asPerson(w, 'appeals-1', '/appeals?tab=petitions', async (page) => {
      await page.getByRole('status').filter({ hasText: '2 петиції.' }).waitFor();
      const xlsx = await downloaded(page, 'Завантажити перелік петицій у XLSX');
      expect(xlsx.name).to.equal('petitions_2026-03-10.xlsx');
      const sheet = await xlsx.sheet();
      expect(sheet.getCell('A1').value).to.equal('Електронні петиції');
      expect(headerNames(sheet)).to.include.members(['Номер петиції', 'Стан', 'Автор', 'Реєстраційний індекс']);
      expect(sheet.rowCount - 3).to.equal(2);
      const api = (await call(w.hub, 'GET', '/api/v1/petitions')).json.items as Json[];
      const column = headerNames(sheet).indexOf('Ідентифікатор на платформі') + 1;
      expect([4, 5].map((r) => sheet.getRow(r).getCell(column).text)).to.deep.equal(api.map((p) => p.platformId));

      await page.getByRole('link', { name: 'збір підписів', exact: true }).click();
      await page.getByRole('status').filter({ hasText: '1 петиція у стані «збір підписів».' }).waitFor();
      const csv = (await downloaded(page, 'Завантажити перелік петицій у CSV')).text();
      expect(csv.trim().split('\n')).to.have.length(2);
      expect(csv).to.contain('ЕП-119').and.contain('Гребенюк Оксана Василівна').and.not.contain('ЕП-118');
      await expectAccessible(page, 'петиції з кнопками вивантаження');
    });
  });
});
