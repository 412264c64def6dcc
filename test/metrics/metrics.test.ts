/**
 * Prometheus metrics (issue 12, "Watch it"): inputs by channel, source and outcome, latencies,
 * signature verdicts, HTTP by route and status, backlogs and open cards read at scrape time, the
 * broker's queue depth, the process's own; for a monitoring token only, with no personal data.
 */
import { expect } from 'chai';
import { createTestVhost, type TestVhost } from '../support/amqp';
import { call } from '../support/http';
import { startTestHub, submission, type TestHub } from '../support/hub';
import { bearer, ensureStaff, personToken, systemToken } from '../support/identity';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { waitFor } from '../support/wait';

describe('GET /metrics (prom-client; real PostgreSQL and RabbitMQ)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let vhost: TestVhost;
  let hub: TestHub;

  before(async () => {
    [testDb, vhost] = await Promise.all([createTestDatabase('metrics'), createTestVhost('metrics')]);
    hub = await startTestHub({ databaseUrl: testDb.url, amqpUrl: vhost.url }, { scheduler: false });
    await ensureStaff(hub.db, ['mayor', 'housing-dept']);
  });
  after(async () => {
    await hub?.close();
    await Promise.all([testDb?.drop(), vhost?.delete()]);
  });

  /** One sample's value, by name and exact labels as the text format prints them. */
  function sample(text: string, name: string, labels = ''): number | undefined {
    const line = text.split('\n').find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
    return line === undefined ? undefined : Number(line.split(' ').pop());
  }

  it('counts what came in and how it ended, what is waiting and what is open; scraped with a monitoring token only', async () => {
    const sent = submission({ correspondent: { name: 'Гнатюк Оксана Петрівна' } });
    expect((await call(hub, 'POST', '/api/v1/documents', sent)).status).to.equal(201);
    expect((await call(hub, 'POST', '/api/v1/documents', sent)).status).to.equal(200);
    expect((await call(hub, 'POST', '/api/v1/documents', { not: 'a document' })).status).to.equal(400);
    const doc = (await call(hub, 'POST', '/api/v1/documents', submission())).json;
    const card = await call(hub, 'POST', `/api/v1/documents/${doc.id}/resolutions`, { actor: 'mayor', executors: ['housing-dept'], task: 'Т', term: '2026-03-20' });
    expect(card.status, JSON.stringify(card.json)).to.equal(201);

    const monitoring = bearer(await systemToken(hub.db, ['monitoring'], { name: 'Prometheus' }));
    await waitFor(() => hub.bus!.isConnected(), 'the broker connected');
    expect((await fetch(`${hub.url}/metrics`)).status).to.equal(401);
    expect((await fetch(`${hub.url}/metrics`, { headers: bearer(await personToken(hub.db, 'clerk.m', ['registrar'])) })).status).to.equal(403);
    const res = await fetch(`${hub.url}/metrics`, { headers: monitoring });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();

    expect(sample(text, 'dilovod_inputs_total', 'channel="http",source="edms",outcome="registered",code=""')).to.equal(2);
    expect(sample(text, 'dilovod_inputs_total', 'channel="http",source="edms",outcome="repeat",code=""')).to.equal(1);
    expect(sample(text, 'dilovod_inputs_total', 'channel="http",source="unknown",outcome="quarantined",code="VALIDATION_FAILED"')).to.equal(1);
    expect(sample(text, 'dilovod_registration_seconds_count', 'channel="http"')).to.equal(2);
    expect(sample(text, 'dilovod_http_requests_total', 'method="POST",route="/api/v1/documents/",status="201"')).to.equal(2);
    expect(sample(text, 'dilovod_control_cards', 'state="open"')).to.equal(1);
    // Overdue by the database's clock: the term (20.03.2026) has passed in real time.
    expect(sample(text, 'dilovod_control_cards', 'state="overdue"')).to.equal(1);
    expect(sample(text, 'dilovod_quarantine_open')).to.equal(1);
    expect(sample(text, 'dilovod_outbox_backlog')).to.be.a('number');
    expect(sample(text, 'dilovod_queue_depth', 'queue="dilovod.inbound"')).to.equal(0);
    expect(sample(text, 'dilovod_process_cpu_user_seconds_total')).to.be.greaterThan(0);
    // Routes by pattern, never by path; no one's name anywhere.
    expect(text).not.to.contain(doc.id);
    expect(text).not.to.contain('Гнатюк');
  });
});
