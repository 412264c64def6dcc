import {
  Asn1Error,
  Tag,
  Tlv,
  children,
  expectUniversal,
  integerNumber,
  isContext,
  isUniversal,
  octetStringValue,
  oidValue,
  parseTlv,
} from '../asn1/der';
import { OID } from '../oids';

/**
 * CMS SignedData (RFC 5652 §5.1) read with the raw bytes of every certificate, CRL and SignerInfo,
 * BER (indefinite lengths, segmented OCTET STRINGs) accepted as RFC 5652 §1.2 allows.
 */
export interface CmsSignedData {
  version: number;
  digestAlgorithms: string[];
  /** encapContentInfo.eContentType. */
  contentType: string;
  /** encapContentInfo.eContent, absent for a detached signature. */
  content?: Uint8Array;
  /** DER of each certificate in `certificates` (other CertificateChoices are skipped). */
  certificates: Uint8Array[];
  /** DER of each CertificateList in `crls` (other RevocationInfoChoices are skipped). */
  crls: Uint8Array[];
  signerInfos: Tlv[];
  /**
   * The encoded certificates and crls fields together, as they came (empty when there are none): the
   * same bytes carry the same certificates and CRLs, so a verification can take what it made of
   * them last time (validation/carried-cache.ts). A view into the input.
   */
  carriedBytes: Uint8Array;
}

const EMPTY = new Uint8Array(0);

export function parseContentInfo(bytes: Uint8Array): { contentType: string; content: Tlv } {
  const [type, explicit] = children(expectUniversal(parseTlv(bytes), Tag.sequence, 'ContentInfo'));
  if (!type || !explicit || !isContext(explicit, 0)) throw new Asn1Error('ContentInfo: missing content');
  const content = children(explicit)[0];
  if (!content) throw new Asn1Error('ContentInfo: empty content');
  return { contentType: oidValue(type), content };
}

export function parseSignedData(bytes: Uint8Array): CmsSignedData {
  const info = parseContentInfo(bytes);
  if (info.contentType !== OID.signedData) {
    throw new Asn1Error(`ContentInfo holds ${info.contentType}, not SignedData (1.2.840.113549.1.7.2)`);
  }
  const parts = children(expectUniversal(info.content, Tag.sequence, 'SignedData'));
  const [version, digestAlgorithms, encap] = parts;
  const result: CmsSignedData = {
    version: integerNumber(expectUniversal(version, Tag.integer, 'SignedData.version')),
    digestAlgorithms: children(expectUniversal(digestAlgorithms, Tag.set, 'SignedData.digestAlgorithms')).map((a) => {
      const [oid] = children(a);
      if (!oid) throw new Asn1Error('empty DigestAlgorithmIdentifier');
      return oidValue(oid);
    }),
    contentType: '',
    certificates: [],
    crls: [],
    signerInfos: [],
    carriedBytes: EMPTY,
  };
  const [eType, eContent] = children(expectUniversal(encap, Tag.sequence, 'EncapsulatedContentInfo'));
  if (!eType) throw new Asn1Error('EncapsulatedContentInfo: missing eContentType');
  result.contentType = oidValue(eType);
  if (eContent) {
    if (!isContext(eContent, 0)) throw new Asn1Error('EncapsulatedContentInfo: bad eContent tag');
    const octets = children(eContent)[0];
    if (octets) result.content = Uint8Array.from(octetStringValue(expectUniversal(octets, Tag.octetString, 'eContent')));
  }
  let signerInfos: Tlv | undefined;
  let carriedFirst: Uint8Array | undefined;
  let carriedLast: Uint8Array | undefined;
  // Views into the input, not copies (a copy each cost more than finding the certificate in the
  // cache, issue 16): whatever is kept past this verification is copied by the parsers.
  for (const part of parts.slice(3)) {
    if (!isUniversal(part, Tag.set)) {
      carriedFirst ??= part.raw;
      carriedLast = part.raw;
    }
    if (isContext(part, 0)) {
      for (const c of children(part)) if (isUniversal(c, Tag.sequence)) result.certificates.push(c.raw);
    } else if (isContext(part, 1)) {
      for (const c of children(part)) if (isUniversal(c, Tag.sequence)) result.crls.push(c.raw);
    } else if (isUniversal(part, Tag.set)) {
      signerInfos = part;
    } else {
      throw new Asn1Error('SignedData: unexpected element');
    }
  }
  if (!signerInfos) throw new Asn1Error('SignedData: missing signerInfos');
  result.signerInfos = children(signerInfos);
  // The fields lie one after the other in the same bytes: from the first one's start to the last one's end.
  if (carriedFirst && carriedLast) {
    const end = carriedLast.byteOffset + carriedLast.byteLength;
    result.carriedBytes = new Uint8Array(carriedFirst.buffer, carriedFirst.byteOffset, end - carriedFirst.byteOffset);
  }
  return result;
}
