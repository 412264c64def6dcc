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

function parseSid(tlv: Tlv | undefined): SignerIdentifier {
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
  for (const a of attributes) if (a.oid === oid) out.push(...a.values);
  return out;
}

/** Counts attribute occurrences and values: RFC 5652 §11 single-valued attributes must appear once with one value. */
export function singleValued(attributes: CmsAttribute[], oid: string): { value?: Tlv; problem?: 'missing' | 'repeated' } {
  const found = attributes.filter((a) => a.oid === oid);
  if (found.length === 0) return { problem: 'missing' };
  if (found.length > 1 || found[0]?.values.length !== 1) return { problem: 'repeated' };
  return { value: found[0].values[0] as Tlv };
}
