import { assertConforms } from './contract';
import type { TestHub } from './hub';

type Json = any;

/**
 * One HTTP call to a test hub. The caller is the test operator, or, when the body names an
 * `actor`, that person signed in with their own token: the body's `actor` is how the tests say
 * who acts, and it never reaches the hub (the hub takes the actor from the credentials). The
 * answer is checked against the OpenAPI document (test/support/contract.ts).
 */
export async function call(hub: TestHub, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Json; headers: Headers }> {
  let auth = hub.auth;
  let sent = body;
  if (body && typeof body === 'object' && !Array.isArray(body) && typeof (body as { actor?: unknown }).actor === 'string') {
    const { actor, ...rest } = body as { actor: string };
    auth = await hub.as(actor);
    sent = rest;
  }
  const res = await fetch(`${hub.url}${path}`, {
    method,
    headers: { ...auth, ...(sent === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: sent === undefined ? undefined : JSON.stringify(sent),
  });
  const text = await res.text();
  const json = text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
  // Every answer is checked against the published contract (src/contract): a mismatch fails the test here.
  assertConforms(hub, method, path, { status: res.status, contentType: res.headers.get('content-type'), json, text });
  return { status: res.status, json, headers: res.headers };
}
