import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Config } from '../../src/config';
import { fixedClock, type Clock } from '../../src/domain/clock';
import { startHub, type Hub, type HubOptions } from '../../src/hub';
import { DEFAULT_WORKER_SETTINGS, warmWorkers } from '../../src/workers';
import { people } from './identity';

/**
 * Tests that are not about signatures get a policy that verifies and flags but never quarantines
 * (they post unsigned higher-authority documents and prosecutorial acts); the shipped policy,
 * reference-data/signature-policy.json, is exercised in test/signatures-pipeline.
 */
export const FLAG_ONLY_SIGNATURE_POLICY = join(__dirname, '..', 'signatures-pipeline', 'fixtures', 'flag-only-policy.json');

/** Config for a test hub: random port, silent logs unless captured, no sample unless asked, no trust anchors. */
export function testConfig(over: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    amqpPublishers: { guest: '*' },
    adminTokenFile: '',
    shutdownTimeoutMs: 5000,
    databaseWaitMs: 0,
    databaseConnectTimeoutMs: 5000,
    databaseQueryTimeoutMs: 30_000,
    // One thread, warmed at start: from source a second one would take seconds to load its modules
    // under the first burst of large inputs (the fuzz suite's 1 s per input); test/workers tests a pool.
    workers: { ...DEFAULT_WORKER_SETTINGS, threads: 1 },
    webhooks: { intervalMs: 50, timeoutMs: 2000, concurrency: 8, secretGraceHours: 24, retryBaseMs: 30_000 },
    webhookSubscriptions: [],
    dataDir: '',
    logLevel: 'info',
    sampleNomenclature: true,
    amqpPrefetch: 8,
    amqpQueueType: 'classic',
    relayIntervalMs: 50,
    schedulerIntervalMs: 3_600_000,
    calendar: 'law-in-force',
    termRoll: 'next',
    trustFiles: [],
    trustDirs: [],
    crlFiles: [],
    crlDirs: [],
    signaturePolicyFile: FLAG_ONLY_SIGNATURE_POLICY,
    signatureRevocation: 'if-available',
    deliverConnectors: [],
    ...over,
  };
}

/** Collects the hub's JSON log lines in memory, to assert on them (e.g. no personal data). */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
  text(): string {
    return this.lines.join('\n');
  }
}

export const TEST_NOW = '2026-03-10T09:00:00Z';

export type TestHub = Hub & {
  logs: LogCapture;
  /** Authorization of the test operator (OPERATOR_ROLES, staff id test-operator). */
  auth: Record<string, string>;
  /** Authorization of a named person with the operator's roles (in the staff directory). */
  as(staffId: string): Promise<Record<string, string>>;
};

export async function startTestHub(over: Partial<Config> = {}, opts: HubOptions & { clock?: Clock } = {}): Promise<TestHub> {
  const logs = new LogCapture();
  const hub = await startHub(testConfig(over), { clock: fixedClock(TEST_NOW), logDestination: logs, adminToken: false, ...opts });
  // From source a worker thread takes seconds to load its modules: tests that time an input (the
  // fuzz suite's 1 s) start once it is warm. (The hub warms it in the background; this waits.)
  await warmWorkers();
  const as = people(hub.db);
  return Object.assign(hub, { logs, as, auth: await as('test-operator') });
}

let counter = 0;
/** A valid canonical submission with a unique externalId; fields overridable. */
export function submission(over: Record<string, unknown> = {}): Record<string, unknown> {
  counter++;
  return {
    externalId: `ext-${process.pid}-${Date.now()}-${counter}`,
    source: 'edms',
    kind: 'official-letter',
    correspondent: { name: 'ТОВ «Будсервіс-Поділля»', edrpou: '41234567' },
    outgoing: { number: `12/3-${counter}`, date: '2026-03-05' },
    summary: 'Щодо стану охорони праці на комунальних підприємствах',
    receivedAt: '2026-03-09T08:15:00Z',
    ...over,
  };
}
