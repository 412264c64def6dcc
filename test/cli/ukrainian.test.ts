/**
 * Issue 12, «Ukrainian everywhere a person reads»: what the CLI says to a clerk or the council's
 * IT person (help, usage errors, unknown commands, counts) is Ukrainian, with the plural form
 * Intl.PluralRules('uk') picks; flags and codes stay English.
 */
import { expect } from 'chai';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { REPO } from '../support/process';

/** Latin words a Ukrainian summary may hold: names of protocols, formats, variables and flags. */
const IDENTIFIERS = new Set(['HTTP', 'API', 'AMQP', 'outbox', 'DATABASE_URL', 'DATA_DIR', 'JSON', 'CSV', 'CMS', 'CAdES', 'p7s', 'list']);

const COMMANDS = readdirSync(join(REPO, 'src', 'cli', 'commands')).filter((f) => f.endsWith('.ts') && !f.includes('.test.')).map((f) => f.replace(/\.ts$/, ''));

describe('CLI in Ukrainian', function () {
  this.timeout(120_000);

  it('an unknown command is named in Ukrainian, pointing at dilovod help (exit 64)', async () => {
    const res = await runCli(['frobnicate']);
    expect(res.code).to.equal(64);
    expect(res.stderr.trim()).to.equal('dilovod: невідома команда «frobnicate»; перелік команд: dilovod help');
  });

  it('dilovod help lists every command with a Ukrainian summary', async () => {
    const res = await runCli(['help']);
    expect(res.code).to.equal(0);
    expect(res.stdout).to.match(/^dilovod <команда> \[параметри\]/);
    for (const name of COMMANDS) {
      const line = res.stdout.split('\n').find((l) => l.startsWith(`  ${name} `));
      expect(line, name).to.match(/[а-яіїєґ]{4,}/);
      const latin = (line as string).slice(`  ${name} `.length).match(/[A-Za-z_]{3,}/g) ?? [];
      expect(latin.filter((w) => !IDENTIFIERS.has(w)), line).to.deep.equal([]);
    }
    expect(res.stdout).to.contain('Довідка про команду: dilovod <команда> --help');
  });

  it('every command answers --help (exit 0) with its summary and usage, and `dilovod help X` is the same', async () => {
    for (const name of COMMANDS) {
      const res = await runCli([name, '--help']);
      expect(res.code, `${name}: ${res.stderr}`).to.equal(0);
      expect(res.stdout, name).to.match(new RegExp(`^dilovod ${name} — [а-яіїєґ]`));
      expect(res.stdout, name).to.contain(`використання: dilovod ${name}`);
    }
    const viaHelp = await runCli(['help', 'term']);
    expect(viaHelp.stdout).to.equal((await runCli(['term', '--help'])).stdout);
  });

  it('a usage error says what is wrong in Ukrainian, then the usage (exit 64)', async () => {
    const res = await runCli(['nomenclature', 'import', 'x.json']);
    expect(res.code).to.equal(64);
    expect(res.stderr).to.equal(
      'dilovod nomenclature: потрібен параметр --year: рік, на який імпортується номенклатура\n'
      + 'використання: dilovod nomenclature import ФАЙЛ --year РРРР\n'
      + '              dilovod nomenclature list [--year РРРР]\n',
    );
    const flag = await runCli(['term', '--rule']);
    expect(flag.code).to.equal(64);
    expect(flag.stderr).to.match(/^dilovod term: параметру --rule потрібне значення\nвикористання: dilovod term --rule ПРАВИЛО/);
    const verify = await runCli(['verify', 'a.p7s', 'b.p7s']);
    expect(verify.stderr).to.match(/^dilovod verify: потрібен один файл підпису, отримано 2 файли\n/);
    const year = await runCli(['nomenclature', 'list', '--year', 'двадцять']);
    expect(year.stderr).to.match(/^dilovod nomenclature: --year: потрібен рік \(1991–2100\), отримано «двадцять»/);
  });

  describe('counts take their plural form (Intl.PluralRules uk)', function () {
    let testDb: TestDatabase;
    let tmp: string;
    before(async () => {
      testDb = await createTestDatabase('cliuk');
      tmp = mkdtempSync(join(tmpdir(), 'dilovod-cli-uk-'));
    });
    after(async () => {
      await testDb?.drop();
      rmSync(tmp, { recursive: true, force: true });
    });

    function nomenclatureOf(n: number): string {
      const file = join(tmp, `nomenclature-${n}.csv`);
      const rows = Array.from({ length: n }, (_, i) => `01-${String(i + 1).padStart(2, '0')},Справа ${i + 1},01,5 р.,incoming`);
      writeFileSync(file, ['index,title,subdivision,storageTerm,journal', ...rows].join('\n'));
      return file;
    }

    for (const [n, said] of [[1, '1 справу'], [2, '2 справи'], [5, '5 справ'], [21, '21 справу']] as const) {
      it(`nomenclature import of ${n}: «імпортовано ${said}»`, async () => {
        const res = await runCli(['nomenclature', 'import', nomenclatureOf(n), '--year', String(2040 + n)], { DATABASE_URL: testDb.url });
        expect(res.code, res.stderr).to.equal(0);
        expect(res.stdout.trim()).to.equal(`імпортовано ${said} номенклатури на ${2040 + n} рік`);
      });
    }
  });
});
