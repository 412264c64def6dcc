import { kyivDate } from '../../domain/clock';
import { importNomenclatureFile, type NomenclatureRowError } from '../../nomenclature';
import { nomenclature } from '../../store';
import { withDatabase } from '../database';
import { plural } from '../plural';
import { parseArgs, UsageError, type CliCommand } from '../command';

const USAGE = 'dilovod nomenclature import FILE --year YYYY | dilovod nomenclature list [--year YYYY]';

function yearOf(flags: Map<string, string[]>): number {
  const raw = flags.get('year')?.[0] ?? kyivDate(new Date()).slice(0, 4);
  const year = Number(raw);
  if (!Number.isInteger(year) || year < 1991 || year > 2100) throw new UsageError(`--year must be a year, got "${raw}"`);
  return year;
}

export const command: CliCommand = {
  name: 'nomenclature',
  summary: 'import (JSON or CSV) or list the nomenclature of files of a year',
  async run(args) {
    const [sub, ...rest] = args;
    const { flags, positional } = parseArgs(rest);
    if (sub !== 'import' && sub !== 'list') throw new UsageError(USAGE);
    if (sub === 'import' && (positional.length !== 1 || !flags.has('year'))) throw new UsageError(USAGE);
    const year = yearOf(flags);
    return withDatabase(async (db) => {
      if (sub === 'import') {
        let cases;
        try {
          cases = await importNomenclatureFile(db, positional[0] as string, year);
        } catch (err) {
          const details = (err as { details?: { rows?: NomenclatureRowError[] } }).details;
          if (details?.rows) {
            // What a clerk reads: the file's own line and column, in Ukrainian.
            console.error(`dilovod nomenclature: у файлі ${plural(details.rows.length, { one: 'помилка', few: 'помилки', many: 'помилок' })}:`);
            for (const r of details.rows) console.error(`  рядок ${r.line}, стовпець «${r.column}»: ${r.messageUk}`);
            return 65;
          }
          console.error(`dilovod nomenclature: ${(err as Error).message}`);
          if (details) console.error(JSON.stringify(details, null, 2));
          return 65; // EX_DATAERR
        }
        console.log(`імпортовано ${plural(cases.length, { one: 'справу', few: 'справи', many: 'справ' })} номенклатури на ${year} рік`);
      } else {
        for (const c of await nomenclature.listNomenclature(db, year)) {
          console.log(`${c.index}\t${c.journal}\t${c.storageTerm}\t${c.title}`);
        }
      }
      return 0;
    }, { migrate: true });
  },
};
