import { loadConfig } from '../../config';
import { systemClock } from '../../domain/clock';
import { composePipeline } from '../../hub/pipeline';
import { createLogger } from '../../log';
import { dismissQuarantined, replayAll, replayQuarantined, type ReplayOutcome } from '../../quarantine';
import { quarantine, type Db } from '../../store';
import { CLI_ACTOR, parseArgs, UsageError, type CliCommand } from '../command';
import { withDatabase } from '../database';
import { plural } from '../../domain/plural-uk';

const ITEMS = { one: 'запис', few: 'записи', many: 'записів' };

/** What a connector's own message did when replayed (issue 18: СЕВ ОВВ receipts and additions). */
const APPLIED_UK: Record<string, string> = {
  'sev-ovv.receipt': 'квитанцію СЕВ ОВВ застосовано до вихідного повідомлення',
  'sev-ovv.addition': 'доповнення СЕВ ОВВ додано до картки',
};

function say(o: ReplayOutcome): string {
  switch (o.outcome) {
    case 'registered':
      return `${o.id}: зареєстровано (документ ${o.documentId})`;
    case 'already-on-file':
      return `${o.id}: документ уже є (${o.documentId})`;
    case 'applied':
      return `${o.id}: ${APPLIED_UK[o.applied] ?? 'застосовано'}${o.changed ? '' : ' (уже було застосовано)'}`;
    case 'not-open':
      return `${o.id}: уже опрацьовано`;
    case 'refused-again':
      return `${o.id}: знову відхилено — ${o.code}: ${o.messageUk}`;
  }
}

async function replay(db: Db, target: { id?: string; code?: string; source?: string }): Promise<number> {
  const config = loadConfig();
  const { deps } = await composePipeline(config, db, createLogger({ level: 'silent' }), systemClock);
  const outcomes = target.id ? [await replayQuarantined(deps, target.id, CLI_ACTOR)] : await replayAll(deps, target, CLI_ACTOR);
  for (const o of outcomes) console.log(say(o));
  const done = outcomes.filter((o) => o.outcome === 'registered' || o.outcome === 'already-on-file' || o.outcome === 'applied').length;
  console.log(`Повторно оброблено ${plural(outcomes.length, ITEMS)}, зареєстровано, застосовано або знайдено ${done}.`);
  return outcomes.some((o) => o.outcome === 'refused-again') ? 1 : 0;
}

export const command: CliCommand = {
  name: 'quarantine',
  summary: 'переглянути, повторно обробити (після виправлення) чи відхилити (з причиною) те, чого хаб не прийняв',
  usage: [
    'dilovod quarantine list [--code КОД] [--source ДЖЕРЕЛО] [--status open|replayed|dismissed]',
    'dilovod quarantine replay ID | --code КОД | --source ДЖЕРЕЛО',
    'dilovod quarantine dismiss ID --reason ТЕКСТ',
  ],
  async run(args) {
    const [sub, ...rest] = args;
    const { flags, positional } = parseArgs(rest);
    const one = (name: string) => flags.get(name)?.[0];
    if (sub !== 'list' && sub !== 'replay' && sub !== 'dismiss') throw new UsageError();
    if (sub === 'replay' && !positional[0] && !one('code') && !one('source')) throw new UsageError('вкажіть запис (ID) або --code чи --source');
    if (sub === 'dismiss' && (!positional[0] || !one('reason'))) throw new UsageError('вкажіть запис (ID) і причину (--reason)');
    return withDatabase(async (db) => {
      if (sub === 'replay') return replay(db, { id: positional[0], code: one('code'), source: one('source') });
      if (sub === 'dismiss') {
        const done = await dismissQuarantined({ db, clock: systemClock }, positional[0] as string, one('reason') as string, CLI_ACTOR);
        console.log(done ? `Запис ${positional[0]} відхилено остаточно.` : `Відкритого запису ${positional[0]} немає.`);
        return done ? 0 : 65;
      }
      const status = one('status') ?? 'open';
      if (!/^(open|replayed|dismissed)$/.test(status)) throw new UsageError(`--status: має бути open, replayed або dismissed, отримано «${status}»`);
      const rows = await quarantine.listQuarantine(db, { limit: 1000, code: one('code'), source: one('source'), status: status as quarantine.QuarantineStatus });
      for (const r of rows) console.log([r.id, r.received_at.toISOString(), r.code, r.source ?? '-', r.channel, r.attempts, r.reason_uk].join('\t'));
      console.error(plural(rows.length, ITEMS));
      return 0;
    }, { migrate: true });
  },
};
