import { migrate } from '../../store';
import type { CliCommand } from '../command';
import { withDatabase } from '../database';
import { plural } from '../../domain/plural-uk';

export const command: CliCommand = {
  name: 'migrate',
  summary: 'застосувати нові міграції бази даних (DATABASE_URL, інакше вбудована база)',
  usage: ['dilovod migrate'],
  async run() {
    return withDatabase(async (db) => {
      const applied = await migrate(db);
      console.log(applied.length
        ? `Застосовано ${plural(applied.length, { one: 'міграцію', few: 'міграції', many: 'міграцій' })}: ${applied.join(', ')}`
        : 'База даних актуальна: нових міграцій немає');
      return 0;
    });
  },
};
