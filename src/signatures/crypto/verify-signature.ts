import { constants, verify } from 'node:crypto';
import { verifyDstu4145 } from '../dstu4145';
import { ResolvedAlgorithm } from './algorithms';
import { digest } from './digest';
import { PublicKeyHandle } from './public-key';

export type SignatureCheckResult = { valid: true } | { valid: false; reason: 'invalid' | 'key-mismatch' | 'error'; detail?: string };

/**
 * Verifies `signature` over `data`. RSA PKCS#1 v1.5 (RFC 8017 §8.2), RSASSA-PSS (RFC 8017 §8.1,
 * RFC 4055) and ECDSA (FIPS 186-4, DER Ecdsa-Sig-Value per RFC 5480/5753) through Node's crypto;
 * DSTU 4145-2002 with GOST 34.311-95 through the dstu4145 module. Never throws.
 */
export function verifySignatureValue(
  key: PublicKeyHandle,
  algorithm: ResolvedAlgorithm,
  data: Uint8Array,
  signature: Uint8Array,
): SignatureCheckResult {
  try {
    switch (algorithm.scheme) {
      case 'rsa-pkcs1':
      case 'rsa-pss': {
        if (key.kind !== 'rsa') return { valid: false, reason: 'key-mismatch', detail: `${algorithm.scheme} with a ${key.kind} key` };
        if (algorithm.scheme === 'rsa-pkcs1' && key.pss) {
          return { valid: false, reason: 'key-mismatch', detail: 'PKCS#1 v1.5 with an RSA-PSS-only key' };
        }
        const options =
          algorithm.scheme === 'rsa-pss'
            ? { key: key.key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: algorithm.saltLength ?? 20 }
            : { key: key.key, padding: constants.RSA_PKCS1_PADDING };
        return result(verify(algorithm.hash, data, options, signature));
      }
      case 'ecdsa':
        if (key.kind !== 'ec') return { valid: false, reason: 'key-mismatch', detail: `ECDSA with a ${key.kind} key` };
        return result(verify(algorithm.hash, data, { key: key.key, dsaEncoding: 'der' }, signature));
      case 'dstu4145': {
        if (key.kind !== 'dstu4145') return { valid: false, reason: 'key-mismatch', detail: `DSTU 4145 with a ${key.kind} key` };
        const hash = digest('gost34311', data);
        const opts = algorithm.littleEndian === undefined ? {} : { littleEndian: algorithm.littleEndian };
        return result(verifyDstu4145(key.key, hash, signature, opts));
      }
    }
  } catch (err) {
    return { valid: false, reason: 'error', detail: err instanceof Error ? err.message : String(err) };
  }
}

function result(ok: boolean): SignatureCheckResult {
  return ok ? { valid: true } : { valid: false, reason: 'invalid' };
}
