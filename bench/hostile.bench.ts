import amqp from 'amqplib';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { costOf, howNpmStartRuns, post, startBenchHub, tokenFor, type BenchHub } from './hub-process';
import type { Bench } from './main';
import { machine } from './support';
import { TEST_ENV as SEV_OVV_ENV } from '../connectors/sev-ovv/test-support';
import { signCms } from '../test/signatures/support/cms';
import { pki } from '../test/signatures/support/fixture';
import { submission } from '../test/support/hub';
import { createTestVhost } from '../test/support/amqp';
import { createTestDatabase } from '../test/support/pg';

/**
 * Issue 14, "one input never takes the hub down": what each hostile input the probe found costs
 * the hub process (`npm start`, embedded database) — the answer and its time, the hub's peak
 * resident memory, and the longest /healthz answer while the input is in hand — beside an
 * ordinary letter, in the same run. Each input gets a fresh hub, so its peak is its own.
 */

/** An input goes to `path` over HTTP, or with `routingKey` to dilovod.inbound over AMQP (then it ends in quarantine or the register). */
interface Input { label: string; path: string; role: string[]; contentType: string; body: () => Buffer; routingKey?: string }

function der(tag: number, body: Buffer): Buffer {
  const n = body.length;
  const len = n < 0x80 ? Buffer.from([n]) : Buffer.from([0x84, (n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), len, body]);
}

/** 20 MB of CMS: a SignedData whose SET holds ten million two-byte NULLs (the probe's input). */
function cmsBomb(): Buffer {
  const tiny = Buffer.alloc(20_000_000);
  for (let i = 0; i < tiny.length; i += 2) tiny[i] = 0x05;
  const signedDataOid = Buffer.from([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02]);
  return der(0x30, Buffer.concat([signedDataOid, der(0xa0, der(0x30, Buffer.concat([Buffer.from([0x02, 0x01, 0x01]), der(0x31, tiny)])))]));
}

/** A СЕВ ОВВ message of 48 MB: 900,000 elements under its Header. */
function xmlBomb(): Buffer {
  const el = '<Reference idnumber="x" regnumber="1"/>'.padEnd(53, ' ');
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Header standart="1207" version="1.5" time="2026-03-05T10:00:00" msg_type="1" msg_id="x" from_org_id="x" from_sys_id="x" to_org_id="x" to_sys_id="x">${el.repeat(900_000)}</Header>`);
}

const json = (o: unknown) => Buffer.from(JSON.stringify(o));

const INPUTS: Input[] = [
  { label: 'an ordinary letter (baseline)', path: '/api/v1/documents', role: ['integrator'], contentType: 'application/json', body: () => json(submission({ receivedAt: new Date().toISOString() })) },
  {
    label: 'a real 4 MB signed CMS (ECDSA, content attached)', path: '/api/v1/signatures/verify', role: ['registrar'], contentType: 'application/json',
    body: () => {
      const p = pki();
      return json({ signature: signCms({ content: Buffer.alloc(4 * 2 ** 20, 0x41), detached: false, signer: p.signerEc, certificates: [p.signerEc, p.qca] }).toString('base64') });
    },
  },
  { label: '20 MB CMS of ten million elements', path: '/api/v1/signatures/verify', role: ['registrar'], contentType: 'application/json', body: () => json({ signature: cmsBomb().toString('base64') }) },
  { label: '48 MB СЕВ ОВВ XML of 900,000 elements', path: '/api/v1/documents?format=sev-ovv.xml', role: ['integrator'], contentType: 'application/xml', body: xmlBomb },
  { label: '48 MB СЕВ ОВВ XML of 900,000 elements, over AMQP', path: '', routingKey: 'sev-ovv.xml', role: ['integrator'], contentType: 'application/xml', body: xmlBomb },
  { label: 'JSON nested 100,000 deep', path: '/api/v1/documents', role: ['integrator'], contentType: 'application/json', body: () => Buffer.from(`{"meta":${'['.repeat(100_000)}${']'.repeat(100_000)}}`) },
];

/** Publishes to dilovod.inbound and waits until the hub has registered it or put it in quarantine ('amqp CODE'). */
async function publishAndWait(hub: BenchHub, amqpUrl: string, routingKey: string, body: Buffer): Promise<{ status: number; code?: string }> {
  const reader = { authorization: `Bearer ${await tokenFor(hub, ['registrar'])}` };
  const conn = await amqp.connect(amqpUrl);
  try {
    const ch = await conn.createConfirmChannel();
    ch.publish('dilovod.inbound', routingKey, body, { persistent: true, userId: 'guest', messageId: 'hostile-1' });
    await ch.waitForConfirms();
    for (;;) {
      const quarantined = (await (await fetch(`${hub.url}/api/v1/quarantine`, { headers: reader })).json()) as { items: Array<{ code: string }> };
      if (quarantined.items[0]) return { status: 0, code: `amqp ${quarantined.items[0].code}` };
      const registered = (await (await fetch(`${hub.url}/api/v1/documents?source=sev-ovv`, { headers: reader })).json()) as { items: unknown[] };
      if (registered.items.length) return { status: 0, code: 'amqp registered' };
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await conn.close();
  }
}

export const bench: Bench = {
  name: 'hostile',
  async run() {
    console.log(`machine: ${machine()}; the hub as npm start runs it, a fresh hub (and database) per input`);
    console.log(['database', 'input', 'MB', 'answer', 'ms', 'peak MiB (after start)', 'longest /healthz ms (idle)'].join(' | '));
    // BENCH_INPUT=СЕВ (a part of a label) runs only the inputs it names; BENCH_DATABASE=embedded|postgres one database.
    const only = process.env.BENCH_INPUT;
    const databases = (['embedded', 'postgres'] as const).filter((d) => !process.env.BENCH_DATABASE || process.env.BENCH_DATABASE === d);
    for (const database of databases) for (const input of INPUTS.filter((i) => !only || i.label.includes(only))) {
      const body = input.body();
      const dataDir = mkdtempSync(join(tmpdir(), 'dilovod-hostile-'));
      // PostgreSQL: the embedded engine runs in the hub's own thread, so its share of a large write shows only there
      const pg = database === 'postgres' ? await createTestDatabase('hostile') : undefined;
      const vhost = input.routingKey ? await createTestVhost('hostile') : undefined;
      const hub = await startBenchHub(dataDir, {
        ...SEV_OVV_ENV, ...(pg ? { DATABASE_URL: pg.url, SAMPLE_NOMENCLATURE: 'true' } : {}),
        ...(vhost ? { AMQP_URL: vhost.url, AMQP_PUBLISHERS: '{"guest":"*"}' } : {}),
      }, howNpmStartRuns());
      try {
        const token = await tokenFor(hub, input.role, input.role.includes('integrator') ? ['edms', 'sev-ovv'] : undefined);
        const { answer, ms, before, peak, longest, idle } = await costOf(hub, () => (input.routingKey
          ? publishAndWait(hub, vhost!.url, input.routingKey, body)
          : post(`${hub.url}${input.path}`, { authorization: `Bearer ${token}`, 'content-type': input.contentType }, body)));
        console.log([
          database, input.label, (body.length / 2 ** 20).toFixed(1), answer.status ? `${answer.status}${answer.code ? ` ${answer.code}` : ''}` : answer.code ?? '?', ms.toFixed(0),
          `${peak.toFixed(0)} (${before.toFixed(0)})`, `${longest.toFixed(0)} (${idle.toFixed(0)})`,
        ].join(' | '));
      } finally {
        await hub.stop();
        await pg?.drop();
        await vhost?.delete();
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
  },
};
