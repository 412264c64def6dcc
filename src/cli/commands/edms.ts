import { reconcile } from '../../../connectors/edms';
import { parseArgs, UsageError, type CliCommand } from '../command';
import { withDatabase } from '../database';
import { plural } from '../plural';

const USAGE = 'dilovod edms reconcile --subscription ID';
const CARDS = { one: 'картку', few: 'картки', many: 'карток' };

export const command: CliCommand = {
  name: 'edms',
  summary: 'reconcile --subscription ID: re-send the EDMS what it has not acknowledged',
  async run(args) {
    const [sub, ...rest] = args;
    const { flags } = parseArgs(rest);
    const id = flags.get('subscription')?.[0];
    if (sub !== 'reconcile' || !id || !/^[0-9a-f-]{36}$/i.test(id)) throw new UsageError(USAGE);
    return withDatabase(async (db) => {
      const report = await reconcile(db, id, new Date());
      if (!report) {
        console.error(`dilovod edms: підписки ${id} немає / no subscription ${id}`);
        return 65;
      }
      console.log(`Звірено ${plural(report.cards, CARDS)}: узгоджено ${report.inStep}, ще в черзі ${report.pending}, надіслано стан заново ${report.snapshots}; повернуто в чергу відкладених доставок: ${report.replayed}.`);
      return 0;
    }, { migrate: true });
  },
};
