import { expect } from 'chai';
import { getQuarantined } from '../../src/store/quarantine';
import fc from 'fast-check';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestVhost, type TestVhost } from '../support/amqp';
import { TestBroker } from '../support/broker';
import { startTestHub, submission, type TestHub } from '../support/hub';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { waitFor } from '../support/wait';

type Answer = { status: number; json: any; headers: Headers };

/** Exactly these bytes, as a client that does not go through JSON.stringify would send them. */
async function send(hub: TestHub, method: string, path: string, bytes?: Buffer | string, contentType = 'application/json'): Promise<Answer> {
  const res = await fetch(`${hub.url}${path}`, {
    method,
    headers: { ...hub.auth, ...(bytes === undefined ? {} : { 'content-type': contentType }) },
    body: bytes === undefined ? undefined : typeof bytes === 'string' ? bytes : new Uint8Array(bytes),
  });
  const text = await res.text();
  return { status: res.status, json: res.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : text, headers: res.headers };
}

/** A valid submission as JSON text with `@@` standing for the raw JSON text `insert` (an escape such as \u0000). */
function bodyWith(over: Record<string, unknown>, insert: string): string {
  return JSON.stringify(submission(over)).replace(/@@/g, insert);
}

const NUL = '\\u0000';

describe('Hostile input: 4xx with a stable code, never 500, never altered; the exact bytes in quarantine (issue 14)', function () {
  this.timeout(120_000);
  let testDb: TestDatabase;
  let vhost: TestVhost;
  let hub: TestHub;
  let broker: TestBroker;
  let documentId: string;

  before(async () => {
    [testDb, vhost] = await Promise.all([createTestDatabase('hostile'), createTestVhost('hostile')]);
    hub = await startTestHub({ databaseUrl: testDb.url, amqpUrl: vhost.url });
    broker = new TestBroker(vhost.url);
    await broker.open();
    await waitFor(() => hub.bus!.isConnected(), 'hub connected to broker');
    const res = await send(hub, 'POST', '/api/v1/documents', JSON.stringify(submission()));
    expect(res.status).to.equal(201);
    documentId = res.json.id;
  });
  after(async () => {
    await broker?.close();
    await hub?.close();
    await Promise.all([testDb?.drop(), vhost?.delete()]);
  });

  async function quarantined(id: string): Promise<{ code: string; channel: string; payload: Buffer; attempts: number }> {
    // through the store: a payload over 64 KiB is kept in parts, not in the row (migration 017)
    const row = await getQuarantined(hub.db, id);
    expect(row, `quarantine row ${id}`).to.not.equal(undefined);
    return row!;
  }

  /** POST /api/v1/documents with these bytes: the status and code, and the very bytes in quarantine. */
  async function expectRejectedSubmission(bytes: Buffer | string, code: string): Promise<Answer> {
    const res = await send(hub, 'POST', '/api/v1/documents', bytes);
    expect(res.status, `${code}: ${res.status} ${JSON.stringify(res.json).slice(0, 300)}`).to.equal(400);
    expect(res.json.code).to.equal(code);
    expect(res.json.message).to.be.a('string').and.not.empty;
    expect(res.json.messageUk).to.be.a('string').and.not.empty;
    expect(res.json.quarantineId, 'kept in quarantine').to.be.a('string');
    const row = await quarantined(res.json.quarantineId);
    expect(row).to.include({ code, channel: 'http' });
    expect(row.payload.equals(Buffer.from(bytes)), 'the exact bytes sent').to.equal(true);
    return res;
  }

  describe('POST /api/v1/documents', () => {
    it('NUL (U+0000) in any string — summary, names, meta, externalId, a key — is NUL_CHARACTER with its path, kept in quarantine', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ summary: 'Щодо @@ ремонту' }, '/summary'],
        [{ correspondent: { name: 'ТОВ «@@»', edrpou: '41234567' } }, '/correspondent/name'],
        [{ meta: { note: 'a@@b' } }, '/meta/note'],
        [{ externalId: `nul-@@-${randomUUID()}` }, '/externalId'],
        [{ meta: { 'key@@': 1 } }, '/meta/key\\u0000'],
      ];
      for (const [over, path] of cases) {
        const res = await expectRejectedSubmission(bodyWith(over, NUL), 'NUL_CHARACTER');
        expect(res.json.details.path).to.equal(path);
      }
    });

    it('a lone surrogate is refused as LONE_SURROGATE, not stored as U+FFFD; a proper pair is kept as sent', async () => {
      await expectRejectedSubmission(bodyWith({ summary: 'Прошу @@ розглянути' }, '\\ud800'), 'LONE_SURROGATE');
      await expectRejectedSubmission(bodyWith({ correspondent: { name: '@@x' } }, '\\udc00'), 'LONE_SURROGATE');
      await expectRejectedSubmission(bodyWith({ meta: { s: 'end@@' } }, '\\udbff'), 'LONE_SURROGATE');
      const ok = await send(hub, 'POST', '/api/v1/documents', bodyWith({ summary: 'Смайлик @@ у змісті' }, '\\ud83d\\ude00'));
      expect(ok.status).to.equal(201);
      expect(ok.json.summary).to.equal('Смайлик 😀 у змісті');
    });

    it('invalid UTF-8 is refused as INVALID_ENCODING with the offset, never replaced by U+FFFD', async () => {
      const [before, after] = bodyWith({ summary: 'Щодо @@ листа' }, '@@').split('@@') as [string, string];
      for (const bad of [[0xc3, 0x28], [0xff], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xe2, 0x82]]) {
        const bytes = Buffer.concat([Buffer.from(before), Buffer.from(bad), Buffer.from(after)]);
        const res = await expectRejectedSubmission(bytes, 'INVALID_ENCODING');
        expect(res.json.details.offset).to.equal(Buffer.byteLength(before));
      }
    });

    it('meta nested 5,000 deep is JSON_TOO_DEEP (limit 64), checked before anything walks it', async () => {
      const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
      const res = await expectRejectedSubmission(bodyWith({ meta: '@@' }, '').replace('"meta":""', `"meta":${deep}`), 'JSON_TOO_DEEP');
      expect(res.json.details.maxDepth).to.equal(64);
      const arrays = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
      await expectRejectedSubmission(bodyWith({ meta: '@@' }, '').replace('"meta":""', `"meta":{"x":${arrays}}`), 'JSON_TOO_DEEP');
      // 60 levels is allowed: the limit is not a ban on structure.
      const ok = await send(hub, 'POST', '/api/v1/documents', bodyWith({ meta: '@@' }, '').replace('"meta":""', `"meta":${'{"a":'.repeat(60)}1${'}'.repeat(60)}`));
      expect(ok.status).to.equal(201);
    });

    it('an impossible date in the body (outgoing 2026-02-30, receivedAt in year 0000) is VALIDATION_FAILED, kept in quarantine', async () => {
      await expectRejectedSubmission(JSON.stringify(submission({ outgoing: { number: '1', date: '2026-02-30' } })), 'VALIDATION_FAILED');
      await expectRejectedSubmission(JSON.stringify(submission({ outgoing: { number: '1', date: '2026-13-45' } })), 'VALIDATION_FAILED');
      // Year 0000 passes ISO 8601 but not PostgreSQL: it was a 500.
      await expectRejectedSubmission(JSON.stringify(submission({ receivedAt: '0000-01-01T00:00:00Z' })), 'VALIDATION_FAILED');
    });

    it('an attachment mediaType with CRLF (header injection) is refused at intake as VALIDATION_FAILED', async () => {
      const content = Buffer.from('hello');
      const sha256 = createHash('sha256').update(content).digest('hex');
      const res = await expectRejectedSubmission(JSON.stringify(submission({
        attachments: [{ name: 'a.txt', mediaType: 'text/plain\r\nSet-Cookie: x=1', contentBase64: content.toString('base64'), sha256 }],
      })), 'VALIDATION_FAILED');
      expect(res.json.details.violations[0].path).to.equal('/attachments/0/mediaType');
    });
  });

  describe('serving attachments', () => {
    it('../../../../etc/passwd as text/html is served as a download named passwd, nosniff, never inline', async () => {
      const content = Buffer.from('<script>alert(1)</script>');
      const sha256 = createHash('sha256').update(content).digest('hex');
      const posted = await send(hub, 'POST', '/api/v1/documents', JSON.stringify(submission({
        attachments: [{ name: '../../../../etc/passwd', mediaType: 'text/html', contentBase64: content.toString('base64'), sha256 }],
      })));
      expect(posted.status).to.equal(201);
      const res = await fetch(`${hub.url}/api/v1/documents/${posted.json.id}/attachments/1`, { headers: hub.auth });
      expect(res.status).to.equal(200);
      expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
      expect(res.headers.get('content-disposition')).to.equal(`attachment; filename="passwd"; filename*=UTF-8''passwd`);
      expect(res.headers.get('content-security-policy')).to.contain('sandbox');
      expect(Buffer.from(await res.arrayBuffer()).equals(content)).to.equal(true);
    });

    it('a stored media type that is not well-formed (kept before the check) is served as application/octet-stream, not a 500', async () => {
      const content = Buffer.from('PDF?');
      const sha256 = createHash('sha256').update(content).digest('hex');
      const posted = await send(hub, 'POST', '/api/v1/documents', JSON.stringify(submission({
        attachments: [{ name: 'Лист №5 "остаточний".pdf', mediaType: 'application/pdf', contentBase64: content.toString('base64'), sha256 }],
      })));
      expect(posted.status).to.equal(201);
      await hub.db.query(`UPDATE attachments SET media_type = $2 WHERE document_id = $1`, [posted.json.id, 'text/html\r\nSet-Cookie: x=1']);
      const res = await fetch(`${hub.url}/api/v1/documents/${posted.json.id}/attachments/1`, { headers: hub.auth });
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.equal('application/octet-stream');
      expect(res.headers.get('set-cookie')).to.equal(null);
      expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
      expect(res.headers.get('content-disposition')).to.equal(
        `attachment; filename="____ _5 __________.pdf"; filename*=UTF-8''${encodeURIComponent('Лист №5 остаточний.pdf')}`,
      );
    });
  });

  describe('other bodies (resolutions, answers, petitions, calls)', () => {
    it('NUL, lone surrogates, invalid UTF-8 and deep nesting are 400 with their code on every JSON body', async () => {
      const paths = [
        `/api/v1/documents/${documentId}/resolutions`,
        `/api/v1/documents/${documentId}/appeal/answer`,
        `/api/v1/documents/${documentId}/info-request/answer`,
        '/api/v1/direct-line/calls',
      ];
      const bodies: Array<[Buffer | string, string]> = [
        [`{"task":"Підготувати ${NUL} відповідь","executors":["a"]}`, 'NUL_CHARACTER'],
        ['{"text":"\\ud800"}', 'LONE_SURROGATE'],
        [Buffer.concat([Buffer.from('{"text":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]), 'INVALID_ENCODING'],
        [`{"meta":${'['.repeat(5000)}${']'.repeat(5000)}}`, 'JSON_TOO_DEEP'],
      ];
      for (const path of paths) {
        for (const [bytes, code] of bodies) {
          const res = await send(hub, 'POST', path, bytes);
          expect(res.status, `${path} ${code}: ${JSON.stringify(res.json)}`).to.equal(400);
          expect(res.json.code, path).to.equal(code);
        }
      }
    });

    it('a petition export with NUL is refused with NUL_CHARACTER and kept in quarantine as sent', async () => {
      const sample = JSON.parse(readFileSync(join(__dirname, '..', '..', 'connectors', 'e-petitions', 'samples', 'collecting.json'), 'utf8'));
      const bytes = JSON.stringify({ ...sample, id: 9118, text: 'Просимо@@' }).replace('@@', NUL);
      const res = await send(hub, 'POST', '/api/v1/petitions', bytes);
      expect(res.status).to.equal(400);
      expect(res.json.code).to.equal('NUL_CHARACTER');
      const row = await quarantined(res.json.quarantineId);
      expect(row.payload.toString('utf8')).to.equal(bytes);
    });
  });

  describe('query parameters', () => {
    it('q=%00 and NUL in any query parameter is NUL_CHARACTER; percent-encoding that is not UTF-8 is INVALID_ENCODING', async () => {
      for (const path of ['/api/v1/documents?q=%00', '/api/v1/documents?source=a%00b', '/api/v1/audit/log?actor=%00', '/api/v1/quarantine?code=%00', '/api/v1/control?executor=x%00', '/api/v1/documents?q%00=1']) {
        const res = await send(hub, 'GET', path);
        expect(res.status, path).to.equal(400);
        expect(res.json.code, path).to.equal('NUL_CHARACTER');
      }
      for (const path of ['/api/v1/documents?q=%ff', '/api/v1/documents?q=%ED%A0%80', '/api/v1/audit/log?actor=%C3']) {
        const res = await send(hub, 'GET', path);
        expect(res.status, path).to.equal(400);
        expect(res.json.code, path).to.equal('INVALID_ENCODING');
      }
      expect((await send(hub, 'GET', `/api/v1/documents?q=${encodeURIComponent('Будсервіс')}`)).status).to.equal(200);
    });

    it('impossible dates (2026-13-45, 2026-02-30) in every date parameter are INVALID_QUERY', async () => {
      const params = [
        '/api/v1/documents?from=', '/api/v1/documents?to=',
        '/api/v1/audit/log?from=', '/api/v1/audit/log?to=', '/api/v1/audit/personal-data-reads?from=',
        '/api/v1/control?dueBefore=', '/api/v1/reports/discipline?from=2026-01-01&to=', '/api/v1/reports/discipline?to=2026-12-31&from=',
        '/api/v1/reports/appeals?from=', '/api/v1/open-data/appeals?to=', '/api/v1/info-requests?from=', '/api/v1/direct-line/calls?to=',
      ];
      for (const prefix of params) {
        for (const date of ['2026-13-45', '2026-02-30', '2025-02-29', '2026-04-31', '0000-01-01']) {
          const res = await send(hub, 'GET', prefix + date);
          expect(res.status, prefix + date).to.equal(400);
          expect(res.json.code, prefix + date).to.equal('INVALID_QUERY');
        }
      }
      expect((await send(hub, 'GET', '/api/v1/audit/log?from=2024-02-29')).status).to.equal(200);
    });

    it('absurd cursors (cursor=1e20, 20 digits, a cursor of year -270000 or day 2026-02-30) are INVALID_CURSOR/INVALID_QUERY, never 500', async () => {
      const b64 = (s: string) => Buffer.from(s).toString('base64url');
      const cases: Array<[string, string]> = [
        ['/api/v1/audit/log?cursor=1e20', 'INVALID_CURSOR'],
        ['/api/v1/audit/log?cursor=100000000000000000000', 'INVALID_CURSOR'],
        ['/api/v1/audit/personal-data-reads?cursor=99999999999999999999', 'INVALID_CURSOR'],
        ['/api/v1/documents?cursor=1e20', 'INVALID_CURSOR'],
        [`/api/v1/documents?cursor=${b64(JSON.stringify(['-270000-01-01T00:00:00Z', randomUUID()]))}`, 'INVALID_CURSOR'],
        [`/api/v1/quarantine?cursor=${b64(JSON.stringify([1e15, randomUUID()]))}`, 'INVALID_CURSOR'],
        [`/api/v1/changes?since=${b64('99999999999999999999.1')}`, 'INVALID_CURSOR'],
        [`/api/v1/control?cursor=${b64(`2026-02-30|${randomUUID()}`)}`, 'INVALID_CURSOR'],
        ['/api/v1/documents?limit=1e20', 'INVALID_QUERY'],
      ];
      for (const [path, code] of cases) {
        const res = await send(hub, 'GET', path);
        expect(res.status, path).to.equal(400);
        expect(res.json.code, path).to.equal(code);
      }
    });

    it('a path segment that is not percent-encoded UTF-8, or holds a NUL, is a 4xx, not a 500', async () => {
      for (const [path, code] of [['/api/v1/documents/%ff', 'INVALID_ENCODING'], ['/api/v1/petitions/a%00b', 'NUL_CHARACTER'], ['/api/v1/staff/%00', 'NUL_CHARACTER']]) {
        const res = await send(hub, 'GET', path!);
        expect(res.status, path).to.equal(400);
        expect(res.json.code, path).to.equal(code);
      }
    });
  });

  describe('over AMQP', () => {
    it('a NUL in a message is quarantined once with NUL_CHARACTER, not three tries ending as INTERNAL_ERROR', async () => {
      const messageId = `nul-${randomUUID()}`;
      const bytes = Buffer.from(bodyWith({ summary: 'Щодо @@', externalId: messageId }, NUL));
      broker.publish('edms.json', bytes, { messageId });
      const marker = submission();
      broker.publish('edms.json', marker);
      const [row] = await waitFor(async () => {
        const rows = await hub.db.query<{ code: string; attempts: number; payload: Buffer; channel: string }>('SELECT code, attempts, payload, channel FROM quarantine WHERE message_id = $1', [messageId]);
        return rows.length > 0 && rows;
      }, 'quarantined');
      expect(row).to.include({ code: 'NUL_CHARACTER', attempts: 1, channel: 'amqp' });
      expect(row!.payload.equals(bytes)).to.equal(true);
      await waitFor(async () => (await hub.db.query('SELECT 1 FROM documents WHERE external_id = $1', [marker.externalId])).length === 1, 'next message');
      expect(hub.logs.lines.filter((l) => l.includes(messageId) && /unexpected failure/.test(l))).to.have.length(0);
      expect(hub.logs.lines.filter((l) => /unexpected failure/.test(l) && /null character|0x00|Unicode escape/i.test(l))).to.have.length(0);
    });

    it('invalid UTF-8 and a lone surrogate over AMQP are quarantined with their codes', async () => {
      const ids = [`enc-${randomUUID()}`, `sur-${randomUUID()}`];
      const [before, after] = bodyWith({ summary: '@@' }, '@@').split('@@') as [string, string];
      broker.publish('edms.json', Buffer.concat([Buffer.from(before), Buffer.from([0xff]), Buffer.from(after)]), { messageId: ids[0] });
      broker.publish('edms.json', Buffer.from(bodyWith({ summary: '@@' }, '\\ud800')), { messageId: ids[1] });
      const rows = await waitFor(async () => {
        const got = await hub.db.query<{ code: string; message_id: string }>('SELECT code, message_id FROM quarantine WHERE message_id = ANY($1) ORDER BY message_id', [ids]);
        return got.length === 2 && got;
      }, 'both quarantined');
      expect(rows.map((r) => r.code)).to.deep.equal(['INVALID_ENCODING', 'LONE_SURROGATE']);
    });
  });

  describe('property: random JSON bodies with hostile strings', () => {
    it('POST /api/v1/documents never answers 5xx', async () => {
      const hostile = fc.oneof(
        fc.string(),
        fc.constantFrom('\u0000', '\ud800', '\udc00', 'a\u0000b', '\ud83d\ude00', '\r\n', '\uffff', '\ufeff', '%00', '\\u0000', '2026-02-30', ''),
        fc.string({ unit: 'binary' }),
      );
      const value = fc.letrec((tie) => ({
        v: fc.oneof({ depthSize: 'small' }, hostile, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(hostile, tie('v'), { maxKeys: 3 })),
      })).v;
      const fields = fc.record({
        summary: hostile, externalId: hostile, meta: fc.dictionary(hostile, value, { maxKeys: 4 }),
        correspondent: fc.record({ name: hostile }), source: fc.constantFrom('edms', 'e-mail', 'x\u0000'), kind: fc.constantFrom('official-letter', 'citizen-appeal'),
        outgoing: fc.record({ number: hostile, date: fc.constantFrom('2026-02-30', '2026-13-45', '2026-03-01', 'x') }),
        attachments: fc.array(fc.record({ name: hostile, mediaType: fc.constantFrom('text/html', 'a\r\nb: c', 'text/plain; charset=utf-8', ''), contentBase64: fc.constant('aGk='), sha256: fc.constant(createHash('sha256').update('hi').digest('hex')) }), { maxLength: 1 }),
      }, { requiredKeys: [] });
      const mangle = fc.constantFrom('none', 'truncate', 'badbyte');
      let n = 0;
      await fc.assert(fc.asyncProperty(fields, mangle, async (over, how) => {
        n++;
        let bytes = Buffer.from(JSON.stringify(submission(over as Record<string, unknown>)));
        if (how === 'truncate') bytes = bytes.subarray(0, Math.max(1, bytes.length - 7));
        if (how === 'badbyte') bytes = Buffer.concat([bytes.subarray(0, 20), Buffer.from([0xfe]), bytes.subarray(20)]);
        const res = await send(hub, 'POST', '/api/v1/documents', bytes);
        expect(res.status, `${res.status} ${JSON.stringify(res.json).slice(0, 400)}`).to.be.below(500);
      }), { numRuns: 300 });
      expect(n).to.be.at.least(300);
    });
  });
});
