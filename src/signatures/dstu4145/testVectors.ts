/**
 * Test helper: pulls what a DSTU 4145 verification needs out of the real CMS files and
 * certificates under test/fixtures/reference/signatures (see SOURCES.md there). Not used by
 * production code — the general CMS/CAdES verifier lives outside this folder.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ContentInfo, SignedData } from '@peculiar/asn1-cms';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import { children, readBitStringOctets, readSingle, TAG } from './der';

export const REFERENCE_DIR = process.env.DILOVOD_REFERENCE_DIR ?? path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'reference', 'signatures');

export function readReference(relativePath: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(REFERENCE_DIR, relativePath)));
}

const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';

export interface CmsSignerVector {
  digestAlgorithm: string;
  signatureAlgorithm: string;
  /** DER of the signed attributes re-tagged as SET OF (what the signature covers), if present. */
  signedAttrsDer?: Uint8Array;
  /** The messageDigest signed attribute, if present. */
  messageDigest?: Uint8Array;
  /** eContent for attached signatures. */
  content?: Uint8Array;
  /** SignerInfo.signature octets, untouched. */
  signature: Uint8Array;
  /** SubjectPublicKeyInfo DER of the embedded certificate that matches the signer id. */
  signerSpki: Uint8Array;
}

/** Decode a CMS SignedData (DER or base64 text) and return its first signer's data. */
export function extractCmsSigner(cms: Uint8Array): CmsSignerVector {
  const contentInfo = AsnConvert.parse(toArrayBuffer(cms), ContentInfo);
  const signedData = AsnConvert.parse(contentInfo.content, SignedData);
  const signer = signedData.signerInfos[0];
  if (!signer) throw new Error('CMS: no signerInfos');

  const certificates = (signedData.certificates ?? [])
    .map((choice) => choice.certificate)
    .filter((c): c is Certificate => c !== undefined);
  const signerCert = certificates.find((cert) => {
    const tbs = cert.tbsCertificate;
    const byIssuerSerial = signer.sid.issuerAndSerialNumber;
    if (byIssuerSerial) {
      return (
        bytesEqual(new Uint8Array(tbs.serialNumber), new Uint8Array(byIssuerSerial.serialNumber)) &&
        bytesEqual(
          new Uint8Array(AsnConvert.serialize(tbs.issuer)),
          new Uint8Array(AsnConvert.serialize(byIssuerSerial.issuer)),
        )
      );
    }
    return false;
  });
  if (!signerCert) throw new Error('CMS: signer certificate is not embedded');

  const vector: CmsSignerVector = {
    digestAlgorithm: signer.digestAlgorithm.algorithm,
    signatureAlgorithm: signer.signatureAlgorithm.algorithm,
    signature: new Uint8Array(signer.signature.buffer),
    signerSpki: new Uint8Array(AsnConvert.serialize(signerCert.tbsCertificate.subjectPublicKeyInfo)),
  };
  if (signer.signedAttrs) {
    // The signature covers the attributes with their universal SET tag, not the [0] IMPLICIT
    // tag they travel under (RFC 5652 §5.4). The original bytes are used, never a re-encoding.
    // (@peculiar/asn1-cms 2.11 declares signedAttrsRaw but leaves it unset for this
    // repeated field, so the bytes are sliced out with the local DER reader.)
    const der = Uint8Array.from(rawSignedAttributes(derOf(cms)));
    der[0] = 0x31;
    vector.signedAttrsDer = der;
  }
  const digestAttr = signer.signedAttrs?.find((a) => a.attrType === OID_MESSAGE_DIGEST);
  if (digestAttr?.attrValues[0]) {
    vector.messageDigest = new Uint8Array(AsnConvert.parse(digestAttr.attrValues[0], OctetString).buffer);
  }
  const eContent = signedData.encapContentInfo.eContent;
  if (eContent?.single) vector.content = new Uint8Array(eContent.single.buffer);
  else if (eContent?.any) vector.content = new Uint8Array(readSingle(new Uint8Array(eContent.any), TAG.OCTET_STRING).value);
  return vector;
}

export interface CertificateVector {
  /** The signed part, exactly as in the file. */
  tbsDer: Uint8Array;
  signatureAlgorithm: string;
  /** signatureValue BIT STRING content (for DSTU: an OCTET STRING around r‖s). */
  signatureValue: Uint8Array;
  spki: Uint8Array;
}

/** Split a DER certificate into what signature checks need, slicing the original bytes. */
export function extractCertificate(der: Uint8Array): CertificateVector {
  const [tbs, , signatureValue] = children(readSingle(der, TAG.SEQUENCE));
  if (!tbs || !signatureValue) throw new Error('certificate: malformed');
  const cert = AsnConvert.parse(toArrayBuffer(der), Certificate);
  // TBSCertificate: [0] version, serial, signature, issuer, validity, subject, spki, …
  const tbsFields = children(tbs);
  const spki = tbsFields[tbsFields[0]?.tag === TAG.CONTEXT_0 ? 6 : 5];
  if (!spki) throw new Error('certificate: no SubjectPublicKeyInfo');
  return {
    tbsDer: tbs.der,
    signatureAlgorithm: cert.signatureAlgorithm.algorithm,
    signatureValue: readBitStringOctets(signatureValue),
    spki: spki.der,
  };
}

/** The [0] IMPLICIT signedAttrs TLV of the first SignerInfo, sliced from the original DER. */
function rawSignedAttributes(cms: Uint8Array): Uint8Array {
  const [, explicitContent] = children(readSingle(cms, TAG.SEQUENCE));
  const signedData = explicitContent && children(explicitContent)[0];
  if (!signedData) throw new Error('CMS: no content');
  const signerInfos = children(signedData).at(-1); // SignedData ends with signerInfos
  const firstSigner = signerInfos && children(signerInfos)[0];
  const attrs = firstSigner && children(firstSigner).find((node) => node.tag === TAG.CONTEXT_0);
  if (!attrs) throw new Error('CMS: no signed attributes');
  return attrs.der;
}

/** CMS in the SEV OVV samples is base64 text; accept it as well as DER. */
function derOf(bytes: Uint8Array): Uint8Array {
  if (bytes[0] === 0x30) return bytes;
  return new Uint8Array(Buffer.from(Buffer.from(bytes).toString('latin1'), 'base64'));
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const der = derOf(bytes);
  return der.buffer.slice(der.byteOffset, der.byteOffset + der.byteLength) as ArrayBuffer;
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** All certificates (DER) of a certs-only PKCS#7 bundle such as CACertificates.p7b. */
export function certificatesInBundle(p7b: Uint8Array): Uint8Array[] {
  const [, explicitContent] = children(readSingle(p7b, TAG.SEQUENCE));
  const signedData = explicitContent && children(explicitContent)[0];
  const certificateSet = signedData && children(signedData).find((node) => node.tag === TAG.CONTEXT_0);
  if (!certificateSet) throw new Error('PKCS#7: no certificates');
  return children(certificateSet).map((node) => node.der);
}
