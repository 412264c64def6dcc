/**
 * The permission matrix, generated from the route table (src/api/secure-router.ts): every route ×
 * every role (and no caller) against the one policy (src/identity/roles.ts). Nobody → 401; a role
 * without the route's permission → 403 PERMISSION_DENIED naming it; a role with it → past the door.
 * A route mounted without a declared permission is not in the table, and the first test fails.
 */
import { expect } from 'chai';
import type { Express } from 'express';
import type { RouteEntry } from '../../src/api/secure-router';
import { ROLE_PERMISSIONS, ROLES, type Role } from '../../src/identity';
import { startTestHub, type TestHub } from '../support/hub';
import { bearer, personToken, systemToken } from '../support/identity';
import { createTestDatabase, type TestDatabase } from '../support/pg';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

/** Every (method, path) express itself would serve, nested routers included. */
function expressRoutes(stack: Layer[]): number {
  let n = 0;
  for (const layer of stack) {
    if (layer.route) n += Object.keys(layer.route.methods).filter((m) => m !== '_all').length;
    // The department's pages (src/api/web.ts): static files with no data, the one public router besides the health checks
    else if ((layer.handle as { staticPages?: boolean }).staticPages) continue;
    else if (layer.handle.stack) n += expressRoutes(layer.handle.stack);
  }
  return n;
}

const ANY_UUID = '00000000-0000-4000-8000-000000000000';
const concrete = (path: string) => path.replace(/:\w+/g, ANY_UUID).replace(/\*\w+/, 'community/1');

describe('identity: the permission matrix from the route table (real PostgreSQL)', function () {
  this.timeout(120_000);
  let testDb: TestDatabase;
  let hub: TestHub;
  let routes: RouteEntry[];
  const callers = new Map<Role, Record<string, string>>();

  before(async () => {
    testDb = await createTestDatabase('matrix');
    hub = await startTestHub({ databaseUrl: testDb.url });
    routes = (hub.app as Express).locals.routes as RouteEntry[];
    for (const role of ROLES) {
      const token = role === 'integrator'
        ? await systemToken(hub.db, [role], { sources: ['edms'] })
        : await personToken(hub.db, `matrix-${role}`, [role]);
      callers.set(role, bearer(token));
    }
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
  });

  it('every route express serves is in the table with its access; only the health checks are public', () => {
    const app = hub.app as unknown as { router: { stack: Layer[] } };
    expect(routes.length).to.be.greaterThan(30);
    expect(expressRoutes(app.router.stack), 'a route was mounted without secureRouter').to.equal(routes.length);
    expect(routes.filter((r) => r.access === 'public').map((r) => r.path).sort()).to.deep.equal(['/healthz', '/readyz']);
    for (const r of routes) expect(r.access, `${r.method} ${r.path}`).to.be.a('string');
  });

  it('every route × every role and no caller: 401, 403 with the missing permission, or past the door', async () => {
    let checked = 0;
    for (const route of routes) {
      const url = `${hub.url}${concrete(route.path)}`;
      const send = async (headers: Record<string, string>) => {
        const res = await fetch(url, { method: route.method.toUpperCase(), headers: { ...headers, 'content-type': 'application/json' }, ...(route.method === 'get' ? {} : { body: '{}' }) });
        const text = await res.text();
        return { status: res.status, json: text.startsWith('{') ? JSON.parse(text) : {} };
      };
      const anonymous = await send({});
      const where = `${route.method.toUpperCase()} ${route.path}`;
      if (route.access === 'public') expect(anonymous.status, where).to.be.oneOf([200, 503]);
      else expect([anonymous.status, anonymous.json.code], where).to.deep.equal([401, 'AUTHENTICATION_REQUIRED']);
      for (const role of ROLES) {
        const res = await send(callers.get(role)!);
        const allowed = route.access === 'public' || route.access === 'authenticated' || ROLE_PERMISSIONS[role].includes(route.access);
        const label = `${where} as ${role}`;
        expect(res.status, label).to.not.equal(401);
        if (allowed) {
          // Past the door: whatever the handler says (404 for the made-up id, 400 for the empty body, a scope check).
          expect(res.json.code, label).to.not.equal('PERMISSION_DENIED');
          expect(res.status, label).to.be.below(500);
        } else {
          expect([res.status, res.json.code, res.json.details?.permission], label).to.deep.equal([403, 'PERMISSION_DENIED', route.access]);
          expect(res.json.messageUk, label).to.match(/[а-яіїє]/i);
        }
        checked++;
      }
    }
    expect(checked).to.equal(routes.length * ROLES.length);
  });

  it('an unknown path answers 401 to nobody and 404 to a caller; a bad credential is 401 with WWW-Authenticate', async () => {
    expect((await fetch(`${hub.url}/api/v1/nothing-here`)).status).to.equal(401);
    expect((await fetch(`${hub.url}/api/v1/nothing-here`, { headers: hub.auth })).status).to.equal(404);
    const bad = await fetch(`${hub.url}/api/v1/documents`, { headers: { authorization: 'Bearer dlv_AAAAAAAAAAAA_' + 'x'.repeat(43) } });
    expect(bad.status).to.equal(401);
    expect(bad.headers.get('www-authenticate')).to.match(/^Bearer/);
    expect(((await bad.json()) as { code: string }).code).to.equal('TOKEN_INVALID');
  });
});
