import { secureRouter, type SecureRouter } from '../secure-router';
import type { Clock } from '../../domain/clock';
import type { SignatureSettings } from '../../pipeline/steps';
import { verifyRequest } from '../../workers';
import { assertUtf8Charset } from '../hostile';
import { inputBody } from '../input-body';

/**
 * POST /api/v1/signatures/verify: the same report as `dilovod verify --json`, against the hub's
 * trust store plus what the request adds for itself. A signature that does not hold is a verdict
 * (200 with TOTAL-FAILED or INDETERMINATE); only a request that cannot be read is a 400. The body
 * is read as bytes and the whole request (JSON, base64, verification) is worked on by
 * src/workers: a large one on a worker thread, so one 50 MB body never stops the event loop.
 */
export function signaturesRouter(settings: SignatureSettings, clock: Clock): SecureRouter {
  const r = secureRouter();
  r.post('/verify', 'signatures:verify', inputBody({ limit: 50 * 2 ** 20 }), async (req, res) => {
    assertUtf8Charset(req);
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    res.json(await verifyRequest(body, settings.trust, { nowMs: clock.now().getTime(), revocation: settings.revocation }));
  });
  return r;
}
