import { kyivDate } from '../../domain/clock';
import { HubError } from '../../errors';
import { importNomenclatureFile, type NomenclatureRowError } from '../../nomenclature';
import { nomenclature } from '../../store';
import { withDatabase } from '../database';
import { plural } from '../../domain/plural-uk';
import { parseArgs, UsageError, type CliCommand } from '../command';
import { hubErrorLines } from '../hub-error';

/** «імпортовано 1 справу», «3 справи», «11 справ». */
const CASES = { one: 'справу', few: 'справи', many: 'справ' };

function yearOf(flags: Map<string, string[]>): number {
  const raw = flags.get('year')?.[0] ?? kyivDate(new Date()).slice(0, 4);
  const year = Number(raw);
  if (!Number.isInteger(year) || year < 1991 || year > 2100) throw new UsageError(`--year: потрібен рік (1991–2100), отримано «${raw}»`);
  return year;
}

export const command: CliCommand = {
  name: 'nomenclature',
  summary: 'імпортувати (JSON або CSV) чи переглянути номенклатуру справ на рік',
  usage: ['dilovod nomenclature import ФАЙЛ --year РРРР', 'dilovod nomenclature list [--year РРРР]'],
  async run(args) {
    const [sub, ...rest] = args;
    const { flags, positional } = parseArgs(rest);
    if (sub !== 'import' && sub !== 'list') throw new UsageError();
    if (sub === 'import' && positional.length !== 1) throw new UsageError('потрібен один файл номенклатури');
    if (sub === 'import' && !flags.has('year')) throw new UsageError('потрібен параметр --year: рік, на який імпортується номенклатура');
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
          if (err instanceof HubError) console.error(`dilovod nomenclature: ${hubErrorLines(err).join('\n')}`);
          else if ((err as NodeJS.ErrnoException).code === 'ENOENT') console.error(`dilovod nomenclature: файлу ${positional[0]} немає`);
          else if (err instanceof SyntaxError) console.error(`dilovod nomenclature: файл ${positional[0]} не є коректним JSON (${err.message})`);
          else console.error(`dilovod nomenclature: ${(err as { messageUk?: string }).messageUk ?? (err as Error).message}`);
          return 65; // EX_DATAERR
        }
        console.log(`імпортовано ${plural(cases.length, CASES)} номенклатури на ${year} рік`);
      } else {
        for (const c of await nomenclature.listNomenclature(db, year)) {
          console.log(`${c.index}\t${c.journal}\t${c.storageTerm}\t${c.title}`);
        }
      }
      return 0;
    }, { migrate: true });
  },
};
