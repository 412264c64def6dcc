import { children, integerNumber, isContext, parseTlv } from '../asn1/der';
import { OID } from '../oids';
import { AlgorithmIdentifier, parseAlgorithmIdentifier } from '../x509/algorithm-identifier';
import { HashName, hashOfOid } from './digest';

export type SignatureScheme = 'rsa-pkcs1' | 'rsa-pss' | 'ecdsa' | 'dstu4145';

/** A signature algorithm resolved to what the verification primitive needs. */
export interface ResolvedAlgorithm {
  scheme: SignatureScheme;
  hash: HashName;
  /** RFC 4055 §3.1 saltLength (RSASSA-PSS only). */
  saltLength?: number;
  /** DSTU 4145: r‖s byte order (1.2.804.2.1.1.1.1.3.1.1 little-endian, …3.1.2 big-endian). */
  littleEndian?: boolean;
}

export type AlgorithmResolution =
  { ok: true; algorithm: ResolvedAlgorithm } | { ok: false; reason: 'unsupported' | 'mismatch'; detail: string };

const RSA_WITH: Record<string, HashName> = {
  [OID.sha1WithRsa]: 'sha1',
  [OID.sha224WithRsa]: 'sha224',
  [OID.sha256WithRsa]: 'sha256',
  [OID.sha384WithRsa]: 'sha384',
  [OID.sha512WithRsa]: 'sha512',
};
const ECDSA_WITH: Record<string, HashName> = {
  [OID.ecdsaWithSha1]: 'sha1',
  [OID.ecdsaWithSha224]: 'sha224',
  [OID.ecdsaWithSha256]: 'sha256',
  [OID.ecdsaWithSha384]: 'sha384',
  [OID.ecdsaWithSha512]: 'sha512',
};

/**
 * Resolves a signatureAlgorithm, checking it against the digestAlgorithm of the SignerInfo when one
 * is given (RFC 5652 §5.3; RFC 5754 §3: the hash named by the signature algorithm shall be the
 * digest algorithm — a SHA-256 digest with sha512WithRSAEncryption is an algorithm mismatch).
 */
export function resolveSignatureAlgorithm(signature: AlgorithmIdentifier, digestOid?: string): AlgorithmResolution {
  const declaredDigest = digestOid === undefined ? undefined : hashOfOid(digestOid);
  if (digestOid !== undefined && !declaredDigest) {
    return { ok: false, reason: 'unsupported', detail: `digest algorithm ${digestOid}` };
  }
  const oid = signature.oid;
  if (RSA_WITH[oid]) return withHash(declaredDigest, 'rsa-pkcs1', RSA_WITH[oid]);
  if (ECDSA_WITH[oid]) return withHash(declaredDigest, 'ecdsa', ECDSA_WITH[oid]);
  if (oid === OID.rsaEncryption || oid === OID.ecPublicKey) {
    // CMS allows the bare key algorithm; the digest comes from the SignerInfo (RFC 3370 §3.2, RFC 5753 §7.2).
    if (!declaredDigest) return { ok: false, reason: 'unsupported', detail: `${oid} without a digest algorithm` };
    return { ok: true, algorithm: { scheme: oid === OID.rsaEncryption ? 'rsa-pkcs1' : 'ecdsa', hash: declaredDigest } };
  }
  if (oid === OID.rsaPss) {
    const params = parsePssParams(signature.params);
    if (!params.ok) return params;
    return withHash(declaredDigest, 'rsa-pss', params.hash, { saltLength: params.saltLength });
  }
  if (oid === OID.dstu4145le || oid === OID.dstu4145be) {
    return withHash(declaredDigest, 'dstu4145', 'gost34311', { littleEndian: oid === OID.dstu4145le });
  }
  if (oid.startsWith(`${OID.dstu4145Kupyna}.`)) {
    return { ok: false, reason: 'unsupported', detail: 'DSTU 4145 with DSTU 7564 (Kupyna) hash' };
  }
  return { ok: false, reason: 'unsupported', detail: `signature algorithm ${oid}` };
}

/** The algorithm with its hash, unless the SignerInfo declared another digest (a module function: it runs for every signature). */
function withHash(
  declaredDigest: HashName | undefined,
  scheme: SignatureScheme,
  hash: HashName,
  extra: Partial<ResolvedAlgorithm> = {},
): AlgorithmResolution {
  if (declaredDigest && declaredDigest !== hash) {
    return { ok: false, reason: 'mismatch', detail: `digest ${declaredDigest} but signature algorithm uses ${hash}` };
  }
  return { ok: true, algorithm: { scheme, hash, ...extra } };
}

/**
 * RSASSA-PSS-params (RFC 4055 §3.1): hashAlgorithm [0] (default SHA-1), maskGenAlgorithm [1]
 * (default MGF1 with SHA-1), saltLength [2] (default 20), trailerField [3] (must be 1).
 * Node's verify uses MGF1 with the message hash, so a different MGF1 hash is not supported.
 */
function parsePssParams(
  raw: Uint8Array | undefined,
): { ok: true; hash: HashName; saltLength: number } | { ok: false; reason: 'unsupported'; detail: string } {
  let hash: HashName = 'sha1';
  let mgfHash: HashName = 'sha1';
  let saltLength = 20;
  try {
    if (raw) {
      for (const field of children(parseTlv(raw))) {
        const inner = children(field)[0];
        if (!inner) continue;
        if (isContext(field, 0)) {
          const h = hashOfOid(parseAlgorithmIdentifier(inner, 'PSS hashAlgorithm').oid);
          if (!h) return { ok: false, reason: 'unsupported', detail: 'RSASSA-PSS hash' };
          hash = h;
        } else if (isContext(field, 1)) {
          const mgf = parseAlgorithmIdentifier(inner, 'PSS maskGenAlgorithm');
          if (mgf.oid !== OID.mgf1 || !mgf.params) return { ok: false, reason: 'unsupported', detail: 'RSASSA-PSS mask generation' };
          const h = hashOfOid(parseAlgorithmIdentifier(parseTlv(mgf.params), 'MGF1 hash').oid);
          if (!h) return { ok: false, reason: 'unsupported', detail: 'MGF1 hash' };
          mgfHash = h;
        } else if (isContext(field, 2)) {
          saltLength = integerNumber(inner);
        } else if (isContext(field, 3) && integerNumber(inner) !== 1) {
          return { ok: false, reason: 'unsupported', detail: 'RSASSA-PSS trailer field' };
        }
      }
    }
  } catch {
    return { ok: false, reason: 'unsupported', detail: 'malformed RSASSA-PSS parameters' };
  }
  if (mgfHash !== hash) return { ok: false, reason: 'unsupported', detail: `MGF1 with ${mgfHash} but hash ${hash}` };
  return { ok: true, hash, saltLength };
}
