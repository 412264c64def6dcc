/**
 * People sign in to the pages through the council's identity provider (issue 15, the identity
 * issue): the authorization code with PKCE (S256) as the public client OIDC_WEB_CLIENT_ID; the
 * provider's access token is the bearer the hub verifies; nothing stays in the browser's storage.
 * The provider is a small one of the test's own on 127.0.0.1 (discovery, JWKS, an authorization
 * endpoint that signs in the person the test names, a token endpoint that checks the verifier),
 * as test/identity does for JWTs; the hub, PostgreSQL and Chromium are real.
 */
import { expect } from 'chai';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { expectAccessible, inPage, openPage, screenshot } from '../support/browser';
import { NOW, startWorld, type World } from './world';

const CLIENT = 'dilovod-web';

interface Grant {
  challenge: string;
  method: string;
  redirectUri: string;
  clientId: string;
}

async function body(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

describe('web pages: sign-in through the identity provider, authorization code with PKCE (Chromium, real PostgreSQL)', function () {
  this.timeout(60_000);
  let w: World;
  let idp: Server;
  const grants = new Map<string, Grant>();
  const seen: { authorize?: URLSearchParams; token?: URLSearchParams } = {};

  before(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    idp = createServer(async (req, res) => {
      const base = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
      const url = new URL(req.url ?? '/', base);
      // The pages are another origin: the provider allows them (Keycloak: the client's web origins).
      res.setHeader('access-control-allow-origin', w?.hub.url ?? '*');
      if (url.pathname === '/.well-known/openid-configuration') {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ issuer: base, jwks_uri: `${base}/certs`, authorization_endpoint: `${base}/auth`, token_endpoint: `${base}/token`, code_challenge_methods_supported: ['S256'] }));
      } else if (url.pathname === '/certs') {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ keys: [jwk] }));
      } else if (url.pathname === '/auth') {
        // The person has signed in at the provider; it sends them back with a one-time code.
        seen.authorize = url.searchParams;
        const code = randomBytes(16).toString('hex');
        grants.set(code, { challenge: url.searchParams.get('code_challenge') ?? '', method: url.searchParams.get('code_challenge_method') ?? '', redirectUri: url.searchParams.get('redirect_uri') ?? '', clientId: url.searchParams.get('client_id') ?? '' });
        const back = new URL(url.searchParams.get('redirect_uri')!);
        back.searchParams.set('code', code);
        back.searchParams.set('state', url.searchParams.get('state') ?? '');
        res.writeHead(302, { location: back.toString() }).end();
      } else if (url.pathname === '/token' && req.method === 'POST') {
        const form = await body(req);
        seen.token = form;
        const grant = grants.get(form.get('code') ?? '');
        grants.delete(form.get('code') ?? '');
        const verified = grant && grant.method === 'S256' && grant.clientId === form.get('client_id') && grant.redirectUri === form.get('redirect_uri') &&
          createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url') === grant.challenge;
        res.setHeader('content-type', 'application/json');
        if (!verified) {
          res.writeHead(400).end(JSON.stringify({ error: 'invalid_grant' }));
          return;
        }
        const accessToken = await new SignJWT({ preferred_username: 'petrenko.o', name: 'Олена Петренко', roles: ['registrar', 'executor'], azp: CLIENT })
          .setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuer(base).setAudience('dilovod').setIssuedAt().setExpirationTime('5m').sign(privateKey);
        res.end(JSON.stringify({ access_token: accessToken, token_type: 'Bearer', expires_in: 300 }));
      } else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
    w = await startWorld('web_oidc', {
      oidc: { issuer, audience: 'dilovod', rolesClaim: 'roles', staffClaim: 'preferred_username', nameClaim: 'name', clockToleranceSeconds: 60, algorithms: ['RS256'], webClientId: CLIENT, webScope: 'openid profile' },
    });
  });
  after(async () => {
    await w?.close();
    await new Promise<void>((resolve) => (idp ? idp.close(() => resolve()) : resolve()));
  });

  it('the provider signs the person in; the code is exchanged with the PKCE verifier; the hub takes the token; nothing is left in storage', async () => {
    const { context, page } = await openPage(w.browser, { now: NOW });
    try {
      await page.goto(`${w.hub.url}/#/control?overdue=true`);
      await page.getByRole('button', { name: 'Увійти через обліковий запис ради' }).waitFor();
      await expectAccessible(page, 'вхід');
      await screenshot(page, 'sign-in');
      await page.getByRole('button', { name: 'Увійти через обліковий запис ради' }).click();
      await page.getByText('Олена Петренко').waitFor();
      // Back where the person was going, the code and state gone from the address.
      await page.getByRole('heading', { name: 'Контроль', level: 1 }).waitFor();
      expect(page.url()).to.equal(`${w.hub.url}/#/control?overdue=true`);

      expect(seen.authorize?.get('response_type')).to.equal('code');
      expect(seen.authorize?.get('client_id')).to.equal(CLIENT);
      expect(seen.authorize?.get('code_challenge_method')).to.equal('S256');
      expect(seen.authorize?.get('redirect_uri')).to.equal(`${w.hub.url}/`);
      expect(seen.token?.get('code_verifier')).to.match(/^[A-Za-z0-9_-]{43}$/);
      expect(grants.size).to.equal(0);
      expect(await inPage(page, 'sessionStorage.length + localStorage.length')).to.equal(0);
      expect(await context.cookies()).to.deep.equal([]);
    } finally {
      await context.close();
    }
  });

  it('a first start without the provider: the token form is there behind its own heading', async () => {
    const { context, page } = await openPage(w.browser, { now: NOW });
    try {
      await page.goto(`${w.hub.url}/`);
      await page.locator('summary', { hasText: 'Вхід за токеном (перший запуск)' }).click();
      await page.getByLabel('Токен доступу').fill(w.tokens['clerk-1']!);
      await page.getByRole('button', { name: 'Увійти', exact: true }).click();
      await page.getByRole('list', { name: 'Показники дня' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
