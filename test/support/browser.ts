/**
 * The department's pages in a real browser (issue 15): Debian's Chromium (/usr/bin/chromium,
 * installed by .ci/run when missing) driven by playwright-core, headless, offline, in a fresh
 * profile each launch. Screenshots go to test-artifacts/web/ (gitignored); accessibility is checked
 * with axe-core on the page as it stands.
 */
import { expect } from 'chai';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { projectPath } from '../../src/paths';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = projectPath('test-artifacts', 'web');

/** The launch flags; playwright adds --headless and a temporary --user-data-dir of its own per launch. */
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=uk-UA'];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, timeout: 30_000 });
}

let shared: Promise<Browser> | undefined;
/**
 * One browser for every test file of a run (each test gets a fresh context: no cookies, storage or
 * cache carried over); playwright ends it when the process exits.
 */
export function sharedBrowser(): Promise<Browser> {
  shared ??= launchBrowser();
  return shared;
}

/** An office screen (1366×768) or a phone; the browser's clock at the hub's test date, so default periods agree. */
export async function openPage(browser: Browser, opts: { phone?: boolean; now?: string; downloads?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: opts.phone ? { width: 390, height: 844 } : { width: 1366, height: 768 },
    deviceScaleFactor: 1,
    isMobile: !!opts.phone,
    hasTouch: !!opts.phone,
    locale: 'uk-UA',
    timezoneId: 'Europe/Kyiv',
    acceptDownloads: opts.downloads ?? true,
  });
  const page = await context.newPage();
  if (opts.now) await page.clock.setFixedTime(new Date(opts.now));
  page.setDefaultTimeout(10_000);
  return { context, page };
}

/** The first-start sign-in: a personal token pasted into the form; the page then shows the person's name. */
export async function signIn(page: Page, baseUrl: string, token: string, path = '/'): Promise<void> {
  await page.goto(`${baseUrl}/#${path}`);
  await page.getByLabel('Токен доступу').fill(token);
  await page.getByRole('button', { name: 'Увійти' }).click();
  await page.getByRole('button', { name: 'Вийти' }).waitFor();
}

/** A value of the page's own (the root project has no DOM types: the expression is the page's). */
export async function inPage<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate(expression) as Promise<T>;
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/**
 * WCAG 2.1 A and AA rules of axe-core on the page as shown; fails on any serious or critical
 * violation, naming the rule and where. (Evaluated through the DevTools protocol: the page's CSP
 * allows no injected script, and stays on.)
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const g = globalThis as unknown as { document: unknown; axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } };
    const result = await g.axe.run(g.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })) }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe on ${what}`).to.deep.equal([]);
}
