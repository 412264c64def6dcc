import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { HubError } from '../../src/errors';
import { attachmentContent, decodeAttachments } from '../../src/pipeline/attachments';
import { decode } from '../../src/pipeline/decoders';
import type { Envelope } from '../../src/pipeline/envelope';
import { createTrustStore } from '../../src/signatures';
import { closeWorkers, configureWorkers, decodeInput, DEFAULT_WORKER_SETTINGS, verifyRequest, verifySignature, verifySignatureBatch } from '../../src/workers';
import { DIIA, DIIA_AT, readRef } from '../signatures/support/reference';

/**
 * Issue 14, "one input never takes the hub down": work in proportion to an input runs on a worker
 * thread with a time and memory budget (src/workers). What crosses the thread must come back the
 * same — a real DSTU 4145 report with the hub's trust store handed over, a HubError with its code —
 * and an input past its budget is refused with INPUT_TOO_COSTLY while the pool goes on serving.
 */
describe('worker threads: large inputs verified and decoded off the event loop (issue 14)', function () {
  this.timeout(120_000);
  // a real Diia DSTU 4145 detached signature over a text, long expired: judged as of DIIA_AT
  const input = { signature: readRef('uapki/cades-bes-detached.p7s'), content: readRef('uapki/cades-bes-detached.content.txt') };
  const trust = createTrustStore({ certificates: [readRef(DIIA.ca), readRef(DIIA.root)] });
  const terms = { nowMs: DIIA_AT.getTime(), revocation: 'ifAvailable' as const };
  const envelope = (payload: Buffer, format = 'json'): Envelope => ({ channel: 'http', payload, format, receivedAt: new Date(0), traceId: 'workers-test' });
  const inline = { inlineBytes: 2 ** 30 };
  const offThread = { inlineBytes: 0 };

  afterEach(() => configureWorkers(DEFAULT_WORKER_SETTINGS));
  after(() => closeWorkers());

  it('a DSTU 4145 signature verified on a worker thread: the same report as inline, with the trust store handed over', async () => {
    configureWorkers(inline);
    const here = await verifySignature(input, trust, terms);
    configureWorkers(offThread);
    const there = await verifySignature(input, trust, terms);
    expect(here).to.include({ indication: 'TOTAL-PASSED' });
    expect(here.signatures[0]).to.include({ qualified: true, signatureAlgorithm: 'DSTU 4145-2002 (little-endian)' });
    expect(there).to.deep.equal(here);
  });

  it('a batch of containers spread over the threads: each report the same as inline, in the order given (issue 16)', async () => {
    const generated = createTrustStore({ certificates: [readRef('generated/root.pem')] });
    const content = readRef('generated/doc.txt');
    const kinds = [
      { signature: readRef('generated/doc.txt.rsa.p7s'), content },
      { signature: readRef('generated/doc.txt.ec.p7s'), content },
      { signature: readRef('generated/doc.txt.ec.p7s'), content: readRef('generated/tampered.txt') },
      { signature: readRef('generated/doc.txt.rsa.p7s') },
      { signature: Buffer.from('не підпис') },
      { signature: readRef('generated/doc.txt.rsapss.p7s'), content }, // no intermediate embedded: no chain
    ];
    // more than two batches of 32 per thread: the lanes take turns, the order still the inputs'
    const inputs = Array.from({ length: 150 }, (_, i) => kinds[i % kinds.length]!);
    const genTerms = { nowMs: Date.parse('2026-11-23T12:00:00Z'), revocation: 'ifAvailable' as const };
    configureWorkers({ threads: 2 });
    const batch = await verifySignatureBatch(inputs, generated, genTerms);
    configureWorkers(inline);
    const expected = await Promise.all(kinds.map((k) => verifySignature(k, generated, genTerms)));
    expect(batch).to.have.length(inputs.length);
    batch.forEach((report, i) => expect(report).to.deep.equal(expected[i % kinds.length]));
    expect(expected.map((r) => r.indication)).to.deep.equal(['TOTAL-PASSED', 'TOTAL-PASSED', 'TOTAL-FAILED', 'INDETERMINATE', 'TOTAL-FAILED', 'INDETERMINATE']);
    expect(await verifySignatureBatch([], generated, genTerms)).to.deep.equal([]);
  });

  it('POST /signatures/verify bodies: the same report either way, and the request trust added on the worker too', async () => {
    const body = Buffer.from(JSON.stringify({
      signature: input.signature.toString('base64'), content: input.content.toString('base64'), at: DIIA_AT.toISOString(),
      trust: { certificates: [readRef(DIIA.ca).toString('base64'), readRef(DIIA.root).toString('base64')] },
    }));
    configureWorkers(inline);
    const here = await verifyRequest(body, createTrustStore({}), terms);
    configureWorkers(offThread);
    const there = await verifyRequest(body, createTrustStore({}), terms);
    expect(here.indication).to.equal('TOTAL-PASSED');
    expect(there).to.deep.equal(here);
  });

  it('a HubError raised on the worker thread arrives as the same HubError (code, status, details)', async () => {
    const payload = Buffer.from(`{"summary":"${'а'.repeat(50_000)}\\u0000"}`);
    const expected = await decode(envelope(payload)).then(() => null, (err: unknown) => err);
    expect(expected).to.be.instanceOf(HubError);
    configureWorkers(offThread);
    const err = await decodeInput(envelope(payload)).then(() => null, (e: unknown) => e);
    expect(err).to.be.instanceOf(HubError);
    expect((err as HubError).toBody()).to.deep.equal((expected as HubError).toBody());
    expect((err as HubError).status).to.equal(400);
  });

  it('the same decoded value from the worker as inline; a format nobody registered is refused alike', async () => {
    const payload = Buffer.from(JSON.stringify({ source: 'edms', externalId: 'w-1', kind: 'official-letter', summary: 'x'.repeat(100_000), meta: { list: [1, 'два', { три: null }] } }));
    const here = await decode(envelope(payload));
    configureWorkers(offThread);
    expect(await decodeInput(envelope(payload))).to.deep.equal(here);
    const unknown = await decodeInput(envelope(payload, 'no-such.format')).then(() => null, (e: unknown) => e);
    expect((unknown as HubError).code).to.equal('UNSUPPORTED_FORMAT');
  });

  it('a payload in shared memory (a large HTTP body, src/api/input-body.ts) is decoded by the worker in place, the same as inline', async () => {
    const bytes = Buffer.from(JSON.stringify({ source: 'edms', externalId: 'w-2', kind: 'official-letter', summary: 'с'.repeat(100_000) }));
    const shared = Buffer.from(new SharedArrayBuffer(bytes.length));
    bytes.copy(shared);
    configureWorkers(offThread);
    expect(await decodeInput(envelope(shared))).to.deep.equal(await decode(envelope(bytes)));
    // shared, not moved: the caller's bytes are still there (a moved ArrayBuffer would read as empty)
    expect(shared.equals(bytes)).to.equal(true);
  });

  it('a large attachment comes back decoded in shared memory with its SHA-256, its base64 text left behind; registration reads those bytes (issue 18)', async () => {
    const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 131) % 256));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const small = Buffer.from('малий додаток');
    const sub = { source: 'edms', externalId: 'w-att', attachments: [
      { name: 'big.bin', contentBase64: bytes.toString('base64'), sha256 },
      { name: 'small.txt', contentBase64: small.toString('base64'), sha256: createHash('sha256').update(small).digest('hex') },
    ] };
    configureWorkers(offThread);
    const value = (await decodeInput(envelope(Buffer.from(JSON.stringify(sub))))) as typeof sub;
    expect(value.attachments[0]!.contentBase64).to.equal('');
    expect(value.attachments[1]!.contentBase64).to.equal(small.toString('base64'));
    const content = attachmentContent(value.attachments[0]! as never, 0);
    expect(content.buffer instanceof SharedArrayBuffer).to.equal(true);
    expect(content.equals(bytes)).to.equal(true);
    expect(decodeAttachments(value.attachments as never).map((a) => [a.name, a.sha256, a.content.length])).to.deep.equal([['big.bin', sha256, bytes.length], ['small.txt', sub.attachments[1]!.sha256, small.length]]);
    // a declared SHA-256 that does not match is still refused, from the worker's hash
    const lying = { ...sub, attachments: [{ ...sub.attachments[0]!, sha256: '0'.repeat(64) }] };
    const refused = (await decodeInput(envelope(Buffer.from(JSON.stringify(lying))))) as typeof sub;
    expect(() => decodeAttachments(refused.attachments as never)).to.throw(HubError).with.property('code', 'ATTACHMENT_HASH_MISMATCH');
  });

  it('the worker threads run below normal priority, the hub\'s own thread at normal (Linux: a thread\'s nice value is its own)', async () => {
    configureWorkers(offThread);
    await decodeInput(envelope(Buffer.from(JSON.stringify({ summary: 'п'.repeat(100_000) }))));
    const niceOf = (task: string) => Number(readFileSync(`/proc/self/task/${task}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
    const tasks = readdirSync('/proc/self/task');
    expect(niceOf(String(process.pid))).to.equal(0);
    expect(tasks.map(niceOf)).to.include(10);
  });

  it('past its time budget an input is INPUT_TOO_COSTLY (time), and the next input is served', async () => {
    configureWorkers({ ...offThread, taskTimeoutMs: 1 });
    const err = await verifySignature(input, trust, terms).then(() => null, (e: unknown) => e);
    expect(err).to.be.instanceOf(HubError);
    expect((err as HubError).code).to.equal('INPUT_TOO_COSTLY');
    expect((err as HubError).status).to.equal(422);
    expect((err as HubError).details).to.deep.equal({ budget: 'time', limitMs: 1 });
    configureWorkers({ ...offThread, taskTimeoutMs: 60_000 });
    expect((await verifySignature(input, trust, terms)).indication).to.equal('TOTAL-PASSED');
  });

  it('an input that cannot fit its memory budget is INPUT_TOO_COSTLY (memory) before any thread takes it', async () => {
    // 12 MB of JSON would be a 12 MB string on a 32 MB heap: one allocation V8 cannot stop a
    // thread for without ending the process, so it is refused up front (a quarter of the heap at most)
    const payload = Buffer.from(JSON.stringify({ summary: 'a'.repeat(12_000_000) }));
    configureWorkers({ ...offThread, memoryMb: 32, taskTimeoutMs: 100_000 });
    const err = await decodeInput(envelope(payload)).then(() => null, (e: unknown) => e);
    expect((err as HubError).code, String(err)).to.equal('INPUT_TOO_COSTLY');
    expect((err as HubError).details).to.deep.equal({ budget: 'memory', limitMb: 32, bytes: payload.length, maxBytes: 8 * 2 ** 20 });
    expect(await decodeInput(envelope(Buffer.from(JSON.stringify({ summary: 'a'.repeat(100_000) }))))).to.deep.equal({ summary: 'a'.repeat(100_000) });
  });

  it('an input whose decoding outgrows the thread\'s heap: INPUT_TOO_COSTLY (memory), the thread stopped, the process and the pool unharmed', async () => {
    // 6 MB of JSON, 600,000 small objects: ~60 MB of heap, grown one object at a time, over 32 MB
    const payload = Buffer.from(JSON.stringify({ meta: { list: Array.from({ length: 600_000 }, (_, i) => ({ n: i })) } }));
    configureWorkers({ ...offThread, memoryMb: 32, taskTimeoutMs: 100_000 });
    const err = await decodeInput(envelope(payload)).then(() => null, (e: unknown) => e);
    expect((err as HubError).code, String(err)).to.equal('INPUT_TOO_COSTLY');
    expect((err as HubError).details).to.deep.equal({ budget: 'memory', limitMb: 32 });
    expect(await decodeInput(envelope(Buffer.from(JSON.stringify({ summary: 'b'.repeat(100_000) }))))).to.deep.equal({ summary: 'b'.repeat(100_000) });
  });
});
