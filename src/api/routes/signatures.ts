import { secureRouter, type SecureRouter } from '../secure-router';
import type { Clock } from '../../domain/clock';
import { HubError } from '../../errors';
import { decodeBase64 } from '../../pipeline/attachments';
import type { SignatureSettings } from '../../pipeline/steps';
import { assertValid, type SignatureVerifyRequest } from '../../schemas';
import { SignatureError, verifySignaturesSync, type TrustStore } from '../../signatures';
import { jsonBody } from '../hostile';

/**
 * POST /api/v1/signatures/verify: the same report as `dilovod verify --json`, against the hub's
 * trust store plus what the request adds for itself. A signature that does not hold is a verdict
 * (200 with TOTAL-FAILED or INDETERMINATE); only a request that cannot be read is a 400.
 */
export function signaturesRouter(settings: SignatureSettings, clock: Clock): SecureRouter {
  const r = secureRouter();
  r.post('/verify', 'signatures:verify', jsonBody({ limit: '50mb', type: () => true, strict: false }), (req, res) => {
    const body = assertValid<SignatureVerifyRequest>('signature-verify-request.schema.json', req.body ?? null);
    const signature = decodeBase64('/signature', body.signature);
    const content = body.content === undefined ? undefined : decodeBase64('/content', body.content);
    const result = verifySignaturesSync(
      { signature, ...(content ? { content } : {}) },
      { trust: trustFor(settings.trust, body.trust), now: () => clock.now(), revocation: settings.revocation, ...(body.at ? { at: new Date(body.at) } : {}) },
    );
    res.json(result);
  });
  return r;
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
