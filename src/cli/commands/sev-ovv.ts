import { importParticipants, listParticipants, readParticipantsFile } from '../../../connectors/sev-ovv/outgoing';
import { appendAudit } from '../../audit';
import { plural } from '../../domain/plural-uk';
import { withDatabase } from '../database';
import { CLI_ACTOR, parseArgs, UsageError, type CliCommand } from '../command';
import { inputFileErrorText } from '../hub-error';

/** «додано 1 учасника», «3 учасники», «5 учасників». */
const PARTICIPANTS = { one: 'учасника', few: 'учасники', many: 'учасників' };

export const command: CliCommand = {
  name: 'sev-ovv',
  summary: 'довідник учасників СЕВ ОВВ (кому рада надсилає документи): імпортувати з CSV або JSON, переглянути',
  usage: ['dilovod sev-ovv participants import ФАЙЛ (CSV або JSON: edrpou, sysId, name)', 'dilovod sev-ovv participants list'],
  async run(args) {
    const [group, sub, ...rest] = args;
    const { positional } = parseArgs(rest);
    if (group !== 'participants' || !((sub === 'import' && positional.length === 1) || (sub === 'list' && positional.length === 0))) throw new UsageError();
    return withDatabase(async (db) => {
      if (sub === 'list') {
        const list = await listParticipants(db);
        for (const p of list) console.log([p.edrpou, p.sysId, p.name].join('\t'));
        console.log(`Усього ${plural(list.length, { one: 'учасник', few: 'учасники', many: 'учасників' })}.`);
        return 0;
      }
      const file = positional[0] as string;
      try {
        const list = readParticipantsFile(file);
        const now = new Date();
        const counts = await db.tx(async (q) => {
          const c = await importParticipants(q, list, now);
          await appendAudit(q, { at: now.toISOString(), ...CLI_ACTOR, action: 'sev-ovv.participants-imported', documentId: null, before: null, after: { ...c, edrpou: list.map((p) => p.edrpou) }, reason: null });
          return c;
        });
        console.log(`Учасники СЕВ ОВВ: додано ${plural(counts.added, PARTICIPANTS)}, оновлено ${plural(counts.updated, PARTICIPANTS)}.`);
        return 0;
      } catch (err) {
        const text = inputFileErrorText(err, file);
        if (text !== undefined) {
          console.error(`dilovod sev-ovv: ${text}`);
          return 65;
        }
        throw err;
      }
    }, { migrate: true });
  },
};
