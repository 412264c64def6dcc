import { Tag, isUniversal, octetStringValue, oidValue, timeValue } from '../asn1/der';
import { CmsSignerInfo, singleValued } from '../cms/signer-info';
import { SigningCertificateReference, readSigningCertificate } from '../cms/signing-certificate';
import { OID } from '../oids';

export interface SignedAttributesRead {
  signingTime?: Date;
  messageDigest?: Uint8Array;
  /** The signing-certificate(-v2) attribute, for the identification of the signing certificate. */
  signingCertificate?: SigningCertificateReference;
  en: string;
  uk: string;
}

/** Signed attributes: contentType and messageDigest mandatory and single (RFC 5652 §5.3, §11.1–11.2). */
export function readSignedAttributes(
  signer: CmsSignerInfo,
  eContentType: string,
): SignedAttributesRead {
  const attrs = signer.signedAttributes;
  if (!attrs) {
    if (eContentType !== OID.data) throw new Error('signed attributes are required when the content is not id-data');
    return { en: 'CMS SignerInfo without signed attributes (not CAdES)', uk: 'CMS без підписаних атрибутів (не CAdES)' };
  }
  const contentType = singleValued(attrs.attributes, OID.contentType);
  if (!contentType.value) throw new Error(`content-type attribute ${contentType.problem}`);
  if (oidValue(contentType.value) !== eContentType) throw new Error('content-type attribute differs from eContentType');
  const md = singleValued(attrs.attributes, OID.messageDigest);
  if (!md.value || !isUniversal(md.value, Tag.octetString)) throw new Error(`message-digest attribute ${md.problem ?? 'malformed'}`);
  const out: SignedAttributesRead = {
    messageDigest: octetStringValue(md.value),
    en: 'CMS SignedData and signed attributes are well-formed',
    uk: 'структура CMS SignedData і підписані атрибути коректні',
  };
  // ESS signing-certificate(-v2) must at least be readable (RFC 5035 §5.4; EN 319 122-1 §5.2.2)
  let essValues = 0;
  for (const a of attrs.attributes) if (a.oid === OID.signingCertificateV2 || a.oid === OID.signingCertificate) essValues += a.values.length;
  if (essValues > 1) throw new Error('signing-certificate attribute repeated');
  const reference = readSigningCertificate(attrs.attributes);
  if (reference) out.signingCertificate = reference;
  const st = singleValued(attrs.attributes, OID.signingTime);
  if (st.problem === 'repeated') throw new Error('signing-time attribute repeated');
  if (st.value) out.signingTime = timeValue(st.value);
  return out;
}
