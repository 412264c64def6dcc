import {
  Asn1Error,
  Tag,
  Tlv,
  asExplicitSet,
  children,
  expectUniversal,
  integerHex,
  integerNumber,
  isContext,
  isUniversal,
  octetStringValue,
  oidValue,
} from '../asn1/der';
import { bytesKey, sameBytes } from '../cache/bytes-key';
import { Lru } from '../cache/lru';
import { AlgorithmIdentifier, parseAlgorithmIdentifier } from '../x509/algorithm-identifier';
import { DistinguishedName, parseName } from '../x509/name';

export interface CmsAttribute {
  oid: string;
  values: Tlv[];
}

export type SignerIdentifier =
  { kind: 'issuerAndSerialNumber'; issuer: DistinguishedName; serialNumber: string } | { kind: 'subjectKeyIdentifier'; keyId: string };

/** SignerInfo (RFC 5652 §5.3). */
export interface CmsSignerInfo {
  version: number;
  sid: SignerIdentifier;
  digestAlgorithm: AlgorithmIdentifier;
  /** Present when the signer used signed attributes (CAdES always does). */
  signedAttributes?: {
    /** The DER the signature covers: the [0] IMPLICIT field re-tagged as SET OF (RFC 5652 §5.4). */
    signedDer: Uint8Array;
    attributes: CmsAttribute[];
  };
  signatureAlgorithm: AlgorithmIdentifier;
  signature: Uint8Array;
  unsignedAttributes: CmsAttribute[];
}

export function parseSignerInfo(tlv: Tlv): CmsSignerInfo {
  const parts = children(expectUniversal(tlv, Tag.sequence, 'SignerInfo'));
  let i = 0;
  const version = integerNumber(expectUniversal(parts[i++], Tag.integer, 'SignerInfo.version'));
  const sid = parseSid(parts[i++]);
  const digestAlgorithm = parseAlgorithmIdentifier(parts[i++], 'SignerInfo.digestAlgorithm');
  let signedAttributes: CmsSignerInfo['signedAttributes'];
  const maybeSigned = parts[i];
  if (maybeSigned && isContext(maybeSigned, 0)) {
    signedAttributes = { signedDer: asExplicitSet(maybeSigned.raw), attributes: parseAttributes(maybeSigned) };
    i++;
  }
  const signatureAlgorithm = parseAlgorithmIdentifier(parts[i++], 'SignerInfo.signatureAlgorithm');
  const signature = octetStringValue(expectUniversal(parts[i++], Tag.octetString, 'SignerInfo.signature'));
  let unsignedAttributes: CmsAttribute[] = [];
  const maybeUnsigned = parts[i];
  if (maybeUnsigned && isContext(maybeUnsigned, 1)) {
    unsignedAttributes = parseAttributes(maybeUnsigned);
    i++;
  }
  if (i !== parts.length) throw new Asn1Error('SignerInfo: unexpected trailing elements');
  const info: CmsSignerInfo = {
    version,
    sid,
    digestAlgorithm,
    signatureAlgorithm,
    signature, // a view into the input: read during this verification only
    unsignedAttributes,
  };
  if (signedAttributes) info.signedAttributes = signedAttributes;
  return info;
}

/**
 * A signer sends the same identifier with every signature: read once per encoding (issue 16; the
 * issuer name and the serial's hex were a twentieth of an RSA verification). The returned object is
 * shared: callers only read it. A malformed one is not kept, so it fails the same way every time.
 */
function parseSid(tlv: Tlv | undefined): SignerIdentifier {
  if (!tlv || tlv.raw.length > MAX_KEPT_SID_BYTES) return readSid(tlv);
  const raw = tlv.raw;
  const key = bytesKey(raw, 32); // the serial number, or the key identifier
  const known = sids.get(key);
  if (known && sameBytes(known.bytes, raw)) return known.sid;
  const sid = readSid(tlv);
  sids.set(key, { bytes: Uint8Array.from(raw), sid });
  return sid;
}

const MAX_KEPT_SID_BYTES = 2048;
const sids = new Lru<number, { bytes: Uint8Array; sid: SignerIdentifier }>(2048);

function readSid(tlv: Tlv | undefined): SignerIdentifier {
  if (tlv && isUniversal(tlv, Tag.sequence)) {
    const [issuer, serial] = children(tlv);
    if (!issuer || !serial) throw new Asn1Error('IssuerAndSerialNumber: missing fields');
    return { kind: 'issuerAndSerialNumber', issuer: parseName(issuer), serialNumber: integerHex(serial) };
  }
  if (tlv && isContext(tlv, 0)) {
    return { kind: 'subjectKeyIdentifier', keyId: Buffer.from(octetStringValue(tlv)).toString('hex').toUpperCase() };
  }
  throw new Asn1Error('SignerInfo: bad signer identifier');
}

/** SET OF Attribute, each SEQUENCE { attrType OID, attrValues SET OF ANY } (RFC 5652 §5.3). */
function parseAttributes(tlv: Tlv): CmsAttribute[] {
  return children(tlv).map((attr) => {
    const [type, values] = children(expectUniversal(attr, Tag.sequence, 'Attribute'));
    if (!type || !values) throw new Asn1Error('Attribute: missing fields');
    return { oid: oidValue(type), values: children(expectUniversal(values, Tag.set, 'Attribute.attrValues')) };
  });
}

/** All values of an attribute type (attributes may legally repeat only for some types). */
export function attributeValues(attributes: CmsAttribute[], oid: string): Tlv[] {
  const out: Tlv[] = [];
  for (const a of attributes) if (a.oid === oid) for (const v of a.values) out.push(v);
  return out;
}

/** Counts attribute occurrences and values: RFC 5652 §11 single-valued attributes must appear once with one value. */
export function singleValued(attributes: CmsAttribute[], oid: string): { value?: Tlv; problem?: 'missing' | 'repeated' } {
  // A loop, not filter(): three look-ups a signature (issue 16).
  let found: CmsAttribute | undefined;
  for (const a of attributes) {
    if (a.oid !== oid) continue;
    if (found) return REPEATED;
    found = a;
  }
  if (!found) return MISSING;
  if (found.values.length !== 1) return REPEATED;
  return { value: found.values[0] as Tlv };
}

const MISSING = Object.freeze({ problem: 'missing' as const });
const REPEATED = Object.freeze({ problem: 'repeated' as const });
