/**
 * A council's department as the web tests see it: a hub on its own database of the machine's
 * PostgreSQL with a clock the test moves, the people of the journeys with their personal tokens,
 * and a browser. Data goes in through the API, as the EDMS and clerks put it there.
 */
import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import type { Config } from '../../src/config';
import type { Role } from '../../src/identity';
import { readFileSync } from 'node:fs';
import ExcelJS, { type Worksheet } from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { inPage, openPage, sharedBrowser, signIn } from '../support/browser';
import { ManualClock } from '../support/clock';
import { call } from '../support/http';
import { startTestHub, submission, type TestHub } from '../support/hub';
import { ensureStaff, personToken } from '../support/identity';
import { createTestDatabase, type TestDatabase } from '../support/pg';

type Json = any;

/** Tuesday 10 March 2026, 11:00 in Kyiv: «today» of every web test. */
export const TODAY = '2026-03-10';
export const NOW = '2026-03-10T09:00:00Z';

export const PEOPLE: Record<string, Role[]> = {
  'housing-dept': ['registrar', 'executor'],
  'education-dept': ['executor'],
  mayor: ['controller'],
  'auditor-1': ['auditor'],
  'appeals-1': ['appeals-officer'],
  'clerk-1': ['registrar'],
};

export interface World {
  hub: TestHub;
  clock: ManualClock;
  browser: Browser;
  tokens: Record<string, string>;
  close(): Promise<void>;
}

export async function startWorld(label: string, over: Partial<Config> = {}): Promise<World> {
  const testDb: TestDatabase = await createTestDatabase(label);
  const clock = new ManualClock(NOW);
  const [hub, browser] = await Promise.all([
    startTestHub({ databaseUrl: testDb.url, ...over }, { clock, scheduler: false }),
    sharedBrowser(),
  ]);
  await ensureStaff(hub.db, Object.keys(PEOPLE));
  await hub.db.query("UPDATE staff SET subdivision = 'Житлово-комунальний відділ' WHERE id = 'housing-dept'");
  await hub.db.query("UPDATE staff SET subdivision = 'Відділ освіти' WHERE id = 'education-dept'");
  const tokens: Record<string, string> = {};
  for (const [id, roles] of Object.entries(PEOPLE)) tokens[id] = await personToken(hub.db, id, roles);
  return {
    hub, clock, browser, tokens,
    async close() {
      await hub.close();
      await testDb.drop();
    },
  };
}

/** A one-page PDF, small and valid enough for Chromium's viewer. */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
  '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n' +
  '4 0 obj<</Length 44>>stream\nBT /F1 18 Tf 20 70 Td (Lyst 12/3-45) Tj ET\nendstream endobj\n' +
  '5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

export function attachment(name: string, mediaType: string, content: Buffer): Json {
  return { name, mediaType, contentBase64: content.toString('base64'), sha256: createHash('sha256').update(content).digest('hex') };
}

export async function register(w: World, over: Record<string, unknown> = {}): Promise<Json> {
  const res = await call(w.hub, 'POST', '/api/v1/documents', submission({ receivedAt: w.clock.now().toISOString(), ...over }));
  if (res.status !== 201) throw new Error(`registration: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json;
}

export async function resolve(w: World, docId: string, body: Record<string, unknown>): Promise<Json> {
  const res = await call(w.hub, 'POST', `/api/v1/documents/${docId}/resolutions`, { actor: 'mayor', ...body });
  if (res.status !== 201) throw new Error(`resolution: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json;
}

/**
 * The department's morning: letters under control since January (overdue by March), one due within
 * three working days, one executed on time, and today's registrations in two journals.
 */
export async function seedControl(w: World): Promise<{ overdue: Json[]; dueSoon: Json; today: Json[]; pdfDoc: Json }> {
  w.clock.set('2026-01-12T09:00:00Z');
  const pdfDoc = await register(w, {
    summary: 'Щодо ремонту покрівлі школи № 3', correspondent: { name: 'ТОВ «Будсервіс-Поділля»', edrpou: '41234567' },
    outgoing: { number: '12/3-45', date: '2026-01-08' }, attachments: [attachment('lyst-12-3-45.pdf', 'application/pdf', PDF), attachment('koshtorys.csv', 'text/csv', Buffer.from('позиція;сума\nпокрівля;120000\n'))],
  });
  const second = await register(w, { summary: 'Про стан підготовки до паводку', correspondent: { name: 'Обласна військова адміністрація', edrpou: '00022489' }, kind: 'higher-authority-document' });
  const third = await register(w, { summary: 'Щодо харчування учнів пільгових категорій', correspondent: { name: 'Управління освіти', edrpou: '02147345' } });
  const overdue = [
    await resolve(w, pdfDoc.id, { executors: ['housing-dept'], task: 'Обстежити покрівлю та підготувати відповідь' }),
    await resolve(w, second.id, { executors: ['housing-dept', 'education-dept'], task: 'Підготувати інформацію про заходи', term: '2026-02-20' }),
    await resolve(w, third.id, { executors: ['education-dept'], task: 'Розглянути та поінформувати' }),
  ];
  w.clock.set('2026-02-02T09:00:00Z');
  const done = await register(w, { summary: 'Про графік прийому громадян' });
  const doneCard = await resolve(w, done.id, { executors: ['housing-dept'], task: 'Погодити графік', term: '2026-02-27' });
  w.clock.set('2026-02-20T09:00:00Z');
  await call(w.hub, 'POST', `/api/v1/documents/${done.id}/control/${doneCard.id}/execution`, { actor: 'housing-dept', onMerits: true, answer: { summary: 'Графік погоджено', outgoingIndex: '05-12/77' } });
  w.clock.set('2026-03-05T09:00:00Z');
  const soon = await register(w, { summary: 'Щодо вивезення твердих побутових відходів' });
  const dueSoon = await resolve(w, soon.id, { executors: ['housing-dept'], task: 'Надати пропозиції', term: '2026-03-12' });
  w.clock.set('2026-03-10T07:30:00Z');
  const today = [
    await register(w, { summary: 'Про проведення навчань з цивільного захисту' }),
    await register(w, { summary: 'Щодо благоустрою сквера на вул. Соборній' }),
    await register(w, { kind: 'higher-authority-document', summary: 'Доручення щодо енергозбереження', correspondent: { name: 'Кабінет Міністрів України', edrpou: '00031101' } }),
  ];
  w.clock.set(NOW);
  return { overdue, dueSoon, today, pdfDoc };
}

/** A person's session in a fresh browser context at 1366×768 (or a phone), signed in, on `path`; closed after. */
export async function asPerson(w: World, who: string, path: string, fn: (page: Page) => Promise<void>, opts: { phone?: boolean } = {}): Promise<void> {
  const { context, page } = await openPage(w.browser, { now: NOW, ...opts });
  try {
    await signIn(page, w.hub.url!, w.tokens[who]!, path);
    await fn(page);
  } finally {
    await context.close();
  }
}

/** Clicks what starts a download (a button by its name, or any locator) and gives the file: its suggested name, its text, its first sheet. */
export async function downloaded(page: Page, what: string | Locator): Promise<{ name: string; text: () => string; sheet: () => Promise<Worksheet> }> {
  const target = typeof what === 'string' ? page.getByRole('button', { name: what }) : what;
  const [download] = await Promise.all([page.waitForEvent('download'), target.click()]);
  const path = (await download.path())!;
  return {
    name: download.suggestedFilename(),
    text: () => readFileSync(path, 'utf8'),
    sheet: async () => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(path);
      return book.worksheets[0]!;
    },
  };
}

/** Each chart on the page: whether Chart.js drew it, and how many of its canvas pixels are painted. */
export async function charts(page: Page): Promise<Array<{ drawn: boolean; painted: number }>> {
  return inPage(page, `[...document.querySelectorAll('canvas')].map((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
    return { drawn: c.dataset.drawn === 'true', painted: n }; })`);
}
