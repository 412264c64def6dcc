import { ParsedCertificate } from '../x509/certificate';
import { DistinguishedName } from '../x509/name';

/**
 * Certificates indexed for path building: by subject, by subject key identifier, by issuer+serial.
 * A pool may sit on a parent (the trust store's) so a verification adds the certificates a signature
 * carries without copying the store.
 */
export class CertificatePool {
  private readonly byFingerprint = new Map<string, ParsedCertificate>();
  private readonly bySubject = new Map<string, ParsedCertificate[]>();
  private readonly byKeyId = new Map<string, ParsedCertificate[]>();
  private readonly byIssuerSerial = new Map<string, ParsedCertificate[]>();

  constructor(
    certificates: Iterable<ParsedCertificate> = [],
    private readonly parent?: CertificatePool,
  ) {
    for (const cert of certificates) this.add(cert);
  }

  /** Adds a certificate unless an identical one is known; returns the known instance. */
  add(cert: ParsedCertificate): ParsedCertificate {
    const known = this.byFingerprint.get(cert.fingerprint) ?? this.parent?.byFingerprint.get(cert.fingerprint);
    if (known) return known;
    this.byFingerprint.set(cert.fingerprint, cert);
    push(this.bySubject, cert.subject.key, cert);
    if (cert.extensions.subjectKeyId) push(this.byKeyId, cert.extensions.subjectKeyId, cert);
    push(this.byIssuerSerial, issuerSerialKey(cert.issuer, cert.serialNumber), cert);
    return cert;
  }

  /** Usually one certificate; test CAs and broken issuers do reuse serial numbers. */
  byIssuerAndSerial(issuer: DistinguishedName, serialNumber: string): ParsedCertificate[] {
    return [
      ...(this.byIssuerSerial.get(issuerSerialKey(issuer, serialNumber)) ?? []),
      ...(this.parent?.byIssuerAndSerial(issuer, serialNumber) ?? []),
    ];
  }

  bySubjectKeyId(keyId: string): ParsedCertificate[] {
    return [...(this.byKeyId.get(keyId) ?? []), ...(this.parent?.bySubjectKeyId(keyId) ?? [])];
  }

  private subjects(key: string): ParsedCertificate[] {
    return [...(this.bySubject.get(key) ?? []), ...(this.parent?.subjects(key) ?? [])];
  }

  /**
   * Candidate issuers: subject equal to the certificate's issuer (RFC 5280 §6.1.3 (a)(4)), narrowed by the
   * authority key identifier when both sides carry one (§4.2.1.1). Some Ukrainian CAs pad key identifiers,
   * so a prefix match of the shorter one counts.
   */
  issuersOf(cert: ParsedCertificate): ParsedCertificate[] {
    const candidates = this.subjects(cert.issuer.key);
    const aki = cert.extensions.authorityKeyId;
    if (!aki) return candidates;
    return candidates.filter((c) => {
      const ski = c.extensions.subjectKeyId;
      return !ski || ski.startsWith(aki) || aki.startsWith(ski);
    });
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function issuerSerialKey(issuer: DistinguishedName, serialNumber: string): string {
  return `${issuer.key}#${serialNumber}`;
}
