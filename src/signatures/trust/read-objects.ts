import { Tag, children, isUniversal, oidValue, parseTlv, readTlv } from '../asn1/der';
import { parseSignedData } from '../cms/signed-data';
import { OID } from '../oids';

/** Certificates and CRLs found in one file's bytes. */
export interface PkiObjects {
  certificates: Uint8Array[];
  crls: Uint8Array[];
}

const PEM_BLOCKS = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/**
 * Splits a file into certificates and CRLs. Accepts DER certificates and CRLs, certs-only PKCS#7 /
 * CMS bundles (RFC 5652 §5: "degenerate" SignedData, e.g. CACertificates.p7b), PEM files with any
 * number of CERTIFICATE, X509 CRL, PKCS7 or CMS blocks (RFC 7468), and bare base64.
 * Throws when nothing recognisable is inside.
 */
export function readPkiObjects(bytes: Uint8Array): PkiObjects {
  const out: PkiObjects = { certificates: [], crls: [] };
  if (bytes.length === 0) throw new Error('empty file');
  if (bytes[0] === 0x30) {
    addDer(out, bytes);
    return out;
  }
  const text = Buffer.from(bytes).toString('latin1');
  let found = false;
  for (const match of text.matchAll(PEM_BLOCKS)) {
    found = true;
    const der = new Uint8Array(Buffer.from((match[2] as string).replace(/\s+/g, ''), 'base64'));
    if (match[1] === 'TRUSTED CERTIFICATE') addDer(out, firstElement(der));
    else addDer(out, der);
  }
  if (!found) {
    const trimmed = text.trim();
    if (!/^[A-Za-z0-9+/=\s]+$/.test(trimmed)) throw new Error('neither DER nor PEM');
    addDer(out, new Uint8Array(Buffer.from(trimmed.replace(/\s+/g, ''), 'base64')));
  }
  return out;
}

function firstElement(der: Uint8Array): Uint8Array {
  // OpenSSL "TRUSTED CERTIFICATE" = the certificate followed by auxiliary trust settings
  return readTlv(der, 0).tlv.raw;
}

function addDer(out: PkiObjects, der: Uint8Array): void {
  const kind = classify(der);
  if (kind === 'bundle') {
    const sd = parseSignedData(der);
    // a signature's embedded certificates must not become trust anchors by accident
    if (sd.signerInfos.length) throw new Error('a signed document, not a certs-only bundle');
    out.certificates.push(...sd.certificates);
    out.crls.push(...sd.crls);
  } else if (kind === 'certificate') out.certificates.push(Uint8Array.from(der));
  else out.crls.push(Uint8Array.from(der));
}

/** Tells a ContentInfo, a Certificate and a CertificateList apart by their first elements. */
export function classify(der: Uint8Array): 'bundle' | 'certificate' | 'crl' {
  const top = parseTlv(der);
  const [first] = children(top);
  if (!first) throw new Error('empty SEQUENCE');
  if (isUniversal(first, Tag.oid)) {
    if (oidValue(first) !== OID.signedData) throw new Error(`unsupported PKCS#7 content ${oidValue(first)}`);
    return 'bundle';
  }
  if (!isUniversal(first, Tag.sequence)) throw new Error('not a certificate, CRL or PKCS#7 bundle');
  // TBSCertList has thisUpdate (a Time) directly inside; TBSCertificate keeps its times in Validity.
  const hasTime = children(first).some((c) => isUniversal(c, Tag.utcTime) || isUniversal(c, Tag.generalizedTime));
  return hasTime ? 'crl' : 'certificate';
}
