/**
 * The auditor's journey (issue 15): the control log filtered by action and person (and by the
 * document's index, a name from the directory, dates, each as the API filters), each entry's
 * before/after, the chain verified with the head hash to record (the same as the API's), the
 * filtered log exported as XLSX; executive discipline per executor and subdivision with its chart
 * and the cards behind a number. Chromium, real PostgreSQL.
 */
import { expect } from 'chai';
import { expectAccessible, inPage, screenshot } from '../support/browser';
import { call } from '../support/http';
import { headerNames } from '../support/xlsx';
import { asPerson, charts, downloaded, seedControl, startWorld, type World } from './world';

type Json = any;

describe('web pages: the auditor\'s journey (Chromium, real PostgreSQL)', function () {
  this.timeout(60_000);
  let w: World;
  let seeded: Awaited<ReturnType<typeof seedControl>>;

  before(async () => {
    w = await startWorld('web_auditor');
    seeded = await seedControl(w);
  });
  after(async () => w?.close());

  it('filters the log, shows before → after, verifies the chain with its head hash, exports the filtered log as XLSX', async () => {
    await asPerson(w, 'auditor-1', '/audit', async (page) => {
      await page.getByLabel('Дія').selectOption('control.assigned');
      await page.getByLabel('Хто').fill('mayor');
      await page.getByRole('button', { name: 'Показати' }).click();
      await page.getByRole('status').filter({ hasText: 'На сторінці 5 записів.' }).waitFor();
      const rows = page.getByRole('table', { name: 'Записи журналу контролю, давніші першими' }).locator(':scope > tbody > tr');
      // names come from the staff directory, read once per session: the rows may be drawn first
      await rows.first().getByText('Працівник mayor').waitFor();
      expect(await rows.count()).to.equal(5);
      for (const text of await rows.allInnerTexts()) expect(text).to.contain('поставлено на контроль').and.contain('Працівник mayor');
      await rows.first().locator('summary').click();
      const changes = rows.first().locator('table.changes');
      expect(await changes.innerText()).to.match(/status\s+—\s+"?under-control/);

      await page.getByRole('button', { name: 'Перевірити ланцюжок' }).click();
      const verdict = page.locator('.verdict');
      await verdict.waitFor();
      const api = (await call(w.hub, 'GET', '/api/v1/audit/verify')).json as Json;
      expect(api.ok).to.equal(true);
      expect(await verdict.innerText()).to.contain('Журнал контролю цілісний').and.contain(`Останній запис № ${api.head.seq}`);
      expect(await verdict.locator('code.hash').innerText()).to.equal(api.head.hash);
      await screenshot(page, 'audit-log');
      await expectAccessible(page, 'Журнал контролю');

      const download = await downloaded(page, 'Завантажити журнал контролю у XLSX');
      expect(download.name).to.match(/^audit-log.*\.xlsx$/);
      const sheet = await download.sheet();
      expect(sheet.getRow(2).getCell(1).text).to.contain('mayor').and.contain('control.assigned');
      expect(headerNames(sheet).length).to.be.greaterThan(5);
      expect(sheet.rowCount - 3).to.equal(5);
    });
  });

  it('filters by the document\'s index, by a person\'s name from the directory, by action and by dates: each the API\'s entries', async () => {
    const api = async (query: string) => ((await call(w.hub, 'GET', `/api/v1/audit/log?limit=200&${query}`)).json.items as Json[]).map((e) => e.seq);
    await asPerson(w, 'auditor-1', '/audit', async (page) => {
      const table = page.getByRole('table', { name: 'Записи журналу контролю, давніші першими' });
      const shown = async () => (await table.locator(':scope > tbody > tr').allInnerTexts()).map((t) => Number(t.split('\t')[0]));
      // The status may still say the previous count (the same «1 запис») while the new page loads:
      // the rows are awaited until they are the API's, and a mismatch that stays fails the test.
      const expectShown = async (expected: number[]) => {
        const until = Date.now() + 5_000;
        let rows = await shown();
        while (JSON.stringify(rows) !== JSON.stringify(expected) && Date.now() < until) {
          await page.waitForTimeout(50);
          rows = await shown();
        }
        expect(rows).to.deep.equal(expected);
      };
      const show = async (count: string) => {
        await page.getByRole('button', { name: 'Показати' }).click();
        await page.getByRole('status').filter({ hasText: `На сторінці ${count}.` }).waitFor();
      };
      // The document by the index on paper (the card's id works too: a link from the card).
      await page.getByLabel('Документ', { exact: true }).fill(seeded.pdfDoc.registration.index);
      await show('1 запис');
      expect(await inPage(page, 'location.hash')).to.contain(`documentIndex=${encodeURIComponent(seeded.pdfDoc.registration.index)}`);
      await expectShown(await api(`documentId=${seeded.pdfDoc.id}`));
      expect(await table.innerText()).to.contain('поставлено на контроль');

      // The person as the auditor knows them: the directory's names are offered, the log's id is asked.
      await page.getByLabel('Документ', { exact: true }).fill('');
      expect(await page.locator('#audit-people option').evaluateAll((o) => o.map((x) => (x as unknown as { value: string }).value))).to.include('Працівник housing-dept');
      await page.getByLabel('Хто').fill('працівник housing-dept');
      await show('1 запис');
      expect(await inPage(page, 'location.hash')).to.contain('actor=housing-dept');
      await expectShown(await api('actor=housing-dept'));
      await table.getByText('виконано').waitFor();

      // February's entries, then only what was executed in it.
      await page.getByLabel('Хто').fill('');
      await page.getByLabel('З', { exact: true }).fill('2026-02-01');
      await page.getByLabel('По', { exact: true }).fill('2026-02-28');
      await show('2 записи');
      await expectShown(await api('from=2026-02-01&to=2026-02-28'));
      await page.getByLabel('Дія').selectOption({ label: 'виконано' });
      await show('1 запис');
      await expectShown(await api('from=2026-02-01&to=2026-02-28&action=control.executed'));
      await expectAccessible(page, 'Журнал контролю з відбором');
    });
  });

  it('Виконавська дисципліна: per executor and subdivision with the chart drawn; a number opens the cards behind it', async () => {
    await asPerson(w, 'auditor-1', '/discipline?from=2026-02-01&to=2026-03-31', async (page) => {
      const byExecutor = page.getByRole('table', { name: 'За виконавцями (число відкриває перелік карток)' });
      await byExecutor.waitFor();
      const housing = byExecutor.locator('tbody tr').filter({ hasText: 'housing-dept' });
      await housing.getByText('Працівник housing-dept').waitFor();
      // housing-dept: 2 overdue (12.02, 20.02), 1 on time (27.02), 1 open (12.03) → 1 of 3 on time.
      expect((await housing.innerText()).split('\t').map((s) => s.trim())).to.deep.equal(['Працівник housing-dept', '4', '1', '0', '2', '1', '33,3 %']);
      const bySub = page.getByRole('table', { name: 'За підрозділами' });
      expect(await bySub.innerText()).to.contain('Житлово-комунальний відділ').and.contain('Відділ освіти');
      const [chart] = await charts(page);
      expect(chart!.drawn).to.equal(true);
      expect(chart!.painted).to.be.greaterThan(1000);
      await screenshot(page, 'discipline');
      await expectAccessible(page, 'Виконавська дисципліна');

      await housing.getByRole('link', { name: 'Працівник housing-dept: прострочено — 2' }).click();
      await page.getByRole('heading', { name: 'Картки: Працівник housing-dept, прострочено' }).waitFor();
      const table = page.getByRole('table', { name: 'Картки виконавця Працівник housing-dept: прострочено' });
      await table.waitFor();
      const cards = table.locator('tbody tr');
      expect(await cards.count()).to.equal(2);
      expect(await cards.allInnerTexts()).to.satisfy((t: string[]) => t[0]!.includes('12.02.2026') && t[1]!.includes('20.02.2026'));
      await expectAccessible(page, 'картки за показником');
    });
  });
});
