import { existsSync } from 'node:fs';
import { verifyAuditLog } from '../../audit';
import { AuditCheckpoints, publicKeyPemFromFile, readCheckpointFile, verifyWithCheckpoints, type FoundCheckpoint } from '../../audit/checkpoints';
import { loadConfig } from '../../config';
import { keyRing, type ChainVerdict } from '../../domain/audit';
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
 * The keys checkpoints are checked by: --public-key FILE(s) if given (the auditor's own copy),
 * else the hub's key file and AUDIT_CHECKPOINT_PUBLIC_KEYS (on the hub's machine).
 */
function keys(given: string[]): ReturnType<typeof keyRing> {
  for (const f of given) if (!existsSync(f)) throw new UsageError(`файл ключа ${f} не існує`);
  if (given.length) return keyRing(given.map(publicKeyPemFromFile));
  const c = loadConfig().auditCheckpoints;
  const files = c ? [...c.publicKeyFiles, ...(existsSync(c.keyFile) ? [c.keyFile] : [])] : [];
  return keyRing(files.map(publicKeyPemFromFile));
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
  console.log(`ЖУРНАЛ КОНТРОЛЮ ПОШКОДЖЕНО: ${verdict.messageUk}`);
  if (verdict.brokenAt !== undefined) {
    console.log(verdict.problem === 'entries-missing'
      ? `Перший відсутній запис: ${verdict.brokenAt} (у журналі ${plural(verdict.checked, ENTRIES)}).`
      : `Перший пошкоджений запис: ${verdict.brokenAt} (до нього перевірено ${plural(verdict.checked, ENTRIES)}).`);
  }
  if (verdict.checkpoint) console.log(`Контрольна точка: від ${verdict.checkpoint.at}, ${plural(verdict.checkpoint.size, ENTRIES)}, останній № ${verdict.checkpoint.headSeq}, ключ ${verdict.checkpoint.keyId}.`);
}

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
    const ring = keys(flags.get('public-key') ?? []);
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
