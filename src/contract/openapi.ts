/**
 * The HTTP contract as OpenAPI 3.1: the paths, methods and permissions from the route table (the
 * same one the routes are mounted and secured by), the bodies and answers from the operation map
 * (operations.ts), the schemas from schemas/ (components.ts). Built when asked, so a route added
 * to the table is in the document at once; test/contract/openapi.test.ts fails when the map does
 * not describe it.
 */
import type { RouteEntry } from '../api/secure-router';
import { componentName, rewriteSchema, schemaComponents, usedComponents, type JsonSchema } from './components';
import { OPERATIONS, TAGS, type Operation, type Reply } from './operations';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const COMPONENTS = { prefix: '#/components/schemas/', defsKeyword: '$defs' } as const;

/** express `/documents/:id` and `/petitions/*platformId` → OpenAPI `/documents/{id}`, `/petitions/{platformId}`. */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(/[:*](\w+)/g, '{$1}');
}

/** The operation map's key of a route: `GET /api/v1/documents/{id}`. */
export function operationKey(route: Pick<RouteEntry, 'method' | 'path'>): string {
  return `${route.method.toUpperCase()} ${openApiPath(route.path)}`;
}

/** Routes of the table the operation map does not describe (each is a gap in the contract). */
export function undescribedRoutes(routes: readonly RouteEntry[]): string[] {
  return routes.map(operationKey).filter((k) => !OPERATIONS[k]);
}

/** Entries of the operation map no route answers to (a route renamed or removed). */
export function staleDescriptions(routes: readonly RouteEntry[], optional: readonly string[] = OPTIONAL_ROUTES): string[] {
  const routed = new Set(routes.map(operationKey));
  return Object.keys(OPERATIONS).filter((k) => !routed.has(k) && !optional.includes(k));
}

/** Mounted only when configured (GET /metrics: with metrics on), so a hub without them lacks them rightly. */
export const OPTIONAL_ROUTES: readonly string[] = ['GET /metrics'];

const schema = (s: JsonSchema): unknown => rewriteSchema(s, undefined, COMPONENTS);

function content(json: JsonSchema | undefined, other: Record<string, JsonSchema> | undefined): Record<string, { schema: unknown }> {
  const out: Record<string, { schema: unknown }> = {};
  if (json) out['application/json'] = { schema: schema(json) };
  for (const [type, s] of Object.entries(other ?? {})) out[type] = { schema: schema(s) };
  return out;
}

function response(reply: Reply, exports: boolean): Record<string, unknown> {
  const body = content(reply.json, {
    ...reply.other,
    ...(exports ? { 'text/csv': { type: 'string', description: 'CSV для Excel: `;`, UTF-8 з BOM, українські назви колонок' }, [XLSX_TYPE]: { type: 'string', contentMediaType: XLSX_TYPE } } : {}),
  });
  return {
    description: reply.description,
    ...(reply.headers ? { headers: Object.fromEntries(Object.entries(reply.headers).map(([h, d]) => [h, { description: d, schema: { type: 'string' } }])) } : {}),
    ...(Object.keys(body).length ? { content: body } : {}),
  };
}

function parameters(route: RouteEntry, op: Operation): unknown[] {
  const path = [...openApiPath(route.path).matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name, in: 'path', required: true, schema: { type: 'string' },
    ...(route.path.includes(`*${name}`) ? { description: 'May hold a `/`: the rest of the path.' } : {}),
  }));
  const query: unknown[] = [];
  if (op.queryFrom) {
    const name = componentName(`${op.queryFrom}.schema.json`);
    const props = Object.keys(((schemaComponents(COMPONENTS)[name] as JsonSchema).properties ?? {}) as JsonSchema);
    for (const p of props) query.push({ name: p, in: 'query', schema: { $ref: `${COMPONENTS.prefix}${name}/properties/${p}` } });
  }
  for (const [name, q] of Object.entries(op.query ?? {})) {
    query.push({ name, in: 'query', ...(q.required ? { required: true } : {}), ...(q.description ? { description: q.description } : {}), schema: schema(q.schema) });
  }
  if (op.exports && !query.some((q) => (q as { name: string }).name === 'format')) {
    query.push({ name: 'format', in: 'query', description: 'json (типово), csv або xlsx; CSV також за `Accept: text/csv`', schema: { type: 'string', enum: ['json', 'csv', 'xlsx'] } });
  }
  const headers = Object.entries(op.headers ?? {}).map(([name, description]) => ({ name, in: 'header', description, schema: { type: 'string' } }));
  return [...path, ...query, ...headers];
}

function accessText(access: RouteEntry['access']): string {
  if (access === 'public') return 'Доступ: відкритий (без автентифікації). Access: public.';
  if (access === 'authenticated') return 'Доступ: будь-який автентифікований викликач. Access: any authenticated caller.';
  return `Потрібен дозвіл \`${access}\`. Requires permission \`${access}\`.`;
}

function operation(route: RouteEntry, op: Operation | undefined): Record<string, unknown> {
  const key = operationKey(route);
  if (!op) {
    // Still in the document (the table is the truth about what is served), marked as a gap.
    return { summary: key, description: `${accessText(route.access)} Не описано в src/contract/operations.ts.`, 'x-permission': route.access, 'x-undescribed': true, responses: { default: { $ref: '#/components/responses/Error' } } };
  }
  const responses: Record<string, unknown> = {};
  for (const [status, reply] of Object.entries(op.responses)) responses[status] = response(reply, !!op.exports && Number(status) === 200);
  if (route.access !== 'public') responses['401'] = { $ref: '#/components/responses/Unauthenticated' };
  if (route.access !== 'public' && route.access !== 'authenticated') responses['403'] = { $ref: '#/components/responses/Forbidden' };
  responses['4XX'] = { $ref: '#/components/responses/Error' };
  responses['5XX'] = { $ref: '#/components/responses/Error' };
  const body = op.body ? content(op.body.json, op.body.other) : {};
  const params = parameters(route, op);
  return {
    operationId: operationId(key),
    tags: [op.tag],
    summary: op.summary,
    description: [op.summaryEn + '.', op.description, accessText(route.access)].filter(Boolean).join('\n\n'),
    'x-summary-en': op.summaryEn,
    'x-permission': route.access,
    ...(route.access === 'public' ? { security: [] } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(Object.keys(body).length ? { requestBody: { required: true, ...(op.body?.description ? { description: op.body.description } : {}), content: body } } : {}),
    responses,
  };
}

/** `POST /api/v1/documents/{id}/appeal/answer` → `postDocumentsIdAppealAnswer`: stable, unique per route. */
function operationId(key: string): string {
  const [method, path] = key.split(' ') as [string, string];
  const words = path.replace(/^\/api\/v1/, '').split(/[^A-Za-z0-9]+/).filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

const ERROR_CONTENT = { 'application/json': { schema: { $ref: `${COMPONENTS.prefix}ApiError` } } };

export interface OpenApiOptions {
  /** The hub's version (package.json). */
  version: string;
  /** Where the caller reached the hub, e.g. `http://127.0.0.1:8080`: the document's server. */
  serverUrl: string;
}

/** The OpenAPI 3.1 document of these routes. */
export function buildOpenApi(routes: readonly RouteEntry[], opts: OpenApiOptions): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    (paths[path] ??= {})[route.method] = operation(route, OPERATIONS[operationKey(route)]);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Діловод: інтеграційний хаб загального відділу',
      version: opts.version,
      summary: 'Dilovod: the integration hub of a council\'s general department',
      description: [
        'Усі маршрути, крім перевірок стану (`/healthz`, `/readyz`), потребують автентифікації: `Authorization: Bearer dlv_<id>_<secret>` (API-токен) або JWT постачальника ідентичності (OIDC). Система, що діє від імені особи, додає `X-On-Behalf-Of` або `X-User-Token`.',
        'Every route but the health checks needs a caller: an API token `dlv_<id>_<secret>` or the identity provider\'s JWT, both as `Authorization: Bearer`. Each operation names the permission it needs (`x-permission`).',
        'Помилки мають стабільний `code` і повідомлення англійською (`message`) та українською (`messageUk`). Errors carry a stable `code` and English and Ukrainian messages.',
      ].join('\n\n'),
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: opts.serverUrl, description: 'Цей хаб / this hub' }],
    security: [{ apiToken: [] }, { oidc: [] }],
    tags: Object.entries(TAGS).map(([name, t]) => ({ name, description: `${t.uk} / ${t.en}` })),
    paths,
    components: {
      securitySchemes: {
        apiToken: { type: 'http', scheme: 'bearer', bearerFormat: 'dlv_<id>_<secret>', description: 'API-токен хабу (POST /api/v1/tokens, `dilovod token create`).' },
        oidc: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'JWT постачальника ідентичності (OIDC_ISSUER): ролі з його claim.' },
      },
      responses: {
        Error: { description: 'Помилка / an error', content: ERROR_CONTENT },
        Unauthenticated: { description: 'Немає або недійсні облікові дані / no or bad credentials', headers: { 'WWW-Authenticate': { schema: { type: 'string' } } }, content: ERROR_CONTENT },
        Forbidden: { description: 'Бракує дозволу (PERMISSION_DENIED називає його) або поза межами доступу / missing permission or out of scope', content: ERROR_CONTENT },
      },
      schemas: usedComponents([paths, WEBHOOKS, ERROR_CONTENT], schemaComponents(COMPONENTS), COMPONENTS.prefix),
    },
    webhooks: WEBHOOKS,
  };
}

/** What the hub POSTs to an EDMS subscription (connectors/edms): the event, signed per Standard Webhooks. */
const WEBHOOKS = {
  hubEvent: {
    post: {
      operationId: 'hubEventWebhook',
      summary: 'Подія для підписки СЕД (вебхук)',
      description: 'The event as on dilovod.events; a document event carries the registration card in `data.card` (masked unless the subscription holds personal-data). Signed per Standard Webhooks: verify `webhook-signature` over `webhook-id.webhook-timestamp.body` with the subscription\'s secret, and dedupe on `webhook-id`.',
      parameters: ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => ({ name, in: 'header', required: true, schema: { type: 'string' } })),
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: `${COMPONENTS.prefix}HubEvent` } } } },
      responses: {
        '2XX': { description: 'Прийнято / accepted' },
        '410': { description: 'Підписку слід вимкнути / the receiver asks to stop: the subscription is disabled' },
        default: { description: 'Спробувати пізніше / retried with back-off, parked as failed after the retry window' },
      },
    },
  },
  auditCheckpoint: {
    post: {
      operationId: 'auditCheckpointWebhook',
      summary: 'Контрольна точка журналу контролю для підписки СЕД (вебхук)',
      description: 'To a subscription that asks for `audit.checkpoint` (or `*`), whatever its `sources`: each signed checkpoint of the control log (issue 14), in `data.checkpoint`, for the EDMS to keep where the hub\'s keepers cannot rewrite it. Check its Ed25519 signature over the lines `dilovod-audit-checkpoint v1`, origin, size, headSeq, headHash, at, keyId (each ending with a newline) with the trusted public key named by `keyId`; later, `dilovod audit verify --checkpoint FILE --public-key KEYS` checks the log against what was kept. Signed per Standard Webhooks like every delivery.',
      parameters: ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => ({ name, in: 'header', required: true, schema: { type: 'string' } })),
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              allOf: [
                { $ref: `${COMPONENTS.prefix}HubEvent` },
                { type: 'object', required: ['data'], properties: { type: { const: 'audit.checkpoint' }, data: { type: 'object', required: ['checkpoint'], properties: { checkpoint: { $ref: `${COMPONENTS.prefix}AuditCheckpoint` } } } } },
              ],
            },
          },
        },
      },
      responses: {
        '2XX': { description: 'Прийнято / accepted' },
        '410': { description: 'Підписку слід вимкнути / the receiver asks to stop: the subscription is disabled' },
        default: { description: 'Спробувати пізніше / retried with back-off, parked as failed after the retry window' },
      },
    },
  },
};
