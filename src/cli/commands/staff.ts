import { appendAudit } from '../../audit';
import { importStaff, listStaff, readStaffFile } from '../../identity';
import { withDatabase } from '../database';
import { CLI_ACTOR, parseArgs, UsageError, type CliCommand } from '../command';
import { plural } from '../../domain/plural-uk';
import { inputFileErrorText } from '../hub-error';

/** «додано 1 особу», «3 особи», «5 осіб». */
const PEOPLE = { one: 'особу', few: 'особи', many: 'осіб' };

export const command: CliCommand = {
  name: 'staff',
  summary: 'імпортувати (CSV або JSON) чи переглянути довідник працівників: особи, посади, заміщення',
  usage: ['dilovod staff import ФАЙЛ (CSV або JSON)', 'dilovod staff list'],
  async run(args) {
    const [sub, ...rest] = args;
    const { positional } = parseArgs(rest);
    if (!(sub === 'import' && positional.length === 1) && sub !== 'list') throw new UsageError();
    return withDatabase(async (db) => {
      if (sub === 'list') {
        for (const p of await listStaff(db)) {
          const standIns = (p.standsInFor ?? []).map((s) => `заміщує ${s.staffId} з ${s.from}${s.to ? ` по ${s.to}` : ''}`).join('; ');
          console.log([p.id, p.fullName, p.position, p.subdivision ?? '', (p.roles ?? []).join(','), p.active === false ? 'неактивний' : '', standIns].join('\t'));
        }
        return 0;
      }
      try {
        const dir = readStaffFile(positional[0] as string);
        const now = new Date();
        const counts = await db.tx(async (q) => {
          const c = await importStaff(q, dir, now);
          await appendAudit(q, { at: now.toISOString(), ...CLI_ACTOR, action: 'staff.imported', documentId: null, before: null, after: { ...c, ids: dir.staff.map((p) => p.id) }, reason: null });
          return c;
        });
        console.log(`Довідник працівників: додано ${plural(counts.added, PEOPLE)}, оновлено ${plural(counts.updated, PEOPLE)}.`);
        return 0;
      } catch (err) {
        const text = inputFileErrorText(err, positional[0] as string);
        if (text !== undefined) {
          console.error(`dilovod staff: ${text}`);
          return 65;
        }
        throw err;
      }
    }, { migrate: true });
  },
};
