import { Tlv } from '../asn1/der';
import { CmsSignerInfo, attributeValues, parseSignerInfo } from '../cms/signer-info';
import { SigningCertificateReference } from '../cms/signing-certificate';
import { resolveSignatureAlgorithm } from '../crypto/algorithms';
import { Digests, hashOfOid } from '../crypto/digest';
import { PublicKeyHandle, importPublicKey } from '../crypto/public-key';
import { OID, algorithmName } from '../oids';
import { CertificateSummary, SignatureCheck, SignatureFormat, SignatureReport, TimestampReport } from '../report';
import { ParsedCertificate } from '../x509/certificate';
import { SignerIdentity, signerIdentity } from '../x509/signer-identity';
import { ChainResult } from './chain';
import { check, iso } from './check';
import { checkKeyUsage, checkRevocation, checkValidity } from './certificate-status';
import { qualification } from './qualification';
import { identifySigningCertificate } from './signing-certificate';
import { SignerContext } from './signer-context';
import { algorithmsCheck, messageDigestCheck, signatureValueCheck } from './crypto-checks';
import { certificateSummary, timestampReport } from './report-parts';
import { readSignedAttributes } from './signed-attributes';
import { validateTimestamp } from './timestamp';
import { ValidationFacts, verdict } from './verdict';

const EMPTY_SIGNER: SignerIdentity = { commonName: null, fullName: null, organization: null, title: null, edrpou: null, drfo: null };

/**
 * Validates one SignerInfo end to end and reports every check (EN 319 102-1 §5.3, §5.5). Never
 * throws: anything unreadable that slipped past the format checks is a FORMAT_FAILURE of this signer.
 */
export function verifySigner(tlv: Tlv, index: number, ctx: SignerContext): SignatureReport {
  try {
    return validateSigner(tlv, index, ctx);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    const checks = [check('structure', 'failed', `unreadable signature data: ${detail}`, `пошкоджені дані підпису: ${detail}`)];
    const facts: ValidationFacts = { ...NOTHING_CHECKED, formatFailure: true };
    const base = {
      index,
      signingTime: null,
      timestamp: null,
      contentTimestamp: null,
      digestAlgorithm: '',
      signatureAlgorithm: '',
      chain: [],
    };
    return finish(base, facts, checks, 'CMS', EMPTY_SIGNER, ctx, undefined, undefined, undefined);
  }
}

const NOTHING_CHECKED: ValidationFacts = {
  formatFailure: false,
  hashFailure: false,
  contentMissing: false,
  signingCertificate: 'not-found',
  signatureValue: 'not-checked',
  algorithms: 'allowed',
  chain: 'not-checked',
  validity: 'not-checked',
  revocation: 'not-checked',
  keyUsage: 'not-checked',
};

function validateSigner(tlv: Tlv, index: number, ctx: SignerContext): SignatureReport {
  const checks: SignatureCheck[] = [];
  const facts: ValidationFacts = { ...NOTHING_CHECKED };
  const base = {
    index,
    signingTime: null as string | null,
    timestamp: null as TimestampReport | null,
    contentTimestamp: null as TimestampReport | null,
    digestAlgorithm: '',
    signatureAlgorithm: '',
    chain: [] as CertificateSummary[],
  };

  // 1. Format checking (EN 319 102-1 §5.2.2; RFC 5652 §5.3, §11)
  let signer: CmsSignerInfo;
  let claimedSigningTime: Date | undefined;
  let digestValue: Uint8Array | undefined;
  let signingCertificate: SigningCertificateReference | undefined;
  try {
    signer = parseSignerInfo(tlv);
    base.digestAlgorithm = algorithmName(signer.digestAlgorithm.oid);
    base.signatureAlgorithm = algorithmName(signer.signatureAlgorithm.oid);
    const structure = readSignedAttributes(signer, ctx.signedData.contentType);
    claimedSigningTime = structure.signingTime;
    digestValue = structure.messageDigest;
    signingCertificate = structure.signingCertificate;
    if (claimedSigningTime) base.signingTime = iso(claimedSigningTime);
    checks.push(check('structure', 'passed', structure.en, structure.uk));
  } catch (err) {
    facts.formatFailure = true;
    const detail = err instanceof Error ? err.message : String(err);
    checks.push(check('structure', 'failed', `malformed signer information: ${detail}`, `пошкоджені дані підписувача: ${detail}`));
    return finish(base, facts, checks, 'CMS', EMPTY_SIGNER, ctx, undefined, undefined, undefined);
  }

  // 2. Identification of the signing certificate (§5.2.3)
  const identified = identifySigningCertificate(signer, ctx.pool, signingCertificate);
  let cert: ParsedCertificate | undefined;
  if (identified.status === 'not-found') {
    checks.push(
      check(
        'signing-certificate',
        'failed',
        'the signing certificate is neither in the signature nor in the trust store',
        'сертифіката підписувача немає ні в підписі, ні серед довірених сертифікатів',
      ),
    );
  } else {
    cert = identified.certificate;
    const who = `"${cert.subject.text}" (serial ${cert.serialNumber})`;
    const whoUk = `«${cert.subject.text}» (серійний номер ${cert.serialNumber})`;
    if (identified.status === 'not-bound') {
      facts.signingCertificate = 'not-bound';
      checks.push(
        check(
          'signing-certificate',
          'failed',
          `the signing-certificate attribute does not match ${who} (${identified.detail})`,
          `атрибут signing-certificate не відповідає сертифікату ${whoUk}`,
        ),
      );
    } else {
      facts.signingCertificate = 'found';
      checks.push(
        identified.reference
          ? check(
              'signing-certificate',
              'passed',
              `signing certificate ${who} found and bound by the signing-certificate${identified.reference.version === 2 ? '-v2' : ''} attribute`,
              `сертифікат підписувача ${whoUk} знайдено; його закріплено атрибутом signing-certificate${identified.reference.version === 2 ? '-v2' : ''}`,
            )
          : check(
              'signing-certificate',
              'warning',
              `signing certificate ${who} found; no signing-certificate attribute binds it (plain CMS, not CAdES)`,
              `сертифікат підписувача ${whoUk} знайдено, але атрибута signing-certificate немає (звичайний CMS, не CAdES)`,
            ),
      );
    }
  }

  // 3. Cryptographic verification (§5.2.7): message digest, then the signature value
  const resolution = resolveSignatureAlgorithm(signer.signatureAlgorithm, signer.digestAlgorithm.oid);
  const hash = hashOfOid(signer.digestAlgorithm.oid);
  // The content is hashed once per algorithm for this signer: the messageDigest check and a
  // content time-stamp's imprint (step 4) share the digest.
  const contentDigests = ctx.content ? new Digests(ctx.content) : undefined;
  checks.push(messageDigestCheck(facts, contentDigests, digestValue, hash, signer));

  let key: PublicKeyHandle | undefined;
  if (cert) {
    try {
      key = importPublicKey(cert.spki);
    } catch (err) {
      facts.algorithms = 'unsupported';
      checks.push(
        check(
          'signature-value',
          'skipped',
          `the public key cannot be used: ${(err as Error).message}`,
          'відкритий ключ сертифіката не підтримується',
        ),
      );
    }
  }
  if (key && cert) checks.push(signatureValueCheck(facts, resolution, key, signer, ctx.content));
  else if (!cert)
    checks.push(check('signature-value', 'skipped', 'not checked: no signing certificate', 'не перевірено: немає сертифіката підписувача'));
  checks.push(algorithmsCheck(facts, resolution, key));

  // 4. Time-stamps (EN 319 122-1 §5.2.8, §5.3; EN 319 102-1 §5.4) and the best signature time (§5.6.2.4)
  const signatureTst = attributeValues(signer.unsignedAttributes, OID.signatureTimestamp);
  let poe: Date | undefined;
  for (const token of signatureTst) {
    const result = validateTimestamp(token, new Digests(signer.signature), ctx.pool, ctx.trust);
    if (!base.timestamp || result.status === 'valid') base.timestamp = timestampReport(result, 'signature');
    if (result.status === 'valid' && result.genTime && (!poe || result.genTime < poe)) poe = result.genTime;
    if (result.status !== 'valid' && facts.signatureTimestamp !== 'valid') facts.signatureTimestamp = result.status;
    if (result.status === 'valid') facts.signatureTimestamp = 'valid';
  }
  if (base.timestamp) {
    // a broken token fails; one that merely cannot be trusted is set aside as proof of existence
    const t = base.timestamp;
    const broken =
      facts.signatureTimestamp === 'hash-failure' ||
      facts.signatureTimestamp === 'sig-crypto-failure' ||
      facts.signatureTimestamp === 'format-failure';
    checks.push(check('signature-timestamp', t.valid ? 'passed' : broken ? 'failed' : 'warning', t.message, t.messageUk));
  }
  const contentTst = signer.signedAttributes ? attributeValues(signer.signedAttributes.attributes, OID.contentTimestamp)[0] : undefined;
  if (contentTst) {
    if (contentDigests) {
      const result = validateTimestamp(contentTst, contentDigests, ctx.pool, ctx.trust);
      base.contentTimestamp = timestampReport(result, 'content');
      // informative: a content time-stamp proves the content existed, not the signature
      checks.push(
        check(
          'content-timestamp',
          result.status === 'valid' ? 'passed' : 'warning',
          base.contentTimestamp.message,
          base.contentTimestamp.messageUk,
        ),
      );
    } else {
      checks.push(
        check(
          'content-timestamp',
          'skipped',
          'content time-stamp not checked: no content',
          'позначку часу на вміст не перевірено: немає вмісту',
        ),
      );
    }
  }
  const bestSignatureTime = poe && poe < ctx.validationTime ? poe : ctx.validationTime;

  // 5. X.509 validation (§5.2.6) at the best signature time
  let chain: ChainResult | undefined;
  if (cert) {
    // The path and its CRLs come from the cache when this signer was validated against the same
    // trust store and carried objects before; validity and revocation are judged below at this time.
    const validated = ctx.chainOf(cert);
    chain = validated.chain;
    facts.chain = chain.status;
    base.chain = [...chain.certificates, ...chain.aboveAnchor].map((c) => certificateSummary(c, ctx.trust));
    const anchor = chain.anchor?.certificate.subject.text;
    checks.push(
      chain.status === 'trusted'
        ? check(
            'chain',
            'passed',
            `certificate chain of ${chain.certificates.length} verified up to the trust anchor "${anchor}"`,
            `ланцюжок із ${chain.certificates.length} сертифікатів перевірено до довіреного сертифіката «${anchor}»`,
          )
        : chain.status === 'constraints'
          ? check(
              'chain',
              'failed',
              `the certificate chain breaks a constraint: ${chain.problem?.en}`,
              `ланцюжок сертифікатів порушує обмеження: ${chain.problem?.uk}`,
            )
          : check(
              'chain',
              'failed',
              `no trusted certificate chain: ${chain.problem?.en}`,
              `немає довіреного ланцюжка сертифікатів: ${chain.problem?.uk}`,
            ),
    );
    const path = chain.status === 'no-chain' ? [cert] : chain.certificates;
    const validity = checkValidity(path, bestSignatureTime, poe !== undefined);
    facts.validity = validity.status;
    checks.push(check('validity', validity.status === 'valid' ? 'passed' : 'failed', validity.en, validity.uk));
    if (chain.status !== 'no-chain') {
      const revocation = checkRevocation(chain.certificates, validated.linkCrls, bestSignatureTime, claimedSigningTime, ctx.revocationPolicy);
      facts.revocation = revocation.status;
      const status = revocation.status === 'good' ? 'passed' : revocation.status === 'not-checked' ? 'skipped' : 'failed';
      checks.push(check('revocation', status, revocation.en, revocation.uk));
    } else {
      checks.push(check('revocation', 'skipped', 'not checked: no certificate chain', 'не перевірено: немає ланцюжка сертифікатів'));
    }
    const usage = checkKeyUsage(cert);
    facts.keyUsage = usage.status;
    checks.push(check('key-usage', usage.status === 'ok' ? 'passed' : 'failed', usage.en, usage.uk));
  }

  const format: SignatureFormat = signatureTst.length
    ? 'CAdES-T'
    : identified.status === 'found' && identified.reference
      ? 'CAdES-BES'
      : 'CMS';
  return finish(base, facts, checks, format, cert ? signerIdentity(cert) : EMPTY_SIGNER, ctx, cert, chain, bestSignatureTime);
}

function finish(
  base: Omit<
    SignatureReport,
    'indication' | 'subIndication' | 'format' | 'qualified' | 'qualification' | 'signer' | 'bestSignatureTime' | 'checks'
  >,
  facts: ValidationFacts,
  checks: SignatureCheck[],
  format: SignatureFormat,
  signer: SignerIdentity,
  ctx: SignerContext,
  cert: ParsedCertificate | undefined,
  chain: ChainResult | undefined,
  bestSignatureTime: Date | undefined,
): SignatureReport {
  const result = verdict(facts);
  const q = qualification(cert, chain, result.indication);
  checks.push(check('qualified', q.qualified ? 'passed' : 'warning', q.en, q.uk));
  // Spelled out, not `{ ...base, … }`: V8 builds the spread and the keys after it slowly (a tenth of
  // a verification's JavaScript, --cpu-prof, issue 16). Same keys, same order.
  return {
    index: base.index,
    signingTime: base.signingTime,
    timestamp: base.timestamp,
    contentTimestamp: base.contentTimestamp,
    digestAlgorithm: base.digestAlgorithm,
    signatureAlgorithm: base.signatureAlgorithm,
    chain: base.chain,
    indication: result.indication,
    subIndication: result.subIndication,
    format,
    qualified: q.qualified,
    qualification: q.report,
    signer,
    bestSignatureTime: iso(bestSignatureTime ?? ctx.validationTime),
    checks,
  };
}
