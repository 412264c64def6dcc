import { expect } from 'chai';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { startTestHub, submission, type TestHub } from '../support/hub';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { Budget, done, params } from './support';

/**
 * Issue 14, quality bar: the HTTP API under 11,000 hostile requests — submissions mutated from a
 * valid one, list routes with random query strings, resolutions and control commands with random
 * bodies — eight at a time against a real hub on the real PostgreSQL. Never a 5xx; every refusal is
 * JSON with a stable code; no request takes a second.
 */

const BATCH = 8;

type Answer = { status: number; code?: string; text: string };

const HOSTILE_STRINGS = [
  '', ' ', '\u0000', 'a\u0000b', '\ud800', '\udc00x', '\ud83d\ude00', '\r\n', 'x\r\nSet-Cookie: a=1', '\uffff', '\ufeff', '\u202e', '%00', '%ff', '\\u0000',
  '2026-02-30', '2026-13-45', '0000-01-01', '9999-12-31T23:59:59Z', '2026-03-10T25:00:00Z', '-270000-01-01', '1e20', '-1', 'NaN', 'null', 'true', '[]', '{}',
  '__proto__', 'constructor', '../../etc/passwd', "'; DROP TABLE documents; --", '$1', '\\', '"', '<script>', 'Ї'.repeat(300),
];

const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer({ min: 4000, max: 200_000 }).map((n) => 'Щ'.repeat(n)) },
);

const jsonValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.constantFrom(0, -0, 1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -(2 ** 63)),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(hostileString, tie('v'), { maxKeys: 4 }),
  ),
})).v;

/** Text-level damage to a JSON body after it is written. */
type Mangle = 'none' | 'truncate' | 'badbyte' | 'deep' | 'dupkey' | 'bignumber' | 'trailing' | 'bom' | 'notjson' | 'empty';
const mangle = fc.oneof(
  { weight: 10, arbitrary: fc.constant<Mangle>('none') },
  { weight: 1, arbitrary: fc.constantFrom<Mangle>('truncate', 'badbyte', 'deep', 'dupkey', 'bignumber', 'trailing', 'bom', 'notjson', 'empty') },
);

function mangled(json: string, how: Mangle, seed: number): Buffer {
  switch (how) {
    case 'none':
      return Buffer.from(json);
    case 'truncate':
      return Buffer.from(json).subarray(0, seed % Math.max(1, json.length));
    case 'badbyte': {
      const b = Buffer.from(json);
      const at = seed % Math.max(1, b.length);
      return Buffer.concat([b.subarray(0, at), Buffer.from([[0xff, 0xc3, 0xed, 0x80, 0x00][seed % 5] as number]), b.subarray(at)]);
    }
    case 'deep': {
      const depth = [65, 200, 5000, 100_000][seed % 4] as number;
      return Buffer.from(json.replace(/^\{/, `{"meta":{"x":${'['.repeat(depth)}${']'.repeat(depth)}},`));
    }
    case 'dupkey':
      return Buffer.from(json.replace(/^\{/, '{"summary":1,"kind":"citizen-appeal","__proto__":{"admin":true},'));
    case 'bignumber':
      return Buffer.from(json.replace(/^\{/, `{"pages":${['1e400', '-0', '123456789012345678901234567890', '1.0e-400'][seed % 4]},`));
    case 'trailing':
      return Buffer.from(`${json},`);
    case 'bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]);
    case 'notjson':
      return Buffer.from(['<xml/>', 'null', '[]', '"text"', '42', 'undefined', '{"a":}'][seed % 7] as string);
    case 'empty':
      return Buffer.alloc(0);
  }
}

describe('fuzz: the HTTP API — bodies and query strings (issue 14)', function () {
  this.timeout(Number(process.env.FUZZ_TIMEOUT_MS ?? 180_000));
  let testDb: TestDatabase;
  let hub: TestHub;
  let documentId: string;
  let cardId: string;
  let mayor: Record<string, string>;
  const statuses = new Map<number, number>();

  before(async () => {
    testDb = await createTestDatabase('fuzz');
    hub = await startTestHub({ databaseUrl: testDb.url });
    mayor = await hub.as('mayor');
    await hub.as('economy-dept');
    const doc = await send('POST', '/api/v1/documents', Buffer.from(JSON.stringify(submission())));
    expect(doc.status).to.equal(201);
    documentId = JSON.parse(doc.text).id;
    const control = await send('POST', `/api/v1/documents/${documentId}/resolutions`, Buffer.from(JSON.stringify({ executors: ['economy-dept'], task: 'Підготувати відповідь' })), mayor);
    expect(control.status, control.text).to.equal(201);
    cardId = JSON.parse(control.text).id;
  });
  after(async () => {
    // eslint-disable-next-line no-console
    console.log(`      statuses: ${[...statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(', ')}`);
    await hub?.close();
    await testDb?.drop();
  });

  async function send(method: string, path: string, body?: Buffer, auth: Record<string, string> = hub.auth, extra: Record<string, string> = {}): Promise<Answer> {
    const res = await fetch(`${hub.url}${path}`, {
      method,
      headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...extra },
      ...(body === undefined ? {} : { body: new Uint8Array(body) }),
    });
    const text = await res.text();
    let code: string | undefined;
    if (res.headers.get('content-type')?.includes('json') && text) {
      try {
        code = (JSON.parse(text) as { code?: string }).code;
      } catch {
        code = 'UNPARSEABLE_ANSWER';
      }
    }
    return { status: res.status, text, ...(code ? { code } : {}) };
  }

  /** One request: never 5xx; a 4xx says why with a stable code. */
  async function expectNo5xx(budget: Budget, method: string, path: string, body?: Buffer, auth?: Record<string, string>, extra?: Record<string, string>): Promise<void> {
    const label = () => `${method} ${path.slice(0, 300)} ${body ? body.subarray(0, 300).toString('utf8') : ''}`;
    const res = await budget.runAsync(label, () => send(method, path, body, auth, extra));
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    expect(res.status, `${res.status} ${res.text.slice(0, 400)} for ${label()}`).to.be.below(500);
    // 404 of an unknown route, and 431 (headers or URL over Node's 16 KB) answered by Node's HTTP parser before the app, carry no code.
    if (res.status >= 400 && res.status !== 404 && res.status !== 431) expect(res.code, `${res.status} without a code: ${res.text.slice(0, 300)} for ${label()}`).to.match(/^[A-Z][A-Z0-9_]+$/);
  }

  /** Runs a property whose cases are batches of BATCH requests sent at once. */
  async function batched<T>(budget: Budget, arb: fc.Arbitrary<T>, seed: number, cases: number, one: (t: T) => Promise<void>): Promise<void> {
    await fc.assert(
      fc.asyncProperty(fc.array(arb, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        await Promise.all(batch.map(one));
      }),
      params(seed, Math.ceil(cases / BATCH)),
    );
    done(budget, cases);
  }

  it('POST /api/v1/documents: 4,000 submissions with hostile fields, values and JSON text', async () => {
    const budget = new Budget('HTTP POST /documents');
    const sha = createHash('sha256').update('hi').digest('hex');
    const date = fc.oneof(fc.constantFrom('2026-02-30', '2026-13-45', '2025-02-29', '2024-02-29', '0000-01-01', '2026-03-05', '2026-3-5', '', '2026-03-05T00:00:00Z'), hostileString);
    const dateTime = fc.oneof(fc.constantFrom('2026-03-09T08:15:00Z', '2026-02-30T08:15:00Z', '0000-01-01T00:00:00Z', '2026-03-09T24:00:00Z', '2026-03-09T08:15:00+25:00', '+275760-09-13T00:00:01Z'), hostileString);
    const over = fc.record(
      {
        externalId: hostileString,
        source: fc.constantFrom('edms', 'e-mail', 'sev-ovv', 'x\u0000', '', 'EDMS'),
        kind: fc.constantFrom('official-letter', 'citizen-appeal', 'higher-authority-document', 'info-request', 'nope', '__proto__'),
        summary: hostileString,
        correspondent: fc.oneof(fc.record({ name: hostileString, edrpou: fc.oneof(fc.constantFrom('41234567', '0', '123456789'), hostileString) }, { requiredKeys: [] }), jsonValue),
        outgoing: fc.oneof(fc.record({ number: hostileString, date }, { requiredKeys: [] }), jsonValue),
        receivedAt: dateTime,
        dueDate: date,
        urgency: fc.constantFrom('urgent', 'normal', 'x'),
        pages: fc.oneof(fc.integer(), fc.double(), hostileString),
        meta: fc.oneof(fc.dictionary(hostileString, jsonValue, { maxKeys: 5 }), jsonValue),
        attachments: fc.oneof(
          fc.array(fc.record({ name: hostileString, mediaType: fc.constantFrom('text/plain', 'a\r\nb: c', 'text/plain; charset=utf-8', '', 'x/y/z', 'text/html'), contentBase64: fc.constantFrom('aGk=', 'aGk', '!!!!', '', 'a'.repeat(10_000)), sha256: fc.constantFrom(sha, '0'.repeat(64), 'x') }, { requiredKeys: [] }), { maxLength: 2 }),
          jsonValue,
        ),
        signatures: fc.oneof(fc.array(fc.record({ cms: fc.constantFrom('MIIB', '!!', '', 'MA=='), attachment: hostileString }, { requiredKeys: [] }), { maxLength: 2 }), jsonValue),
      },
      { requiredKeys: [] },
    );
    const drop = fc.subarray(['externalId', 'source', 'kind', 'summary', 'correspondent', 'receivedAt'], { maxLength: 2 });
    // One to three fields changed at a time (all of them at once would never pass the schema and reach the store).
    const FIELDS = ['externalId', 'source', 'kind', 'summary', 'correspondent', 'outgoing', 'receivedAt', 'dueDate', 'urgency', 'pages', 'meta', 'attachments', 'signatures'];
    const keep = fc.subarray(FIELDS, { minLength: 1, maxLength: 3 });
    const arb = fc.tuple(fc.tuple(over, keep).map(([o, k]) => Object.fromEntries(Object.entries(o).filter(([f]) => k.includes(f)))), fc.oneof({ weight: 4, arbitrary: fc.constant([] as string[]) }, { weight: 1, arbitrary: drop }), mangle, fc.nat(), fc.oneof({ weight: 8, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom('application/json; charset=latin1', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', 'application/json; charset=utf-8') }));
    await batched(budget, arb, 20_261_405, 4000, async ([o, d, how, seed, contentType]) => {
      const sub: Record<string, unknown> = submission(o as Record<string, unknown>);
      for (const k of d) delete sub[k];
      await expectNo5xx(budget, 'POST', '/api/v1/documents', mangled(JSON.stringify(sub), how, seed), hub.auth, { 'content-type': contentType });
    });
  });

  it('GET list routes: 4,000 random query strings (hostile values, raw percent-encoding, repeated and bracketed keys)', async () => {
    const budget = new Budget('HTTP GET list routes');
    const routes = [
      '/api/v1/documents', '/api/v1/control', '/api/v1/audit/log', '/api/v1/audit/personal-data-reads', '/api/v1/info-requests', '/api/v1/reports/appeals',
      '/api/v1/reports/discipline', '/api/v1/changes', '/api/v1/quarantine', '/api/v1/open-data/appeals', '/api/v1/open-data/petitions', '/api/v1/direct-line/calls',
      '/api/v1/audit/checkpoints', '/api/v1/petitions', '/api/v1/staff', `/api/v1/documents/${'{id}'}/control`,
    ];
    const keys = ['q', 'from', 'to', 'cursor', 'limit', 'status', 'source', 'kind', 'executor', 'dueBefore', 'overdue', 'actor', 'since', 'format', 'year', 'recordId', 'action', 'code', 'channel', 'controller', 'x', '__proto__', 'constructor', 'toString', 'q[]', 'from[gte]', ''];
    const rawValue = fc.oneof(
      { weight: 3, arbitrary: hostileString.filter((s) => s.length < 1000).map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, 'x'))) },
      { weight: 2, arbitrary: fc.constantFrom('%00', '%ff', '%C3', '%ED%A0%80', '%', '%G0', '%2', '+', '%2B', '1e20', '99999999999999999999', '-1', '0', '1000000', '2026-02-30', '2026-13-45', 'true', 'csv', 'xlsx', 'json', 'pdf', '', 'MQ', 'eyJ4IjoxfQ', Buffer.from(JSON.stringify(['-270000-01-01T00:00:00Z', 'x'])).toString('base64url')) },
      { weight: 1, arbitrary: fc.base64String({ maxLength: 60 }).map((s) => encodeURIComponent(s)) },
    );
    const query = fc.array(fc.tuple(fc.constantFrom(...keys), rawValue), { maxLength: 5 }).map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join('&'));
    const arb = fc.tuple(fc.constantFrom(...routes), query, fc.constantFrom('', '', '', '&', '?', '#x', '&&=&'), fc.constantFrom('text/csv', 'application/json', '*/*', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'));
    await batched(budget, arb, 20_261_406, 4000, async ([route, q, tail, accept]) => {
      await expectNo5xx(budget, 'GET', `${route.replace('{id}', documentId)}?${q}${tail}`, undefined, hub.auth, { accept });
    });
  });

  it('POST resolutions and control commands: 3,000 random bodies, If-Match and Idempotency-Key headers', async () => {
    const budget = new Budget('HTTP POST resolutions and commands');
    const staff = fc.oneof(fc.constantFrom('mayor', 'economy-dept', 'test-operator', 'nobody'), hostileString);
    const resolution = fc.record(
      {
        author: staff,
        controller: staff,
        executors: fc.oneof(fc.array(staff, { maxLength: 4 }), fc.array(fc.constant('economy-dept'), { minLength: 51, maxLength: 60 }), jsonValue),
        task: hostileString,
        term: fc.oneof(fc.constantFrom('2026-03-16', '2026-02-30', '2026-13-45', '2020-01-01', '9999-12-31'), hostileString),
        extra: jsonValue,
      },
      { requiredKeys: [] },
    );
    const command = fc.record(
      {
        command: fc.constantFrom('interim-answer', 'execution', 'extension-request', 'extension-decision', 'release', 'nope', ''),
        body: fc.oneof(
          fc.record({ text: hostileString, summary: hostileString, reason: hostileString, term: hostileString, newTerm: fc.constantFrom('2026-04-30', '2026-02-30', '1900-01-01'), approved: fc.boolean(), decision: fc.constantFrom('approve', 'reject', 'x'), result: hostileString }, { requiredKeys: [] }),
          jsonValue,
        ),
      },
      { requiredKeys: [] },
    );
    const ifMatch = fc.option(fc.constantFrom('"1"', '"0"', '"999999999999999999999"', '*', 'W/"1"', '1', '"-1"', '"1e3"', ''), { nil: undefined });
    const idem = fc.option(fc.oneof(fc.uuid(), fc.constantFrom('', 'x'.repeat(201), '\u00fc-key', 'a b')), { nil: undefined });
    const arb = fc.tuple(fc.boolean(), resolution, command, mangle, fc.nat(), ifMatch, idem, fc.constantFrom('doc', 'doc', 'doc', 'bad-id', 'nul'));
    await batched(budget, arb, 20_261_407, 3000, async ([isResolution, res, cmd, how, seed, match, key, target]) => {
      const headers: Record<string, string> = { ...(match !== undefined ? { 'if-match': match } : {}), ...(key !== undefined ? { 'idempotency-key': key } : {}) };
      if (isResolution) {
        const id = target === 'doc' ? documentId : target === 'nul' ? 'a%00b' : 'not-a-uuid';
        await expectNo5xx(budget, 'POST', `/api/v1/documents/${id}/resolutions`, mangled(JSON.stringify(res), how, seed), mayor, headers);
      } else {
        const id = target === 'doc' ? cardId : target === 'nul' ? '%00' : '00000000-0000-0000-0000-000000000000';
        await expectNo5xx(budget, 'POST', `/api/v1/control/${id}/commands`, mangled(JSON.stringify(cmd), how, seed), hub.auth, headers);
      }
    });
  });
});
