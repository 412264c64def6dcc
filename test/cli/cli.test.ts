import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import pg from 'pg';
import { runCli } from '../support/cli';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { spawnHub } from '../support/process';
import { submission } from '../support/hub';
import { REPO } from '../support/process';

describe('CLI: dilovod migrate | nomenclature | start', function () {
  this.timeout(90_000);
  let testDb: TestDatabase;
  let tmp: string;

  before(async () => {
    testDb = await createTestDatabase('cli');
    tmp = mkdtempSync(join(tmpdir(), 'dilovod-cli-'));
  });
  after(async () => {
    await testDb?.drop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('migrate applies the migrations to DATABASE_URL once, then reports up to date', async () => {
    const first = await runCli(['migrate'], { DATABASE_URL: testDb.url });
    expect(first.code).to.equal(0);
    // In Ukrainian, with the count's plural form («Застосовано 12 міграцій: 001_backbone, …»).
    expect(first.stdout).to.match(/^Застосовано (\d*1 міграцію|\d*[2-4] міграції|\d+ міграцій): 001_backbone/);
    const second = await runCli(['migrate'], { DATABASE_URL: testDb.url });
    expect(second.stdout).to.contain('База даних актуальна: нових міграцій немає');
    const client = new pg.Client({ connectionString: testDb.url });
    await client.connect();
    const { rows } = await client.query('SELECT version FROM schema_migrations');
    await client.end();
    expect(rows.map((r) => r.version)).to.include('001_backbone');
  });

  it('nomenclature import loads a CSV for the given year, and list shows it', async () => {
    const res = await runCli(['nomenclature', 'import', join(REPO, 'reference-data', 'nomenclature', 'sample-general-department.csv'), '--year', '2027'], { DATABASE_URL: testDb.url });
    expect(res.code, res.stderr).to.equal(0);
    expect(res.stdout).to.contain('імпортовано 3 справи');
    const list = await runCli(['nomenclature', 'list', '--year', '2027'], { DATABASE_URL: testDb.url });
    expect(list.stdout.trim().split('\n').map((l) => l.split('\t')[0])).to.deep.equal(['01-07', '01-09', '01-12']);
  });

  it('nomenclature import takes what Excel saves: `;`, BOM, Ukrainian headers and journal names; errors by line and column in Ukrainian', async () => {
    const excel = join(tmp, 'excel.csv');
    writeFileSync(excel, '\uFEFFІндекс справи;Заголовок справи;Підрозділ;Строк зберігання;Журнал;Примітка\r\n'
      + '01-07;Листування з установами;01;5 р. ЕПК;Вхідні;\r\n'
      + '01-09;Звернення громадян;02;5 р.;звернення громадян;Пропозиції — Пост.\r\n');
    const ok = await runCli(['nomenclature', 'import', excel, '--year', '2028'], { DATABASE_URL: testDb.url });
    expect(ok.code, ok.stderr).to.equal(0);
    expect(ok.stdout).to.contain('імпортовано 2 справи');
    const list = await runCli(['nomenclature', 'list', '--year', '2028'], { DATABASE_URL: testDb.url });
    expect(list.stdout.trim().split('\n').map((l) => l.split('\t').slice(0, 2).join(' '))).to.deep.equal(['01-07 incoming', '01-09 appeals']);

    const bad = join(tmp, 'excel-bad.csv');
    writeFileSync(bad, '\uFEFFІндекс справи;Заголовок справи;Підрозділ;Строк зберігання;Журнал\n01-07;Листування;01;5 р.;Вхідні\n01-08;;01;5 р.;Невідомий журнал\n');
    const refused = await runCli(['nomenclature', 'import', bad, '--year', '2028'], { DATABASE_URL: testDb.url });
    expect(refused.code).to.equal(65);
    expect(refused.stderr).to.contain('у файлі 2 помилки');
    expect(refused.stderr).to.contain('рядок 3, стовпець «Заголовок справи»: бракує обов\'язкового поля «title»');
    expect(refused.stderr).to.contain('рядок 3, стовпець «Журнал»: має невідповідний вигляд');
  });

  it('nomenclature import refuses an invalid file with the reason, exit 65', async () => {
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify({ cases: [{ index: '01-01', title: 'Без журналу', subdivision: '01', storageTerm: '5 р.' }] }));
    const res = await runCli(['nomenclature', 'import', bad, '--year', '2027'], { DATABASE_URL: testDb.url });
    expect(res.code).to.equal(65);
    expect(res.stderr).to.contain('Повідомлення не відповідає схемі').and.to.contain("/cases/0: бракує обов'язкового поля «journal»");
    expect(res.stderr).not.to.contain('must have required property');
    const dup = join(tmp, 'dup.csv');
    writeFileSync(dup, 'index,title,subdivision,storageTerm,journal\n01-01,A,01,1 р.,incoming\n01-01,B,01,1 р.,incoming\n');
    const dupRes = await runCli(['nomenclature', 'import', dup, '--year', '2027'], { DATABASE_URL: testDb.url });
    expect(dupRes.code).to.equal(65);
    expect(dupRes.stderr).to.contain('індекс справи 01-01 повторюється');
  });

  it('bad usage exits 64 with the usage line', async () => {
    const res = await runCli(['nomenclature', 'import', 'x.json']);
    expect(res.code).to.equal(64);
    expect(res.stderr).to.contain('--year');
    expect((await runCli(['frobnicate'])).code).to.equal(64);
  });

  for (const [variable, value] of [['PORT', 'eighty'], ['DATABASE_URL', 'mysql://x'], ['AMQP_URL', 'not a url'], ['LOG_LEVEL', 'loud']] as const) {
    it(`start refuses a bad ${variable} with a message naming it, before opening anything (exit 78)`, async () => {
      const res = await runCli(['start'], { [variable]: value, DATA_DIR: join(tmp, 'never') });
      expect(res.code).to.equal(78);
      // A Ukrainian sentence naming the variable first, then the same in English.
      const lines = res.stderr.split('\n');
      const at = lines.findIndex((l) => l.startsWith('dilovod: помилка в налаштуваннях: '));
      expect(lines[at], res.stderr).to.match(new RegExp(`^dilovod: помилка в налаштуваннях: ${variable}: [а-яіїєґ]`));
      expect(lines[at + 1], res.stderr).to.match(new RegExp(`^dilovod: bad configuration: ${variable}: [a-z]`));
    });
  }

  it('start with nothing configured: embedded PostgreSQL under DATA_DIR, the sample nomenclature, 127.0.0.1 only, an admin token in DATA_DIR/admin-token (0600)', async () => {
    const dataDir = join(tmp, 'data');
    const tokenFile = join(dataDir, 'admin-token');
    const hub = await spawnHub({ DATA_DIR: dataDir, DATABASE_URL: '', AMQP_URL: '', HOST: '' });
    let clerk: Record<string, string>;
    try {
      const ready = await (await fetch(`${hub.url}/readyz`)).json();
      expect(ready).to.deep.equal({ status: 'ready', checks: { database: 'ok', broker: 'not-configured' } });
      // Secure by default: loopback only, and the log says what the socket is bound to.
      expect(hub.output()).to.match(/"listening":"127\.0\.0\.1:\d+"/);
      expect(statSync(tokenFile).mode & 0o777).to.equal(0o600);
      const admin = { authorization: `Bearer ${readFileSync(tokenFile, 'utf8').trim()}` };
      const line = hub.output().split('\n').find((l) => l.includes('admin-token'));
      expect(line, 'one log line says where the token is').to.contain(tokenFile);
      expect(hub.output()).not.to.contain(admin.authorization.slice(7));
      expect((await fetch(`${hub.url}/api/v1/nomenclature`)).status).to.equal(401);
      const nom = (await (await fetch(`${hub.url}/api/v1/nomenclature`, { headers: admin })).json()) as { cases: unknown[] };
      expect(nom.cases.length).to.be.greaterThan(10);
      // The README's way: the administrator makes the clerk's token; the clerk registers.
      const made = await fetch(`${hub.url}/api/v1/tokens`, { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Канцелярія', roles: ['registrar'] }) });
      expect(made.status).to.equal(201);
      clerk = { authorization: `Bearer ${((await made.json()) as { token: string }).token}` };
      const res = await fetch(`${hub.url}/api/v1/documents`, { method: 'POST', headers: { ...clerk, 'content-type': 'application/json' }, body: JSON.stringify(submission()) });
      expect(res.status).to.equal(201);
      expect(hub.output()).to.contain('"database":"pglite"');
    } finally {
      expect(await hub.stop('SIGTERM')).to.equal(0);
    }
    // The embedded database persists: a second start sees the document, and makes no second admin token.
    const before = readFileSync(tokenFile, 'utf8');
    const again = await spawnHub({ DATA_DIR: dataDir, DATABASE_URL: '', AMQP_URL: '' });
    try {
      const list = (await (await fetch(`${again.url}/api/v1/documents`, { headers: clerk })).json()) as { items: unknown[] };
      expect(list.items).to.have.length(1);
      expect(readFileSync(tokenFile, 'utf8')).to.equal(before);
      expect(again.output()).not.to.contain('admin-token');
    } finally {
      await again.stop();
    }
  });

  it('a second process never opens the embedded database a running hub holds: the CLI refuses (exit 75) and nothing is lost', async () => {
    const dataDir = join(tmp, 'locked');
    const hub = await spawnHub({ DATA_DIR: dataDir, DATABASE_URL: '', AMQP_URL: '' });
    const csv = join(REPO, 'reference-data', 'nomenclature', 'sample-general-department.csv');
    try {
      const refused = await runCli(['nomenclature', 'import', csv, '--year', '2030'], { DATA_DIR: dataDir, DATABASE_URL: '' });
      expect(refused.code, refused.stderr).to.equal(75);
      expect(refused.stderr).to.contain('використовує інший процес dilovod').and.to.contain('in use by another dilovod process');
      expect(refused.stdout).not.to.contain('імпортовано');
      // A second hub on the same directory says so as the other start-up failures do: Ukrainian, then English.
      const second = await runCli(['start'], { DATA_DIR: dataDir, DATABASE_URL: '', AMQP_URL: '', PORT: '0' });
      expect(second.code, second.stderr).to.equal(75);
      expect(second.stderr).to.match(/^dilovod: вбудовану базу даних у .* використовує інший процес dilovod.*\ndilovod: the embedded database in .* is in use by another dilovod process/m);
      // The way that works while it runs: through the hub.
      const admin = { authorization: `Bearer ${readFileSync(join(dataDir, 'admin-token'), 'utf8').trim()}`, 'content-type': 'application/json' };
      const cases = [{ index: '01-07', title: 'Листи установ', subdivision: '01', storageTerm: '5 р.', journal: 'incoming' }];
      expect((await fetch(`${hub.url}/api/v1/nomenclature/2030`, { method: 'PUT', headers: admin, body: JSON.stringify({ cases }) })).status).to.equal(200);
    } finally {
      expect(await hub.stop('SIGTERM')).to.equal(0);
    }
    // Stopped, the CLI opens it, and what was imported through the hub is there.
    const list = await runCli(['nomenclature', 'list', '--year', '2030'], { DATA_DIR: dataDir, DATABASE_URL: '' });
    expect(list.code, list.stderr).to.equal(0);
    expect(list.stdout.split('\t')[0]).to.equal('01-07');
  });

  it('start exits with a clear message and a documented code: the database unreachable (69), the port taken (71), nothing left running', async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer();
      probe.listen(0, '127.0.0.1', () => {
        const port = (probe.address() as AddressInfo).port;
        probe.close(() => resolve(port));
      });
    });
    const noDb = await runCli(['start'], { DATABASE_URL: `postgresql://dilovod:secret@127.0.0.1:${closed}/dilovod`, DATA_DIR: join(tmp, 'nodb'), PORT: '0', DATABASE_WAIT_MS: '1500', LOG_LEVEL: 'warn' });
    expect(noDb.code, noDb.stderr).to.equal(69);
    // Issue 14: it waited, with back-off, and said so, before giving up.
    expect(noDb.stdout.split('\n').filter((l) => l.includes('чекаємо (DATABASE_WAIT_MS)')).length).to.be.greaterThan(2);
    expect(noDb.stderr).to.contain('база даних недоступна').and.to.contain('DATABASE_URL').and.to.contain(`127.0.0.1:${closed}/dilovod`);
    expect(noDb.stderr).not.to.contain('secret');

    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const port = String((taken.address() as AddressInfo).port);
      const busy = await runCli(['start'], { DATABASE_URL: testDb.url, DATA_DIR: join(tmp, 'busy'), PORT: port, HOST: '127.0.0.1' });
      expect(busy.code, busy.stderr).to.equal(71);
      expect(busy.stderr).to.contain('порт зайнятий').and.to.contain('EADDRINUSE');
    } finally {
      taken.close();
    }
  });

  it('backup and restore the embedded database: a round trip keeps what was there; restore never writes over a database', async () => {
    const from = join(tmp, 'backup-from');
    const to = join(tmp, 'backup-to');
    const file = join(tmp, 'dilovod.backup');
    const csv = join(REPO, 'reference-data', 'nomenclature', 'sample-general-department.csv');
    expect((await runCli(['nomenclature', 'import', csv, '--year', '2031'], { DATA_DIR: from, DATABASE_URL: '' })).code).to.equal(0);
    const backup = await runCli(['backup', file], { DATA_DIR: from, DATABASE_URL: '' });
    expect(backup.code, backup.stderr).to.equal(0);
    expect(backup.stdout).to.match(/^Резервну копію вбудованої бази записано/);
    expect(statSync(file).mode & 0o777).to.equal(0o600);
    const restored = await runCli(['restore', file], { DATA_DIR: to, DATABASE_URL: '' });
    expect(restored.code, restored.stderr).to.equal(0);
    const list = await runCli(['nomenclature', 'list', '--year', '2031'], { DATA_DIR: to, DATABASE_URL: '' });
    expect(list.stdout.trim().split('\n').map((l) => l.split('\t')[0])).to.deep.equal(['01-07', '01-09', '01-12']);
    const over = await runCli(['restore', file], { DATA_DIR: to, DATABASE_URL: '' });
    expect(over.code).to.equal(73);
    expect(over.stderr).to.contain('не порожній');
    expect((await runCli(['backup', file], { DATABASE_URL: testDb.url })).stderr).to.contain('pg_dump');
  });
});
