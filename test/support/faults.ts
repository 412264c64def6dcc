import { expect } from 'chai';
import type { Config } from '../../src/config';
import type { HubOptions } from '../../src/hub';
import { PostgresDb } from '../../src/store';
import { createTestVhost, queueState, type TestVhost } from './amqp';
import { TestBroker, type EventTap } from './broker';
import { call } from './http';
import { startTestHub, type TestHub } from './hub';
import { createTestDatabase, type TestDatabase } from './pg';
import { TcpProxy } from './tcp-proxy';
import { waitFor } from './wait';

/**
 * The fault-injection suite's bench (issue 14, "Quality bar"): a hub on its own database and vhost
 * that reaches PostgreSQL and RabbitMQ only through TCP proxies the test controls (cut, stall,
 * slow), a test-side broker client that publishes straight to RabbitMQ, and a tap on
 * dilovod.events. The machine's services are never stopped or reconfigured.
 */
export interface FaultRig {
  hub: TestHub;
  /** Between the hub and PostgreSQL. */
  dbProxy: TcpProxy;
  /** Between the hub and RabbitMQ. */
  brokerProxy: TcpProxy;
  /** The test's own connections, straight to RabbitMQ and PostgreSQL: what it sees is never slowed or cut. */
  broker: TestBroker;
  db: PostgresDb;
  tap: EventTap;
  vhost: TestVhost;
  testDb: TestDatabase;
  close(): Promise<void>;
}

/** A proxy in front of the server a URL names (postgresql:// or amqp://), and the same URL through it. */
async function proxyFor(serviceUrl: string, defaultPort: number): Promise<{ proxy: TcpProxy; url: string }> {
  const url = new URL(serviceUrl);
  const proxy = new TcpProxy(Number(url.port || defaultPort), url.hostname);
  await proxy.start();
  url.host = `127.0.0.1:${proxy.port}`;
  return { proxy, url: url.toString() };
}

export async function startFaultRig(label: string, config: Partial<Config> = {}, opts: HubOptions = {}): Promise<FaultRig> {
  // Undone in reverse order on close, or at once when the start fails half-way.
  const undo: Array<() => Promise<unknown> | void> = [];
  const close = async () => {
    for (const step of undo.splice(0).reverse()) await step();
  };
  try {
    const [testDb, vhost] = await Promise.all([createTestDatabase(label), createTestVhost(label)]);
    undo.push(() => Promise.all([testDb.drop(), vhost.delete()]));
    const db = await proxyFor(testDb.url, 5432);
    const amqp = await proxyFor(vhost.url, 5672);
    undo.push(() => Promise.all([db.proxy.stop(), amqp.proxy.stop()]));
    const hub = await startTestHub({ databaseUrl: db.url, amqpUrl: amqp.url, ...config }, opts);
    undo.push(() => hub.close());
    // Whatever a test left the proxies doing, the hub closes through open, fast connections.
    undo.push(() => {
      for (const proxy of [db.proxy, amqp.proxy]) {
        proxy.unstall();
        proxy.fast();
      }
    });
    const direct = new PostgresDb({ connectionString: testDb.url, max: 2 });
    undo.push(() => direct.close());
    const broker = new TestBroker(vhost.url);
    undo.push(() => broker.close());
    await broker.open();
    const tap = await broker.tapEvents();
    await waitFor(() => hub.bus!.isConnected(), 'hub connected to the broker');
    return { hub, dbProxy: db.proxy, brokerProxy: amqp.proxy, broker, db: direct, tap, vhost, testDb, close };
  } catch (err) {
    await close().catch(() => undefined);
    throw err;
  }
}

export interface Readiness {
  status: number;
  checks: Record<string, string>;
}

/** GET /readyz, which must answer within 1 s whatever the services do (a load balancer's probe gives up then). */
export async function readiness(hub: TestHub): Promise<Readiness> {
  const res = await fetch(`${hub.url}/readyz`, { signal: AbortSignal.timeout(1000) }).catch((err: Error) => {
    throw new Error(`/readyz did not answer within 1 s: ${err.message}`);
  });
  const body = (await res.json()) as { status: string; checks: Record<string, string> };
  // Truthful about itself: 200 exactly when every configured service is ok.
  const allOk = Object.values(body.checks).every((c) => c !== 'down');
  expect(res.status, JSON.stringify(body)).to.equal(allOk ? 200 : 503);
  return { status: res.status, checks: body.checks };
}

/** /readyz says `service` is down (503) within 1 s of the fault. */
export async function expectDownWithinASecond(hub: TestHub, service: 'database' | 'broker'): Promise<Readiness> {
  const since = Date.now();
  const answer = await waitFor(async () => {
    const r = await readiness(hub);
    return r.checks[service] === 'down' ? r : undefined;
  }, `/readyz to say the ${service} is down`, 1000);
  expect(Date.now() - since, `/readyz said the ${service} is down only after`).to.be.at.most(1000);
  expect(answer.status).to.equal(503);
  return answer;
}

/** Asks /readyz every 200 ms until stopped; `stop()` fails if any answer took over 1 s, else gives them all. */
export function watchReadiness(hub: TestHub): { stop(): Promise<Readiness[]> } {
  const answers: Readiness[] = [];
  let failure: Error | undefined;
  let running = true;
  const loop = (async () => {
    while (running && !failure) {
      try {
        answers.push(await readiness(hub));
      } catch (err) {
        failure = err as Error;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      if (failure) throw failure;
      return answers;
    },
  };
}

/**
 * Submits over HTTP as a client that means it: a 503 (the store is away) or no answer at all is
 * tried again, with the same externalId, until the hub answers 201 or 200 (already on file).
 * Returns every status seen; anything else fails the test.
 */
export async function submitUntilAccepted(hub: TestHub, body: Record<string, unknown>, timeoutMs = 30_000): Promise<number[]> {
  const seen: number[] = [];
  await waitFor(async () => {
    const res = await call(hub, 'POST', '/api/v1/documents', body).catch(() => undefined);
    if (!res) return false;
    seen.push(res.status);
    if (res.status === 503) {
      expect(res.json.code).to.equal('STORE_UNAVAILABLE');
      await new Promise((r) => setTimeout(r, 100));
      return false;
    }
    expect(res.status, JSON.stringify(res.json)).to.be.oneOf([200, 201]);
    return true;
  }, `${String(body.externalId)} accepted`, timeoutMs);
  return seen;
}

export interface Outcome {
  /** Events the tap got more than once (same eventId, at least once). */
  repeatedEvents: number;
}

/**
 * Waits until every letter is registered, the outbox is empty and the tap got every one of their
 * events, then proves nothing was lost, duplicated or stranded: each letter registered exactly
 * once, each registration with exactly one `document.registered` event, every event on the broker
 * at least once, a repeat carrying the same eventId (its message_id too) so it can be dropped,
 * nothing left unpublished, nothing on dilovod.inbound (ready or unacknowledged), one consumer
 * (the hub's, resumed), nothing quarantined. `inbound: false` leaves dilovod.inbound to a later
 * call (rabbitmqctl takes a second or two; a message stranded now is still stranded then).
 */
export async function expectNothingLost(rig: FaultRig, externalIds: string[], { timeoutMs = 30_000, inbound = true } = {}): Promise<Outcome> {
  const { db, tap } = rig;
  type OutboxRow = { event_id: string; document_id: string; type: string };
  const ours = async () => db.query<OutboxRow>(
    'SELECT o.event_id, o.document_id, o.type FROM outbox o JOIN documents d ON d.id = o.document_id WHERE d.external_id = ANY($1)', [externalIds],
  );
  await waitFor(async () => {
    const [row] = await db.query<{ registered: number; pending: number }>(
      `SELECT (SELECT count(DISTINCT external_id)::int FROM documents WHERE external_id = ANY($1)) AS registered,
              (SELECT count(*)::int FROM outbox WHERE published_at IS NULL) AS pending`,
      [externalIds],
    );
    if (row!.registered < externalIds.length || row!.pending > 0) return false;
    const tapped = new Set(tap.events.map((e) => e.eventId as string));
    return (await ours()).every((o) => tapped.has(o.event_id));
  }, 'every letter registered and every event published', timeoutMs);

  const registered = await db.query<{ external_id: string; n: number }>(
    'SELECT external_id, count(*)::int AS n FROM documents WHERE external_id = ANY($1) GROUP BY external_id', [externalIds],
  );
  expect(registered.filter((r) => r.n !== 1), 'registered more than once').to.deep.equal([]);
  expect(registered).to.have.length(externalIds.length);

  const outbox = await ours();
  const registeredEvents = outbox.filter((o) => o.type === 'document.registered');
  expect(registeredEvents, 'one document.registered per registration').to.have.length(externalIds.length);
  expect(new Set(registeredEvents.map((o) => o.document_id)).size).to.equal(externalIds.length);

  const eventIds = new Set(outbox.map((o) => o.event_id));
  const documents = new Set(outbox.map((o) => o.document_id));
  const delivered = tap.messages.filter((m) => documents.has(JSON.parse(m.content.toString('utf8')).documentId));
  const bodies = delivered.map((m) => JSON.parse(m.content.toString('utf8')) as { eventId: string });
  expect(bodies.filter((b) => !eventIds.has(b.eventId)), 'events that are not in the outbox').to.deep.equal([]);
  delivered.forEach((m, i) => expect(m.properties.messageId, 'message_id is the eventId').to.equal(bodies[i]!.eventId));
  const distinct = new Set(bodies.map((b) => b.eventId));
  expect(distinct.size, 'every event published').to.equal(eventIds.size);

  if (inbound) {
    const { messages, consumers } = await queueState(rig.vhost.name, 'dilovod.inbound');
    expect(messages, 'messages left on dilovod.inbound, ready or unacknowledged').to.equal(0);
    expect(consumers, "the hub's consumer, once").to.equal(1);
  }
  expect(await db.query('SELECT code, details FROM quarantine'), 'nothing quarantined for an outage').to.deep.equal([]);
  return { repeatedEvents: bodies.length - distinct.size };
}
