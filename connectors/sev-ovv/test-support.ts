import type { ConsumeMessage } from 'amqplib';
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseStringPromise } from 'xml2js';
import { HubError } from '../../src/errors';
import type { SevOvvConfig } from './config';

/** The ДЦІР test messages ДС1–ДС16, kept in the repository (test/fixtures/reference/sev-ovv/SOURCES.md). */
export const REAL_SAMPLES = resolve(__dirname, '../../test/fixtures/reference/sev-ovv/samples');
/** Our own small samples written after the XSD. */
export const OWN_SAMPLES = join(__dirname, 'samples');

export function realSample(file: string): Buffer {
  return readFileSync(join(REAL_SAMPLES, file));
}

export function ownSample(file: string): Buffer {
  return readFileSync(join(OWN_SAMPLES, file));
}

/** Our organisation in the own samples. */
export const OUR_ORG_ID = '40000001';
export const OUR_SYS_ID = '7d0c5a4e-1f2b-4c3d-9e8f-0a1b2c3d4e5f';

export function testConfig(over: Partial<SevOvvConfig> = {}): SevOvvConfig {
  return {
    orgId: OUR_ORG_ID,
    orgName: 'Міська рада (тестова)',
    sysId: OUR_SYS_ID,
    systemName: 'dilovod',
    allowedSenders: '*',
    higherAuthorities: [],
    kindByPurposeType: { '3': 'higher-authority-document', '5': 'higher-authority-document' },
    kindByDocumentKind: {},
    replyKind: 'official-letter',
    defaultKind: 'official-letter',
    maxAttachmentBytes: 25 * 1024 * 1024,
    receiptWaitWorkingDays: 1,
    ...over,
  };
}

/** SEV_OVV_* variables equal to testConfig(), for code that reads the environment. */
export const TEST_ENV: Record<string, string> = {
  SEV_OVV_ORG_ID: OUR_ORG_ID,
  SEV_OVV_ORG_NAME: 'Міська рада (тестова)',
  SEV_OVV_SYS_ID: OUR_SYS_ID,
  SEV_OVV_ALLOWED_SENDERS: '*',
};

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The content of the DocTransfer with this idnumber, cut out of the raw text with a regular
 * expression: independent of the connector's XML reading, to check its result.
 */
export function rawDocTransfer(xml: Buffer, idnumber: string): Buffer {
  const text = xml.toString('utf8');
  const m = new RegExp(`<DocTransfer[^>]*\\bidnumber="${idnumber}"[^>]*>([^<]*)</DocTransfer>`).exec(text);
  if (!m?.[1]) throw new Error(`no DocTransfer ${idnumber}`);
  return Buffer.from(m[1].replace(/\s+/g, ''), 'base64');
}

/** Awaits a promise that must reject with a HubError of this code; returns it for more checks. */
export async function expectHubError(promise: Promise<unknown>, code: string): Promise<HubError> {
  try {
    await promise;
  } catch (err) {
    expect(err, String(err)).to.be.instanceOf(HubError);
    expect((err as HubError).code, JSON.stringify((err as HubError).details)).to.equal(code);
    return err as HubError;
  }
  throw new Error(`expected HubError ${code}, but it resolved`);
}

/** The own do-vykonannia sample with a textual change, to build broken variants. */
export function editedSample(file: string, edit: (xml: string) => string): Buffer {
  const before = ownSample(file).toString('utf8');
  const after = edit(before);
  if (after === before) throw new Error('the edit changed nothing');
  return Buffer.from(after, 'utf8');
}

/** When a test's message reached the hub (receivedAt is the arrival, Header@time stays in meta.msgTime). */
export const ARRIVED = new Date('2026-03-06T09:12:34.000Z');

/** A receipt the hub sent, as a test reads it off dilovod.outbound. */
export interface Ack { msgType: string; msgId: string; time: string; toOrgId: string; toSysId: string; fromOrgId: string; acknowledges: string; ackType: string; errortext: string; routingKey: string; xml: Buffer }

export async function readAck(m: ConsumeMessage): Promise<Ack> {
  const x = await parseStringPromise(m.content.toString('utf8'));
  const h = x.Header.$;
  const ack = x.Header.Acknowledgement[0];
  return {
    msgType: h.msg_type, msgId: h.msg_id, time: h.time, toOrgId: h.to_org_id, toSysId: h.to_sys_id, fromOrgId: h.from_org_id,
    acknowledges: ack.$.msg_id, ackType: ack.$.ack_type, errortext: ack.AckResult?.[0]?.$.errortext ?? '', routingKey: m.fields.routingKey, xml: m.content,
  };
}
