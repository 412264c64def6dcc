import { relative, isAbsolute, resolve } from 'node:path';
import { type Config, ConfigError } from '../../config';
import type { SignaturePolicy } from '../../schemas';
import { SignatureError, loadTrustStore, type RevocationPolicy, type TrustStore } from '../../signatures';
import { loadSignaturePolicy } from './signature-policy';

/** The hub's signature settings, loaded once at start: trust store, policy, revocation policy. */
export interface SignatureSettings {
  trust: TrustStore;
  policy: SignaturePolicy;
  revocation: RevocationPolicy;
}

/**
 * Reads the policy file and the trust sources named by TRUST_FILES, TRUST_DIRS, CRL_FILES and
 * CRL_DIRS. A file that is not a certificate, bundle or CRL stops the start with a ConfigError naming
 * its variable; an empty trust store is allowed (every chain is then NO_CERTIFICATE_CHAIN_FOUND).
 */
export async function loadSignatureSettings(
  config: Pick<Config, 'trustFiles' | 'trustDirs' | 'crlFiles' | 'crlDirs' | 'signaturePolicyFile' | 'signatureRevocation'>,
): Promise<SignatureSettings> {
  const policy = loadSignaturePolicy(config.signaturePolicyFile);
  let trust: TrustStore;
  try {
    trust = await loadTrustStore({ files: config.trustFiles, dirs: config.trustDirs, crlFiles: config.crlFiles, crlDirs: config.crlDirs });
  } catch (err) {
    if (!(err instanceof SignatureError)) throw err;
    throw new ConfigError(variableOf(config, String(err.details?.path ?? '')), err.message, err.messageUk);
  }
  return { trust, policy, revocation: config.signatureRevocation === 'require' ? 'require' : 'ifAvailable' };
}

/** Which variable named the path (a file found inside a directory belongs to the directory's variable). */
function variableOf(config: Pick<Config, 'trustFiles' | 'trustDirs' | 'crlFiles' | 'crlDirs'>, path: string): string {
  const inside = (dir: string) => {
    const rel = relative(resolve(dir), resolve(path));
    return !rel.startsWith('..') && !isAbsolute(rel);
  };
  if (config.crlFiles.includes(path)) return 'CRL_FILES';
  if (config.trustFiles.includes(path)) return 'TRUST_FILES';
  if (config.crlDirs.some(inside)) return 'CRL_DIRS';
  if (config.trustDirs.some(inside)) return 'TRUST_DIRS';
  return 'TRUST_FILES';
}
