import { appendAudit } from '../../audit';
import { HubError } from '../../errors';
import { importStaff, listStaff, readStaffFile } from '../../identity';
import { withDatabase } from '../database';
import { CLI_ACTOR, parseArgs, UsageError, type CliCommand } from '../command';
import { plural } from '../plural';

const USAGE = 'dilovod staff import FILE (CSV or JSON) | dilovod staff list';

export const command: CliCommand = {
  name: 'staff',
  summary: 'import (CSV or JSON) or list the staff directory: people, positions, stand-ins',
  async run(args) {
    const [sub, ...rest] = args;
    const { positional } = parseArgs(rest);
    if (!(sub === 'import' && positional.length === 1) && sub !== 'list') throw new UsageError(USAGE);
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
        const people = { one: 'особу', few: 'особи', many: 'осіб' };
        console.log(`Довідник працівників: додано ${plural(counts.added, people)}, оновлено ${plural(counts.updated, people)}.`);
        return 0;
      } catch (err) {
        if (err instanceof HubError || err instanceof SyntaxError || (err as NodeJS.ErrnoException).code === 'ENOENT') {
          const details = (err as HubError).details;
          console.error(`dilovod staff: ${err instanceof HubError ? err.spec.messageUk : (err as Error).message}${details ? `\n${JSON.stringify(details, null, 2)}` : ''}`);
          return 65;
        }
        throw err;
      }
    }, { migrate: true });
  },
};
