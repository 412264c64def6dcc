/**
 * Checks a real answer of a test hub against the published OpenAPI document (src/contract): the
 * route it reached (matched the way express matches, in the route table's order), the status, the
 * content type and, for JSON, the body against the schema of that route, status and type. Used by
 * call() (test/support/http.ts), so every test that calls the hub through it checks the contract.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { RouteEntry } from '../../src/api/secure-router';
import { buildOpenApi, openApiPath } from '../../src/contract';
import type { TestHub } from './hub';

type Json = Record<string, any>;

const DOC_ID = 'urn:dilovod:openapi';
const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** express path → a regex of the raw request path: `:id` one segment, `*rest` the rest. */
function routeRegex(path: string): RegExp {
  const body = path.split(/([:*]\w+)/).map((part) => (part.startsWith(':') ? '[^/]+' : part.startsWith('*') ? '.+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}/?$`);
}

export class ContractChecker {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly matchers: Array<{ route: RouteEntry; regex: RegExp }>;

  constructor(readonly doc: Json, routes: readonly RouteEntry[]) {
    addFormats(this.ajv);
    // The whole document is one resource, so `#/components/schemas/…` resolve inside it.
    this.ajv.addSchema({ ...doc, $id: DOC_ID });
    this.matchers = routes.map((route) => ({ route, regex: routeRegex(route.path) }));
  }

  /** The route express would run for this request, if any. */
  routeOf(method: string, rawPath: string): RouteEntry | undefined {
    const path = rawPath.split('?')[0] as string;
    return this.matchers.find((m) => m.route.method === method.toLowerCase() && m.regex.test(path))?.route;
  }

  private resolve(node: Json, at: string[]): { node: Json; at: string[] } {
    if (typeof node?.$ref !== 'string') return { node, at };
    const parts = (node.$ref as string).replace(/^#\//, '').split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    return this.resolve(parts.reduce((n: Json, p) => n?.[p], this.doc), parts);
  }

  /** What is wrong with this answer by the contract; undefined when it conforms. */
  problem(method: string, rawPath: string, status: number, contentType: string | null, body: unknown, bodyText: string): string | undefined {
    const route = this.routeOf(method, rawPath);
    const where = `${method.toUpperCase()} ${rawPath} → ${status}`;
    let response: { node: Json; at: string[] };
    if (route) {
      const opAt = ['paths', openApiPath(route.path), route.method];
      const op = opAt.reduce((n: Json, p) => n?.[p], this.doc);
      if (!op) return `${where}: the route ${route.method.toUpperCase()} ${route.path} is not in the OpenAPI document`;
      const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => op.responses?.[k]);
      if (!key) return `${where}: status ${status} is not among the documented responses (${Object.keys(op.responses ?? {}).join(', ')})`;
      response = this.resolve(op.responses[key], [...opAt, 'responses', key]);
    } else {
      // No route: the hub's own 401/404 for an unknown path, in the error shape.
      if (status < 400) return `${where}: no route of the table serves this path, yet it answered ${status}`;
      response = this.resolve({ $ref: '#/components/responses/Error' }, []);
    }
    const content = response.node.content as Json | undefined;
    if (!bodyText) return undefined;
    if (!content) return `${where}: the contract documents no body for this response, the hub sent ${contentType}`;
    const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
    const key = content[type] ? type : content[`${type.split('/')[0]}/*`] ? `${type.split('/')[0]}/*` : content['*/*'] ? '*/*' : undefined;
    if (!key) return `${where}: content type ${type} is not documented (documented: ${Object.keys(content).join(', ')})`;
    if (!/[/+]json$/.test(type) || !content[key].schema || key === '*/*') return undefined;
    const at = `${DOC_ID}#/${pointer(...response.at, 'content', key, 'schema')}`;
    let validate = this.validators.get(at);
    if (!validate) {
      validate = this.ajv.getSchema(at);
      if (!validate) return `${where}: cannot compile the contract's schema at ${at}`;
      this.validators.set(at, validate);
    }
    if (validate(body)) return undefined;
    const errors = (validate.errors ?? []).slice(0, 8).map((e) => `  ${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
    return `${where}: the body does not match the contract (${response.at.join(' › ') || 'Error'} › ${key}):\n${errors.join('\n')}`;
  }
}

const checkers = new WeakMap<object, ContractChecker>();

/**
 * The checker of this hub's contract: the same document GET /api/v1/openapi.json serves (built from
 * the hub's own route table; test/contract/openapi.test.ts holds the served one equal to it).
 */
export function contractOf(hub: Pick<TestHub, 'app' | 'url'>): ContractChecker {
  const app = hub.app as unknown as { locals: { routes: RouteEntry[] } } | undefined;
  if (!app) throw new Error('the hub has no HTTP application');
  let checker = checkers.get(app);
  if (!checker) {
    checker = new ContractChecker(buildOpenApi(app.locals.routes, { version: 'test', serverUrl: hub.url ?? 'http://localhost' }), app.locals.routes);
    checkers.set(app, checker);
  }
  return checker;
}

/** Throws, naming the mismatch, when an answer does not conform to the contract. */
export function assertConforms(hub: Pick<TestHub, 'app' | 'url'>, method: string, path: string, res: { status: number; contentType: string | null; json: unknown; text: string }): void {
  const found = contractOf(hub).problem(method, path, res.status, res.contentType, res.json, res.text);
  if (found) throw new Error(`contract mismatch (src/contract, schemas/): ${found}`);
}
