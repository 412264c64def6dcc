/**
 * The published HTTP contract (issue 12): GET /api/v1/openapi.json is valid OpenAPI 3.1 by an
 * official parser (Redocly), names every route of the route table and nothing else, with the
 * permission each needs, and real answers conform to it (here, and in every test through call()).
 */
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { expect } from 'chai';
import { readdirSync } from 'node:fs';
import type { RouteEntry } from '../../src/api/secure-router';
import { buildOpenApi, hubVersion, openApiPath, OPTIONAL_ROUTES, staleDescriptions, undescribedRoutes, XLSX_TYPE } from '../../src/contract';
import { projectPath } from '../../src/paths';
import { contractOf } from '../support/contract';
import { call } from '../support/http';
import { startTestHub, submission, type TestHub } from '../support/hub';
import { bearer, personToken } from '../support/identity';
import { createTestDatabase, type TestDatabase } from '../support/pg';

type Json = Record<string, any>;
const METHODS = ['get', 'post', 'put', 'delete', 'patch'];

/** Routes of the table the document lacks, and operations of the document no route serves. */
function gaps(doc: Json, routes: readonly RouteEntry[]): { missing: string[]; extra: string[] } {
  const inTable = new Set(routes.map((r) => `${r.method} ${openApiPath(r.path)}`));
  const inDoc = new Set(Object.entries(doc.paths as Record<string, Json>).flatMap(([p, item]) => Object.keys(item).filter((m) => METHODS.includes(m)).map((m) => `${m} ${p}`)));
  return { missing: [...inTable].filter((k) => !inDoc.has(k)), extra: [...inDoc].filter((k) => !inTable.has(k)) };
}

describe('contract: OpenAPI 3.1 of every route (real PostgreSQL)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let hub: TestHub;
  let routes: RouteEntry[];
  let served: Json;

  before(async () => {
    testDb = await createTestDatabase('openapi');
    hub = await startTestHub({ databaseUrl: testDb.url });
    routes = hub.app!.locals.routes as RouteEntry[];
    const res = await call(hub, 'GET', '/api/v1/openapi.json');
    expect(res.status).to.equal(200);
    served = res.json;
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
  });

  it('is valid OpenAPI 3.1 by @redocly/openapi-core (recommended rules): no errors', async () => {
    expect(served.openapi).to.equal('3.1.0');
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(served), absoluteRef: 'openapi.json', config });
    const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    expect(errors).to.deep.equal([]);
    // The one warning left: parameters refer into DocumentQuery's properties, which the linter does not count as a use.
    expect(problems.filter((p) => p.severity === 'warn').map((p) => p.ruleId)).to.deep.equal(['no-unused-components']);
  });

  it('the served document is the one built from the hub\'s route table', () => {
    expect(served).to.deep.equal(buildOpenApi(routes, { version: hubVersion(), serverUrl: hub.url! }));
    expect(served.info.version).to.equal(hubVersion());
  });

  it('every route of the table is in the document and the document names no route that does not exist', () => {
    expect(routes.length).to.be.greaterThan(50);
    expect(gaps(served, routes)).to.deep.equal({ missing: [], extra: [] });
    expect(undescribedRoutes(routes), 'routes without an entry in src/contract/operations.ts').to.deep.equal([]);
    expect(staleDescriptions(routes), 'entries of src/contract/operations.ts no route answers to').to.deep.equal([]);
    for (const r of routes) {
      const op = served.paths[openApiPath(r.path)][r.method];
      expect(op['x-permission'], `${r.method} ${r.path}`).to.equal(r.access);
      expect(op['x-undescribed'], `${r.method} ${r.path}`).to.equal(undefined);
    }
  });

  it('the check itself fails on a route missing from the document or a documented route that is gone', () => {
    const added: RouteEntry = { method: 'post', path: '/api/v1/documents/:id/archive', access: 'documents:submit' };
    expect(gaps(served, [...routes, added]).missing).to.deep.equal(['post /api/v1/documents/{id}/archive']);
    expect(undescribedRoutes([...routes, added])).to.deep.equal(['POST /api/v1/documents/{id}/archive']);
    const without = routes.filter((r) => !(r.method === 'get' && r.path === '/api/v1/audit/verify'));
    expect(gaps(served, without).extra).to.deep.equal(['get /api/v1/audit/verify']);
    expect(staleDescriptions(without)).to.deep.equal(['GET /api/v1/audit/verify']);
    // Even undescribed, a routed operation is in the built document (the table is what is served), marked as a gap.
    const built = buildOpenApi([...routes, added], { version: 'x', serverUrl: 'http://h' });
    expect(built.paths as Json).to.have.nested.property('/api/v1/documents/{id}/archive.post.x-undescribed', true);
    expect(OPTIONAL_ROUTES).to.deep.equal(['GET /metrics']);
  });

  it('security: bearer API tokens or OIDC JWTs everywhere but the health checks, 401/403 in the error shape', () => {
    expect(served.security).to.deep.equal([{ apiToken: [] }, { oidc: [] }]);
    expect(served.components.securitySchemes.apiToken).to.include({ type: 'http', scheme: 'bearer', bearerFormat: 'dlv_<id>_<secret>' });
    expect(served.components.securitySchemes.oidc).to.include({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    const open = Object.entries(served.paths as Record<string, Json>).flatMap(([p, item]) => Object.entries(item).filter(([, op]) => Array.isArray(op.security) && op.security.length === 0).map(([m]) => `${m} ${p}`));
    expect(open.sort()).to.deep.equal(['get /healthz', 'get /readyz']);
    const verify = served.paths['/api/v1/audit/verify'].get;
    expect(verify.responses['401'].$ref).to.equal('#/components/responses/Unauthenticated');
    expect(verify.responses['403'].$ref).to.equal('#/components/responses/Forbidden');
    expect(verify.description).to.include('`audit:read`');
    expect(served.components.responses.Error.content['application/json'].schema.$ref).to.equal('#/components/schemas/ApiError');
    expect(served.components.schemas.ApiError.required).to.deep.equal(['code', 'message', 'messageUk']);
  });

  it('bodies and answers refer to the schemas of schemas/, rewritten inside the document (none copied into the code)', () => {
    const refs = JSON.stringify(served).match(/"\$ref":"[^"]*"/g) ?? [];
    expect(refs.length).to.be.greaterThan(100);
    expect(refs.filter((r) => !r.startsWith('"$ref":"#/components/'))).to.deep.equal([]);
    const post = served.paths['/api/v1/documents'].post;
    expect(post.requestBody.content['application/json'].schema).to.deep.equal({ $ref: '#/components/schemas/DocumentSubmission' });
    expect(post.responses['201'].content['application/json'].schema).to.deep.equal({ $ref: '#/components/schemas/DocumentCard' });
    // The component is the file, $id and $schema aside, its refs pointing into the document.
    expect(served.components.schemas.DocumentCard.properties.kind).to.deep.equal({ $ref: '#/components/schemas/DocumentKind' });
    const files = readdirSync(projectPath('schemas')).filter((f) => f.endsWith('.schema.json'));
    expect(Object.keys(served.components.schemas).length).to.be.within(30, files.length);
  });

  it('lists and reports describe CSV and XLSX beside JSON, with ?format=', () => {
    for (const path of ['/api/v1/control', '/api/v1/reports/discipline', '/api/v1/audit/log', '/api/v1/reports/appeals', '/api/v1/info-requests', '/api/v1/documents']) {
      const op = served.paths[path].get;
      expect(Object.keys(op.responses['200'].content), path).to.include.members(['application/json', 'text/csv', XLSX_TYPE]);
      expect(op.parameters.find((p: Json) => p.name === 'format'), path).to.not.equal(undefined);
    }
  });

  it('the contract routes are for signed-in callers only', async () => {
    for (const path of ['/api/v1/openapi.json', '/api/v1/asyncapi.json', '/api/v1/docs']) {
      const res = await fetch(`${hub.url}${path}`);
      expect(res.status, path).to.equal(401);
    }
  });

  it('real answers conform: a registration, its card, a list, a 404 and a validation error', async () => {
    const created = await call(hub, 'POST', '/api/v1/documents', submission({ externalId: 'contract-1' }));
    expect(created.status).to.equal(201);
    expect((await call(hub, 'GET', `/api/v1/documents/${created.json.id}`)).status).to.equal(200);
    expect((await call(hub, 'GET', '/api/v1/documents?limit=5')).json.items.length).to.be.greaterThan(0);
    expect((await call(hub, 'GET', '/api/v1/documents/00000000-0000-4000-8000-000000000000')).json.code).to.equal('NOT_FOUND');
    const invalid = await call(hub, 'POST', '/api/v1/documents', { source: 'edms' });
    expect(invalid.status).to.equal(400);
    expect(invalid.json.quarantineId).to.be.a('string');
    for (const path of ['/healthz', '/readyz', '/api/v1/me', '/api/v1/nomenclature', '/api/v1/audit/log', '/api/v1/audit/verify', '/api/v1/quarantine', '/api/v1/control', '/api/v1/changes', '/api/v1/staff', '/api/v1/asyncapi.json', '/api/v1/audit/personal-data-reads']) {
      expect((await call(hub, 'GET', path)).status, path).to.equal(200);
    }
  });

  it('real answers conform: the administrator\'s tokens, subscriptions, deliveries and settings', async () => {
    const admin = bearer(await personToken(hub.db, 'contract-admin', ['admin']));
    const as = (method: string, path: string, body?: unknown) => call(hub, method, path, body, admin);
    const token = await as('POST', '/api/v1/tokens', { name: 'contract EDMS', roles: ['integrator'], sources: ['edms'] });
    expect(token.status).to.equal(201);
    expect(token.json.token).to.match(/^dlv_/);
    expect((await as('GET', '/api/v1/tokens')).json.items.length).to.be.greaterThan(1);
    expect((await as('DELETE', `/api/v1/tokens/${token.json.id}`)).json.revokedAt).to.be.a('string');
    const sub = await as('POST', '/api/v1/subscriptions', { url: 'http://127.0.0.1:9/hook', events: ['*'] });
    expect(sub.status).to.equal(201);
    expect(sub.json.secret).to.be.a('string');
    for (const path of [`/api/v1/subscriptions/${sub.json.id}/pause`, `/api/v1/subscriptions/${sub.json.id}/resume`, `/api/v1/subscriptions/${sub.json.id}/rotate-secret`, `/api/v1/subscriptions/${sub.json.id}/deliveries/replay`]) {
      expect((await as('POST', path)).status, path).to.equal(200);
    }
    expect((await as('GET', '/api/v1/subscriptions')).json.items).to.have.length(1);
    expect((await as('GET', `/api/v1/subscriptions/${sub.json.id}/deliveries`)).status).to.equal(200);
    expect((await as('GET', '/api/v1/config')).status).to.equal(200);
    expect((await as('DELETE', `/api/v1/subscriptions/${sub.json.id}`)).status).to.equal(204);
  });

  it('a mismatch is caught, naming the route, the status and what is wrong', async () => {
    const checker = contractOf(hub);
    const card = (await call(hub, 'GET', '/api/v1/documents?limit=1')).json.items[0];
    const id = card.id as string;
    expect(checker.problem('GET', `/api/v1/documents/${id}`, 200, 'application/json', card, 'x')).to.equal(undefined);
    const extra = checker.problem('GET', `/api/v1/documents/${id}`, 200, 'application/json; charset=utf-8', { ...card, surprise: 1 }, 'x');
    expect(extra).to.include(`GET /api/v1/documents/${id} → 200`).and.to.include('additionalProperty').and.to.include('surprise');
    expect(checker.problem('GET', `/api/v1/documents/${id}`, 200, 'text/plain', 'hello', 'hello')).to.include('text/plain is not documented');
    expect(checker.problem('DELETE', `/api/v1/tokens/x`, 204, null, '', '')).to.include('status 204 is not among the documented responses');
    expect(checker.problem('GET', '/api/v1/nowhere', 200, 'application/json', {}, '{}')).to.include('no route');
    expect(checker.problem('GET', '/api/v1/nowhere', 404, 'application/json', { code: 'NOT_FOUND' }, 'x')).to.include("must have required property 'message'");
  });

  it('the reference page is Ukrainian HTML with every route and schema, and loads nothing from elsewhere', async () => {
    const res = await call(hub, 'GET', '/api/v1/docs');
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/^text\/html/);
    const html = res.json as string;
    expect(html).to.match(/^<!doctype html>/).and.to.include('<html lang="uk">').and.to.include('довідник API').and.to.include('Доступ: потрібен дозвіл <code>audit:read</code>');
    for (const r of routes) expect(html, `${r.method} ${r.path}`).to.include(`<code>${openApiPath(r.path)}</code>`);
    expect(html).to.include('id="schema-DocumentCard"').and.to.include('Обмін повідомленнями (AMQP)').and.to.include('dilovod.events');
    expect(html).to.not.match(/<script|<link|src="https?:|href="https?:|@import/i);
  });
});
