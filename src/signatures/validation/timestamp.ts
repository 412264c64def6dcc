import { AsnParser } from '@peculiar/asn1-schema';
import { TSTInfo } from '@peculiar/asn1-tsp';
import { Tlv } from '../asn1/der';
import { parseSignedData } from '../cms/signed-data';
import { parseSignerInfo, singleValued } from '../cms/signer-info';
import { matchEssCertId, readSigningCertificate } from '../cms/signing-certificate';
import { resolveSignatureAlgorithm } from '../crypto/algorithms';
import { Digests, digest, equalBytes, hashOfOid } from '../crypto/digest';
import { importPublicKey } from '../crypto/public-key';
import { verifySignatureValue } from '../crypto/verify-signature';
import { OID } from '../oids';
import { CertificatePool } from '../trust/certificate-pool';
import { TrustStore } from '../trust/trust-store';
import { ParsedCertificate, parseCertificateCached, validAt } from '../x509/certificate';
import { buildChain } from './chain';

export type TimestampStatus =
  | 'valid'
  /** The token is not a SignedData over a TSTInfo. */
  | 'format-failure'
  /** messageImprint does not match the time-stamped data, or the TSTInfo digest does not match. */
  | 'hash-failure'
  /** The TSA's signature does not verify. */
  | 'sig-crypto-failure'
  /** No TSA certificate in the token or the trust store. */
  | 'no-tsa-certificate'
  /** The TSA certificate does not chain to a trust anchor, is not a time-stamping certificate, or was not valid at genTime. */
  | 'tsa-not-trusted';

export interface TimestampValidation {
  status: TimestampStatus;
  genTime?: Date;
  policy?: string;
  tsa?: ParsedCertificate;
  problem?: { en: string; uk: string };
}

/**
 * Validates an RFC 3161 time-stamp token over the stamped data (EN 319 102-1 §5.4 simplified;
 * `stamped` hashes it at most once per algorithm, shared with the other checks of the same data):
 * TSTInfo messageImprint against the data, the token's own CMS signature (RFC 5652 §5.6), the ESS
 * signing-certificate binding (RFC 3161 §2.4.1), the TSA certificate's id-kp-timeStamping purpose
 * (RFC 3161 §2.3) and its chain to a trust anchor with validity at genTime.
 */
export function validateTimestamp(token: Tlv, stamped: Digests, pool: CertificatePool, trust: TrustStore): TimestampValidation {
  let sd;
  let info: TSTInfo;
  let tstDer: Uint8Array;
  try {
    sd = parseSignedData(token.raw);
    if (sd.contentType !== OID.tstInfo || !sd.content) throw new Error('not a TSTInfo');
    tstDer = sd.content;
    info = AsnParser.parse(tstDer, TSTInfo);
  } catch (err) {
    return fail('format-failure', 'the time-stamp token is malformed', 'позначка часу пошкоджена', err);
  }
  const base = { genTime: info.genTime, policy: info.policy };
  const imprintHash = hashOfOid(info.messageImprint.hashAlgorithm.algorithm);
  if (!imprintHash)
    return {
      ...base,
      ...fail(
        'format-failure',
        `unsupported imprint hash ${info.messageImprint.hashAlgorithm.algorithm}`,
        'непідтримуваний алгоритм гешування позначки часу',
      ),
    };
  const expected = new Uint8Array(info.messageImprint.hashedMessage.buffer);
  if (!stamped.matches(imprintHash, expected)) {
    return {
      ...base,
      ...fail(
        'hash-failure',
        'the time-stamp imprint does not match the time-stamped data',
        'геш у позначці часу не збігається з даними, на які її накладено',
      ),
    };
  }
  const signerTlv = sd.signerInfos[0];
  if (sd.signerInfos.length !== 1 || !signerTlv)
    return {
      ...base,
      ...fail('format-failure', 'the time-stamp token must have one signer', 'позначка часу повинна мати одного підписувача'),
    };
  let signer;
  try {
    signer = parseSignerInfo(signerTlv);
  } catch (err) {
    return {
      ...base,
      ...fail('format-failure', 'the time-stamp signer info is malformed', 'дані підписувача позначки часу пошкоджені', err),
    };
  }
  const local = new CertificatePool([], pool);
  for (const der of sd.certificates) {
    try {
      local.add(parseCertificateCached(der));
    } catch {
      // an unreadable extra certificate does not stop the check
    }
  }
  const tsa =
    signer.sid.kind === 'issuerAndSerialNumber'
      ? local.byIssuerAndSerial(signer.sid.issuer, signer.sid.serialNumber)[0]
      : local.bySubjectKeyId(signer.sid.keyId)[0];
  if (!tsa)
    return {
      ...base,
      ...fail(
        'no-tsa-certificate',
        'the TSA certificate is not in the token nor in the trust store',
        'сертифіката сервера позначок часу немає ні в позначці, ні в довірених сертифікатах',
      ),
    };
  const withTsa = { ...base, tsa };

  const attrs = signer.signedAttributes;
  if (!attrs)
    return {
      ...withTsa,
      ...fail('format-failure', 'the time-stamp token has no signed attributes', 'позначка часу не має підписаних атрибутів'),
    };
  const digestHash = hashOfOid(signer.digestAlgorithm.oid);
  const md = singleValued(attrs.attributes, OID.messageDigest).value;
  if (!digestHash || !md || !equalBytes(digest(digestHash, tstDer), md.contents)) {
    return {
      ...withTsa,
      ...fail('hash-failure', 'the time-stamp token digest does not match its TSTInfo', 'геш позначки часу не збігається з її вмістом'),
    };
  }
  const resolved = resolveSignatureAlgorithm(signer.signatureAlgorithm, signer.digestAlgorithm.oid);
  let signatureOk = false;
  if (resolved.ok) {
    try {
      signatureOk = verifySignatureValue(importPublicKey(tsa.spki), resolved.algorithm, attrs.signedDer, signer.signature).valid;
    } catch {
      signatureOk = false;
    }
  }
  if (!signatureOk)
    return {
      ...withTsa,
      ...fail('sig-crypto-failure', 'the TSA signature on the time-stamp does not verify', 'підпис сервера позначок часу недійсний'),
    };
  const ess = readSigningCertificate(attrs.attributes);
  if (ess?.ids[0] && matchEssCertId(ess.ids[0], tsa) !== 'match') {
    return {
      ...withTsa,
      ...fail(
        'tsa-not-trusted',
        'the TSA certificate does not match the signing-certificate attribute of the token',
        'сертифікат сервера позначок часу не відповідає атрибуту signing-certificate',
      ),
    };
  }
  if (!(tsa.extensions.extKeyUsage ?? []).includes(OID.kpTimeStamping)) {
    return {
      ...withTsa,
      ...fail(
        'tsa-not-trusted',
        'the TSA certificate is not issued for time-stamping',
        'сертифікат сервера позначок часу не призначений для позначок часу',
      ),
    };
  }
  const chain = buildChain(tsa, local, trust);
  if (chain.status !== 'trusted') {
    return {
      ...withTsa,
      ...fail(
        'tsa-not-trusted',
        `the TSA certificate is not trusted: ${chain.problem?.en ?? ''}`,
        `сертифікат сервера позначок часу не є довіреним: ${chain.problem?.uk ?? ''}`,
      ),
    };
  }
  const expired = chain.certificates.find((c) => !validAt(c, info.genTime));
  if (expired) {
    return {
      ...withTsa,
      ...fail(
        'tsa-not-trusted',
        `"${expired.subject.text}" was not valid at the time-stamp time`,
        `сертифікат «${expired.subject.text}» не був чинним на час позначки`,
      ),
    };
  }
  return { status: 'valid', ...withTsa };
}

function fail(status: TimestampStatus, en: string, uk: string, err?: unknown): TimestampValidation {
  const detail = err instanceof Error ? `: ${err.message}` : '';
  return { status, problem: { en: en + detail, uk } };
}
