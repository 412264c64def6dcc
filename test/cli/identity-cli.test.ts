/**
 * `dilovod token` and `dilovod staff` as an IT person runs them on the server: the token is
 * printed once and works at once, listing never shows it, revoking refuses it at once; a staff
 * file saved by Excel (`;`, BOM, Ukrainian headers) loads with its stand-ins (003 §118, §174).
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authenticateToken, getStaff, standsInFor } from '../../src/identity';
import { migrate, PostgresDb } from '../../src/store';
import { runCli } from '../support/cli';
import { secretOf } from '../support/identity';
import { createTestDatabase, type TestDatabase } from '../support/pg';

describe('CLI: dilovod token | staff (real PostgreSQL)', function () {
  this.timeout(120_000);
  let testDb: TestDatabase;
  let db: PostgresDb;
  let tmp: string;

  before(async () => {
    testDb = await createTestDatabase('idcli');
    db = new PostgresDb({ connectionString: testDb.url });
    await migrate(db);
    tmp = mkdtempSync(join(tmpdir(), 'dilovod-idcli-'));
  });
  after(async () => {
    await db?.close();
    await testDb?.drop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('token create prints the token once; list shows it without the secret; revoke refuses it at once', async () => {
    const env = { DATABASE_URL: testDb.url };
    const made = await runCli(['token', 'create', '--name', 'СЕД Мегаполіс', '--role', 'integrator', '--source', 'edms', '--expires', '2027-12-31'], env);
    expect(made.code, made.stderr).to.equal(0);
    const token = made.stdout.trim();
    expect(token).to.match(/^dlv_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(made.stderr).to.contain('Збережіть його зараз');
    const info = await authenticateToken(db, token, new Date('2026-12-06T10:00:00Z'));
    expect(info).to.include({ name: 'СЕД Мегаполіс' });
    expect(info.roles).to.deep.equal(['integrator']);
    expect(info.sources).to.deep.equal(['edms']);
    expect(info.expiresAt).to.equal('2027-12-31T21:59:59.999Z');

    const list = await runCli(['token', 'list'], env);
    expect(list.stdout).to.contain(info.id).and.to.contain('чинний');
    expect(list.stdout).not.to.contain(secretOf(token));
    expect(list.stderr.trim()).to.equal('1 токен');

    const revoked = await runCli(['token', 'revoke', info.id], env);
    expect(revoked.code).to.equal(0);
    let code = '';
    try {
      await authenticateToken(db, token, new Date());
    } catch (err) {
      code = (err as { code: string }).code;
    }
    expect(code).to.equal('TOKEN_REVOKED');
    expect((await runCli(['token', 'revoke', info.id], env)).code).to.equal(65);
    const log = await db.query<{ action: string; actor: string }>("SELECT action, actor FROM audit_log WHERE action LIKE 'token.%' ORDER BY seq");
    expect(log).to.deep.equal([{ action: 'token.created', actor: 'cli' }, { action: 'token.revoked', actor: 'cli' }]);
  });

  it('token create refuses an integrator without sources and an unknown role, with the reason', async () => {
    const env = { DATABASE_URL: testDb.url };
    const noSource = await runCli(['token', 'create', '--name', 'x', '--role', 'integrator'], env);
    expect(noSource.code).to.equal(65);
    expect(noSource.stderr).to.contain('Токен неможливо створити з такими параметрами').and.to.contain('sources: інтегратору потрібні джерела');
    const badRole = await runCli(['token', 'create', '--name', 'x', '--role', 'mayor'], env);
    expect(badRole.code).to.equal(64);
    expect(badRole.stderr).to.contain('невідома роль');
  });

  it('staff import reads what Excel saves (`;`, BOM, Ukrainian headers), with stand-ins; errors name the person', async () => {
    const file = join(tmp, 'staff.csv');
    writeFileSync(file, '\uFEFFідентифікатор;ПІБ;посада;підрозділ;ролі;заміщує;з;по\n'
      + 'mayor;Міський голова Тест;міський голова;;controller;;;\n'
      + 'first-deputy;Перший заступник Тест;перший заступник;;controller;mayor;2026-03-01;2026-03-31\n'
      + 'housing;Начальник Тест;начальник управління;Управління ЖКГ;executor;;;\n');
    const res = await runCli(['staff', 'import', file], { DATABASE_URL: testDb.url });
    expect(res.code, res.stderr).to.equal(0);
    expect(res.stdout).to.equal('Довідник працівників: додано 3 особи, оновлено 0 осіб.\n');
    expect(await getStaff(db, 'housing')).to.include({ fullName: 'Начальник Тест', subdivision: 'Управління ЖКГ' });
    expect(await standsInFor(db, 'first-deputy', 'mayor', '2026-03-15')).to.equal(true);
    expect(await standsInFor(db, 'first-deputy', 'mayor', '2026-04-01')).to.equal(false);

    const bad = join(tmp, 'bad.csv');
    writeFileSync(bad, 'id;fullName;position;standsInFor;from\nclerk;Тест;діловод;nobody;2026-03-01\n');
    const refused = await runCli(['staff', 'import', bad], { DATABASE_URL: testDb.url });
    expect(refused.code).to.equal(65);
    expect(refused.stderr).to.contain('clerk: заміщує nobody, якого немає в довіднику');
    expect(await getStaff(db, 'clerk')).to.equal(undefined);
  });
});
