/**
 * Signing a person in through the council's identity provider: the OAuth 2.0 authorization code
 * with PKCE (RFC 7636, S256) as a public client, the way the identity issue asks for people. The
 * hub names the provider and the client in index.html (OIDC_WEB_CLIENT_ID); the access token it
 * returns is the bearer the hub verifies (OIDC_AUDIENCE) and is kept in memory only. Across the
 * redirect, sessionStorage holds the PKCE verifier and state alone (no token, nothing personal),
 * and they are removed on the way back.
 */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  scope: string;
}

const PENDING = 'dilovod.oidc.pending';

export function oidcSettings(): OidcSettings | null {
  const content = document.querySelector('meta[name="dilovod-oidc"]')?.getAttribute('content');
  return content ? (JSON.parse(content) as OidcSettings) : null;
}

const base64url = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const random = (n: number): string => base64url(crypto.getRandomValues(new Uint8Array(n)));

async function discover(issuer: string): Promise<{ authorization_endpoint: string; token_endpoint: string }> {
  const res = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, { cache: 'no-store' });
  if (!res.ok) throw new Error(`discovery: ${res.status}`);
  return res.json() as Promise<{ authorization_endpoint: string; token_endpoint: string }>;
}

const redirectUri = (): string => `${location.origin}/`;

/** To the provider's sign-in page; back at `/` with ?code=…&state=…. */
export async function beginSignIn(s: OidcSettings): Promise<void> {
  const { authorization_endpoint } = await discover(s.issuer);
  const verifier = random(32);
  const state = random(16);
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo: location.hash }));
  const target = new URL(authorization_endpoint);
  for (const [k, v] of Object.entries({
    response_type: 'code', client_id: s.clientId, redirect_uri: redirectUri(), scope: s.scope, state, code_challenge: challenge, code_challenge_method: 'S256',
  })) target.searchParams.set(k, v);
  location.assign(target.toString());
}

/** Back from the provider: the code exchanged for the access token, the address cleaned. Null when this is not a return. */
export async function completeSignIn(s: OidcSettings): Promise<string | null> {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  const error = params.get('error');
  if (!code && !error) return null;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as { verifier: string; state: string; returnTo: string } | null;
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', `/${pending?.returnTo ?? ''}`);
  // replaceState tells nobody: the router (listening once the page has mounted) learns where the person was going.
  setTimeout(() => dispatchEvent(new HashChangeEvent('hashchange')), 0);
  if (error) throw new Error(params.get('error_description') ?? error);
  if (!pending || params.get('state') !== pending.state) throw new Error('state');
  const { token_endpoint } = await discover(s.issuer);
  const res = await fetch(token_endpoint, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'authorization_code', code: code!, redirect_uri: redirectUri(), client_id: s.clientId, code_verifier: pending.verifier }),
    cache: 'no-store',
  });
  if (!res.ok) throw new Error(`token: ${res.status}`);
  const body = await res.json() as { access_token?: string };
  if (!body.access_token) throw new Error('no access_token');
  return body.access_token;
}
