import { ResolvedAlgorithm } from './algorithms';
import { PublicKeyHandle, describeKey } from './public-key';

export type PolicyVerdict = { allowed: true } | { allowed: false; unsupported: boolean; en: string; uk: string };

const SHA2 = new Set(['sha224', 'sha256', 'sha384', 'sha512']);
const ALLOWED_EC_CURVES = new Set(['prime256v1', 'secp384r1']);
const MIN_RSA_BITS = 2048;

/**
 * The signature algorithm allow-list (cf. ETSI TS 119 312): DSTU 4145 with GOST 34.311-95,
 * ECDSA on P-256/P-384 and RSA of at least 2048 bits (PKCS#1 v1.5 or PSS), both with SHA-2.
 */
export function checkAlgorithmPolicy(algorithm: ResolvedAlgorithm, key: PublicKeyHandle): PolicyVerdict {
  const keyText = describeKey(key);
  switch (algorithm.scheme) {
    case 'dstu4145':
      if (key.kind === 'dstu4145' && !key.defaultDke) {
        return {
          allowed: false,
          unsupported: true,
          en: 'the DSTU 4145 key uses a non-standard GOST 28147 S-box (DKE) for the hash',
          uk: 'ключ ДСТУ 4145 використовує нестандартний вузол заміни (ДКЕ) для гешування',
        };
      }
      return algorithm.hash === 'gost34311' ? { allowed: true } : forbidden(`DSTU 4145 with ${algorithm.hash}`);
    case 'ecdsa':
      if (!SHA2.has(algorithm.hash)) return forbidden(`ECDSA with ${algorithm.hash.toUpperCase()}`);
      if (key.kind === 'ec' && !ALLOWED_EC_CURVES.has(key.curve)) return forbidden(keyText);
      return { allowed: true };
    case 'rsa-pkcs1':
    case 'rsa-pss':
      if (!SHA2.has(algorithm.hash)) return forbidden(`RSA with ${algorithm.hash.toUpperCase()}`);
      if (key.kind === 'rsa' && key.bits < MIN_RSA_BITS) return forbidden(`${keyText} (minimum ${MIN_RSA_BITS} bits)`);
      return { allowed: true };
  }
}

function forbidden(what: string): PolicyVerdict {
  return {
    allowed: false,
    unsupported: false,
    en: `${what} is not on the allow-list`,
    uk: `${what} не входить до переліку дозволених алгоритмів`,
  };
}
