import type { KeyObject } from 'node:crypto';
import {
  checkSignature, parseCheckpoint, refOf, type ChainVerdict, type Checkpoint, type CheckpointRef, type RejectedCheckpoint,
} from '../../domain/audit';
import { plural } from '../../domain/plural-uk';
import type { Queryable } from '../../store';
import { verifyAuditLog } from '..';

/** A checkpoint as found somewhere, and where: a verdict about it says where to look. */
export interface FoundCheckpoint {
  value: unknown;
  where: string;
  whereUk: string;
}

type Reason = RejectedCheckpoint['reason'];

const REASONS_UK: Record<Reason, (keyId?: string) => string> = {
  'untrusted-key': (k) => `підписана невідомим ключем ${k ?? ''}, якого немає серед довірених (--public-key, AUDIT_CHECKPOINT_PUBLIC_KEYS)`,
  'bad-signature': () => 'має недійсний підпис: її підроблено або змінено',
  'wrong-log': () => 'належить не журналу контролю цього хаба',
  unreadable: () => 'не є контрольною точкою (не вдалося прочитати)',
};
const REASONS: Record<Reason, (keyId?: string) => string> = {
  'untrusted-key': (k) => `is signed by key ${k ?? ''}, which is not among the trusted keys (--public-key, AUDIT_CHECKPOINT_PUBLIC_KEYS)`,
  'bad-signature': () => 'has an invalid signature: it was forged or altered',
  'wrong-log': () => 'is not a checkpoint of this hub\'s control log',
  unreadable: () => 'is not a checkpoint (cannot be read)',
};

/** «за ще 1 контрольною точкою», «за ще 3 контрольними точками» (instrumental, as «за нею»). */
const MORE_UK = { one: 'контрольною точкою', few: 'контрольними точками', many: 'контрольними точками' };

/**
 * Checks each signature against the trusted keys only: the checkpoints that hold, and the ones
 * that do not with where they were found. A key not on the list vouches for nothing (issue 14:
 * whoever holds the database may sign a rewritten log with a key of their own); such checkpoints
 * are reported, never believed and never silently skipped.
 */
export function authenticCheckpoints(found: FoundCheckpoint[], keys: Map<string, KeyObject>): { checkpoints: Checkpoint[]; rejected: Array<RejectedCheckpoint & { whereUk: string }> } {
  const checkpoints: Checkpoint[] = [];
  const rejected: Array<RejectedCheckpoint & { whereUk: string }> = [];
  for (const f of found) {
    const c = parseCheckpoint(f.value);
    const check = c ? checkSignature(c, keys) : ({ ok: false, reason: 'unreadable' } as const);
    if (check.ok && c) checkpoints.push(c);
    else rejected.push({ where: f.where, whereUk: f.whereUk, reason: check.ok ? 'unreadable' : check.reason, ...(c ? { checkpoint: refOf(c) } : {}) });
  }
  return { checkpoints, rejected };
}

/**
 * The log's chain and hashes, and its agreement with every trusted checkpoint found. The chain is
 * checked against the trusted checkpoints even when others were rejected, so a rewrite is named
 * whatever else was planted beside it; a rejected checkpoint alone still fails the check
 * (`checkpoint-untrusted`, or `checkpoint-invalid` for a bad signature), with how far the log
 * holds against the trusted ones in `checked` and `lastConfirmed`.
 */
export async function verifyWithCheckpoints(q: Queryable, found: FoundCheckpoint[], keys: Map<string, KeyObject>): Promise<ChainVerdict> {
  const { checkpoints, rejected } = authenticCheckpoints(found, keys);
  const refs: CheckpointRef[] = checkpoints.map(refOf);
  const verdict = await verifyAuditLog(q, { checkpoints: refs });
  if (!rejected.length) return verdict;
  const listed: RejectedCheckpoint[] = rejected.map(({ whereUk: _w, ...r }) => r);
  if (!verdict.ok) return { ...verdict, rejected: listed };
  const [first] = rejected as [RejectedCheckpoint & { whereUk: string }];
  const more = rejected.length - 1;
  const held = refs.length
    ? `the log holds against the ${refs.length} trusted checkpoint(s)`
    : 'no trusted checkpoint was found';
  const heldUk = refs.length
    ? `журнал узгоджується з довіреними контрольними точками (${refs.length})`
    : 'довірених контрольних точок не знайдено';
  return {
    ok: false, checked: verdict.checked,
    problem: first.reason === 'untrusted-key' ? 'checkpoint-untrusted' : 'checkpoint-invalid',
    ...(first.checkpoint ? { checkpoint: first.checkpoint } : {}),
    message: `the checkpoint ${first.where} ${REASONS[first.reason](first.checkpoint?.keyId)}; nothing was checked against it` +
      `${more ? ` (nor against ${more} more not accepted)` : ''}; ${held}`,
    messageUk: `контрольна точка ${first.whereUk} ${REASONS_UK[first.reason](first.checkpoint?.keyId)}; за нею нічого не перевірено` +
      `${more ? ` (як і за ще ${plural(more, MORE_UK)}, яких не прийнято)` : ''}; ${heldUk}`,
    lastConfirmed: verdict.checkpoint ?? null,
    rejected: listed,
  };
}
