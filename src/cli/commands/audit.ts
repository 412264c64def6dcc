import { verifyAuditLog } from '../../audit';
import { withDatabase } from '../database';
import { parseArgs, UsageError, type CliCommand } from '../command';

export const command: CliCommand = {
  name: 'audit',
  summary: 'audit verify [--json]: walk the control log hash chain, report the first broken entry',
  async run(args) {
    const [sub, ...rest] = args;
    if (sub !== 'verify') throw new UsageError('dilovod audit verify [--json]');
    const { flags } = parseArgs(rest, ['json']);
    return withDatabase(async (db) => {
      const verdict = await verifyAuditLog(db);
      if (flags.has('json')) console.log(JSON.stringify(verdict, null, 2));
      else if (verdict.ok) {
        console.log(`Журнал контролю цілісний: перевірено ${verdict.checked} записів.`);
        if (verdict.head) console.log(`Останній запис ${verdict.head.seq}, хеш ${verdict.head.hash}`);
      } else {
        console.log(`ЖУРНАЛ КОНТРОЛЮ ПОШКОДЖЕНО: ${verdict.messageUk}`);
        console.log(`Перший пошкоджений запис: ${verdict.brokenAt} (до нього перевірено ${verdict.checked} записів).`);
      }
      return verdict.ok ? 0 : 1;
    });
  },
};
