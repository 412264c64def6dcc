import { existsSync } from 'node:fs';
import { archiveDeps, ArchiveFileError, importFile, ProgressLine, summaryText, type FileSummary } from '../../archive';
import { loadConfig } from '../../config';
import { plural } from '../../domain/plural-uk';
import { CLI_ACTOR, parseArgs, UsageError, type CliCommand } from '../command';
import { withDatabase } from '../database';

const FILES = { one: 'файл', few: 'файли', many: 'файлів' };
const RECORDS = { one: 'запис', few: 'записи', many: 'записів' };
const ROWS = { one: 'рядок', few: 'рядки', many: 'рядків' };
/** Reasons shown on the terminal for one file; all of them are in FILE.rejects.txt. */
const SHOWN_REJECTS = 20;

/**
 * `dilovod import FILE…`: the archive of earlier years (src/archive), CSV or JSON lines, each row
 * keeping its own registration. Works on PostgreSQL, or on the embedded database of a stopped hub
 * (it is locked to one process: a running hub takes batches over HTTP, POST /api/v1/archive/import).
 * Exit 0 when every row is on file, 65 when some were rejected (kept aside), 66 when a file is missing.
 */
export const command: CliCommand = {
  name: 'import',
  summary: 'імпортувати архів попередніх років (CSV або JSON, запис на рядок) зі збереженням реєстраційних номерів',
  usage: ['dilovod import ФАЙЛ… [--source ДЖЕРЕЛО] [--batch N]'],
  async run(args) {
    const { flags, positional } = parseArgs(args);
    if (!positional.length) throw new UsageError('потрібен щонайменше один файл (CSV або JSON lines)');
    const source = flags.get('source')?.[0] ?? 'archive';
    if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(source)) throw new UsageError(`--source: латинські малі літери, цифри й дефіс, отримано «${source}»`);
    const batchRaw = flags.get('batch')?.[0] ?? '1000';
    const batchSize = Number(batchRaw);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw new UsageError(`--batch: ціле число від 1 до 10 000, отримано «${batchRaw}»`);
    const missing = positional.filter((f) => !existsSync(f));
    if (missing.length) {
      for (const f of missing) console.error(`dilovod import: файлу ${f} немає`);
      return 66; // EX_NOINPUT
    }
    const config = loadConfig();
    return withDatabase(async (db) => {
      const deps = archiveDeps(config, db);
      const progress = new ProgressLine();
      const summaries: FileSummary[] = [];
      for (const file of positional) {
        let shown = 0;
        try {
          const s = await importFile(deps, file, {
            defaultSource: source, batchSize, actor: CLI_ACTOR,
            onProgress: (p) => progress.update(p),
            onRejected: (lines) => {
              if (shown >= SHOWN_REJECTS) return;
              progress.clear();
              for (const l of lines) console.error(l);
              shown++;
            },
          });
          progress.clear();
          if (s.rejected > shown) console.error(`${file}: і ще ${plural(s.rejected - shown, ROWS)} — усі причини у ${s.reportFile}`);
          summaries.push(s);
          console.log(summaryText(s));
        } catch (err) {
          progress.clear();
          if (err instanceof ArchiveFileError) {
            console.error(`dilovod import: ${err.messageUk}`);
            return 65;
          }
          throw err;
        }
      }
      if (summaries.length > 1) {
        const sum = (k: 'imported' | 'duplicate' | 'rejected') => summaries.reduce((n, s) => n + s[k], 0);
        console.log(`разом ${plural(summaries.length, FILES)}: імпортовано ${plural(sum('imported'), RECORDS)}, уже були на обліку ${plural(sum('duplicate'), RECORDS)}, відхилено ${plural(sum('rejected'), ROWS)}`);
      }
      return summaries.some((s) => s.rejected) ? 65 : 0;
    }, { migrate: true });
  },
};
