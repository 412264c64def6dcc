import { HubError } from '../../errors';
import { decodeBase64 } from '../../pipeline/attachments';
import { parseJson } from '../../pipeline/strict-json';
import { assertValid, type SignatureVerifyRequest } from '../../schemas';
import { SignatureError, type SignatureVerificationResult, type TrustStore } from '../../signatures';
import { verifyContainer, type VerifyTerms } from './verify';

/**
 * POST /api/v1/signatures/verify from its raw body to its report: the strict JSON rules of every
 * body (src/pipeline/strict-json.ts), the request schema, base64, the caller's extra trust, the
 * verification. All of it is work in proportion to the body (a 50 MB body is ~70 MB of base64 to
 * parse and decode), so a large one is done on a worker thread, whole (src/workers/pool.ts).
 */
export function verifyRequestBody(body: Uint8Array, base: TrustStore, terms: Omit<VerifyTerms, 'atMs'>): SignatureVerificationResult {
  // Any JSON value: the schema says what is wrong with one that is not the request (as before).
  const value = body.length ? parseJson(Buffer.from(body.buffer, body.byteOffset, body.byteLength)) : {};
  const request = assertValid<SignatureVerifyRequest>('signature-verify-request.schema.json', value);
  const signature = decodeBase64('/signature', request.signature);
  const content = request.content === undefined ? undefined : decodeBase64('/content', request.content);
  return verifyContainer(
    { signature, ...(content ? { content } : {}) },
    trustFor(base, request.trust),
    { ...terms, ...(request.at ? { atMs: new Date(request.at).getTime() } : {}) },
  );
}

function trustFor(base: TrustStore, extra: SignatureVerifyRequest['trust']): TrustStore {
  if (!extra?.certificates?.length && !extra?.crls?.length) return base;
  const certificates = (extra.certificates ?? []).map((c, i) => ({ data: decodeBase64(`/trust/certificates/${i}`, c), source: `trust.certificates[${i}]` }));
  const crls = (extra.crls ?? []).map((c, i) => decodeBase64(`/trust/crls/${i}`, c));
  try {
    return base.with({ certificates, crls });
  } catch (err) {
    if (err instanceof SignatureError) throw HubError.of('SIGNATURE_TRUST_INVALID', { problem: err.message, ...err.details });
    throw err;
  }
}
