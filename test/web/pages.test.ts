/**
 * How the pages are served (issue 15): static files before authentication (they hold no data),
 * with a content-security policy that allows no inline or foreign script; every API call still
 * needs a caller, the health checks stay open; and the pages' API types are the ones generated
 * from the hub's OpenAPI document (npm run gen:web-types), not written by hand.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { contractDocument, generateWebTypes, webTypesPath } from '../../scripts/gen-web-types';
import { buildOpenApi, hubVersion, OPTIONAL_ROUTES } from '../../src/contract';
import type { RouteEntry } from '../../src/api/secure-router';
import { startTestHub, type TestHub } from '../support/hub';
import { createTestDatabase, type TestDatabase } from '../support/pg';

describe('web pages: served by the hub, typed from its contract', function () {
  this.timeout(30_000);
  let testDb: TestDatabase;
  let hub: TestHub;

  before(async () => {
    testDb = await createTestDatabase('web_pages');
    hub = await startTestHub({ databaseUrl: testDb.url }, { scheduler: false });
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
  });

  it('/ is the page, without a token, under a strict CSP; its script and style are served; the API still refuses without a caller', async () => {
    const page = await fetch(`${hub.url}/`);
    expect(page.status).to.equal(200);
    expect(page.headers.get('content-type')).to.match(/^text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).to.contain("script-src 'self'").and.contain("frame-ancestors 'none'").and.not.contain('unsafe');
    const html = await page.text();
    expect(html).to.contain('<html lang="uk">');
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).to.equal(2);
    for (const a of assets) {
      const res = await fetch(`${hub.url}${a}`);
      expect(res.status, a).to.equal(200);
      expect(res.headers.get('cache-control')).to.contain('immutable');
    }
    expect((await fetch(`${hub.url}/api/v1/dashboard/today`)).status).to.equal(401);
    expect((await fetch(`${hub.url}/api/v1/documents`)).status).to.equal(401);
    expect((await fetch(`${hub.url}/healthz`)).status).to.equal(200);
    expect((await fetch(`${hub.url}/no-such-page.html`)).status).to.equal(401);
  });

  it('web/src/api/schema.d.ts is what openapi-typescript makes of the served contract (npm run gen:web-types)', async () => {
    const routes = hub.app!.locals.routes as RouteEntry[];
    // The document the script builds without a hub is the one the hub serves (but for the version, the
    // server, and the routes mounted only when configured, such as GET /metrics, which no page calls).
    const served = buildOpenApi(routes, { version: hubVersion(), serverUrl: hub.url! }).paths as Record<string, unknown>;
    for (const optional of OPTIONAL_ROUTES) delete served[optional.split(' ')[1]!];
    expect(contractDocument().paths).to.deep.equal(served);
    expect(readFileSync(webTypesPath, 'utf8'), 'stale: run npm run gen:web-types').to.equal(await generateWebTypes());
  });
});
