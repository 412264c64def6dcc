/**
 * The morning journey (issue 15): a clerk signs in, reads «Сьогодні», opens an overdue card from
 * its number and gives an interim answer; the document card shows registration, case, attachments
 * (the PDF in the page) and control; «Документи» searches and exports; all in Chromium on a hub
 * with the real PostgreSQL, at 1366×768 and on a phone, by keyboard, with no serious axe violation.
 */
import { expect } from 'chai';
import { expectAccessible, inPage, openPage, screenshot } from '../support/browser';
import { call } from '../support/http';
import { bearer } from '../support/identity';
import { asPerson, downloaded, NOW, register, seedControl, startWorld, type World } from './world';

type Json = any;

describe('web pages: the morning journey (Chromium, real PostgreSQL)', function () {
  this.timeout(60_000);
  let w: World;
  let seeded: Awaited<ReturnType<typeof seedControl>>;

  before(async () => {
    w = await startWorld('web_morning');
    seeded = await seedControl(w);
  });
  after(async () => w?.close());

  it('sign in → Сьогодні → an overdue card from its number → interim answer, saved and in the timeline', async () => {
    await asPerson(w, 'housing-dept', '/', async (page) => {
      const figures = page.getByRole('list', { name: 'Показники дня' });
      await figures.waitFor();
      // 3 overdue cards (two of housing-dept's, one of education's), 1 due by 13.03, 3 registered today (two journals).
      // Nothing in quarantine; the plural forms follow the numbers.
      expect((await figures.getByRole('link').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())).to.deep.equal([
        '3 картки прострочено', '1 картка строк спливає до 13.03.2026 (3 робочі дні, п. 117)', '3 документи зареєстровано сьогодні', '0 вхідних повідомлень чекають у карантині',
      ]);
      await page.getByRole('link', { name: /Документи органів вищого рівня: 1 документ/ }).waitFor();
      await page.getByRole('link', { name: /Вхідна кореспонденція: 2 документи/ }).waitFor();
      await screenshot(page, 'today');
      await expectAccessible(page, 'Сьогодні');

      await figures.getByRole('link', { name: /прострочено/ }).click();
      await page.getByRole('heading', { name: 'Контроль', level: 1 }).waitFor();
      const overdueTable = page.getByRole('table', { name: 'Прострочені контрольні картки' });
      await overdueTable.waitFor();
      const rows = overdueTable.locator('tbody tr');
      expect(await rows.count()).to.equal(3);
      expect(await rows.first().innerText()).to.contain('12.02.2026');
      await screenshot(page, 'control-overdue');

      await rows.filter({ hasText: 'Щодо ремонту покрівлі школи № 3' }).getByRole('link').click();
      await page.getByRole('heading', { name: 'Документ 01-07/1' }).waitFor();
      await page.getByText('Обстежити покрівлю').first().waitFor();
      await page.getByRole('group').filter({ hasText: 'Проміжна відповідь' }).first().locator('summary').click();
      await page.getByLabel('Текст проміжної відповіді').fill('Обстеження покрівлі проведено, готуємо кошторис');
      await page.getByRole('form', { name: 'Проміжна відповідь' }).getByRole('button', { name: 'Зберегти' }).click();
      await page.getByRole('status').filter({ hasText: 'Збережено.' }).waitFor();
      await page.getByText('Проміжна відповідь (Працівник housing-dept): Обстеження покрівлі проведено, готуємо кошторис').waitFor();

      const cards = (await call(w.hub, 'GET', `/api/v1/documents/${seeded.pdfDoc.id}/control`)).json.items as Json[];
      expect(cards[0].interimAnswers.map((a: Json) => [a.by, a.text])).to.deep.equal([['housing-dept', 'Обстеження покрівлі проведено, готуємо кошторис']]);
      expect(cards[0].status).to.equal('under-control');
    });
  });

  it('the morning figures follow the caller: an executor counts their own cards and sees no journals or quarantine', async () => {
    const executor = (await call(w.hub, 'GET', '/api/v1/dashboard/today', undefined, bearer(w.tokens['education-dept']!))).json as Json;
    // education-dept is responsible for one overdue card (a co-executor on another: not theirs to answer for).
    expect(executor).to.deep.equal({ today: '2026-03-10', dueSoonUntil: '2026-03-13', overdue: 1, dueSoon: 0, registeredToday: [], quarantineOpen: null });
    const clerk = (await call(w.hub, 'GET', '/api/v1/dashboard/today', undefined, bearer(w.tokens['housing-dept']!))).json as Json;
    expect(clerk).to.deep.include({ overdue: 3, dueSoon: 1, quarantineOpen: 0 });
    expect(clerk.registeredToday).to.deep.equal([{ journal: 'higher-authority', count: 1 }, { journal: 'incoming', count: 2 }]);
    // «Due soon» opens the list from today to that date: the overdue ones before it are not on it (dueFrom).
    const soon = (await call(w.hub, 'GET', `/api/v1/control?status=under-control&dueFrom=${clerk.today}&dueBefore=${clerk.dueSoonUntil}`)).json as Json;
    expect(soon.items.map((c: Json) => c.term)).to.deep.equal(['2026-03-12']);
  });

  it('the document card: registration with the case from the nomenclature, correspondent, the PDF shown in the page, the other attachment downloaded', async () => {
    await asPerson(w, 'housing-dept', `/documents/${seeded.pdfDoc.id}`, async (page) => {
      const reg = page.getByRole('region', { name: 'Реєстрація' });
      await reg.getByText('Вхідна кореспонденція').waitFor();
      await reg.getByText(/^01-07 — /).waitFor();
      expect(await reg.innerText()).to.contain('12.01.2026');
      await page.getByRole('region', { name: 'Кореспондент' }).getByText('№ 12/3-45 від 08.01.2026').waitFor();
      await page.getByRole('button', { name: 'Переглянути' }).click();
      const frame = page.locator('iframe.pdf');
      await frame.waitFor();
      expect(await frame.getAttribute('src')).to.match(/^blob:/);
      expect(await frame.getAttribute('title')).to.equal('Перегляд: lyst-12-3-45.pdf');
      await screenshot(page, 'document-card');
      await expectAccessible(page, 'картка документа');

      const download = await downloaded(page, page.getByRole('listitem').filter({ hasText: 'koshtorys.csv' }).getByRole('button', { name: 'Завантажити' }));
      expect(download.name).to.equal('koshtorys.csv');
      expect(download.text()).to.equal('позиція;сума\nпокрівля;120000\n');
    });
  });

  it('Документи: search, the list the API returns, exported as CSV in the same query', async () => {
    await asPerson(w, 'housing-dept', '/documents', async (page) => {
      await page.getByLabel('Пошук', { exact: true }).fill('покрівлі');
      await page.getByRole('button', { name: 'Показати' }).click();
      await page.getByRole('status').filter({ hasText: 'На сторінці 1 документ.' }).waitFor();
      const table = page.getByRole('table', { name: 'Документи, новіші першими' });
      expect(await table.locator('tbody tr').first().innerText()).to.contain('ТОВ «Будсервіс-Поділля»');
      await screenshot(page, 'documents');
      await expectAccessible(page, 'Документи');
      const download = await downloaded(page, 'Завантажити реєстр документів у CSV');
      expect(download.name).to.match(/^documents.*\.csv$/);
      const csv = download.text();
      expect(csv.charCodeAt(0)).to.equal(0xfeff);
      expect(csv).to.contain('Щодо ремонту покрівлі школи № 3');
      expect(csv.split('\n').filter(Boolean)).to.have.length(2);
    });
  });

  it('Документи: the index, outgoing number, correspondent and journal fields, by keyboard, give the API\'s list and its CSV', async () => {
    // Two letters of a water company received last week: numbers 02-14/118 and 02-14/1180.
    w.clock.set('2026-03-06T09:00:00Z');
    const water = { name: 'КП «Міськводоканал»', edrpou: '03341316' };
    const cut = await register(w, { summary: 'Про відключення водопостачання', correspondent: water, outgoing: { number: '02-14/118', date: '2026-03-05' } });
    w.clock.set('2026-03-06T09:05:00Z');
    const flush = await register(w, { summary: 'Про графік промивки мереж', correspondent: water, outgoing: { number: '02-14/1180', date: '2026-03-05' } });
    w.clock.set(NOW);
    const api = async (query: string) => ((await call(w.hub, 'GET', `/api/v1/documents?${query}`)).json.items as Json[]).map((d) => d.id);
    await asPerson(w, 'housing-dept', '/documents', async (page) => {
      const rows = page.getByRole('table', { name: 'Документи, новіші першими' }).locator('tbody tr');
      const shownIndexes = async () => (await rows.allInnerTexts()).map((t) => t.split('\t')[0]!.trim());
      // By keyboard: the fields in the order read, Enter sends the form.
      await page.getByLabel('Вихідний номер').focus();
      await page.keyboard.type('02-14/118');
      await page.keyboard.press('Tab');
      expect(await inPage(page, 'document.activeElement.name')).to.equal('correspondent');
      await page.keyboard.type('міськводоканалу');
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'На сторінці 1 документ.' }).waitFor();
      expect(await inPage(page, 'location.hash')).to.contain('outgoingNumber=02-14%2F118').and.contain('correspondent=');
      expect(await api(`outgoingNumber=${encodeURIComponent('02-14/118')}&correspondent=${encodeURIComponent('міськводоканалу')}`)).to.deep.equal([cut.id]);
      expect(await shownIndexes()).to.deep.equal([cut.registration.index]);
      expect(await page.getByLabel('Кореспондент').getAttribute('aria-describedby')).to.be.a('string');
      await page.getByText('Назва організації (прізвища громадян — лише з доступом до персональних даних)').waitFor();
      await expectAccessible(page, 'Документи: пошук за полями');

      // The index alone; then the journal with the correspondent (the number cleared).
      await page.getByLabel('Вихідний номер').fill('');
      await page.getByLabel('Кореспондент').fill('');
      await page.getByLabel('Реєстраційний індекс').fill(flush.registration.index);
      await page.getByRole('button', { name: 'Показати' }).click();
      await rows.first().getByRole('cell', { name: flush.registration.index, exact: true }).waitFor();
      expect(await shownIndexes()).to.deep.equal([flush.registration.index]);
      await page.getByLabel('Реєстраційний індекс').fill('');
      await page.getByLabel('Кореспондент').fill('Міськводоканал');
      await page.getByLabel('Журнал').selectOption('incoming');
      await page.getByRole('button', { name: 'Показати' }).click();
      await page.getByRole('status').filter({ hasText: 'На сторінці 2 документи.' }).waitFor();
      expect(await shownIndexes()).to.deep.equal([flush.registration.index, cut.registration.index]);
      const csv = (await downloaded(page, 'Завантажити реєстр документів у CSV')).text();
      expect(csv.trim().split('\n')).to.have.length(3);
      expect(csv).to.contain('02-14/1180').and.contain('Про відключення водопостачання');
      await page.getByLabel('Журнал').selectOption('higher-authority');
      await page.getByRole('button', { name: 'Показати' }).click();
      await page.getByText('Нічого не знайдено.').waitFor();
    });
  });

  it('on a phone: Сьогодні fits the screen; by keyboard the skip link leads to the content and the sections are reachable', async () => {
    await asPerson(w, 'housing-dept', '/', async (page) => {
      await page.getByRole('list', { name: 'Показники дня' }).waitFor();
      expect(await inPage(page, 'document.documentElement.scrollWidth <= window.innerWidth')).to.equal(true);
      await screenshot(page, 'today-phone');
      await expectAccessible(page, 'Сьогодні на телефоні');
    }, { phone: true });
    // By keyboard alone: the skip link first, the token, then a section from the navigation.
    const desk = await openPage(w.browser, { now: NOW });
    try {
      await desk.page.goto(`${w.hub.url}/`);
      await desk.page.getByLabel('Токен доступу').waitFor();
      await desk.page.keyboard.press('Tab');
      expect(await inPage(desk.page, 'document.activeElement.textContent')).to.equal('Перейти до змісту');
      await desk.page.keyboard.press('Enter');
      expect(await inPage(desk.page, 'document.activeElement.id')).to.equal('main');
      await desk.page.keyboard.press('Tab');
      expect(await inPage(desk.page, 'document.activeElement.name')).to.equal('token');
      await desk.page.keyboard.type(w.tokens['housing-dept']!);
      await desk.page.keyboard.press('Enter');
      await desk.page.getByRole('list', { name: 'Показники дня' }).waitFor();
      await desk.page.getByRole('link', { name: 'Контроль', exact: true }).focus();
      await desk.page.keyboard.press('Enter');
      await desk.page.getByRole('heading', { name: 'Контроль', level: 1 }).waitFor();
      // The page moves the focus in an effect after it renders: wait for it (a timeout fails the test).
      await desk.page.waitForFunction("document.activeElement && document.activeElement.id === 'main'", undefined, { timeout: 5_000 }).catch(() => undefined);
      expect(await inPage(desk.page, 'document.activeElement.id')).to.equal('main');
    } finally {
      await desk.context.close();
    }
  });
});
