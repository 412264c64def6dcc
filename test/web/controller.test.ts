/**
 * The controller's journey (issue 15): a resolution puts a letter under control with the legal term
 * and its basis; a release before execution is refused and the page shows the rule's Ukrainian
 * message and basis; the executor executes with an answer on the merits; the controller releases.
 * The weekly plan-schedule (003 §165) by executor, printable and exported. Chromium, real PostgreSQL.
 */
import { expect } from 'chai';
import { expectAccessible, screenshot, signIn } from '../support/browser';
import { call } from '../support/http';
import { headerNames } from '../support/xlsx';
import { asPerson, downloaded, NOW, register, resolve, startWorld, type World } from './world';
import type { Page } from 'playwright-core';

type Json = any;

async function action(page: Page, card: string, title: string): Promise<ReturnType<Page['getByRole']>> {
  const article = page.getByRole('article', { name: card });
  await article.locator('summary', { hasText: title }).click();
  return article.getByRole('form', { name: title });
}

describe('web pages: the controller\'s journey (Chromium, real PostgreSQL)', function () {
  this.timeout(60_000);
  let w: World;

  before(async () => {
    w = await startWorld('web_controller');
  });
  after(async () => w?.close());

  it('resolution → a refused release shows the rule → execution with the answer → release', async () => {
    const letter = await register(w, { summary: 'Щодо ремонту дороги на вул. Шевченка', correspondent: { name: 'ОСББ «Шевченка, 12»', edrpou: '39876543' } });
    await asPerson(w, 'mayor', `/documents/${letter.id}`, async (page) => {
      const resolution = page.getByRole('form', { name: 'Нова резолюція (поставити на контроль)' });
      await page.locator('summary', { hasText: 'Нова резолюція' }).click();
      await resolution.getByLabel('Виконавці (через кому, першим — відповідальний)').fill('housing-dept, education-dept');
      await resolution.getByRole('textbox', { name: /^Завдання/ }).fill('Обстежити дорогу та надати відповідь заявникам');
      await resolution.getByRole('button', { name: 'Зберегти' }).click();
      const cardTitle = 'Резолюція № 1: Обстежити дорогу та надати відповідь заявникам';
      const article = page.getByRole('article', { name: cardTitle });
      await article.waitFor();
      // people's names come from the staff directory, read once per session: the card may be drawn first
      await article.getByText('Працівник housing-dept (відповідальний)', { exact: false }).waitFor();
      // 003 §178: a letter with a task is due one month from registration (10.03 → 10.04).
      expect(await article.innerText()).to.contain('10.04.2026').and.contain('п. 178').and.contain('Працівник housing-dept (відповідальний), Працівник education-dept');

      const release = await action(page, cardTitle, 'Зняти з контролю');
      await release.getByRole('button', { name: 'Зберегти' }).click();
      const refusal = release.getByRole('alert');
      await refusal.waitFor();
      expect(await refusal.innerText()).to.contain('Зняти з контролю можна лише виконаний документ із відповіддю по суті')
        .and.contain('Підстава: 003 §118, §160').and.contain('RELEASE_WITHOUT_ANSWER');
      await screenshot(page, 'control-refused-release');
      await expectAccessible(page, 'картка з відмовою');

      await page.getByRole('button', { name: 'Вийти' }).click();
      await signIn(page, w.hub.url!, w.tokens['housing-dept']!, `/documents/${letter.id}`);
      const execution = await action(page, cardTitle, 'Виконання з відповіддю');
      await execution.getByLabel('Зміст відповіді').fill('Дорогу обстежено, ремонт включено до плану на квітень');
      await execution.getByLabel('Вихідний індекс відповіді').fill('05-12/301');
      await execution.getByLabel('Питання вирішено, відповідь по суті (п. 160)').check();
      await execution.getByRole('button', { name: 'Зберегти' }).click();
      await page.getByRole('article', { name: cardTitle }).getByText('виконано', { exact: true }).waitFor();
      expect(await page.getByRole('article', { name: cardTitle }).innerText()).to.contain('Виконано 10.03.2026 (Працівник housing-dept): Дорогу обстежено, ремонт включено до плану на квітень, вих. № 05-12/301');

      await page.getByRole('button', { name: 'Вийти' }).click();
      await signIn(page, w.hub.url!, w.tokens.mayor!, `/documents/${letter.id}`);
      const again = await action(page, cardTitle, 'Зняти з контролю');
      await again.getByLabel('Підстава зняття').fill('Виконано, відповідь надано');
      await again.getByRole('button', { name: 'Зберегти' }).click();
      await page.getByRole('article', { name: cardTitle }).getByText('знято з контролю', { exact: true }).waitFor();
      await page.getByRole('region', { name: 'Реєстрація' }).getByText('знято з контролю').waitFor();
      await screenshot(page, 'control-released');

      const cards = (await call(w.hub, 'GET', `/api/v1/documents/${letter.id}/control`)).json.items as Json[];
      expect(cards.map((c: Json) => [c.status, c.releasedBy, c.execution?.by])).to.deep.equal([['released', 'mayor', 'housing-dept']]);
      const log = (await call(w.hub, 'GET', `/api/v1/audit/log?documentId=${letter.id}`)).json.items as Json[];
      expect(log.map((e: Json) => [e.action, e.actor])).to.deep.equal([['control.assigned', 'mayor'], ['control.executed', 'housing-dept'], ['control.released', 'mayor']]);
    });
  });

  it('the weekly plan-schedule (003 §165) by executor: this week\'s terms, printable, exported as XLSX', async () => {
    w.clock.set('2026-03-02T09:00:00Z');
    for (const [executor, term] of [['housing-dept', '2026-03-11'], ['education-dept', '2026-03-13'], ['housing-dept', '2026-03-20']] as const) {
      const doc = await register(w, { summary: `Лист для плану ${executor} ${term}` });
      await resolve(w, doc.id, { executors: [executor], task: `Завдання зі строком ${term}`, term });
    }
    w.clock.set(NOW);
    await asPerson(w, 'mayor', '/control?view=weekly', async (page) => {
      await page.getByRole('heading', { name: 'План-графік на тиждень 09.03.2026 – 15.03.2026 (п. 165)' }).waitFor();
      await page.getByRole('status').filter({ hasText: '2 картки зі строком цього тижня, виконавців: 2.' }).waitFor();
      const groups = page.locator('section.executor-group h3');
      await groups.filter({ hasText: 'Працівник education-dept' }).waitFor();
      expect(await groups.allInnerTexts()).to.deep.equal(['Працівник education-dept: 1 картка', 'Працівник housing-dept: 1 картка']);
      await page.getByRole('button', { name: 'Друкувати' }).waitFor();
      await screenshot(page, 'control-weekly');
      await expectAccessible(page, 'тижневий план-графік');
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('navigation', { name: 'Розділи' }).isVisible()).to.equal(false);
      await page.emulateMedia({ media: 'screen' });

      const download = await downloaded(page, 'Завантажити план-графік у XLSX');
      expect(download.name).to.match(/^control-list.*\.xlsx$/);
      const sheet = await download.sheet();
      expect(headerNames(sheet)).to.include('Виконавці');
      expect(sheet.rowCount - 3).to.equal(2);
    });
  });
});
