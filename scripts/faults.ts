/**
 * `npm run faults`: the hub under its environment's faults, as issue 14 asks, for a person to run
 * and read (not a timed test). Three hub processes on their own database and vhost, each reaching
 * PostgreSQL and RabbitMQ through a TCP proxy this script cuts and restores; 10,000 letters and
 * 1,000 repeats of them published at a steady rate; random `kill -9` of a hub (restarted a moment
 * later) and cuts of either service, for FAULTS_SECONDS (default 300). Then everything is restored,
 * the hubs drain, and the script counts: lost, duplicated, gaps in journal numbers, stranded
 * messages, events missing. Nothing on the machine's services is stopped or reconfigured.
 *
 *   FAULTS_SECONDS=300 FAULTS_MESSAGES=10000 FAULTS_REPEATS=1000 npm run faults
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import amqp from 'amqplib';
import pg from 'pg';
import { TOPOLOGY, declareTopology } from '../src/bus/topology';
import { plural } from '../src/domain/plural-uk';
import { createTestVhost, queueState } from '../test/support/amqp';
import { submission } from '../test/support/hub';
import { createTestDatabase } from '../test/support/pg';
import { TcpProxy } from '../test/support/tcp-proxy';

const SECONDS = Number(process.env.FAULTS_SECONDS ?? 300);
const MESSAGES = Number(process.env.FAULTS_MESSAGES ?? 10_000);
const REPEATS = Number(process.env.FAULTS_REPEATS ?? 1_000);
const HUBS = 3;
const REPO = join(__dirname, '..');
const RUN = randomUUID().slice(0, 8);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (lo: number, hi: number) => lo + Math.random() * (hi - lo);
const say = (uk: string, en: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${uk} / ${en}`);

interface Hub { child?: ChildProcess; dataDir: string; kills: number }

function letter(i: number): Record<string, unknown> {
  return submission({ externalId: `faults-${RUN}-${i}`, outgoing: { number: `12/${i}`, date: '2026-03-05' }, receivedAt: new Date().toISOString() });
}

async function main(): Promise<number> {
  const db = await createTestDatabase('faults');
  const vhost = await createTestVhost('faults');
  const pgUrl = new URL(db.url);
  const amqpUrl = new URL(vhost.url);
  const pgProxy = new TcpProxy(Number(pgUrl.port || 5432), pgUrl.hostname);
  const amqpProxy = new TcpProxy(Number(amqpUrl.port || 5672), amqpUrl.hostname);
  await Promise.all([pgProxy.start(), amqpProxy.start()]);
  const hubDbUrl = new URL(db.url);
  hubDbUrl.host = `127.0.0.1:${pgProxy.port}`;
  const hubAmqpUrl = new URL(vhost.url);
  hubAmqpUrl.host = `127.0.0.1:${amqpProxy.port}`;

  const hubs: Hub[] = Array.from({ length: HUBS }, () => ({ dataDir: mkdtempSync(join(tmpdir(), 'dilovod-faults-')), kills: 0 }));
  const startHub = (h: Hub) => {
    h.child = spawn(process.execPath, [join(REPO, 'bin', 'dilovod.js'), 'start'], {
      cwd: REPO,
      env: {
        ...process.env, PORT: '0', LOG_LEVEL: 'error', DATA_DIR: h.dataDir, DATABASE_URL: hubDbUrl.toString(), AMQP_URL: hubAmqpUrl.toString(),
        SAMPLE_NOMENCLATURE: 'true', DATABASE_WAIT_MS: '600000', DATABASE_QUERY_TIMEOUT_MS: '5000', DATABASE_CONNECT_TIMEOUT_MS: '2000',
      },
      stdio: 'ignore',
    });
  };

  // The script's own connections go straight to the services, never through the proxies.
  const conn = await amqp.connect(vhost.url);
  const ch = await conn.createConfirmChannel();
  await declareTopology(ch);
  const tap = await ch.assertQueue('', { exclusive: true });
  await ch.bindQueue(tap.queue, TOPOLOGY.eventsExchange, 'document.#');
  const registeredEvents = new Map<string, number>();
  await ch.consume(tap.queue, (m) => {
    if (!m) return;
    const e = JSON.parse(m.content.toString('utf8')) as { type: string; documentId: string };
    if (e.type === 'document.registered') registeredEvents.set(e.documentId, (registeredEvents.get(e.documentId) ?? 0) + 1);
  }, { noAck: true });

  const hubsUk = plural(HUBS, { one: 'хаб', few: 'хаби', many: 'хабів' });
  const lettersUk = plural(MESSAGES, { one: 'лист', few: 'листи', many: 'листів' });
  const repeatsUk = plural(REPEATS, { one: 'повтор', few: 'повтори', many: 'повторів' });
  say(`${hubsUk}, ${lettersUk} і ${repeatsUk} за ${SECONDS} с`, `${HUBS} hubs, ${MESSAGES} letters and ${REPEATS} repeats over ${SECONDS} s`);
  hubs.forEach(startHub);

  const deadline = Date.now() + SECONDS * 1000;
  let kills = 0;
  let cuts = 0;
  const chaos = (async () => {
    while (Date.now() < deadline) {
      await sleep(between(5_000, 15_000));
      if (Date.now() >= deadline) break;
      if (Math.random() < 0.5) {
        const h = hubs[Math.floor(Math.random() * HUBS)]!;
        h.child?.kill('SIGKILL');
        kills++;
        h.kills++;
        await sleep(between(500, 3_000));
        startHub(h);
      } else {
        const [name, proxy] = Math.random() < 0.5 ? ['PostgreSQL', pgProxy] as const : ['RabbitMQ', amqpProxy] as const;
        const stall = Math.random() < 0.3;
        if (stall) proxy.stall();
        else await proxy.cut();
        cuts++;
        await sleep(between(1_000, 6_000));
        if (stall) proxy.unstall();
        else await proxy.restore();
        say(`${name}: ${stall ? 'затримку' : 'розрив'} знято`, `${name} ${stall ? 'stall' : 'cut'} over`);
      }
    }
  })();

  const repeatOf = new Set<number>();
  while (repeatOf.size < Math.min(REPEATS, MESSAGES)) repeatOf.add(Math.floor(Math.random() * MESSAGES));
  const plan: number[] = [...Array.from({ length: MESSAGES }, (_, i) => i), ...repeatOf];
  const interval = (SECONDS * 1000 * 0.9) / plan.length;
  for (let k = 0; k < plan.length; k++) {
    const i = plan[k]!;
    ch.publish(TOPOLOGY.inboundExchange, 'edms.json', Buffer.from(JSON.stringify(letter(i))), {
      persistent: true, contentType: 'application/json', messageId: `faults-${RUN}-${i}`, userId: 'guest',
    });
    if (k % 100 === 99) await ch.waitForConfirms();
    const due = (k + 1) * interval;
    await sleep(Math.max(0, due - (Date.now() - (deadline - SECONDS * 1000))));
  }
  await ch.waitForConfirms();
  await chaos;

  say('усе відновлено; чекаємо, поки хаби доопрацюють', 'everything restored; waiting for the hubs to drain');
  pgProxy.unstall();
  amqpProxy.unstall();
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const outboxLeft = async () => Number((await client.query("SELECT count(*) FROM outbox WHERE published_at IS NULL")).rows[0].count);
  let queued = { messageCount: -1 };
  for (let t = 0; t < 120; t++) {
    queued = await ch.checkQueue(TOPOLOGY.inboundQueue);
    if (queued.messageCount === 0 && (await outboxLeft()) === 0) break;
    await sleep(1_000);
  }
  await sleep(3_000);

  const ids = (await client.query<{ id: string; external_id: string }>('SELECT id, external_id FROM documents WHERE external_id LIKE $1', [`faults-${RUN}-%`])).rows;
  const distinct = new Set(ids.map((r) => r.external_id));
  const lost = MESSAGES - distinct.size;
  const duplicated = ids.length - distinct.size;
  const gaps = Number((await client.query(
    'SELECT coalesce(sum(max_n - n), 0) AS gaps FROM (SELECT max(reg_number) AS max_n, count(*) AS n FROM documents WHERE reg_number IS NOT NULL GROUP BY reg_journal, reg_year) j',
  )).rows[0].gaps);
  const quarantined = Number((await client.query('SELECT count(*) FROM quarantine')).rows[0].count);
  // Ready and unacknowledged alike: a message a live hub took and never settled is stranded too (AMQP's checkQueue counts only the ready).
  const stranded = (await queueState(vhost.name, TOPOLOGY.inboundQueue)).messages;
  const eventsMissing = ids.filter((r) => !registeredEvents.has(r.id)).length;
  const eventsRepeated = [...registeredEvents.values()].filter((n) => n > 1).length;
  const unpublished = await outboxLeft();
  await client.end();

  console.log();
  console.log(`kill -9: ${kills}; розриви та затримки служб / service cuts and stalls: ${cuts}`);
  console.log(`зареєстровано / registered: ${distinct.size} з / of ${MESSAGES}`);
  console.log(`втрачено / lost: ${lost}`);
  console.log(`продубльовано / duplicated: ${duplicated}`);
  console.log(`пропуски в нумерації / numbering gaps: ${gaps}`);
  console.log(`застрягло в черзі / stranded: ${stranded}`);
  console.log(`у карантині / quarantined: ${quarantined}`);
  console.log(`подій бракує / events missing: ${eventsMissing} (повторених / repeated, at least once: ${eventsRepeated}; в outbox лишилось / left in the outbox: ${unpublished})`);

  for (const h of hubs) h.child?.kill('SIGTERM');
  await sleep(3_000);
  for (const h of hubs) {
    h.child?.kill('SIGKILL');
    rmSync(h.dataDir, { recursive: true, force: true });
  }
  await conn.close().catch(() => undefined);
  await Promise.all([pgProxy.stop(), amqpProxy.stop()]);
  await db.drop();
  await vhost.delete();
  return lost || duplicated || gaps || stranded || eventsMissing || quarantined ? 1 : 0;
}

main().then((code) => process.exit(code), (err) => {
  console.error(err);
  process.exit(2);
});
