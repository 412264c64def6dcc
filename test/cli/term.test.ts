import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { REPO } from '../support/process';

// `node bin/dilovod.js term …` as a clerk runs it. Expected dates by hand (see
// src/domain/terms/term-cases.test.ts for the calendar reasoning).
describe('CLI: dilovod term', function () {
  this.timeout(60_000);
  let tmp: string;

  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'dilovod-term-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('--json gives the term, reminder, co-executors date and basis (31 Jan + 1 month = 28 Feb)', async () => {
    const res = await runCli(['term', '--rule', 'appeal', '--from', '2025-01-31', '--calendar', 'martial-law', '--json']);
    expect(res.code, res.stderr).to.equal(0);
    const out = JSON.parse(res.stdout);
    expect(out).to.deep.include({ rule: 'appeal', from: '2025-01-31', term: '2025-02-28', reminder: '2025-02-25', coExecutorsDue: '2025-02-24' });
    expect(out.basis).to.contain('Про звернення громадян').and.to.contain('ст. 20');
  });

  it('peacetime moves the term off holidays and moved days off (1-4 May 2021)', async () => {
    const res = await runCli(['term', '--rule', 'appeal', '--from', '2021-04-03', '--calendar', 'peacetime', '--json']);
    expect(JSON.parse(res.stdout)).to.deep.include({ term: '2021-05-05', reminder: '2021-04-28', coExecutorsDue: '2021-04-27' });
  });

  it('the default calendar follows the law in force: 8 March 2022 was still a holiday', async () => {
    const res = await runCli(['term', '--rule', 'appeal', '--from', '2022-02-08', '--json']);
    expect(JSON.parse(res.stdout)).to.deep.include({ term: '2022-03-09', calendar: 'law-in-force' });
  });

  it('human output is in Ukrainian', async () => {
    const res = await runCli(['term', '--rule', 'letter', '--from', '2021-09-14', '--calendar', 'peacetime']);
    expect(res.code).to.equal(0);
    expect(res.stdout).to.contain('Контрольний строк: 15.10.2021 (пт)');
    expect(res.stdout).to.contain('Нагадування виконавцям');
    expect(res.stdout).to.contain('Регламент виконкому (003), п. 178');
  });

  it('--term (from the document) wins; --roll previous rolls back', async () => {
    const explicit = await runCli(['term', '--rule', 'prosecutor-order', '--from', '2025-05-01', '--term', '2025-05-03', '--calendar', 'martial-law', '--json']);
    expect(JSON.parse(explicit.stdout)).to.deep.include({ term: '2025-05-05' });
    const back = await runCli(['term', '--rule', 'document', '--from', '2021-11-25', '--calendar', 'peacetime', '--roll', 'previous', '--json']);
    expect(JSON.parse(back.stdout)).to.deep.include({ term: '2021-12-24' });
  });

  it('--calendar-file applies a council override', async () => {
    const file = join(REPO, 'reference-data', 'calendars', 'council-override.example.json');
    // 19 Aug 2027 + 2 working days: Fri 20, worked Saturday 21 (example override).
    const res = await runCli(['term', '--rule', 'urgent-telegram', '--from', '2027-08-19', '--calendar', 'peacetime', '--calendar-file', file, '--json']);
    expect(res.code, res.stderr).to.equal(0);
    expect(JSON.parse(res.stdout)).to.deep.include({ term: '2027-08-21' });
    const broken = join(tmp, 'broken.json');
    writeFileSync(broken, JSON.stringify({ calendar: 'peacetime', version: 'x', addHolidays: [{ date: '2027-02-30', name: 'x' }] }));
    const bad = await runCli(['term', '--rule', 'letter', '--from', '2027-01-05', '--calendar-file', broken]);
    expect(bad.code).to.equal(65);
    expect(bad.stderr).to.contain('2027-02-30');
  });

  it('--list prints every rule with its source', async () => {
    const res = await runCli(['term', '--list']);
    expect(res.code).to.equal(0);
    for (const id of ['appeal', 'appeal-no-study', 'forwarding', 'return-to-author', 'info-request', 'info-request-extended', 'petition',
      'letter', 'higher-authority', 'document', 'urgent-telegram', 'committee-decision', 'mayor-order', 'prosecutor-protest']) {
      expect(res.stdout).to.match(new RegExp(`^${id} `, 'm'));
    }
    expect(res.stdout).to.contain('Підстава: Закон України «Про доступ до публічної інформації», ст. 20 ч. 1');
    const json = JSON.parse((await runCli(['term', '--list', '--json'])).stdout);
    expect(json.every((r: { basis: string }) => r.basis.length > 0)).to.equal(true);
  });

  const BAD: Array<[string, string[], RegExp]> = [
    ['an unknown flag', ['--rulez', 'appeal'], /--rulez/],
    ['an unknown rule', ['--rule', 'appeals', '--from', '2025-01-01'], /--rule.*appeals/],
    ['a missing --rule', ['--from', '2025-01-01'], /--rule/],
    ['a missing --from', ['--rule', 'appeal'], /--from/],
    ['an impossible date', ['--rule', 'appeal', '--from', '2025-02-30'], /--from.*2025-02-30/],
    ['a --from without value', ['--rule', 'appeal', '--from'], /--from/],
    ['an unknown calendar', ['--rule', 'appeal', '--from', '2025-01-01', '--calendar', 'wartime'], /--calendar.*wartime/],
    ['a bad roll', ['--rule', 'appeal', '--from', '2025-01-01', '--roll', 'sideways'], /--roll/],
    ['an act without its own term', ['--rule', 'prosecutor-demand', '--from', '2025-01-01'], /--term/],
    ['a term before the event', ['--rule', 'letter', '--from', '2025-03-01', '--term', '2025-02-01'], /--term/],
    ['a date the calendar has no data for', ['--rule', 'appeal', '--from', '1999-06-01', '--calendar', 'peacetime'], /--from/],
    ['a missing override file', ['--rule', 'appeal', '--from', '2025-01-01', '--calendar-file', '/nonexistent/x.json'], /--calendar-file/],
  ];
  for (const [what, args, message] of BAD) {
    it(`exits 64 naming the flag for ${what}`, async () => {
      const res = await runCli(['term', ...args]);
      expect(res.code, res.stdout).to.equal(64);
      expect(res.stderr).to.match(message);
    });
  }
});
