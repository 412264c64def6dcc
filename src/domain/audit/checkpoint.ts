import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { AuditCheckpoint } from '../../schemas/generated';
import { GENESIS_HASH } from './chain';

/**
 * A signed checkpoint of the control log, as transparency logs sign their tree heads: how many
 * entries the log had, the newest entry's seq and hash (which commits to every entry before it),
 * and when. The key is outside the database, so whoever holds the database can rewrite the chain
 * but cannot sign a checkpoint of the rewritten one: `audit verify` then finds the entry where the
 * chain stops agreeing with a checkpoint, or the entries a checkpoint vouched for that are gone.
 */
export type Checkpoint = AuditCheckpoint;

export type UnsignedCheckpoint = Omit<Checkpoint, 'signature'>;

/** What the checkpoints name the log they are of (also separates these signatures from any other use of the key). */
export const CHECKPOINT_ORIGIN = 'dilovod/audit_log';

/** The signed bytes: one field per line (like C2SP tlog checkpoints), nothing left to a JSON serialiser. */
export function checkpointText(c: UnsignedCheckpoint): string {
  return ['dilovod-audit-checkpoint v1', c.origin, c.size, c.headSeq, c.headHash, c.at, c.keyId, ''].join('\n');
}

export function keyIdOf(key: KeyObject): string {
  return createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

/** The brief description verdicts give of a checkpoint. */
export interface CheckpointRef {
  size: number;
  headSeq: number;
  headHash: string;
  at: string;
  keyId: string;
}

export const refOf = (c: Checkpoint): CheckpointRef => ({ size: c.size, headSeq: c.headSeq, headHash: c.headHash, at: c.at, keyId: c.keyId });

/** Parses one checkpoint's JSON; undefined when it is not one (the caller says where). */
export function parseCheckpoint(value: unknown): Checkpoint | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const c = value as Record<string, unknown>;
  const ok = c.v === 1 && typeof c.origin === 'string' && Number.isSafeInteger(c.size) && (c.size as number) >= 0 &&
    Number.isSafeInteger(c.headSeq) && (c.headSeq as number) >= 0 && typeof c.headHash === 'string' && /^[0-9a-f]{64}$/.test(c.headHash) &&
    typeof c.at === 'string' && !Number.isNaN(Date.parse(c.at)) && typeof c.keyId === 'string' && /^[0-9a-f]{16}$/.test(c.keyId) &&
    typeof c.signature === 'string' && /^[A-Za-z0-9+/]+={0,2}$/.test(c.signature);
  if (!ok) return undefined;
  return {
    v: 1, origin: c.origin as string, size: c.size as number, headSeq: c.headSeq as number, headHash: c.headHash as string,
    at: c.at as string, keyId: c.keyId as string, signature: c.signature as string,
  };
}

/** Public keys by key id, from PEM (a private key's PEM gives its public half). */
export function keyRing(pems: string[]): Map<string, KeyObject> {
  const ring = new Map<string, KeyObject>();
  for (const pem of pems) {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('a checkpoint key must be Ed25519');
    ring.set(keyIdOf(key), key);
  }
  return ring;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'unknown-key' | 'bad-signature' | 'wrong-log' };

export function checkSignature(c: Checkpoint, keys: Map<string, KeyObject>): SignatureCheck {
  if (c.origin !== CHECKPOINT_ORIGIN) return { ok: false, reason: 'wrong-log' };
  const key = keys.get(c.keyId);
  if (!key) return { ok: false, reason: 'unknown-key' };
  const { signature, ...unsigned } = c;
  const good = verify(null, Buffer.from(checkpointText(unsigned)), key, Buffer.from(signature, 'base64'));
  return good ? { ok: true } : { ok: false, reason: 'bad-signature' };
}

/** A checkpoint of an empty log vouches for nothing (and is never made). */
export const isEmptyCheckpoint = (c: CheckpointRef): boolean => c.size === 0 && c.headHash === GENESIS_HASH;
