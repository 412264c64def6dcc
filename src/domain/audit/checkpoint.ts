import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { AuditCheckpoint } from '../../schemas/generated';
import { GENESIS_HASH } from './chain';

/**
 * A signed checkpoint of the control log, as transparency logs sign their tree heads (RFC 6962
 * §3.5 signed tree heads; the C2SP tlog-checkpoint and signed-note formats): how many entries the
 * log had, the newest entry's seq and hash (which commits to every entry before it), and when.
 * The key is outside the database, so whoever holds the database can rewrite the chain but cannot
 * sign a checkpoint of the rewritten one: `audit verify` then finds the entry where the chain
 * stops agreeing with a checkpoint, or the entries a checkpoint vouched for that are gone.
 *
 * Several hub processes may sign, each with its own key (issue 14; as a C2SP signed note may carry
 * several signers' lines). Each checkpoint names its key (`keyId`, inside the signed text), and a
 * verifier believes only the keys on its trusted list: a key not on the list vouches for nothing,
 * however good its signature.
 */
export type Checkpoint = AuditCheckpoint;

export type UnsignedCheckpoint = Omit<Checkpoint, 'signature'>;

/**
 * The event each checkpoint is published as (the events exchange, the change feed, the EDMS's
 * webhooks): issue 14 asks for every checkpoint where others keep it. It is about the log, not a
 * document, so filters by a document's source do not apply to it.
 */
export const CHECKPOINT_EVENT = 'audit.checkpoint';

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

/**
 * Every PEM block of a text: a trusted-keys file holds one public key per hub, concatenated, with
 * anything outside the blocks (a line naming the hub) left aside, as RFC 7468 §2 allows.
 */
export function pemBlocks(text: string): string[] {
  return [...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g)].map((m) => `${m[0]}\n`);
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

export type SignatureCheck = { ok: true } | { ok: false; reason: 'untrusted-key' | 'bad-signature' | 'wrong-log' };

/**
 * Whether a checkpoint is vouched for by one of `keys` (the trusted list). A key id that is not on
 * the list is `untrusted-key` before any signature is checked: whoever holds the database can sign
 * with a key of their own, and such a checkpoint must not count for anything.
 */
export function checkSignature(c: Checkpoint, keys: Map<string, KeyObject>): SignatureCheck {
  if (c.origin !== CHECKPOINT_ORIGIN) return { ok: false, reason: 'wrong-log' };
  const key = keys.get(c.keyId);
  if (!key) return { ok: false, reason: 'untrusted-key' };
  const { signature, ...unsigned } = c;
  const good = verify(null, Buffer.from(checkpointText(unsigned)), key, Buffer.from(signature, 'base64'));
  return good ? { ok: true } : { ok: false, reason: 'bad-signature' };
}

/** A checkpoint of an empty log vouches for nothing (and is never made). */
export const isEmptyCheckpoint = (c: CheckpointRef): boolean => c.size === 0 && c.headHash === GENESIS_HASH;
