/**
 * Prometheus metrics (prom-client): what an operator watches and alerts on. One registry per hub
 * (tests run several hubs in one process). Counters and histograms are fed where things happen;
 * the backlogs and open cards are read from the database when Prometheus scrapes, so they are
 * true for the whole cluster, not this process. Labels carry codes and names, never personal data.
 */
import client from 'prom-client';
import type { Db } from '../store';

export interface HubMetrics {
  registry: client.Registry;
  inputs: client.Counter<'channel' | 'source' | 'outcome' | 'code'>;
  registrationSeconds: client.Histogram<'channel'>;
  signatureVerdicts: client.Counter<'indication' | 'qualified'>;
  signatureSeconds: client.Histogram<'algorithm'>;
  httpRequests: client.Counter<'method' | 'route' | 'status'>;
  httpSeconds: client.Histogram<'method' | 'route'>;
  schedulerRuns: client.Counter<'scheduler' | 'result'>;
}

/** Gauges read at scrape time; each query is cheap (indexed counts). */
interface ScrapeSources {
  db: Db;
  /** Messages waiting in the inbound queue and each delivering connector's queue (absent without a broker). */
  queueDepths?: () => Promise<Record<string, number>>;
}

export function createMetrics(sources: ScrapeSources): HubMetrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'dilovod_' });
  const m: HubMetrics = {
    registry,
    inputs: new client.Counter({
      name: 'dilovod_inputs_total', help: 'Inputs by channel, source and outcome (registered, applied: a connector\'s own message such as a СЕВ ОВВ receipt, repeat, quarantined with its code)',
      labelNames: ['channel', 'source', 'outcome', 'code'], registers: [registry],
    }),
    registrationSeconds: new client.Histogram({
      name: 'dilovod_registration_seconds', help: 'From the bytes to the committed registration (decode, validate, verify, register)',
      labelNames: ['channel'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry],
    }),
    signatureVerdicts: new client.Counter({
      name: 'dilovod_signature_verdicts_total', help: 'Signature verdicts (ETSI indication) and whether qualified',
      labelNames: ['indication', 'qualified'], registers: [registry],
    }),
    signatureSeconds: new client.Histogram({
      name: 'dilovod_signature_verification_seconds', help: 'One signature container verified, by signature algorithm',
      labelNames: ['algorithm'], buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers: [registry],
    }),
    httpRequests: new client.Counter({
      name: 'dilovod_http_requests_total', help: 'HTTP requests by route (the pattern, not the path) and status',
      labelNames: ['method', 'route', 'status'], registers: [registry],
    }),
    httpSeconds: new client.Histogram({
      name: 'dilovod_http_request_seconds', help: 'HTTP request duration by route', labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers: [registry],
    }),
    schedulerRuns: new client.Counter({
      name: 'dilovod_scheduler_runs_total', help: 'Passes of the periodic work (control notices, petitions, webhooks)',
      labelNames: ['scheduler', 'result'], registers: [registry],
    }),
  };
  const { db } = sources;
  new client.Gauge({
    name: 'dilovod_outbox_backlog', help: 'Events written and not yet published to the broker', registers: [registry],
    async collect() {
      this.set((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL'))[0]?.n ?? 0);
    },
  });
  new client.Gauge({
    name: 'dilovod_outbox_lag_seconds', help: 'Age of the oldest event not yet published (0 when none)', registers: [registry],
    async collect() {
      const [r] = await db.query<{ s: number | null }>('SELECT extract(epoch FROM now() - min(occurred_at))::float8 AS s FROM outbox WHERE published_at IS NULL');
      this.set(Math.max(0, r?.s ?? 0));
    },
  });
  new client.Gauge({
    name: 'dilovod_webhook_deliveries', help: 'Webhook deliveries to the EDMS by status (pending, failed = parked)', labelNames: ['status'], registers: [registry],
    async collect() {
      this.reset();
      for (const r of await db.query<{ status: string; n: number }>("SELECT status, count(*)::int AS n FROM webhook_deliveries WHERE status <> 'delivered' GROUP BY status")) this.set({ status: r.status }, r.n);
    },
  });
  new client.Gauge({
    name: 'dilovod_control_cards', help: 'Control cards under control, and of them overdue (term passed)', labelNames: ['state'], registers: [registry],
    async collect() {
      const [r] = await db.query<{ open: number; overdue: number }>(
        `SELECT count(*)::int AS open, count(*) FILTER (WHERE term < (now() AT TIME ZONE 'Europe/Kyiv')::date)::int AS overdue
           FROM control_cards WHERE status = 'under-control'`);
      this.set({ state: 'open' }, r?.open ?? 0);
      this.set({ state: 'overdue' }, r?.overdue ?? 0);
    },
  });
  new client.Gauge({
    name: 'dilovod_quarantine_open', help: 'Inputs in quarantine waiting for an operator', registers: [registry],
    async collect() {
      this.set((await db.query<{ n: number }>("SELECT count(*)::int AS n FROM quarantine WHERE status = 'open'"))[0]?.n ?? 0);
    },
  });
  if (sources.queueDepths) {
    const depths = sources.queueDepths;
    new client.Gauge({
      name: 'dilovod_queue_depth', help: 'Messages waiting in a broker queue (inbound, each connector’s delivery queue)', labelNames: ['queue'], registers: [registry],
      async collect() {
        this.reset();
        for (const [queue, n] of Object.entries(await depths().catch(() => ({})))) this.set({ queue }, n);
      },
    });
  }
  return m;
}
