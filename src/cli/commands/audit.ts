import type { KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { verifyAuditLog } from '../../audit';
import {
  AuditCheckpoints, publicKeyPemsFromFile, readCheckpointFile, trustedKeys, verifyWithCheckpoints, type FoundCheckpoint,
} from '../../audit/checkpoints';
import { loadConfig } from '../../config';
import { keyRing, type ChainVerdict, type RejectedCheckpoint } from '../../domain/audit';
import { systemClock } from '../../domain/clock';
import { createLogger } from '../../log';
import { withDatabase } from '../database';
import { parseArgs, UsageError, type CliCommand } from '../command';
import { plural } from '../../domain/plural-uk';

/** «перевірено 1 запис», «2 записи», «6 записів». */
const ENTRIES = { one: 'запис', few: 'записи', many: 'записів' };
/** «збігається з 1 контрольною точкою», «з 5 контрольними точками» (instrumental). */
const CHECKPOINTS = { one: 'контрольною точкою', few: 'контрольними точками', many: 'контрольними точками' };

/**
 * The trusted keys checkpoints are checked by, and where they came from: --public-key FILE(s) if
 * given (the auditor's own copy: each file one key or a trusted-keys file of several), else, on
 * the hub's machine, AUDIT_CHECKPOINT_PUBLIC_KEYS, else the hub's key file. Nothing else is
 * trusted: a checkpoint by any other key is reported, never believed (issue 14).
 */
function keys(given: string[]): { ring: Map<string, KeyObject>; from: string } {
  for (const f of given) if (!existsSync(f)) throw new UsageError(`файл ключа ${f} не існує`);
  try {
    if (given.length) return { ring: keyRing(given.flatMap(publicKeyPemsFromFile)), from: '--public-key' };
  } catch (err) {
    throw new UsageError(`--public-key: ${(err as Error).message}`);
  }
  const c = loadConfig().auditCheckpoints;
  if (!c) return { ring: new Map(), from: '' };
  const own = existsSync(c.keyFile) ? () => publicKeyPemsFromFile(c.keyFile)[0] as string : undefined;
  return { ring: trustedKeys(c, own), from: c.publicKeyFiles.length ? 'AUDIT_CHECKPOINT_PUBLIC_KEYS' : c.keyFile };
}

/** The checkpoints of --checkpoint FILE(s) (one checkpoint, or JSON Lines of many), each with its place for the verdict. */
function fromFiles(files: string[]): FoundCheckpoint[] {
  const found: FoundCheckpoint[] = [];
  for (const file of files) {
    if (!existsSync(file)) throw new UsageError(`файл контрольних точок ${file} не існує`);
    const read = readCheckpointFile(file);
    for (const line of read.unreadable) found.push({ value: null, where: `${file}:${line}`, whereUk: `${file}:${line}` });
    for (const c of read.checkpoints) found.push({ value: c, where: `${file}:${c.line}`, whereUk: `${file}:${c.line}` });
  }
  return found;
}

function print(verdict: ChainVerdict): void {
  if (verdict.ok) {
    console.log(`Журнал контролю цілісний: перевірено ${plural(verdict.checked, ENTRIES)}.`);
    if (verdict.head) console.log(`Останній запис ${verdict.head.seq}, хеш ${verdict.head.hash}`);
    if (verdict.checkpointsChecked !== undefined) {
      console.log(verdict.checkpoint
        ? `Збігається з ${plural(verdict.checkpointsChecked, CHECKPOINTS)}; найновіша від ${verdict.checkpoint.at} засвідчує ${plural(verdict.checkpoint.size, ENTRIES)}` +
          (verdict.checked > verdict.checkpoint.size ? `, новіші ${plural(verdict.checked - verdict.checkpoint.size, ENTRIES)} ще не засвідчено.` : '.')
        : 'Підписаних контрольних точок не надано: переписаний цілком журнал так не виявити (дайте --checkpoint ФАЙЛ).');
    }
    return;
  }
  const notAccepted = verdict.problem === 'checkpoint-untrusted' || verdict.problem === 'checkpoint-invalid';
  // A checkpoint not believed is not a damaged log: say which it is, and how far the log holds.
  console.log(notAccepted ? `КОНТРОЛЬНУ ТОЧКУ НЕ ПРИЙНЯТО: ${verdict.messageUk}` : `ЖУРНАЛ КОНТРОЛЮ ПОШКОДЖЕНО: ${verdict.messageUk}`);
  if (verdict.brokenAt !== undefined) {
    console.log(verdict.problem === 'entries-missing'
      ? `Перший відсутній запис: ${verdict.brokenAt} (у журналі ${plural(verdict.checked, ENTRIES)}).`
      : `Перший пошкоджений запис: ${verdict.brokenAt} (до нього перевірено ${plural(verdict.checked, ENTRIES)}).`);
  }
  if (notAccepted) {
    console.log(verdict.lastConfirmed
      ? `За довіреними контрольними точками журнал цілісний: перевірено ${plural(verdict.checked, ENTRIES)}, найновіша довірена від ${verdict.lastConfirmed.at} засвідчує ${plural(verdict.lastConfirmed.size, ENTRIES)}.`
      : `Ланцюжок хешів цілісний (перевірено ${plural(verdict.checked, ENTRIES)}), але жодна довірена контрольна точка його не засвідчує.`);
  } else if (verdict.checkpoint) {
    console.log(`Контрольна точка: від ${verdict.checkpoint.at}, ${plural(verdict.checkpoint.size, ENTRIES)}, останній № ${verdict.checkpoint.headSeq}, ключ ${verdict.checkpoint.keyId}.`);
  }
  for (const r of verdict.rejected ?? []) {
    console.log(`Не прийнято: ${r.where} — ${REJECTED_UK[r.reason]}${r.checkpoint ? ` (ключ ${r.checkpoint.keyId}, ${plural(r.checkpoint.size, ENTRIES)}, від ${r.checkpoint.at})` : ''}.`);
  }
}

const REJECTED_UK: Record<RejectedCheckpoint['reason'], string> = {
  'untrusted-key': 'ключа немає серед довірених',
  'bad-signature': 'недійсний підпис',
  'wrong-log': 'не цього журналу',
  unreadable: 'не читається як контрольна точка',
};

export const command: CliCommand = {
  name: 'audit',
  summary: 'перевірити цілісність журналу контролю (ланцюжок хешів і підписані контрольні точки) і назвати, де історію змінено',
  usage: ['dilovod audit verify [--checkpoint ФАЙЛ]… [--public-key ФАЙЛ]… [--json]'],
  async run(args) {
    const [sub, ...rest] = args;
    if (sub !== 'verify') throw new UsageError();
    const { flags, positional } = parseArgs(rest, ['json']);
    if (positional.length) throw new UsageError(`зайвий аргумент «${positional[0]}»`);
    const given = flags.get('checkpoint') ?? [];
    const { ring, from } = keys(flags.get('public-key') ?? []);
    if (!flags.has('json')) {
      console.log(ring.size
        ? `Довірені ключі (${from}): ${[...ring.keys()].join(', ')}.`
        : 'Довірених ключів немає: жодна контрольна точка не буде прийнята (дайте --public-key ФАЙЛ).');
    }
    const found = given.length ? fromFiles(given) : undefined;
    return withDatabase(async (db) => {
      let verdict: ChainVerdict;
      if (found) verdict = await verifyWithCheckpoints(db, found, ring);
      else {
        // No file given: every checkpoint the hub keeps (its table and its file), as GET /api/v1/audit/verify does.
        const c = loadConfig().auditCheckpoints;
        const hub = new AuditCheckpoints(db, systemClock, createLogger({ level: 'silent' }), { keys: ring, file: c?.file, intervalMs: c?.intervalMs ?? 300_000 });
        const stored = await hub.found();
        verdict = stored.length ? await verifyWithCheckpoints(db, stored, ring) : await verifyAuditLog(db, { checkpoints: [] });
      }
      if (flags.has('json')) console.log(JSON.stringify(verdict, null, 2));
      else print(verdict);
      return verdict.ok ? 0 : 1;
    });
  },
};
