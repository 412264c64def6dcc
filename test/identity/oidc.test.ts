import { expect } from 'chai';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CompactSign, exportJWK, exportSPKI, generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWK, type JWTPayload,
} from 'jose';
import { HubError } from '../../src/errors';
import { looksLikeJwt, OidcVerifier, type OidcConfig } from '../../src/identity/oidc';

/** A signing key of the fake provider: its private half signs, its public JWK is (or is not) published. */
interface Signer {
  alg: string;
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

async function makeSigner(alg: 'RS256' | 'ES256', kid: string): Promise<Signer> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { alg, kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

const listen = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );

const stop = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/** A Keycloak-like provider on 127.0.0.1: discovery, a JWKS the test can change, and some broken endpoints. */
class FakeProvider {
  readonly keys: JWK[] = [];
  jwksFetches = 0;
  discoveryFetches = 0;
  discoveryDown = false;
  base = '';
  private readonly server = createServer((req, res) => this.handle(req, res));

  get issuer(): string {
    return `${this.base}/realms/council`;
  }
  get jwksUrl(): string {
    return `${this.issuer}/protocol/openid-connect/certs`;
  }

  async start(): Promise<void> {
    this.base = await listen(this.server);
  }
  close(): Promise<void> {
    return stop(this.server);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const send = (status: number, body: string, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    switch (req.url) {
      case '/realms/council/.well-known/openid-configuration':
        this.discoveryFetches++;
        if (this.discoveryDown) return send(503, '{}');
        return send(200, JSON.stringify({ issuer: this.issuer, jwks_uri: this.jwksUrl }));
      case '/realms/council/protocol/openid-connect/certs':
        this.jwksFetches++;
        return send(200, JSON.stringify({ keys: this.keys }));
      case '/realms/impostor/.well-known/openid-configuration': // metadata of another issuer
        return send(200, JSON.stringify({ issuer: this.issuer, jwks_uri: this.jwksUrl }));
      case '/broken/certs':
        return send(500, 'internal error', 'text/plain');
      case '/html/certs':
        return send(200, '<html>sign in</html>', 'text/html');
      case '/hang/certs':
        return; // never answers: the verifier's timeout must give up
      default:
        return send(404, '{}');
    }
  }
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Resolves to the rejection of `p`; fails the test when it resolves. */
async function rejection(p: Promise<unknown>): Promise<HubError> {
  try {
    await p;
  } catch (err) {
    expect(err).to.be.instanceOf(HubError);
    return err as HubError;
  }
  return expect.fail('expected the token to be refused');
}

describe('identity: OIDC bearer tokens', () => {
  const provider = new FakeProvider();
  let rsa: Signer;
  let ec: Signer;
  let stranger: Signer; // never published by the provider

  const now = () => Math.floor(Date.now() / 1000);

  const config = (over: Partial<OidcConfig> = {}): OidcConfig => ({
    issuer: provider.issuer,
    audience: 'dilovod',
    jwksUrl: provider.jwksUrl,
    rolesClaim: 'roles',
    staffClaim: 'preferred_username',
    nameClaim: 'name',
    clockToleranceSeconds: 60,
    algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
    ...over,
  });

  /** A token as the provider would issue it; `claims` override (undefined removes a claim). */
  const sign = (claims: JWTPayload = {}, signer: Signer = rsa) =>
    new SignJWT({
      iss: provider.issuer,
      aud: ['dilovod', 'account'],
      sub: 'a1b2c3d4-0000-4000-8000-000000000001',
      preferred_username: 'staff-0042',
      name: 'Тестова Особа',
      roles: ['registrar', 'offline_access'],
      iat: now(),
      exp: now() + 300,
      ...claims,
    })
      .setProtectedHeader({ alg: signer.alg, kid: signer.kid, typ: 'JWT' })
      .sign(signer.privateKey);

  let verifier: OidcVerifier;

  /** Refused with exactly `code` and `status`, and nothing of the token in the error. */
  async function refused(token: string, code: string, status = 401, v = verifier): Promise<void> {
    const err = await rejection(v.verify(token));
    expect({ code: err.code, status: err.status }).to.deep.equal({ code, status });
    if (token) expect(`${err.message} ${JSON.stringify(err.toBody())}`).to.not.include(token);
  }

  before(async () => {
    [rsa, ec, stranger] = await Promise.all([
      makeSigner('RS256', 'rsa-1'),
      makeSigner('ES256', 'ec-1'),
      makeSigner('RS256', 'stranger'),
    ]);
    await provider.start();
    provider.keys.push(rsa.jwk, ec.jwk);
    verifier = new OidcVerifier(config());
  });

  after(() => provider.close());

  describe('valid tokens', () => {
    it('an RS256 token gives the staff id, the name and the hub roles it claims', async () => {
      expect(await verifier.verify(await sign())).to.deep.equal({
        staffId: 'staff-0042',
        displayName: 'Тестова Особа',
        roles: ['registrar'],
        subject: 'a1b2c3d4-0000-4000-8000-000000000001',
        issuer: provider.issuer,
      });
    });

    it('an ES256 token verifies too', async () => {
      const id = await verifier.verify(await sign({}, ec));
      expect([id.staffId, id.roles]).to.deep.equal(['staff-0042', ['registrar']]);
    });

    it('maps provider roles through roleMap: deduplicated, unknown and non-hub values dropped', async () => {
      const v = new OidcVerifier(
        config({
          roleMap: {
            'council-clerk': ['registrar', 'personal-data'],
            'council-head': ['controller', 'registrar'],
            'council-it': ['superuser'], // not a hub role
          },
        }),
      );
      const token = await sign({ roles: ['council-clerk', 'council-head', 'council-it', 'registrar', 'constructor', '__proto__'] });
      expect((await v.verify(token)).roles).to.deep.equal(['registrar', 'personal-data', 'controller']);
    });

    it('reads roles from a nested claim path and from a space-separated string', async () => {
      const nested = new OidcVerifier(config({ rolesClaim: 'realm_access.roles' }));
      const token = await sign({ roles: undefined, realm_access: { roles: ['executor', 'uma_authorization', 'auditor'] } });
      expect((await nested.verify(token)).roles).to.deep.equal(['executor', 'auditor']);

      const spaced = new OidcVerifier(config({ rolesClaim: 'scp' }));
      expect((await spaced.verify(await sign({ scp: 'openid  controller executor' }))).roles).to.deep.equal(['controller', 'executor']);
    });

    it('finds a namespaced claim whose name has dots, as it is', async () => {
      const v = new OidcVerifier(config({ rolesClaim: 'https://council.example/roles' }));
      expect((await v.verify(await sign({ 'https://council.example/roles': ['auditor'] }))).roles).to.deep.equal(['auditor']);
    });

    it('without a name claim the display name is the staff id; no roles claim means no roles', async () => {
      const id = await verifier.verify(await sign({ name: undefined, roles: undefined }));
      expect([id.displayName, id.roles]).to.deep.equal(['staff-0042', []]);
    });
  });

  describe('refused tokens', () => {
    it('expired → TOKEN_EXPIRED', async () => {
      await refused(await sign({ iat: now() - 7200, exp: now() - 3600 }), 'TOKEN_EXPIRED');
    });

    it('not valid yet (nbf beyond the tolerance) → TOKEN_NOT_YET_VALID', async () => {
      await refused(await sign({ nbf: now() + 3600 }), 'TOKEN_NOT_YET_VALID');
    });

    it('another issuer → TOKEN_ISSUER_INVALID', async () => {
      await refused(await sign({ iss: `${provider.base}/realms/other` }), 'TOKEN_ISSUER_INVALID');
    });

    it('another audience → TOKEN_AUDIENCE_INVALID', async () => {
      await refused(await sign({ aud: 'account' }), 'TOKEN_AUDIENCE_INVALID');
    });

    it('no exp → TOKEN_INVALID (a token must not be good forever)', async () => {
      await refused(await sign({ exp: undefined }), 'TOKEN_INVALID');
    });

    it('alg none (unsigned) → TOKEN_ALGORITHM_NOT_ALLOWED', async () => {
      const claims = { iss: provider.issuer, aud: 'dilovod', preferred_username: 'staff-0042', exp: now() + 300 };
      await refused(`${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`, 'TOKEN_ALGORITHM_NOT_ALLOWED');
    });

    it('HS256 with the provider public key as the HMAC secret → TOKEN_ALGORITHM_NOT_ALLOWED', async () => {
      const claims = { iss: provider.issuer, aud: 'dilovod', preferred_username: 'staff-0042', exp: now() + 300 };
      const publicPem = await exportSPKI((await importJWK(rsa.jwk, 'RS256')) as CryptoKey);
      for (const secret of [publicPem, JSON.stringify(rsa.jwk)]) {
        const token = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: rsa.kid }).sign(new TextEncoder().encode(secret));
        await refused(token, 'TOKEN_ALGORITHM_NOT_ALLOWED');
      }
    });

    it('an HMAC algorithm wrongly allowed in config is still refused: a JWKS holds no secrets', async () => {
      const v = new OidcVerifier(config({ algorithms: ['RS256', 'HS256'] }));
      const claims = { iss: provider.issuer, aud: 'dilovod', preferred_username: 'staff-0042', exp: now() + 300 };
      const token = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: rsa.kid }).sign(new TextEncoder().encode(JSON.stringify(rsa.jwk)));
      await refused(token, 'TOKEN_ALGORITHM_NOT_ALLOWED', 401, v);
    });

    it('signed with a key the provider does not publish → TOKEN_KEY_UNKNOWN', async () => {
      await refused(await sign({}, stranger), 'TOKEN_KEY_UNKNOWN');
    });

    it('a tampered payload → TOKEN_SIGNATURE_INVALID', async () => {
      const [header, , signature] = (await sign()).split('.');
      const forged = { iss: provider.issuer, aud: 'dilovod', preferred_username: 'staff-0042', roles: ['admin'], exp: now() + 300 };
      await refused(`${header}.${b64url(forged)}.${signature}`, 'TOKEN_SIGNATURE_INVALID');
    });

    it('garbage → TOKEN_MALFORMED', async () => {
      const valid = await sign();
      for (const garbage of [
        '',
        'not a token',
        'a.b.c',
        `${b64url({ typ: 'JWT' })}.${b64url({})}.sig`, // no alg
        `${valid}.x.y`, // five parts: an encrypted token, which the hub does not take
        `${valid.split('.').slice(0, 2).join('.')}.***`,
      ]) {
        await refused(garbage, 'TOKEN_MALFORMED');
      }
      // A signed payload that is not JSON: the signature holds, the claims cannot be read.
      const notJson = await new CompactSign(new TextEncoder().encode('not json'))
        .setProtectedHeader({ alg: rsa.alg, kid: rsa.kid })
        .sign(rsa.privateKey);
      await refused(notJson, 'TOKEN_MALFORMED');
    });

    it('no staff claim, an empty one or one too long → TOKEN_CLAIMS_INVALID', async () => {
      for (const staff of [undefined, '', '   ', 42, 'x'.repeat(201)]) {
        await refused(await sign({ preferred_username: staff }), 'TOKEN_CLAIMS_INVALID');
      }
    });
  });

  describe('key rotation', () => {
    it('a token with a new kid makes the verifier refetch the JWKS and verify, without a restart', async () => {
      const v = new OidcVerifier(config(), { cooldownMs: 0 });
      const before = provider.jwksFetches;
      await v.verify(await sign());
      await v.verify(await sign());
      expect(provider.jwksFetches - before, 'one fetch, then the cached set').to.equal(1);

      const rotated = await makeSigner('RS256', 'rsa-2');
      provider.keys.push(rotated.jwk);
      try {
        expect((await v.verify(await sign({}, rotated))).staffId).to.equal('staff-0042');
        expect(provider.jwksFetches - before, 'refetched for the new kid').to.equal(2);
        await v.verify(await sign({}, rotated));
        expect(provider.jwksFetches - before, 'the new key is cached now').to.equal(2);
      } finally {
        provider.keys.pop();
      }
    });
  });

  describe('clock skew', () => {
    it('a token expired 30 s ago passes with 60 s of tolerance and not with none', async () => {
      const token = await sign({ iat: now() - 330, exp: now() - 30 });
      expect((await new OidcVerifier(config({ clockToleranceSeconds: 60 })).verify(token)).staffId).to.equal('staff-0042');
      await refused(token, 'TOKEN_EXPIRED', 401, new OidcVerifier(config({ clockToleranceSeconds: 0 })));
    });

    it('a token valid from 30 s ahead passes with 60 s of tolerance and not with none', async () => {
      const token = await sign({ nbf: now() + 30 });
      expect((await new OidcVerifier(config({ clockToleranceSeconds: 60 })).verify(token)).staffId).to.equal('staff-0042');
      await refused(token, 'TOKEN_NOT_YET_VALID', 401, new OidcVerifier(config({ clockToleranceSeconds: 0 })));
    });
  });

  describe('discovery and an unavailable provider', () => {
    it('without jwksUrl the keys come from the discovery document, which is fetched once', async () => {
      const v = new OidcVerifier(config({ jwksUrl: undefined }));
      const before = provider.discoveryFetches;
      await v.verify(await sign());
      expect((await v.verify(await sign({}, ec))).staffId).to.equal('staff-0042');
      expect(provider.discoveryFetches - before).to.equal(1);
    });

    it('a failed discovery → 503, and is tried again on the next token', async () => {
      const v = new OidcVerifier(config({ jwksUrl: undefined }));
      const token = await sign();
      provider.discoveryDown = true;
      try {
        await refused(token, 'IDENTITY_PROVIDER_UNAVAILABLE', 503, v);
      } finally {
        provider.discoveryDown = false;
      }
      expect((await v.verify(token)).staffId).to.equal('staff-0042');
    });

    it('discovery naming another issuer → 503', async () => {
      const v = new OidcVerifier(config({ jwksUrl: undefined, issuer: `${provider.base}/realms/impostor` }));
      await refused(await sign({ iss: `${provider.base}/realms/impostor` }), 'IDENTITY_PROVIDER_UNAVAILABLE', 503, v);
    });

    it('the provider stopped (port closed) → IDENTITY_PROVIDER_UNAVAILABLE', async () => {
      const gone = createServer();
      const base = await listen(gone);
      await stop(gone);
      const token = await sign({ iss: `${base}/realms/council` });
      for (const over of [{ jwksUrl: undefined }, { jwksUrl: `${base}/realms/council/protocol/openid-connect/certs` }]) {
        const v = new OidcVerifier(config({ issuer: `${base}/realms/council`, ...over }));
        await refused(token, 'IDENTITY_PROVIDER_UNAVAILABLE', 503, v);
      }
    });

    it('a JWKS answering 500, not JSON, or not at all (timeout) → IDENTITY_PROVIDER_UNAVAILABLE', async () => {
      const token = await sign();
      for (const path of ['/broken/certs', '/html/certs', '/hang/certs']) {
        const v = new OidcVerifier(config({ jwksUrl: `${provider.base}${path}` }), { timeoutMs: 200 });
        await refused(token, 'IDENTITY_PROVIDER_UNAVAILABLE', 503, v);
      }
    });
  });

  describe('looksLikeJwt', () => {
    it('tells a JWT from an API token or a random string', async () => {
      expect(looksLikeJwt(await sign())).to.equal(true);
      expect(looksLikeJwt(`${b64url({ alg: 'none' })}.${b64url({})}.`)).to.equal(true);
      for (const other of ['dlv_abc_def', 'dlv_3f9a1c_Zm9vYmFy', 'hello world', '', 'a.b.c', 'eyJ.eyJ', 'x'.repeat(64)]) {
        expect(looksLikeJwt(other), other).to.equal(false);
      }
    });
  });
});
