import { CmsSignedData, parseSignedData } from './cms/signed-data';
import { SignatureError } from './errors';
import { SignatureDecodeError, decodeSignature, DecodedSignature } from './input/decode';
import { SignatureCheck, SignatureVerificationResult } from './report';
import { TrustStore } from './trust/trust-store';
import { carriedSet } from './validation/carried-cache';
import { check, iso } from './validation/check';
import { RevocationPolicy } from './validation/signer-context';
import { worst } from './validation/verdict';
import { verifySigner } from './validation/verify-signer';

export interface VerifyInput {
  /** The CMS container: DER/BER, PEM or base64 text (also inside a tax-office transport container). */
  signature: Uint8Array;
  /** The signed content of a detached signature. */
  content?: Uint8Array;
}

export interface VerifyOptions {
  trust: TrustStore;
  /** Validation time: validate as of this instant (e.g. inside the validity of long-expired certificates). */
  at?: Date;
  /** Clock, when `at` is not given. */
  now?: () => Date;
  /** 'ifAvailable' (default): certificates without a CRL are reported as not checked; 'require': TRY_LATER. */
  revocation?: RevocationPolicy;
}

/**
 * Verifies every signature in a CMS / CAdES container (RFC 5652, ETSI EN 319 122-1) and reports
 * each one ETSI EN 319 102-1 style. Unreadable input yields a TOTAL-FAILED/FORMAT_FAILURE report;
 * only a non-byte argument throws (SignatureError SIGNATURE_INPUT_INVALID).
 */
export async function verifySignatures(input: VerifyInput, options: VerifyOptions): Promise<SignatureVerificationResult> {
  return verifySignaturesSync(input, options);
}

export function verifySignaturesSync(input: VerifyInput, options: VerifyOptions): SignatureVerificationResult {
  if (!(input?.signature instanceof Uint8Array) || (input.content !== undefined && !(input.content instanceof Uint8Array))) {
    throw new SignatureError(
      'SIGNATURE_INPUT_INVALID',
      'signature and content must be byte arrays',
      'підпис і вміст мають бути масивами байтів',
    );
  }
  if (!(options?.trust instanceof TrustStore)) {
    throw new SignatureError(
      'SIGNATURE_INPUT_INVALID',
      'options.trust must be a TrustStore',
      'options.trust має бути сховищем довірених сертифікатів',
    );
  }
  const validationTime = options.at ?? options.now?.() ?? new Date();
  if (Number.isNaN(validationTime.getTime())) {
    throw new SignatureError('SIGNATURE_INPUT_INVALID', 'the validation time is not a valid date', 'час перевірки не є коректною датою');
  }
  const result: SignatureVerificationResult = {
    indication: 'TOTAL-FAILED',
    subIndication: 'FORMAT_FAILURE',
    validationTime: iso(validationTime),
    contentProvided: input.content !== undefined,
    detached: true,
    encoding: null,
    checks: [],
    signatures: [],
  };

  let decoded: DecodedSignature;
  let signedData: CmsSignedData;
  try {
    decoded = decodeSignature(input.signature);
    result.encoding = decoded.encoding;
    signedData = parseSignedData(decoded.der);
  } catch (err) {
    const uk = err instanceof SignatureDecodeError ? err.messageUk : 'дані не є коректним підписом CMS (SignedData)';
    result.checks.push(check('structure', 'failed', `not a CMS SignedData: ${(err as Error).message}`, uk));
    return result;
  }
  if (signedData.signerInfos.length === 0) {
    result.checks.push(
      check(
        'structure',
        'failed',
        'the container has no signatures (a certificate bundle?)',
        'контейнер не містить підписів (можливо, це пакет сертифікатів)',
      ),
    );
    return result;
  }

  const extras: SignatureCheck[] = [];
  // The carried certificates and CRLs, parsed and indexed once for the same bytes (validation/carried-cache.ts).
  const { pool, crls, carried, unreadable, chainOf } = carriedSet(signedData, options.trust);
  let content = signedData.content;
  result.detached = content === undefined;
  if (content && input.content && !Buffer.from(content).equals(Buffer.from(input.content))) {
    extras.push(
      check(
        'structure',
        'warning',
        'content was supplied separately but the signature carries its own; the content inside the signature was verified',
        'вміст надано окремо, але підпис містить власний; перевірено вміст, що міститься в підписі',
      ),
    );
  }
  content ??= input.content;
  result.contentProvided = content !== undefined;

  const signatures = signedData.signerInfos.map((tlv, index) =>
    verifySigner(tlv, index, {
      signedData,
      ...(content ? { content } : {}),
      pool,
      trust: options.trust,
      crls,
      carried,
      chainOf,
      validationTime,
      revocationPolicy: options.revocation ?? 'ifAvailable',
    }),
  );
  const n = signatures.length;
  result.checks.push(
    check(
      'structure',
      'passed',
      `CMS SignedData (${decoded.encoding}) with ${n} signature(s), ${result.detached ? 'detached' : 'attached content'}${unreadable ? `; ${unreadable} unreadable certificate(s)/CRL(s) ignored` : ''}`,
      `CMS SignedData (${decoded.encoding}), підписів: ${n}, ${result.detached ? 'відокремлений' : 'вміст усередині'}${unreadable ? `; проігноровано нечитабельних сертифікатів/СВС: ${unreadable}` : ''}`,
    ),
    ...extras,
  );
  result.signatures = signatures;
  const overall = worst(signatures.map((s) => ({ indication: s.indication, subIndication: s.subIndication })));
  result.indication = overall.indication;
  result.subIndication = overall.subIndication;
  return result;
}
