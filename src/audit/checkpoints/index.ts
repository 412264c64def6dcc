/**
 * Signed checkpoints of the control log (issue 14): what makes a rewrite by whoever holds the
 * database visible. See README «Журнал контролю: контрольні точки».
 */
import { writeFileSync } from 'node:fs';
import { keyRing } from '../../domain/audit';
import type { Config } from '../../config';
import { fileSigner, publicKeyPemFromFile, type CheckpointSigner } from './signer';
import type { CheckpointSettings } from './service';

export { AuditCheckpoints, AUDIT_LOG_EVENT_ID, CHECKPOINT_EVENT, LogDivergedError, type CheckpointSettings } from './service';
export { fileSigner, publicKeyPemFromFile, type CheckpointSigner } from './signer';
export { appendCheckpointFile, readCheckpointFile } from './file';
export { authenticCheckpoints, verifyWithCheckpoints, type FoundCheckpoint } from './verify';

export type AuditCheckpointConfig = NonNullable<Config['auditCheckpoints']>;

/** The public key beside the private one (KEY.pub), for the auditor to copy. */
export const publicKeyFileOf = (keyFile: string): string => `${keyFile.replace(/\.key$/, '')}.pub`;

/**
 * The hub's settings: its signer (the key file, created on the first start), the auditor's file,
 * and the keys whose checkpoints it believes (its own and AUDIT_CHECKPOINT_PUBLIC_KEYS, e.g.
 * another hub process's key or the key before a rotation).
 */
export function hubCheckpointSettings(c: AuditCheckpointConfig, signer?: CheckpointSigner): CheckpointSettings {
  const pems = c.publicKeyFiles.map(publicKeyPemFromFile);
  if (signer) pems.push(signer.publicKeyPem);
  return { signer, file: c.file, keys: keyRing(pems), intervalMs: c.intervalMs };
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
