import type { KeyObject } from 'node:crypto';
import { checkSignature, parseCheckpoint, refOf, type ChainVerdict, type Checkpoint, type CheckpointRef } from '../../domain/audit';
import type { Queryable } from '../../store';
import { verifyAuditLog } from '..';

/** A checkpoint as found somewhere, and where: a verdict about it says where to look. */
export interface FoundCheckpoint {
  value: unknown;
  where: string;
  whereUk: string;
}

const REASONS_UK = {
  'unknown-key': 'підписана невідомим ключем (дайте --public-key або AUDIT_CHECKPOINT_PUBLIC_KEYS)',
  'bad-signature': 'має недійсний підпис: її підроблено або змінено',
  'wrong-log': 'належить не журналу контролю цього хаба',
  unreadable: 'не є контрольною точкою (не вдалося прочитати)',
} as const;
const REASONS = {
  'unknown-key': 'is signed by an unknown key (give --public-key or AUDIT_CHECKPOINT_PUBLIC_KEYS)',
  'bad-signature': 'has an invalid signature: it was forged or altered',
  'wrong-log': 'is not a checkpoint of this hub\'s control log',
  unreadable: 'is not a checkpoint (cannot be read)',
} as const;

/** Checks each signature: the checkpoints that hold, or the first that does not as a verdict. */
export function authenticCheckpoints(found: FoundCheckpoint[], keys: Map<string, KeyObject>): { ok: true; checkpoints: Checkpoint[] } | { ok: false; verdict: ChainVerdict } {
  const checkpoints: Checkpoint[] = [];
  for (const f of found) {
    const c = parseCheckpoint(f.value);
    const check = c ? checkSignature(c, keys) : ({ ok: false, reason: 'unreadable' } as const);
    if (!check.ok || !c) {
      const reason = check.ok ? 'unreadable' : check.reason;
      return {
        ok: false,
        verdict: {
          ok: false, checked: 0, problem: 'checkpoint-invalid', ...(c ? { checkpoint: refOf(c) } : {}),
          message: `the checkpoint ${f.where} ${REASONS[reason]}; nothing was checked against it`,
          messageUk: `контрольна точка ${f.whereUk} ${REASONS_UK[reason]}; за нею нічого не перевірено`,
        },
      };
    }
    checkpoints.push(c);
  }
  return { ok: true, checkpoints };
}

/** The log's chain and hashes, and its agreement with every authentic checkpoint found. */
export async function verifyWithCheckpoints(q: Queryable, found: FoundCheckpoint[], keys: Map<string, KeyObject>): Promise<ChainVerdict> {
  const auth = authenticCheckpoints(found, keys);
  if (!auth.ok) return auth.verdict;
  const refs: CheckpointRef[] = auth.checkpoints.map(refOf);
  return verifyAuditLog(q, { checkpoints: refs });
}
