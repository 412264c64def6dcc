/**
 * Bearer JWTs from the council's identity provider (Keycloak, Entra ID, ...): people signed in
 * there call the hub with the access token the provider gave them. The token is checked against
 * the provider's published keys (JWKS) and its claims (RFC 7519 §4.1: iss, aud, exp, nbf), then
 * turned into a staff id, a display name and hub roles.
 *
 * The token itself is never logged nor put into an error: it is a bearer credential, whoever
 * holds it is the person it names until it expires.
 */
import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  jwtVerify,
  type FlattenedJWSInput,
  type JWSHeaderParameters,
  type JWTPayload,
  type ProtectedHeaderParameters,
  type RemoteJWKSet,
} from 'jose';
import { HubError } from '../errors';
import { identityError } from './errors';
import { isRole, type Role } from './roles';

export interface OidcConfig {
  /** e.g. https://idp.council.local/realms/council; compared exactly with `iss`. */
  issuer: string;
  /** `aud` must contain it. */
  audience: string;
  /** When absent, the provider's discovery document names it (its `jwks_uri`). */
  jwksUrl?: string;
  /** Dotted path into the payload, e.g. 'roles' or 'realm_access.roles'; an array of strings or a space-separated string. */
  rolesClaim: string;
  /** Identity-provider role -> hub roles; when absent, claimed values that are hub role names are taken as they are. */
  roleMap?: Record<string, string[]>;
  /** Claim holding the staff id, e.g. 'preferred_username'. */
  staffClaim: string;
  /** Claim with the display name, e.g. 'name' (fallback: the staff id). */
  nameClaim: string;
  /** Skew tolerated between the provider's clock and ours, for exp/nbf/iat. */
  clockToleranceSeconds: number;
  /** Allowed JWS algorithms, e.g. ['RS256', 'PS256', 'ES256', 'EdDSA']. */
  algorithms: string[];
  /**
   * The department's pages (web/) sign people in with the authorization code and PKCE as this
   * public client of the provider (OIDC_WEB_CLIENT_ID); its access tokens must carry `audience`.
   * Absent: the pages offer a personal API token only.
   */
  webClientId?: string;
  /** The scopes the pages ask for (OIDC_WEB_SCOPE, default `openid profile`). */
  webScope?: string;
}

export interface OidcIdentity {
  staffId: string;
  displayName: string;
  roles: Role[];
  subject: string;
  issuer: string;
}

/** Longest staff id the hub accepts: the directory's ids are short, anything longer is not one of them. */
const MAX_STAFF_ID = 200;

export class OidcVerifier {
  private readonly cooldownMs: number;
  private readonly timeoutMs: number;
  /** The provider's key set, once its address is known; forgotten again when discovery fails. */
  private keys?: Promise<RemoteJWKSet>;

  constructor(
    private readonly config: OidcConfig,
    opts: { cooldownMs?: number; timeoutMs?: number } = {},
  ) {
    this.cooldownMs = opts.cooldownMs ?? 30_000;
    this.timeoutMs = opts.timeoutMs ?? 5_000;
    if (config.jwksUrl) this.keys = Promise.resolve(this.remoteKeys(new URL(config.jwksUrl)));
  }

  async verify(jwt: string): Promise<OidcIdentity> {
    // The algorithm is checked against our own list before any key is looked at (RFC 8725 §3.1):
    // the token must not choose how it is verified. This refuses `alg: none` and an HS256 token
    // whose HMAC secret is the provider's public key (RFC 8725 §2.1, §3.2).
    const header = readHeader(jwt);
    if (!header || typeof header.alg !== 'string') throw identityError('TOKEN_MALFORMED');
    if (!this.config.algorithms.includes(header.alg)) throw identityError('TOKEN_ALGORITHM_NOT_ALLOWED');

    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(jwt, (h, t) => this.keyFor(h, t), {
        issuer: this.config.issuer,
        audience: this.config.audience,
        algorithms: this.config.algorithms,
        clockTolerance: this.config.clockToleranceSeconds,
        // A token without `exp` would be good forever; access tokens carry one (RFC 9068 §2.2).
        requiredClaims: ['exp'],
      }));
    } catch (err) {
      throw tokenError(err);
    }
    return this.identityOf(payload);
  }

  private identityOf(payload: JWTPayload): OidcIdentity {
    const staffId = claimAt(payload, this.config.staffClaim);
    if (typeof staffId !== 'string' || staffId.trim() === '' || staffId.length > MAX_STAFF_ID) {
      throw identityError('TOKEN_CLAIMS_INVALID', { claim: this.config.staffClaim });
    }
    const name = claimAt(payload, this.config.nameClaim);
    return {
      staffId,
      displayName: typeof name === 'string' && name.trim() !== '' ? name : staffId,
      roles: this.rolesOf(claimAt(payload, this.config.rolesClaim)),
      subject: typeof payload.sub === 'string' ? payload.sub : '',
      issuer: this.config.issuer,
    };
  }

  /** The provider's roles as hub roles: unknown ones are dropped, never guessed. */
  private rolesOf(claimed: unknown): Role[] {
    const values =
      typeof claimed === 'string' ? claimed.split(/\s+/).filter(Boolean)
      : Array.isArray(claimed) ? claimed.filter((v): v is string => typeof v === 'string')
      : [];
    const { roleMap } = this.config;
    const roles = new Set<Role>();
    for (const value of values) {
      // hasOwn: a provider role named 'constructor' or '__proto__' must not reach Object.prototype.
      const mapped = roleMap ? (Object.hasOwn(roleMap, value) ? roleMap[value] ?? [] : []) : [value];
      for (const role of mapped) if (isRole(role)) roles.add(role);
    }
    return [...roles];
  }

  /**
   * Key lookup for jwtVerify. Errors here are the provider's, not the token's, so they are sorted
   * here: a kid the provider does not publish (after jose refetched the set, at most once per
   * cooldown, so unknown kids cannot make us hammer the provider) is the token's fault; anything
   * else (network, timeout, non-200, not JSON, a malformed set) means we cannot check any token.
   */
  private async keyFor(header: JWSHeaderParameters, token: FlattenedJWSInput) {
    const keys = await this.keySet();
    try {
      return await keys(header, token);
    } catch (err) {
      switch (joseCode(err)) {
        case 'ERR_JWKS_NO_MATCHING_KEY':
        case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
          throw identityError('TOKEN_KEY_UNKNOWN');
        case 'ERR_JOSE_NOT_SUPPORTED': // e.g. an HMAC alg put into config.algorithms: a JWKS holds no secrets
          throw identityError('TOKEN_ALGORITHM_NOT_ALLOWED');
        default:
          throw providerUnavailable('keys', err);
      }
    }
  }

  private keySet(): Promise<RemoteJWKSet> {
    if (!this.keys) {
      const pending = this.discoverJwksUrl().then((url) => this.remoteKeys(url));
      // A failed discovery is not cached: the next token asks the provider again.
      pending.catch(() => {
        if (this.keys === pending) this.keys = undefined;
      });
      this.keys = pending;
    }
    return this.keys;
  }

  private remoteKeys(url: URL): RemoteJWKSet {
    // jose caches the set and refetches it when a token names a kid it lacks (key rotation).
    return createRemoteJWKSet(url, { cooldownDuration: this.cooldownMs, timeoutDuration: this.timeoutMs });
  }

  /** OpenID Connect Discovery 1.0 §4: the provider's metadata names its JWKS. */
  private async discoverJwksUrl(): Promise<URL> {
    const url = `${this.config.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    let doc: unknown;
    try {
      // No redirects followed, as jose does for the JWKS: the metadata comes from the issuer itself.
      const res = await fetch(url, {
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: { accept: 'application/json' },
      });
      if (res.status !== 200) throw new Error(`discovery answered HTTP ${res.status}`);
      doc = await res.json();
    } catch (cause) {
      throw providerUnavailable('discovery', cause);
    }
    const meta = (typeof doc === 'object' && doc !== null ? doc : {}) as Record<string, unknown>;
    // Discovery §4.3: the metadata must name the very issuer we asked, or it describes another provider.
    if (meta.issuer !== this.config.issuer) {
      throw providerUnavailable('discovery', new Error('discovery document names another issuer'));
    }
    const jwksUri = typeof meta.jwks_uri === 'string' ? parseUrl(meta.jwks_uri) : undefined;
    if (!jwksUri || !/^https?:$/.test(jwksUri.protocol)) {
      throw providerUnavailable('discovery', new Error('discovery document has no usable jwks_uri'));
    }
    return jwksUri;
  }
}

/** true when the string looks like a compact JWS (three base64url parts), to tell a JWT from an opaque API token. */
export function looksLikeJwt(token: string): boolean {
  return readHeader(token) !== undefined;
}

/** The protected header of a compact JWS (RFC 7515 §7.1), or undefined when it is not one. */
function readHeader(token: string): ProtectedHeaderParameters | undefined {
  // Three parts; the signature may be empty so that an unsigned token is refused by name, not as garbage.
  if (typeof token !== 'string' || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token)) return undefined;
  try {
    return decodeProtectedHeader(token);
  } catch {
    return undefined;
  }
}

/**
 * Dotted path into the claims ('realm_access.roles'). A claim whose own name has dots (namespaced
 * claims such as 'https://council.example/roles') is found first as it is.
 */
function claimAt(payload: JWTPayload, path: string): unknown {
  if (Object.hasOwn(payload, path)) return payload[path];
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

function joseCode(err: unknown): unknown {
  return typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
}

/** jose's error (by its stable `code`) as the hub's. Details name a claim at most, never the token. */
function tokenError(err: unknown): unknown {
  if (err instanceof HubError) return err; // already sorted by keyFor
  const code = joseCode(err);
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return identityError('TOKEN_EXPIRED');
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED': {
      const { claim, reason } = err as { claim?: string; reason?: string };
      if (claim === 'iss') return identityError('TOKEN_ISSUER_INVALID');
      if (claim === 'aud') return identityError('TOKEN_AUDIENCE_INVALID');
      if (claim === 'nbf' && reason === 'check_failed') return identityError('TOKEN_NOT_YET_VALID');
      return identityError('TOKEN_INVALID', { claim });
    }
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return identityError('TOKEN_ALGORITHM_NOT_ALLOWED');
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return identityError('TOKEN_KEY_UNKNOWN');
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return identityError('TOKEN_SIGNATURE_INVALID');
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
      return identityError('TOKEN_MALFORMED');
    case 'ERR_JWKS_TIMEOUT':
    case 'ERR_JWKS_INVALID':
      return providerUnavailable('keys', err);
  }
  // Any other jose error is still a token we cannot accept; a non-jose error (a TypeError from a
  // bad option, say) is a fault of ours and goes up as it is.
  return typeof code === 'string' && code.startsWith('ERR_') ? identityError('TOKEN_INVALID') : err;
}

function providerUnavailable(stage: 'discovery' | 'keys', cause: unknown): HubError {
  const err = identityError('IDENTITY_PROVIDER_UNAVAILABLE', { stage });
  err.cause = cause; // for the server log: names the provider's URL or status, never the token
  return err;
}
