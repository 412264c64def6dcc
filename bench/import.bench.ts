/**
 * `npm run bench -- import`: the archive import (src/archive) of BENCH_N rows (default 100 000;
 * the issue's figure is BENCH_N=1000000) from one CSV file, beside a plain `COPY` of the same file
 * into a bare table of text columns in the same run (psql's \copy: the same bytes from the same
 * client, no checks, no indexes). Rows are registered letters of one year, with their own numbers.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Bench } from './main';
import { report } from './support';
import { importFile } from '../src/archive';
import { loadRouting } from '../src/config/routing';
import { createCalendars } from '../src/domain/calendar';
import { importNomenclatureFile, SAMPLE_NOMENCLATURE_FILE } from '../src/nomenclature';
import { migrate, PostgresDb } from '../src/store';
import { createTestDatabase } from '../test/support/pg';

const N = Number(process.env.BENCH_N ?? 100_000);
const YEAR = 2019;
const HEADER = 'source;externalId;kind;correspondent;edrpou;outgoingNumber;outgoingDate;summary;receivedAt;regIndex;regNumber;regDate';

async function writeRows(file: string): Promise<void> {
  const out = createWriteStream(file);
  out.write(`${HEADER}\n`);
  for (let i = 1; i <= N; i++) {
    const day = `${YEAR}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const line = `old-edms;B-${i};official-letter;ТОВ «Будсервіс-Поділля»;41234567;12/${i};${day};Щодо стану охорони праці на комунальних підприємствах № ${i};${day}T08:15:00Z;01-07/${i};${i};${day}\n`;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

export const bench: Bench = {
  name: 'import',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'dilovod-bench-import-'));
    const file = join(dir, 'archive.csv');
    await writeRows(file);
    const testDb = await createTestDatabase('benchimp');
    const db = new PostgresDb({ connectionString: testDb.url, max: 4 });
    try {
      await migrate(db);
      const nom = join(dir, 'nom.json');
      const { year: _ignored, ...cases } = JSON.parse(readFileSync(SAMPLE_NOMENCLATURE_FILE, 'utf8')) as Record<string, unknown>;
      writeFileSync(nom, JSON.stringify(cases));
      await importNomenclatureFile(db, nom, YEAR);

      // Baseline: COPY of the same file into a bare table.
      await db.query(`CREATE TABLE bench_copy (${HEADER.split(';').map((c) => `"${c}" text`).join(', ')})`);
      let started = performance.now();
      execFileSync('psql', [testDb.url, '-q', '-c', `\\copy bench_copy FROM '${file}' WITH (FORMAT csv, HEADER true, DELIMITER ';')`]);
      const copySeconds = (performance.now() - started) / 1000;
      const copied = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM bench_copy'))[0]!.n);
      if (copied !== N) throw new Error(`COPY wrote ${copied} rows, not ${N}`);

      const deps = { db, routing: loadRouting(), appeals: { calendar: createCalendars([]).byName('law-in-force') }, now: () => new Date() };
      started = performance.now();
      const s = await importFile(deps, file, { defaultSource: 'archive', actor: { actor: 'bench' } });
      const importSeconds = (performance.now() - started) / 1000;
      if (s.imported !== N) throw new Error(`imported ${s.imported} of ${N} (${s.rejected} rejected)`);

      // Again: every row already on file (what a resumed or repeated run costs).
      started = performance.now();
      const again = await importFile(deps, file, { defaultSource: 'archive', actor: { actor: 'bench' } });
      const againSeconds = (performance.now() - started) / 1000;
      if (again.duplicate !== N) throw new Error(`re-run found ${again.duplicate} of ${N} on file`);

      console.log(`rows: ${N} (BENCH_N), one CSV file of ${Math.round(Number(execFileSync('stat', ['-c', '%s', file]).toString()) / 2 ** 20)} MiB, PostgreSQL`);
      report([
        { label: `archive import of ${N} rows (validate, route, nomenclature, number kept, counter)`, perSecond: N / importSeconds, baseline: N / copySeconds, baselineLabel: 'plain COPY of the same rows' },
        { label: `re-run of the same ${N} rows (all already on file)`, perSecond: N / againSeconds, baseline: N / copySeconds, baselineLabel: 'plain COPY of the same rows' },
      ]);
    } finally {
      await db.close();
      await testDb.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
