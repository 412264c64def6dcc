import { AsnParser } from '@peculiar/asn1-schema';
import {
  AuthorityKeyIdentifier,
  BasicConstraints,
  CertificatePolicies,
  ExtendedKeyUsage,
  KeyUsage,
  SubjectDirectoryAttributes,
  SubjectKeyIdentifier,
} from '@peculiar/asn1-x509';
import { QCStatements } from '@peculiar/asn1-x509-qualified';
import {
  Asn1Error,
  Tag,
  Tlv,
  children,
  expectUniversal,
  isUniversal,
  octetStringValue,
  oidValue,
  parseTlv,
  stringValue,
} from '../asn1/der';
import { OID } from '../oids';

export type KeyUsageName =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'crlSign'
  | 'encipherOnly'
  | 'decipherOnly';

/** A QCStatement (ETSI EN 319 412-5 §4): its id and, for QcType, the declared types. */
export interface QcStatement {
  id: string;
  qcTypes?: string[];
}

/** The extensions the verifier reads (RFC 5280 §4.2, ETSI EN 319 412-5, z1398-12). */
export interface CertificateExtensions {
  oids: string[];
  subjectKeyId?: string;
  authorityKeyId?: string;
  keyUsage?: KeyUsageName[];
  extKeyUsage?: string[];
  extKeyUsageCritical?: boolean;
  basicConstraints?: { ca: boolean; pathLen?: number };
  policies: string[];
  qcStatements: QcStatement[];
  /** subjectDirectoryAttributes: type OID → string values (Ukrainian DRFO/EDRPOU live here). */
  directoryAttributes: { oid: string; values: string[] }[];
  /** Critical extensions this verifier does not understand (RFC 5280 §4.2: must reject). */
  unknownCritical: string[];
  /** Extensions present but not decodable. */
  malformed: string[];
}

/** Critical extensions the verifier processes or may safely ignore for signature validation. */
const UNDERSTOOD = new Set<string>([
  OID.subjectKeyIdentifier,
  OID.authorityKeyIdentifier,
  OID.keyUsage,
  OID.extKeyUsage,
  OID.basicConstraints,
  '2.5.29.32', // certificatePolicies: the verifier applies no policy constraint
  '2.5.29.17', // subjectAltName
  '2.5.29.18', // issuerAltName
  '2.5.29.31', // cRLDistributionPoints
  '2.5.29.46', // freshestCRL
  '2.5.29.16', // privateKeyUsagePeriod
  OID.subjectDirectoryAttributes,
  OID.qcStatements,
  '1.3.6.1.5.5.7.1.1', // authorityInfoAccess
  '1.3.6.1.5.5.7.1.11', // subjectInfoAccess
]);

export function parseExtensions(tlv: Tlv | undefined): CertificateExtensions {
  const list = parseExtensionList(tlv);
  const out: CertificateExtensions = {
    oids: [...list.keys()],
    policies: [],
    qcStatements: [],
    directoryAttributes: [],
    unknownCritical: [],
    malformed: [],
  };
  for (const [oid, { critical, value }] of list) {
    if (critical && !UNDERSTOOD.has(oid)) out.unknownCritical.push(oid);
    try {
      readExtension(out, oid, critical, value);
    } catch {
      out.malformed.push(oid);
    }
  }
  return out;
}

function readExtension(out: CertificateExtensions, oid: string, critical: boolean, value: Uint8Array): void {
  switch (oid) {
    case OID.subjectKeyIdentifier:
      out.subjectKeyId = hex(AsnParser.parse(value, SubjectKeyIdentifier).buffer);
      break;
    case OID.authorityKeyIdentifier: {
      const aki = AsnParser.parse(value, AuthorityKeyIdentifier);
      if (aki.keyIdentifier) out.authorityKeyId = hex(aki.keyIdentifier.buffer);
      break;
    }
    case OID.keyUsage:
      out.keyUsage = AsnParser.parse(value, KeyUsage).toJSON() as KeyUsageName[];
      break;
    case OID.extKeyUsage:
      out.extKeyUsage = [...AsnParser.parse(value, ExtendedKeyUsage)];
      out.extKeyUsageCritical = critical;
      break;
    case OID.basicConstraints: {
      const bc = AsnParser.parse(value, BasicConstraints);
      out.basicConstraints = { ca: bc.cA === true };
      if (bc.pathLenConstraint !== undefined) out.basicConstraints.pathLen = bc.pathLenConstraint;
      break;
    }
    case '2.5.29.32':
      out.policies = [...AsnParser.parse(value, CertificatePolicies)].map((p) => p.policyIdentifier);
      break;
    case OID.qcStatements:
      out.qcStatements = [...AsnParser.parse(value, QCStatements)].map((s) => {
        const statement: QcStatement = { id: s.statementId };
        if (s.statementId === OID.qcType && s.statementInfo?.byteLength) {
          statement.qcTypes = children(parseTlv(new Uint8Array(s.statementInfo))).map(oidValue);
        }
        return statement;
      });
      break;
    case OID.subjectDirectoryAttributes:
      out.directoryAttributes = [...AsnParser.parse(value, SubjectDirectoryAttributes)].map((a) => ({
        oid: a.type,
        values: a.values.map(attributeText),
      }));
      break;
    default:
  }
}

/** A directory attribute value as text: string types directly, anything else as hex. */
function attributeText(value: ArrayBuffer): string {
  const tlv = parseTlv(new Uint8Array(value));
  if (!tlv.constructed && tlv.tagClass === 0 && tlv.tagNumber !== Tag.octetString && !isUniversal(tlv, Tag.integer)) {
    return stringValue(tlv);
  }
  return Buffer.from(tlv.contents).toString('hex');
}

function hex(buf: ArrayBuffer): string {
  return Buffer.from(buf).toString('hex').toUpperCase();
}

/** Raw extension list (RFC 5280 §4.1: Extensions ::= SEQUENCE OF Extension). */
export function parseExtensionList(tlv: Tlv | undefined): Map<string, { critical: boolean; value: Uint8Array }> {
  const out = new Map<string, { critical: boolean; value: Uint8Array }>();
  if (!tlv) return out;
  for (const ext of children(expectUniversal(tlv, Tag.sequence, 'Extensions'))) {
    const parts = children(expectUniversal(ext, Tag.sequence, 'Extension'));
    const id = parts[0];
    if (!id) continue;
    let critical = false;
    let value: Tlv | undefined = parts[1];
    if (value && isUniversal(value, Tag.boolean)) {
      critical = value.contents[0] !== 0;
      value = parts[2];
    }
    if (!value) throw new Asn1Error('Extension without a value');
    out.set(oidValue(id), { critical, value: octetStringValue(value) });
  }
  return out;
}
