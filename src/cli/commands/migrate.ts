import { migrateWithRoles } from '../../store/roles';
import { loadConfig } from '../../config';
import type { CliCommand } from '../command';
import { withDatabase } from '../database';
import { plural } from '../../domain/plural-uk';

export const command: CliCommand = {
  name: 'migrate',
  summary: 'застосувати нові міграції бази даних (DATABASE_URL, інакше вбудована база; як власник таблиць, якщо задано окрему роль)',
  usage: ['dilovod migrate'],
  async run() {
    return withDatabase(async (db) => {
      const { applied, roles } = await migrateWithRoles(db, loadConfig().databaseMigrationUrl);
      if (roles && !roles.weakness) console.log(`Роль ${roles.runtimeRole} отримала лише потрібні права; журнал контролю їй — тільки додавати й читати`);
      if (roles?.weakness) console.log(`УВАГА: роль ${roles.runtimeRole} досі може переписати журнал контролю (${roles.weakness})`);
      console.log(applied.length
        ? `Застосовано ${plural(applied.length, { one: 'міграцію', few: 'міграції', many: 'міграцій' })}: ${applied.join(', ')}`
        : 'База даних актуальна: нових міграцій немає');
      return 0;
    });
  },
};
