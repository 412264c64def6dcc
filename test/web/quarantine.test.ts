/**
 * «Карантин» (issue 15): what the hub could not accept waits with its reason in Ukrainian; the raw
 * payload is shown to whoever may see it and refused, with the reason, when it holds a citizen's
 * personal data the person was not granted; once the cause is fixed, a replay from the page
 * registers the letter; the list exported as CSV and XLSX without the payloads. Chromium, real
 * PostgreSQL, a hub with no nomenclature loaded.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { SAMPLE_NOMENCLATURE_FILE } from '../../src/nomenclature';
import { expectAccessible, screenshot } from '../support/browser';
import { call } from '../support/http';
import { submission } from '../support/hub';
import { bearer, personToken } from '../support/identity';
import { asPerson, downloaded, startWorld, type World } from './world';

type Json = any;

describe('web pages: quarantine replay (Chromium, real PostgreSQL)', function () {
  this.timeout(60_000);
  let w: World;
  let letterId: string;
  const letterSub = submission({ summary: 'Щодо освітлення вулиці Паркової', receivedAt: '2026-03-10T07:00:00Z' });
  const appealSub = submission({
    kind: 'citizen-appeal', outgoing: undefined, correspondent: { name: 'Гнатюк Оксана Петрівна', address: 'м. Кам’янське, вул. Соборна, 12' }, summary: 'Про ремонт під’їзду', receivedAt: '2026-03-10T07:05:00Z',
  });

  before(async () => {
    w = await startWorld('web_quarantine', { sampleNomenclature: false });
    const letter = await call(w.hub, 'POST', '/api/v1/documents', letterSub);
    expect(letter.json.code).to.equal('NO_NOMENCLATURE');
    letterId = letter.json.quarantineId;
    const appeal = await call(w.hub, 'POST', '/api/v1/documents', appealSub);
    expect(appeal.json.code).to.equal('NO_NOMENCLATURE');
  });
  after(async () => w?.close());

  it('reasons in Ukrainian; the payload shown or refused by permission; a replay after the fix registers the letter', async () => {
    await asPerson(w, 'clerk-1', '/', async (page) => {
      await page.getByRole('link', { name: /2 вхідні повідомлення чекають у карантині/ }).click();
      await page.getByRole('heading', { name: 'Карантин', level: 1 }).waitFor();
      const items = page.locator('li.q-item');
      await items.first().waitFor();
      expect(await items.count()).to.equal(2);
      const appealItem = items.filter({ hasText: String(appealSub.externalId) });
      const letterItem = items.filter({ hasText: String(letterSub.externalId) });
      // Both carry the rule's Ukrainian reason.
      for (const text of await items.allInnerTexts()) expect(text).to.contain('NO_NOMENCLATURE').and.match(/номенклатур/i);

      // The appeal's bytes hold a citizen's name: a registrar without the personal-data grant is told why not.
      await appealItem.getByRole('button', { name: 'Показати вміст' }).click();
      await appealItem.getByRole('alert').waitFor();
      expect(await appealItem.getByRole('alert').innerText()).to.contain('PERSONAL_DATA_ROLE_REQUIRED');
      // The letter's bytes are shown as they came.
      await letterItem.getByRole('button', { name: 'Показати вміст' }).click();
      const payload = letterItem.locator('pre.payload');
      await payload.waitFor();
      expect(await payload.innerText()).to.contain('Щодо освітлення вулиці Паркової');
      await screenshot(page, 'quarantine');
      await expectAccessible(page, 'Карантин');

      // The list as the API exports it: both items, their reasons in Ukrainian, no payload (no citizen's name).
      const csv = (await downloaded(page, 'Завантажити перелік карантину у CSV')).text();
      expect(csv.charCodeAt(0)).to.equal(0xfeff);
      expect(csv.trim().split('\n')).to.have.length(3);
      expect(csv).to.contain(String(letterSub.externalId)).and.contain(String(appealSub.externalId)).and.contain('NO_NOMENCLATURE').and.contain('чекає');
      expect(csv).not.to.contain('Гнатюк');
      const xlsx = await downloaded(page, 'Завантажити перелік карантину у XLSX');
      expect(xlsx.name).to.equal('quarantine_2026-03-10.xlsx');
      const sheet = await xlsx.sheet();
      expect(sheet.getCell('A2').value).to.equal('Станом на 10.03.2026; стан: чекає');
      expect(sheet.rowCount - 3).to.equal(2);

      // Replayed before the fix: refused again, with the reason.
      await letterItem.getByRole('button', { name: 'Обробити повторно' }).click();
      await page.getByText(/^Знову відхилено: /).waitFor();

      const admin = bearer(await personToken(w.hub.db, 'admin-1', ['admin']));
      const { cases } = JSON.parse(readFileSync(SAMPLE_NOMENCLATURE_FILE, 'utf8')) as { cases: Json[] };
      expect((await call(w.hub, 'PUT', '/api/v1/nomenclature/2026', { cases }, admin)).status).to.equal(200);

      await letterItem.getByRole('button', { name: 'Обробити повторно' }).click();
      await page.getByText('Зареєстровано після повторної обробки.').waitFor();
      await page.getByRole('status').filter({ hasText: 'На сторінці 1 вхідне повідомлення.' }).waitFor();

      const replayed = (await call(w.hub, 'GET', `/api/v1/quarantine/${letterId}`)).json as Json;
      expect(replayed).to.include({ status: 'replayed', resolvedBy: 'clerk-1' });
      const doc = (await call(w.hub, 'GET', `/api/v1/documents/${replayed.documentId}`)).json as Json;
      expect(doc).to.include({ status: 'registered', summary: 'Щодо освітлення вулиці Паркової' });
    });
  });
});
