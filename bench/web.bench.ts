import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import type { Bench } from './main';
import { machine } from './support';
import { launchBrowser, openPage, signIn } from '../test/support/browser';
import { startTestHub } from '../test/support/hub';
import { bearer, personToken } from '../test/support/identity';
import { createTestDatabase } from '../test/support/pg';
import { fixedClock } from '../src/domain/clock';
import type { Db } from '../src/store';

const DOCUMENTS = Number(process.env.BENCH_WEB_DOCUMENTS ?? 100_000);
const OPEN_CARDS = Number(process.env.BENCH_WEB_OPEN_CARDS ?? 20_000);
const CLOSED_CARDS = Number(process.env.BENCH_WEB_CLOSED_CARDS ?? 30_000);
const LOG = Number(process.env.BENCH_WEB_LOG ?? 200_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const EXECUTORS = 40;
const NOW = '2026-03-10T09:00:00Z';

/**
 * The department's pages at a council's size (issue 15): DOCUMENTS registered letters (2026, some
 * today), OPEN_CARDS cards under control (terms January–June, so thousands overdue) and CLOSED_CARDS
 * executed or released, LOG control-log entries, filled in SQL on the hub's own migrated database.
 * Then Chromium (as the tests drive it) opens each page the way a person does — a click that
 * changes the address — and the time until the page is usable (its table, figures or chart shown)
 * is the median of RUNS. Beside it, the same page's API call from Node: what the browser adds.
 */
async function fill(db: Db): Promise<void> {
  const started = Date.now();
  const card = (i: string, status: string, term: string) => `jsonb_build_object(
      'id', md5('c' || ${i})::uuid, 'documentId', md5('d' || ${i})::uuid, 'resolutionNo', 1, 'version', 1, 'author', 'mayor', 'controller', 'mayor', 'termSetBy', 'mayor',
      'executors', jsonb_build_array('executor-' || (${i} % ${EXECUTORS})), 'task', 'Розглянути та поінформувати', 'resolutionDate', date '2026-01-02',
      'rule', 'letter', 'basis', 'Регламент виконкому (003), п. 178', 'term', ${term}, 'originalTerm', ${term}, 'reminderOn', ${term} - 3,
      'coExecutorsDue', NULL, 'extensionDeadline', ${term} - 3, 'appealReceivedOn', NULL, 'status', '${status}', 'interimAnswers', '[]'::jsonb,
      'pendingExtension', NULL, 'extensions', '[]'::jsonb, 'execution', NULL, 'releasedAt', NULL, 'releasedBy', NULL, 'releasedStandingInFor', NULL)`;
  await db.exec(`
    INSERT INTO documents (id, source, external_id, kind, status, summary, correspondent, outgoing, received_at, payload_sha256,
                           reg_journal, reg_year, reg_number, reg_index, reg_date, reg_case)
    SELECT md5('d' || i)::uuid, 'bench', 'b-' || i, 'official-letter',
           CASE WHEN i <= ${OPEN_CARDS} THEN 'under-control' WHEN i <= ${OPEN_CARDS + CLOSED_CARDS} THEN 'executed' ELSE 'registered' END,
           'Лист № ' || i || ' щодо благоустрою території', jsonb_build_object('name', 'ТОВ «Підрядник ' || (i % 700) || '»', 'edrpou', lpad((30000000 + i % 700)::text, 8, '0')),
           jsonb_build_object('number', i || '/1', 'date', '2026-01-02'),
           CASE WHEN i % 2000 = 0 THEN timestamptz '${NOW}' - interval '1 hour' ELSE timestamptz '2026-01-02 08:00+02' + (i % 67) * interval '1 day' END, 'x',
           'incoming', 2026, 100000 + i, '01-07/' || (100000 + i), date '2026-01-02' + (i % 67), '01-07'
      FROM generate_series(1, ${DOCUMENTS}) AS i;
    INSERT INTO control_cards (id, document_id, resolution_no, responsible, status, term, reminder_on, executed_on, card)
    SELECT md5('c' || i)::uuid, md5('d' || i)::uuid, 1, 'executor-' || (i % ${EXECUTORS}), 'under-control',
           date '2026-01-15' + (i % 170), date '2026-01-12' + (i % 170), NULL, ${card('i', 'under-control', "(date '2026-01-15' + (i % 170))")}
      FROM generate_series(1, ${OPEN_CARDS}) AS i;
    INSERT INTO control_cards (id, document_id, resolution_no, responsible, status, term, reminder_on, executed_on, card)
    SELECT md5('c' || i)::uuid, md5('d' || i)::uuid, 1, 'executor-' || (i % ${EXECUTORS}), 'executed',
           date '2026-01-15' + (i % 50), date '2026-01-12' + (i % 50), date '2026-01-15' + (i % 50) + (i % 5) - 3, ${card('i', 'executed', "(date '2026-01-15' + (i % 50))")}
      FROM generate_series(${OPEN_CARDS + 1}, ${OPEN_CARDS + CLOSED_CARDS}) AS i;
    INSERT INTO audit_log (at, actor, action, document_id, before, after, reason, prev_hash, hash)
    SELECT timestamptz '2026-01-02' + i * interval '20 seconds', 'executor-' || (i % ${EXECUTORS}),
           (ARRAY['control.assigned','control.interim','control.executed','control.released'])[1 + i % 4],
           md5('d' || (1 + i % ${DOCUMENTS}))::uuid, '{"term":"2026-02-01"}', '{"term":"2026-02-15"}', NULL,
           md5('p' || i) || md5('q' || i), md5('h' || i) || md5('k' || i)
      FROM generate_series(1, ${LOG}) AS i;
    INSERT INTO staff (id, full_name, position, subdivision)
    SELECT 'executor-' || i, 'Виконавець ' || i, 'начальник відділу', 'Підрозділ ' || (i % 8) FROM generate_series(0, ${EXECUTORS - 1}) AS i
    ON CONFLICT (id) DO NOTHING;
    ANALYZE documents; ANALYZE control_cards; ANALYZE audit_log;`);
  console.log(`filled ${DOCUMENTS} documents, ${OPEN_CARDS} open and ${CLOSED_CARDS} executed cards, ${LOG} log entries in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

interface PageCase {
  label: string;
  hash: string;
  /** What shows the page is usable. */
  ready: (page: Page) => Promise<unknown>;
  /** The page's main API call, timed from Node. */
  api: string;
}

const table = (name: string) => (page: Page) => page.getByRole('table', { name }).waitFor();

const CASES: PageCase[] = [
  { label: 'Сьогодні', hash: '/', api: '/api/v1/dashboard/today', ready: async (p) => Promise.all([p.getByRole('list', { name: 'Показники дня' }).waitFor(), table('Прострочені контрольні картки, найдавніші першими')(p)]) },
  { label: 'Документи (перша сторінка)', hash: '/documents', api: '/api/v1/documents', ready: table('Документи, новіші першими') },
  { label: 'Документи: пошук «Лист № 9999»', hash: '/documents?q=Лист%20№%209999%20', api: '/api/v1/documents?q=Лист%20№%209999%20', ready: table('Документи, новіші першими') },
  // The separate fields (issue 15): one index, one correspondent of 700 (≈ 143 letters), one outgoing number.
  { label: 'Документи: індекс «01-07/109999»', hash: '/documents?index=01-07%2F109999', api: '/api/v1/documents?index=01-07%2F109999', ready: table('Документи, новіші першими') },
  { label: 'Документи: кореспондент «Підрядник 123»', hash: '/documents?correspondent=Підрядник%20123', api: '/api/v1/documents?correspondent=Підрядник%20123', ready: table('Документи, новіші першими') },
  { label: 'Документи: вихідний № «9999/1»', hash: '/documents?outgoingNumber=9999%2F1', api: '/api/v1/documents?outgoingNumber=9999%2F1', ready: table('Документи, новіші першими') },
  { label: 'Картка документа', hash: `/documents/DOC`, api: '/api/v1/documents/DOC', ready: (p) => p.getByRole('heading', { name: 'Хід виконання' }).waitFor() },
  { label: 'Контроль: щоденний перелік', hash: '/control', api: '/api/v1/control', ready: table('Щоденний перелік контрольних карток') },
  { label: 'Контроль: прострочені', hash: '/control?overdue=true', api: '/api/v1/control?overdue=true', ready: table('Прострочені контрольні картки') },
  { label: 'Контроль: тижневий план-графік', hash: '/control?view=weekly&week=2026-03-09', api: '/api/v1/control?status=under-control&dueFrom=2026-03-09&dueBefore=2026-03-15&limit=1000', ready: (p) => p.locator('section.executor-group').first().waitFor() },
  { label: 'Звернення: звіт за квартал', hash: '/appeals?year=2026&q=1', api: '/api/v1/reports/appeals?from=2026-01-01&to=2026-03-31', ready: (p) => p.getByRole('list', { name: 'Підсумки' }).waitFor() },
  { label: 'Виконавська дисципліна', hash: '/discipline?from=2026-01-01&to=2026-03-31', api: '/api/v1/reports/discipline?from=2026-01-01&to=2026-03-31', ready: (p) => Promise.all([table('За підрозділами')(p), p.locator('canvas[data-drawn="true"]').waitFor()]) },
  { label: 'Карантин', hash: '/quarantine', api: '/api/v1/quarantine', ready: (p) => p.getByRole('status').filter({ hasText: 'На сторінці' }).waitFor() },
  { label: 'Журнал контролю', hash: '/audit', api: '/api/v1/audit/log?limit=200', ready: table('Записи журналу контролю, давніші першими') },
  { label: 'Журнал контролю: одна особа', hash: '/audit?actor=executor-7', api: '/api/v1/audit/log?actor=executor-7&limit=200', ready: table('Записи журналу контролю, давніші першими') },
  { label: 'Журнал контролю: документ за індексом', hash: '/audit?documentIndex=01-07%2F100007', api: '/api/v1/audit/log?documentIndex=01-07%2F100007&limit=200', ready: table('Записи журналу контролю, давніші першими') },
];

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export const bench: Bench = {
  name: 'web',
  async run() {
    const testDb = await createTestDatabase('benchweb');
    const hub = await startTestHub({ databaseUrl: testDb.url }, { clock: fixedClock(NOW), scheduler: false });
    const browser = await launchBrowser();
    try {
      await fill(hub.db);
      const token = await personToken(hub.db, 'bench-clerk', ['registrar', 'controller', 'appeals-officer', 'auditor']);
      const auth = bearer(token);
      const docId = (await hub.db.query<{ id: string }>("SELECT md5('d7')::uuid AS id"))[0]!.id;
      const { page } = await openPage(browser, { now: NOW });
      page.setDefaultTimeout(30_000);
      const coldStart = performance.now();
      await page.goto(`${hub.url}/`);
      await page.getByLabel('Токен доступу').waitFor();
      const cold = performance.now() - coldStart;
      await signIn(page, hub.url!, token, '/audit');
      console.log(`machine: ${machine()}; ${RUNS} runs each, median ms`);
      console.log(`first load of the page (HTML, script, style) to the sign-in form: ${cold.toFixed(0)} ms`);
      console.log(['page', 'usable, ms', 'its API call from Node, ms', 'ratio', 'within 1 s'].join(' | '));
      for (const c of CASES) {
        const hash = c.hash.replace('DOC', docId);
        const browserMs: number[] = [];
        const apiMs: number[] = [];
        for (let run = 0; run < RUNS; run++) {
          // From a page that shows nothing heavy, as a person comes from another section.
          await page.evaluate("location.hash = '#/documents/00000000-0000-0000-0000-000000000000'");
          await page.getByRole('alert').waitFor();
          const t0 = performance.now();
          await page.evaluate(`location.hash = ${JSON.stringify(`#${hash}`)}`);
          await c.ready(page);
          browserMs.push(performance.now() - t0);
          const a0 = performance.now();
          const res = await fetch(`${hub.url}${c.api.replace('DOC', docId)}`, { headers: auth });
          await res.arrayBuffer();
          apiMs.push(performance.now() - a0);
        }
        const b = median(browserMs);
        const a = median(apiMs);
        console.log([c.label, b.toFixed(0), a.toFixed(0), (b / a).toFixed(1), b <= 1000 ? 'так' : 'НІ'].join(' | '));
      }
    } finally {
      await browser.close();
      await hub.close();
      await testDb.drop();
    }
  },
};
