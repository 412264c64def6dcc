import { verifyAuditLog } from '../../audit';
import { withDatabase } from '../database';
import { parseArgs, UsageError, type CliCommand } from '../command';
import { plural } from '../../domain/plural-uk';

/** «перевірено 1 запис», «2 записи», «6 записів». */
const ENTRIES = { one: 'запис', few: 'записи', many: 'записів' };

export const command: CliCommand = {
  name: 'audit',
  summary: 'перевірити цілісність журналу контролю (ланцюжок хешів) і назвати перший пошкоджений запис',
  usage: ['dilovod audit verify [--json]'],
  async run(args) {
    const [sub, ...rest] = args;
    if (sub !== 'verify') throw new UsageError();
    const { flags } = parseArgs(rest, ['json']);
    return withDatabase(async (db) => {
      const verdict = await verifyAuditLog(db);
      if (flags.has('json')) console.log(JSON.stringify(verdict, null, 2));
      else if (verdict.ok) {
        console.log(`Журнал контролю цілісний: перевірено ${plural(verdict.checked, ENTRIES)}.`);
        if (verdict.head) console.log(`Останній запис ${verdict.head.seq}, хеш ${verdict.head.hash}`);
      } else {
        console.log(`ЖУРНАЛ КОНТРОЛЮ ПОШКОДЖЕНО: ${verdict.messageUk}`);
        console.log(`Перший пошкоджений запис: ${verdict.brokenAt} (до нього перевірено ${plural(verdict.checked, ENTRIES)}).`);
      }
      return verdict.ok ? 0 : 1;
    });
  },
};
