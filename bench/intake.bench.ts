import amqp from 'amqplib';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { REPO, howNpmStartRuns, startBenchHub, tokenFor, type BenchHub } from './hub-process';
import type { Bench } from './main';
import { machine } from './support';
import { createTestVhost } from '../test/support/amqp';
import { createTestDatabase } from '../test/support/pg';

/**
 * Issue 16, "end to end": official letters registered through the hub's doors — HTTP
 * `POST /api/v1/documents` and AMQP `dilovod.inbound` — by 1, 2 and 4 hub processes on one
 * PostgreSQL, with the outbox relay publishing every event, beside what the least a service of the
 * same shape costs in the same run and database, with as many processes:
 *  - HTTP: an express + pg handler that parses the same JSON body and, in one transaction, draws
 *    the journal's number (`UPDATE counter … RETURNING`) and inserts the row into a copy of
 *    `documents` (every index of it included);
 *  - AMQP: an amqplib consumer with the hub's prefetch that does the same and acks after commit.
 * BENCH_N letters a figure (default 3,000), BENCH_CLIENTS concurrent HTTP clients (default 16),
 * BENCH_HUBS (default 1,2,4). Afterwards each journal's numbers are checked: 1…n, no gap.
 */
const N = Number(process.env.BENCH_N ?? 3000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const HUBS = (process.env.BENCH_HUBS ?? '1,2,4').split(',').map(Number);
const WARM = 200;
const PREFETCH = 16; // the hub's AMQP_PREFETCH default (src/config)

/** The baseline service, one OS process: HTTP on a free port, or a consumer of BASELINE_QUEUE. */
const BASELINE = `
const pg = require('pg');
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
async function register(b) {
  if (!b || typeof b.externalId !== 'string' || typeof b.summary !== 'string') throw Object.assign(new Error('bad body'), { status: 400 });
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const n = (await c.query("UPDATE bench_counter SET last_number = last_number + 1 WHERE journal = 'incoming' RETURNING last_number")).rows[0].last_number;
    const r = await c.query(
      "INSERT INTO bench_documents (id, source, external_id, kind, status, summary, correspondent, outgoing, received_at, payload_sha256, reg_journal, reg_year, reg_number, reg_index, reg_date, reg_case) " +
      "VALUES (gen_random_uuid(), $1, $2, $3, 'registered', $4, $5, $6, $7, 'x', 'incoming', 2026, $8, '01-07/' || $8::int, current_date, '01-07') RETURNING id",
      [b.source, b.externalId, b.kind, b.summary, b.correspondent, b.outgoing, b.receivedAt, n]);
    await c.query('COMMIT');
    return { id: r.rows[0].id, number: n };
  } catch (e) { await c.query('ROLLBACK'); throw e; } finally { c.release(); }
}
if (process.env.BASELINE_QUEUE) {
  require('amqplib').connect(process.env.AMQP_URL).then(async (conn) => {
    const ch = await conn.createChannel();
    await ch.prefetch(Number(process.env.PREFETCH));
    await ch.consume(process.env.BASELINE_QUEUE, (m) => register(JSON.parse(m.content.toString())).then(() => ch.ack(m), () => ch.nack(m, false, false)));
    console.log(JSON.stringify({ url: 'amqp' }));
  });
} else {
  const express = require('express');
  const app = express();
  app.use(express.json({ limit: '1mb' }));
  app.post('/documents', (req, res) => register(req.body).then((r) => res.status(201).json(r), (e) => res.status(e.status || 500).json({ code: 'FAILED' })));
  const server = app.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ url: 'http://127.0.0.1:' + server.address().port })));
}
`;

interface Service { url: string; stop(): Promise<void> }

async function startBaseline(env: Record<string, string>): Promise<Service> {
  const child: ChildProcess = spawn(process.execPath, ['-e', BASELINE], { cwd: REPO, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => { out += d.toString(); const m = out.match(/"url":"([^"]+)"/); if (m) resolve(m[1]!); });
    child.once('exit', (code) => reject(new Error(`the baseline exited ${code}`)));
  });
  // a process killed by a signal keeps exitCode null: stopped twice, it must not wait for a second 'exit'
  return { url, stop: async () => { if (child.exitCode === null && child.signalCode === null) { const gone = new Promise((r) => child.once('exit', r)); child.kill('SIGTERM'); await gone; } } };
}

let serial = 0;
function letter(tag: string): Record<string, unknown> {
  serial++;
  return {
    externalId: `${tag}-${process.pid}-${serial}`, source: 'edms', kind: 'official-letter',
    correspondent: { name: 'ТОВ «Будсервіс-Поділля»', edrpou: '41234567' }, outgoing: { number: `12/3-${serial}`, date: '2026-03-05' },
    summary: 'Щодо стану охорони праці на комунальних підприємствах', receivedAt: new Date().toISOString(),
  };
}

/** n POSTs by CLIENTS clients, spread over the urls in turn; letters/s, failing on any answer but 201. */
async function overHttp(urls: string[], path: string, headers: Record<string, string>, n: number, tag: string): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    for (let i = next++; i < n; i = next++) {
      const res = await fetch(`${urls[i % urls.length]}${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(letter(tag)) });
      if (res.status !== 201) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
    }
  }));
  return n / ((performance.now() - started) / 1000);
}

/** Publishes n letters with confirms and waits until `count` reaches its start + n; letters/s from the first publish. */
async function overAmqp(amqpUrl: string, exchange: string, routingKey: string, n: number, tag: string, count: () => Promise<number>): Promise<number> {
  const from = await count();
  const conn = await amqp.connect(amqpUrl);
  try {
    const ch = await conn.createConfirmChannel();
    const started = performance.now();
    for (let i = 0; i < n; i++) {
      const body = letter(tag);
      ch.publish(exchange, routingKey, Buffer.from(JSON.stringify(body)), { persistent: true, userId: 'guest', messageId: String(body.externalId), contentType: 'application/json' });
    }
    await ch.waitForConfirms();
    const deadline = Date.now() + 600_000;
    while ((await count()) < from + n) {
      if (Date.now() > deadline) throw new Error(`${n} letters were not registered in 10 minutes`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return n / ((performance.now() - started) / 1000);
  } finally {
    await conn.close();
  }
}

async function gapless(db: pg.Client, table: string, journal: string): Promise<void> {
  const { rows } = await db.query(`SELECT count(*)::int AS n, count(DISTINCT reg_number)::int AS distinct, coalesce(max(reg_number), 0)::int AS top FROM ${table} WHERE reg_journal = $1`, [journal]);
  const r = rows[0] as { n: number; distinct: number; top: number };
  if (r.n !== r.distinct || r.n !== r.top) throw new Error(`${table}/${journal}: ${r.n} rows, ${r.distinct} numbers, the highest ${r.top}: the numbering has a gap or a repeat`);
}

export const bench: Bench = {
  name: 'intake',
  async run() {
    const how = howNpmStartRuns();
    console.log(`machine: ${machine()}; ${N} letters a figure, ${CLIENTS} HTTP clients, AMQP prefetch ${PREFETCH}; hubs as npm start runs them, on PostgreSQL and RabbitMQ of this machine`);
    console.log(['hub processes', 'door', 'hub letters/s', 'baseline letters/s', 'ratio', 'load before → after'].join(' | '));
    for (const hubs of HUBS) {
      const database = await createTestDatabase('intake');
      const vhost = await createTestVhost('intake');
      const dirs: string[] = [];
      const running: Array<BenchHub | Service> = [];
      const db = new pg.Client({ connectionString: database.url });
      try {
        const env = { DATABASE_URL: database.url, SAMPLE_NOMENCLATURE: 'true', AMQP_URL: vhost.url, AMQP_PUBLISHERS: '{"guest":"*"}' };
        const hubList: BenchHub[] = [];
        for (let i = 0; i < hubs; i++) {
          dirs.push(mkdtempSync(join(tmpdir(), 'dilovod-intake-')));
          const hub = await startBenchHub(dirs[i]!, env, how); // one after another: the first migrates
          hubList.push(hub);
          running.push(hub);
        }
        await db.connect();
        await db.query(`CREATE TABLE bench_documents (LIKE documents INCLUDING ALL);
          CREATE TABLE bench_counter (journal text PRIMARY KEY, last_number int NOT NULL); INSERT INTO bench_counter VALUES ('incoming', 0)`);
        const baselines: Service[] = [];
        for (let i = 0; i < hubs; i++) baselines.push(await startBaseline({ DATABASE_URL: database.url }));
        running.push(...baselines);
        const token = await tokenFor(hubList[0]!, ['integrator'], ['edms']);
        const headers = { authorization: `Bearer ${token}` };
        const hubUrls = hubList.map((h) => h.url);
        const baseUrls = baselines.map((b) => b.url);

        const row = async (door: string, hub: () => Promise<number>, base: () => Promise<number>) => {
          const load = loadavg()[0]!.toFixed(1);
          // interleaved: baseline, hub, baseline, hub; the better of each, so a passing load spike weighs on both alike
          const b1 = await base(); const h1 = await hub(); const b2 = await base(); const h2 = await hub();
          const h = Math.max(h1, h2); const b = Math.max(b1, b2);
          console.log([hubs, door, h.toFixed(0), b.toFixed(0), (h / b).toFixed(2), `${load} → ${loadavg()[0]!.toFixed(1)}`].join(' | '));
        };
        // warm both (JIT, connections, the plans), not counted
        await overHttp(hubUrls, '/api/v1/documents', headers, WARM, 'warm');
        await overHttp(baseUrls, '/documents', {}, WARM, 'warm');
        await row('HTTP', () => overHttp(hubUrls, '/api/v1/documents', headers, N, 'http'), () => overHttp(baseUrls, '/documents', {}, N, 'base'));

        for (const b of baselines) await b.stop();
        const conn = await amqp.connect(vhost.url);
        const ch = await conn.createChannel();
        await ch.assertQueue('bench.baseline', { durable: true });
        await conn.close();
        const consumers: Service[] = [];
        for (let i = 0; i < hubs; i++) consumers.push(await startBaseline({ DATABASE_URL: database.url, AMQP_URL: vhost.url, BASELINE_QUEUE: 'bench.baseline', PREFETCH: String(PREFETCH) }));
        running.push(...consumers);
        const count = (table: string) => async () => Number((await db.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
        await row('AMQP', () => overAmqp(vhost.url, 'dilovod.inbound', 'edms.json', N, 'amqp', count('documents')),
          () => overAmqp(vhost.url, '', 'bench.baseline', N, 'base-amqp', count('bench_documents')));
        await gapless(db, 'documents', 'incoming');
        await gapless(db, 'bench_documents', 'incoming');
      } finally {
        for (const s of running) await s.stop();
        await db.end().catch(() => undefined);
        for (const d of dirs) rmSync(d, { recursive: true, force: true });
        await vhost.delete();
        await database.drop();
      }
    }
    console.log('issue 16 goal: each door ≥ 0.8 of its baseline; numbering checked gap-free in every run');
  },
};
