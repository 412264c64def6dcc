import { reconcile } from '../../../connectors/edms';
import { parseArgs, UsageError, type CliCommand } from '../command';
import { withDatabase } from '../database';
import { plural } from '../../domain/plural-uk';

const CARDS = { one: 'картку', few: 'картки', many: 'карток' };

export const command: CliCommand = {
  name: 'edms',
  summary: 'звірити підписку СЕД: надіслати заново те, чого СЕД не підтвердила',
  usage: ['dilovod edms reconcile --subscription ID'],
  async run(args) {
    const [sub, ...rest] = args;
    const { flags } = parseArgs(rest);
    const id = flags.get('subscription')?.[0];
    if (sub !== 'reconcile') throw new UsageError();
    if (!id || !/^[0-9a-f-]{36}$/i.test(id)) throw new UsageError('--subscription: потрібен ідентифікатор підписки (UUID)');
    return withDatabase(async (db) => {
      const report = await reconcile(db, id, new Date());
      if (!report) {
        console.error(`dilovod edms: підписки ${id} немає`);
        return 65;
      }
      console.log(`Звірено ${plural(report.cards, CARDS)}: узгоджено ${report.inStep}, ще в черзі ${report.pending}, надіслано стан заново ${report.snapshots}; повернуто в чергу відкладених доставок: ${report.replayed}.`);
      return 0;
    }, { migrate: true });
  },
};
