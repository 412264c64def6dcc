/**
 * The sender's control on the department's pages (issue 18): a document the sender put under
 * control is on control from registration with no executor — the card, the weekly plan and the
 * discipline report say «виконавця не призначено» — and the head's resolution names the executors
 * on that same card. Chromium, real PostgreSQL.
 */
import { expect } from 'chai';
import { expectAccessible, screenshot } from '../support/browser';
import { call } from '../support/http';
import { asPerson, register, startWorld, type World } from './world';

type Json = any;

describe('web pages: control set by the sender (Chromium, real PostgreSQL)', function () {
  this.timeout(60_000);
  let w: World;
  let doc: Json;

  before(async () => {
    w = await startWorld('web_sender_control');
    doc = await register(w, {
      source: 'oblast', kind: 'higher-authority-document', summary: 'Про стан готовності захисних споруд', dueDate: '2026-03-13',
      correspondent: { name: 'Обласна військова адміністрація', edrpou: '00022473' },
      senderControl: {
        term: '2026-03-13', task: 'Надати інформацію про стан укриттів', taskNumber: '14-З/77', taskDate: '2026-03-05',
        sender: { name: 'Обласна військова адміністрація', edrpou: '00022473' },
      },
    });
  });
  after(async () => w?.close());

  it('before the resolution: the card, the weekly plan and the discipline report show «виконавця не призначено»', async () => {
    await asPerson(w, 'mayor', `/documents/${doc.id}`, async (page) => {
      const article = page.getByRole('article', { name: 'Контроль відправника: Надати інформацію про стан укриттів' });
      await article.waitFor();
      const text = await article.innerText();
      expect(text).to.contain('виконавця не призначено').and.contain('Обласна військова адміністрація (відправник)')
        .and.contain('Обласна військова адміністрація, завдання № 14-З/77 від 05.03.2026; строк відправника 13.03.2026');
      // Nobody executes or releases a card with no executor: its actions wait for the resolution.
      expect(await article.locator('summary').allInnerTexts()).to.deep.equal([]);
      await page.locator('summary', { hasText: 'Резолюція на контрольне завдання відправника (призначити виконавців)' }).waitFor();
      await expectAccessible(page, 'картка контролю відправника');
      await screenshot(page, 'sender-control-card');
    });
    await asPerson(w, 'mayor', '/control?view=weekly', async (page) => {
      await page.getByRole('status').filter({ hasText: 'виконавців: 0; виконавця не призначено — 1 картка.' }).waitFor();
      expect(await page.locator('section.executor-group h3').allInnerTexts()).to.deep.equal(['виконавця не призначено: 1 картка']);
      const row = page.getByRole('row').filter({ hasText: 'Надати інформацію про стан укриттів' });
      expect(await row.innerText()).to.contain('виконавця не призначено').and.contain('13.03.2026');
    });
    await asPerson(w, 'mayor', '/discipline?from=2026-03-01&to=2026-03-31', async (page) => {
      const row = page.getByRole('row').filter({ hasText: 'виконавця не призначено' }).first();
      await row.waitFor();
      await row.getByRole('link', { name: 'виконавця не призначено: у роботі — 1' }).click();
      await page.getByRole('heading', { name: 'Картки: виконавця не призначено, у роботі' }).waitFor();
      await page.getByRole('row').filter({ hasText: 'Надати інформацію про стан укриттів' }).waitFor();
    });
  });

  it('the head\'s resolution names the executors on that same card, the term the sender\'s', async () => {
    await asPerson(w, 'mayor', `/documents/${doc.id}`, async (page) => {
      const title = 'Резолюція на контрольне завдання відправника (призначити виконавців)';
      await page.locator('summary', { hasText: title }).click();
      const form = page.getByRole('form', { name: title });
      expect(await form.innerText()).to.contain('Строк відправника — 13.03.2026; резолюція може встановити лише раніший.');
      await form.getByLabel('Виконавці (через кому, першим — відповідальний)').fill('housing-dept');
      await form.getByRole('textbox', { name: /^Завдання/ }).fill('Підготувати інформацію');
      await form.getByRole('button', { name: 'Зберегти' }).click();
      const article = page.getByRole('article', { name: 'Резолюція № 1: Надати інформацію про стан укриттів; резолюція: Підготувати інформацію' });
      await article.getByText('Працівник housing-dept (відповідальний)', { exact: false }).waitFor();
      expect(await article.innerText()).to.contain('13.03.2026').and.not.contain('виконавця не призначено');
      expect(await page.getByRole('article').count()).to.equal(1);
    });
    const cards = (await call(w.hub, 'GET', `/api/v1/documents/${doc.id}/control`)).json.items as Json[];
    expect(cards.map((c) => [c.executors, c.term, c.author, c.version])).to.deep.equal([[['housing-dept'], '2026-03-13', 'mayor', 2]]);
  });
});
