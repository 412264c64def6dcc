import { Asn1Error, Tag, Tlv, children, expectUniversal, isUniversal, oidValue, stringValue } from '../asn1/der';
import { Lru } from '../cache/lru';
import { OID } from '../oids';

/** One attribute of a distinguished name (RFC 5280 §4.1.2.4). */
export interface NameAttribute {
  oid: string;
  value: string;
}

export interface DistinguishedName {
  attributes: NameAttribute[];
  /** Human-readable, in the order encoded: `CN=…, O=…, C=UA`. */
  text: string;
  /** Comparison key: RFC 5280 §7.1 name matching, simplified to case- and space-insensitive values. */
  key: string;
}

const LABELS: Record<string, string> = {
  [OID.commonName]: 'CN',
  [OID.surname]: 'SN',
  [OID.givenName]: 'GN',
  [OID.serialNumber]: 'serialNumber',
  [OID.countryName]: 'C',
  [OID.localityName]: 'L',
  [OID.stateOrProvinceName]: 'ST',
  [OID.streetAddress]: 'STREET',
  [OID.organizationName]: 'O',
  [OID.organizationalUnitName]: 'OU',
  [OID.title]: 'T',
  [OID.organizationIdentifier]: 'organizationIdentifier',
  [OID.emailAddress]: 'E',
};

/**
 * Parsed names by their encoding: the same issuer arrives in every signature's sid, ESSCertIDv2 and
 * certificates, and decoding its strings was an eighth of an RSA verification (issue 16). The
 * returned object is shared: callers only read it.
 */
const parsed = new Lru<string, DistinguishedName>(4096);

/** Parses a Name (SEQUENCE OF RelativeDistinguishedName). */
export function parseName(tlv: Tlv): DistinguishedName {
  expectUniversal(tlv, Tag.sequence, 'Name');
  // Real names are a few hundred bytes; a larger one (hostile input) is parsed but not kept.
  if (tlv.raw.byteLength > MAX_CACHED_NAME_BYTES) return decodeName(tlv);
  return parsed.memo(Buffer.from(tlv.raw.buffer, tlv.raw.byteOffset, tlv.raw.byteLength).toString('latin1'), () => decodeName(tlv));
}

const MAX_CACHED_NAME_BYTES = 2048;

function decodeName(tlv: Tlv): DistinguishedName {
  const attributes: NameAttribute[] = [];
  for (const rdn of children(tlv)) {
    if (!isUniversal(rdn, Tag.set)) throw new Asn1Error('Name: RDN is not a SET');
    for (const atv of children(rdn)) {
      const [type, value] = children(expectUniversal(atv, Tag.sequence, 'AttributeTypeAndValue'));
      if (!type || !value) throw new Asn1Error('Name: incomplete attribute');
      attributes.push({ oid: oidValue(type), value: value.constructed ? '' : stringValue(value) });
    }
  }
  return {
    attributes,
    text: attributes.map((a) => `${LABELS[a.oid] ?? a.oid}=${a.value}`).join(', '),
    key: attributes.map((a) => `${a.oid}=${normalise(a.value)}`).join('/'),
  };
}

function normalise(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The first value of an attribute type, if present. */
export function nameValue(name: DistinguishedName, oid: string): string | undefined {
  return name.attributes.find((a) => a.oid === oid)?.value;
}

export function sameName(a: DistinguishedName, b: DistinguishedName): boolean {
  return a.key === b.key;
}
