/** Object identifiers used by the verifier, with the document that defines each. */
export const OID = {
  // RFC 5652 (CMS) §3, §5, §11
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  counterSignature: '1.2.840.113549.1.9.6',
  // RFC 2634 / RFC 5035 (ESS): signing-certificate and signing-certificate-v2
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  // ETSI EN 319 122-1 §5.2.8 content-time-stamp, §5.3 signature-time-stamp (RFC 3161 Appendix A)
  contentTimestamp: '1.2.840.113549.1.9.16.2.20',
  signatureTimestamp: '1.2.840.113549.1.9.16.2.14',
  // RFC 3161 §2.4.2
  tstInfo: '1.2.840.113549.1.9.16.1.4',

  // Digests: FIPS 180-4 (RFC 5754), GOST 34.311-95 (Ukrainian OID arc 1.2.804.2.1.1.1.1.2)
  sha1: '1.3.14.3.2.26',
  sha224: '2.16.840.1.101.3.4.2.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  gost34311: '1.2.804.2.1.1.1.1.2.1',

  // RSA: RFC 8017 Appendix C, RFC 4055
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha1WithRsa: '1.2.840.113549.1.1.5',
  rsaPss: '1.2.840.113549.1.1.10',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  sha384WithRsa: '1.2.840.113549.1.1.12',
  sha512WithRsa: '1.2.840.113549.1.1.13',
  sha224WithRsa: '1.2.840.113549.1.1.14',
  mgf1: '1.2.840.113549.1.1.8',
  // ECDSA: RFC 5480, RFC 5758
  ecPublicKey: '1.2.840.10045.2.1',
  ecdsaWithSha1: '1.2.840.10045.4.1',
  ecdsaWithSha224: '1.2.840.10045.4.3.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  ecdsaWithSha512: '1.2.840.10045.4.3.4',
  p256: '1.2.840.10045.3.1.7',
  p384: '1.3.132.0.34',
  p521: '1.3.132.0.35',
  // DSTU 4145-2002 with GOST 34.311 (z1399-12): little-endian and big-endian signature encodings
  dstu4145le: '1.2.804.2.1.1.1.1.3.1.1',
  dstu4145be: '1.2.804.2.1.1.1.1.3.1.2',
  // DSTU 4145 with DSTU 7564 (Kupyna) hashes: recognised, not verifiable here yet
  dstu4145Kupyna: '1.2.804.2.1.1.1.1.3.6',

  // RFC 5280 §4.2 extensions
  subjectDirectoryAttributes: '2.5.29.9',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  crlNumber: '2.5.29.20',
  crlReason: '2.5.29.21',
  deltaCrlIndicator: '2.5.29.27',
  issuingDistributionPoint: '2.5.29.28',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  qcStatements: '1.3.6.1.5.5.7.1.3',
  kpTimeStamping: '1.3.6.1.5.5.7.3.8',

  // ETSI EN 319 412-5 §4.2 QCStatements
  qcCompliance: '0.4.0.1862.1.1',
  qcLimitValue: '0.4.0.1862.1.2',
  qcSscd: '0.4.0.1862.1.4',
  qcPds: '0.4.0.1862.1.5',
  qcType: '0.4.0.1862.1.6',
  qcTypeEsign: '0.4.0.1862.1.6.1',
  qcTypeEseal: '0.4.0.1862.1.6.2',
  qcTypeWeb: '0.4.0.1862.1.6.3',
  // Ukrainian qualified-certificate statement (z1398-12 profile)
  qcUkrainian: '1.2.804.2.1.1.1.2.1',

  // X.520 attribute types in names (RFC 5280 Appendix A, ETSI EN 319 412-1 §5.1.4)
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  serialNumber: '2.5.4.5',
  countryName: '2.5.4.6',
  localityName: '2.5.4.7',
  stateOrProvinceName: '2.5.4.8',
  streetAddress: '2.5.4.9',
  organizationName: '2.5.4.10',
  organizationalUnitName: '2.5.4.11',
  title: '2.5.4.12',
  givenName: '2.5.4.42',
  organizationIdentifier: '2.5.4.97',
  emailAddress: '1.2.840.113549.1.9.1',
  // Ukrainian subjectDirectoryAttributes (z1398-12): DRFO (taxpayer number), EDRPOU (legal entity code), UNZR
  uaDrfo: '1.2.804.2.1.1.1.11.1.4.1.1',
  uaEdrpou: '1.2.804.2.1.1.1.11.1.4.2.1',
  uaUnzr: '1.2.804.2.1.1.1.11.1.4.11.1',
} as const;

/** Short names for the report. */
export const ALGORITHM_NAMES: Record<string, string> = {
  [OID.sha1]: 'SHA-1',
  [OID.sha224]: 'SHA-224',
  [OID.sha256]: 'SHA-256',
  [OID.sha384]: 'SHA-384',
  [OID.sha512]: 'SHA-512',
  [OID.gost34311]: 'GOST 34.311-95',
  [OID.rsaEncryption]: 'RSA (PKCS#1 v1.5)',
  [OID.sha1WithRsa]: 'RSA PKCS#1 v1.5 with SHA-1',
  [OID.sha224WithRsa]: 'RSA PKCS#1 v1.5 with SHA-224',
  [OID.sha256WithRsa]: 'RSA PKCS#1 v1.5 with SHA-256',
  [OID.sha384WithRsa]: 'RSA PKCS#1 v1.5 with SHA-384',
  [OID.sha512WithRsa]: 'RSA PKCS#1 v1.5 with SHA-512',
  [OID.rsaPss]: 'RSASSA-PSS',
  [OID.ecPublicKey]: 'ECDSA',
  [OID.ecdsaWithSha1]: 'ECDSA with SHA-1',
  [OID.ecdsaWithSha224]: 'ECDSA with SHA-224',
  [OID.ecdsaWithSha256]: 'ECDSA with SHA-256',
  [OID.ecdsaWithSha384]: 'ECDSA with SHA-384',
  [OID.ecdsaWithSha512]: 'ECDSA with SHA-512',
  [OID.dstu4145le]: 'DSTU 4145-2002 (little-endian)',
  [OID.dstu4145be]: 'DSTU 4145-2002 (big-endian)',
};

export function algorithmName(oid: string): string {
  return ALGORITHM_NAMES[oid] ?? oid;
}
