/**
 * Signed checkpoints of the control log (issue 14): what makes a rewrite by whoever holds the
 * database visible. See README «Журнал контролю: контрольні точки».
 */
import type { KeyObject } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { keyRing } from '../../domain/audit';
import { ConfigError, type Config } from '../../config';
import { fileSigner, publicKeyPemsFromFile, type CheckpointSigner } from './signer';
import type { CheckpointSettings } from './service';

export { AuditCheckpoints, AUDIT_LOG_EVENT_ID, CHECKPOINT_EVENT, LogDivergedError, UntrustedSignerError, type CheckpointSettings } from './service';
export { fileSigner, publicKeyPemsFromFile, type CheckpointSigner } from './signer';
export { appendCheckpointFile, readCheckpointFile } from './file';
export { authenticCheckpoints, verifyWithCheckpoints, type FoundCheckpoint } from './verify';

export type AuditCheckpointConfig = NonNullable<Config['auditCheckpoints']>;

/** The public key beside the private one (KEY.pub), for the auditor to copy. */
export const publicKeyFileOf = (keyFile: string): string => `${keyFile.replace(/\.key$/, '')}.pub`;

/**
 * The keys whose checkpoints are believed. With AUDIT_CHECKPOINT_PUBLIC_KEYS: exactly those — the
 * list every hub process and the auditor keep alike (each hub's key, keys before a rotation), so
 * a hub believes no more than the auditor does. Without it: the hub's own key alone (one process,
 * or processes that share one key file). `keyFile` is read only in that second case.
 */
export function trustedKeys(c: Pick<AuditCheckpointConfig, 'publicKeyFiles'>, own?: () => string): Map<string, KeyObject> {
  if (!c.publicKeyFiles.length) return keyRing(own ? [own()] : []);
  try {
    return keyRing(c.publicKeyFiles.flatMap(publicKeyPemsFromFile));
  } catch (err) {
    const why = (err as Error).message;
    throw new ConfigError('AUDIT_CHECKPOINT_PUBLIC_KEYS', `not a list of Ed25519 public keys: ${why}`, `не є списком відкритих ключів Ed25519: ${why}`);
  }
}

/**
 * The hub's settings: its signer (the key file, created on the first start), the auditor's file,
 * and the trusted keys. Several hubs on one database (issue 14): each signs with its own key and
 * all list every hub's public key in AUDIT_CHECKPOINT_PUBLIC_KEYS (or they share one key file). A
 * hub whose own key is not on a configured list signs nothing (`untrustedSigner`): a checkpoint no
 * verifier believes protects nothing and would only be reported as untrusted everywhere.
 */
export function hubCheckpointSettings(c: AuditCheckpointConfig, signer?: CheckpointSigner): CheckpointSettings {
  const keys = trustedKeys(c, signer ? () => signer.publicKeyPem : undefined);
  const trusted = signer && keys.has(signer.keyId);
  return {
    signer: trusted ? signer : undefined, ...(signer && !trusted ? { untrustedSigner: signer } : {}),
    file: c.file, keys, intervalMs: c.intervalMs,
  };
}

/** On start: the key file (created if absent, 0600) and its .pub beside it. */
export function openHubSigner(c: AuditCheckpointConfig): { signer: CheckpointSigner; created: boolean; publicKeyFile: string } {
  const { signer, created } = fileSigner(c.keyFile);
  const publicKeyFile = publicKeyFileOf(c.keyFile);
  try {
    writeFileSync(publicKeyFile, signer.publicKeyPem, { mode: 0o644 });
  } catch {
    // A read-only key directory is fine: the key is also logged and served.
  }
  return { signer, created, publicKeyFile };
}
