import { OID } from '../oids';
import { ParsedCertificate } from './certificate';
import { nameValue } from './name';

/** Who signed, as staff read it (IIT "EndUserOwnerInfo" fields: subjCN, subjFullName, subjOrg, subjEDRPOUCode, subjDRFOCode). */
export interface SignerIdentity {
  commonName: string | null;
  fullName: string | null;
  organization: string | null;
  title: string | null;
  /** ЄДРПОУ: legal-entity code. */
  edrpou: string | null;
  /** ДРФО / РНОКПП: the individual taxpayer number. */
  drfo: string | null;
}

/**
 * Reads the signer from the subject (RFC 5280 §4.1.2.6) and the Ukrainian subjectDirectoryAttributes
 * (z1398-12: DRFO 1.2.804.2.1.1.1.11.1.4.1.1, EDRPOU 1.2.804.2.1.1.1.11.1.4.2.1). Falls back to the
 * ETSI EN 319 412-1 §5.1.3/§5.1.4 semantics identifiers: subject serialNumber `TINUA-…` for DRFO and
 * organizationIdentifier `NTRUA-…` for EDRPOU.
 */
export function signerIdentity(cert: ParsedCertificate): SignerIdentity {
  let known = identities.get(cert);
  if (!known) identities.set(cert, (known = readIdentity(cert)));
  return { ...known }; // each report its own object
}

/** Read once per parsed certificate: the same signers come back. */
const identities = new WeakMap<ParsedCertificate, SignerIdentity>();

function readIdentity(cert: ParsedCertificate): SignerIdentity {
  const s = cert.subject;
  const surname = nameValue(s, OID.surname);
  const given = nameValue(s, OID.givenName);
  const commonName = nameValue(s, OID.commonName) ?? null;
  const fullName = surname || given ? [surname, given].filter(Boolean).join(' ') : commonName;
  return {
    commonName,
    fullName,
    organization: nameValue(s, OID.organizationName) ?? null,
    title: nameValue(s, OID.title) ?? null,
    edrpou: directoryAttribute(cert, OID.uaEdrpou) ?? semanticsIdentifier(nameValue(s, OID.organizationIdentifier), 'NTRUA'),
    drfo: directoryAttribute(cert, OID.uaDrfo) ?? semanticsIdentifier(nameValue(s, OID.serialNumber), 'TINUA'),
  };
}

function directoryAttribute(cert: ParsedCertificate, oid: string): string | null {
  const value = cert.extensions.directoryAttributes.find((a) => a.oid === oid)?.values[0]?.trim();
  return value ? value : null;
}

/** `NTRUA-12345678` → `12345678` (ETSI EN 319 412-1 §5.1.4: 3-letter type, 2-letter country, hyphen). */
function semanticsIdentifier(value: string | undefined, prefix: 'NTRUA' | 'TINUA'): string | null {
  if (!value) return null;
  const match = value.trim().match(new RegExp(`^${prefix}-(.+)$`, 'i'));
  return match ? (match[1] as string) : null;
}
