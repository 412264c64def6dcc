import {
  Asn1Error,
  Tag,
  Tlv,
  bitStringBytes,
  children,
  expectUniversal,
  integerHex,
  isContext,
  isUniversal,
  parseTlv,
  timeValue,
} from '../asn1/der';
import { OID } from '../oids';
import { AlgorithmIdentifier, parseAlgorithmIdentifier } from './algorithm-identifier';
import { Lru } from '../cache/lru';
import { sha256Hex } from './certificate';
import { parseExtensionList } from './extensions';
import { AsnParser } from '@peculiar/asn1-schema';
import { AuthorityKeyIdentifier } from '@peculiar/asn1-x509';
import { DistinguishedName, parseName } from './name';

/** CRL reason codes (RFC 5280 §5.3.1). */
export const CRL_REASONS = [
  'unspecified',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  'unused',
  'removeFromCRL',
  'privilegeWithdrawn',
  'aACompromise',
] as const;

export interface RevokedEntry {
  revocationDate: Date;
  reason?: string;
}

/** A certificate revocation list, full or delta (RFC 5280 §5). */
export interface ParsedCrl {
  der: Uint8Array;
  tbsDer: Uint8Array;
  issuer: DistinguishedName;
  thisUpdate: Date;
  nextUpdate?: Date;
  /** cRLNumber (§5.2.3) as hex, when present. */
  crlNumber?: string;
  /** deltaCRLIndicator (§5.2.4): the base CRL number, present only on delta CRLs. */
  deltaBase?: string;
  authorityKeyId?: string;
  /** Serial (upper-case hex) → entry. */
  entries: Map<string, RevokedEntry>;
  signatureAlgorithm: AlgorithmIdentifier;
  signatureValue: Uint8Array;
  fingerprint: string;
  /** issuingDistributionPoint (§5.2.5) scope, when present. */
  scope?: CrlScope;
  /** Critical CRL extensions this verifier does not understand: such a CRL is not used. */
  unhandledCritical: string[];
}

/** What an issuingDistributionPoint restricts the CRL to (RFC 5280 §5.2.5). */
export interface CrlScope {
  onlyUserCerts: boolean;
  onlyCaCerts: boolean;
  /** onlySomeReasons present: the CRL alone cannot say "not revoked". */
  someReasonsOnly: boolean;
  indirect: boolean;
  onlyAttributeCerts: boolean;
}

export function parseCrl(input: Uint8Array): ParsedCrl {
  // Read from our own copy: the signature value stays a view into it (see parseCertificate).
  const der = Uint8Array.from(input);
  const [tbs, sigAlg, sig] = children(expectUniversal(parseTlv(der), Tag.sequence, 'CertificateList'));
  const parts = children(expectUniversal(tbs, Tag.sequence, 'TBSCertList'));
  let i = 0;
  if (parts[0] && isUniversal(parts[0], Tag.integer)) i++; // version v2
  i++; // inner signature AlgorithmIdentifier
  const issuer = parts[i++];
  const thisUpdate = parts[i++];
  if (!issuer || !thisUpdate) throw new Asn1Error('TBSCertList: missing fields');
  let nextUpdate: Date | undefined;
  const next = parts[i];
  if (next && (isUniversal(next, Tag.utcTime) || isUniversal(next, Tag.generalizedTime))) {
    nextUpdate = timeValue(next);
    i++;
  }
  const entries = new Map<string, RevokedEntry>();
  let extensions: Tlv | undefined;
  for (const rest of parts.slice(i)) {
    if (isUniversal(rest, Tag.sequence)) readEntries(rest, entries);
    else if (isContext(rest, 0)) extensions = children(rest)[0];
  }
  const crl: ParsedCrl = {
    der,
    tbsDer: Uint8Array.from((tbs as Tlv).raw),
    issuer: parseName(issuer),
    thisUpdate: timeValue(thisUpdate),
    entries,
    signatureAlgorithm: parseAlgorithmIdentifier(sigAlg, 'CertificateList.signatureAlgorithm'),
    signatureValue: bitStringBytes(expectUniversal(sig, Tag.bitString, 'CertificateList.signature')),
    fingerprint: sha256Hex(der),
    unhandledCritical: [],
  };
  if (nextUpdate) crl.nextUpdate = nextUpdate;
  for (const [oid, { critical, value }] of parseExtensionList(extensions)) {
    if (oid === OID.crlNumber) crl.crlNumber = integerHex(parseTlv(value));
    else if (oid === OID.deltaCrlIndicator) crl.deltaBase = integerHex(parseTlv(value));
    else if (oid === OID.issuingDistributionPoint) crl.scope = parseScope(value);
    else if (oid === OID.authorityKeyIdentifier) {
      let aki: AuthorityKeyIdentifier;
      try {
        aki = AsnParser.parse(value, AuthorityKeyIdentifier);
      } catch (err) {
        // @peculiar throws plain Errors ("Too big integer" …): a malformed CRL is an Asn1Error like any other (issue 14, fuzzing).
        throw new Asn1Error(`CRL authorityKeyIdentifier: ${(err as Error).message}`);
      }
      if (aki.keyIdentifier) crl.authorityKeyId = Buffer.from(aki.keyIdentifier.buffer).toString('hex').toUpperCase();
    } else if (critical) crl.unhandledCritical.push(oid);
  }
  return crl;
}

/** A CA's full CRL can be megabytes: a few are kept. */
const parsedCrls = new Lru<string, ParsedCrl>(8);

/**
 * parseCrl with a small cache keyed by the SHA-256 of the DER, for CRLs a signature carries: the
 * same CRL comes with many signatures, and a CA's CRL of thousands of entries takes milliseconds to
 * read. Callers only read the result.
 */
export function parseCrlCached(der: Uint8Array): ParsedCrl {
  return parsedCrls.memo(sha256Hex(der), () => parseCrl(der));
}

function parseScope(value: Uint8Array): CrlScope {
  const scope: CrlScope = { onlyUserCerts: false, onlyCaCerts: false, someReasonsOnly: false, indirect: false, onlyAttributeCerts: false };
  for (const field of children(parseTlv(value))) {
    // [n] IMPLICIT BOOLEAN: a single non-zero octet means TRUE
    const on = !field.constructed && field.contents[0] !== 0 && field.contents.length > 0;
    if (isContext(field, 1)) scope.onlyUserCerts = on;
    else if (isContext(field, 2)) scope.onlyCaCerts = on;
    else if (isContext(field, 3)) scope.someReasonsOnly = true;
    else if (isContext(field, 4)) scope.indirect = on;
    else if (isContext(field, 5)) scope.onlyAttributeCerts = on;
  }
  return scope;
}

function readEntries(list: Tlv, entries: Map<string, RevokedEntry>): void {
  for (const entry of children(list)) {
    const [serial, date, exts] = children(expectUniversal(entry, Tag.sequence, 'revokedCertificate'));
    if (!serial || !date) throw new Asn1Error('revokedCertificate: missing fields');
    const revoked: RevokedEntry = { revocationDate: timeValue(date) };
    if (exts) {
      const reason = parseExtensionList(exts).get(OID.crlReason);
      if (reason) revoked.reason = CRL_REASONS[reason.value[reason.value.length - 1] as number] ?? 'unspecified';
    }
    entries.set(integerHex(serial), revoked);
  }
}

/** Ordering of CRL numbers (hex) for picking the newest. */
export function compareCrlNumbers(a: string | undefined, b: string | undefined): number {
  const x = BigInt(`0x${a || '0'}`);
  const y = BigInt(`0x${b || '0'}`);
  return x < y ? -1 : x > y ? 1 : 0;
}
