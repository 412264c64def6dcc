import { expect } from 'chai';
import { rmSync } from 'node:fs';
import { violations } from '../../src/schemas';
import { pki } from '../signatures/support/fixture';
import { DIIA, DIIA_AT, readRef, ref } from '../signatures/support/reference';
import { runCli } from '../support/cli';
import { startTestHub , type TestHub } from '../support/hub';
import { DOCUMENT_PDF, detached, post, writeTrustFiles } from './support';

const VERIFY = '/api/v1/signatures/verify';
const b64 = (b: Buffer): string => b.toString('base64');

/** POST /api/v1/signatures/verify on a hub (embedded database) trusting the test PKI's root from TRUST_FILES. */
describe('HTTP: POST /api/v1/signatures/verify', function () {
  this.timeout(60_000);
  let hub: TestHub;
  let trustDir: string;
  // a real Diia DSTU 4145 detached signature (test/fixtures/reference/signatures/uapki), long expired
  const diiaSignature = b64(readRef('uapki/cades-bes-detached.p7s'));
  const diiaContent = b64(readRef('uapki/cades-bes-detached.content.txt'));
  const diiaTrust = { certificates: [b64(readRef(DIIA.ca)), b64(readRef(DIIA.root))] };

  before(async () => {
    const trust = writeTrustFiles();
    trustDir = trust.dir;
    hub = await startTestHub({ trustFiles: [trust.root], crlFiles: trust.crls }, { clock: { now: () => pki().now } });
  });
  after(async () => {
    await hub?.close();
    rmSync(trustDir, { recursive: true, force: true });
  });

  it('a real Diia DSTU 4145 signature, `at` a time inside its validity, with the Diia CA added for this call: TOTAL-PASSED, qualified', async () => {
    const res = await post(hub, VERIFY, { signature: diiaSignature, content: diiaContent, at: DIIA_AT.toISOString(), trust: diiaTrust });
    expect(res.status).to.equal(200);
    expect(res.json).to.include({ indication: 'TOTAL-PASSED', subIndication: null, validationTime: DIIA_AT.toISOString(), detached: true, encoding: 'DER' });
    const [s] = res.json.signatures;
    expect(s).to.include({ indication: 'TOTAL-PASSED', qualified: true, format: 'CAdES-BES', signatureAlgorithm: 'DSTU 4145-2002 (little-endian)' });
    expect(s.signer.edrpou).to.equal('43395033');
    expect(s.qualification).to.include({ level: 'AdES-QC' });
    expect(violations('signature-verify-response.schema.json', res.json)).to.deep.equal([]);
  });

  it('answers the same report as `dilovod verify --json`', async () => {
    const at = DIIA_AT.toISOString();
    const http = await post(hub, VERIFY, { signature: diiaSignature, content: diiaContent, at, trust: diiaTrust });
    const cli = await runCli(['verify', ref('uapki/cades-bes-detached.p7s'), '--content', ref('uapki/cades-bes-detached.content.txt'), '--trust', ref(DIIA.ca), '--trust', ref(DIIA.root), '--at', at, '--json']);
    expect(cli.code, cli.stderr).to.equal(0);
    expect(http.json).to.deep.equal(JSON.parse(cli.stdout));
  });

  it('the addition is for that call only: without it the hub does not know the Diia CA (NO_CERTIFICATE_CHAIN_FOUND)', async () => {
    const res = await post(hub, VERIFY, { signature: diiaSignature, content: diiaContent, at: DIIA_AT.toISOString() });
    expect(res.status).to.equal(200);
    expect(res.json).to.include({ indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND' });
    expect(res.json.signatures[0].qualified).to.equal(false);
  });

  it('without `at` the hub clock is used: the expired Diia certificate is OUT_OF_BOUNDS_NO_POE', async () => {
    const res = await post(hub, VERIFY, { signature: diiaSignature, content: diiaContent, trust: diiaTrust });
    expect(res.json).to.include({ indication: 'INDETERMINATE', subIndication: 'OUT_OF_BOUNDS_NO_POE', validationTime: pki().now.toISOString() });
  });

  it('a signature chaining to the hub trust store (TRUST_FILES) passes; with other content it is HASH_FAILURE', async () => {
    const sig = detached(DOCUMENT_PDF, pki().signerEc);
    const ok = await post(hub, VERIFY, { signature: sig, content: b64(DOCUMENT_PDF) });
    expect(ok.json).to.include({ indication: 'TOTAL-PASSED' });
    expect(ok.json.signatures[0].signer).to.include({ edrpou: '04055555', drfo: '1234567890' });
    const bad = await post(hub, VERIFY, { signature: sig, content: b64(Buffer.from('інший вміст')) });
    expect(bad.status).to.equal(200);
    expect(bad.json).to.include({ indication: 'TOTAL-FAILED', subIndication: 'HASH_FAILURE' });
  });

  it('garbage CMS is a verdict, not a transport error: 200 TOTAL-FAILED / FORMAT_FAILURE', async () => {
    const res = await post(hub, VERIFY, { signature: b64(Buffer.from('це не підпис')) });
    expect(res.status).to.equal(200);
    expect(res.json).to.include({ indication: 'TOTAL-FAILED', subIndication: 'FORMAT_FAILURE' });
    expect(res.json.signatures).to.deep.equal([]);
    expect(res.json.checks[0]).to.include({ id: 'structure', status: 'failed' });
    expect(violations('signature-verify-response.schema.json', res.json)).to.deep.equal([]);
  });

  it('a body that cannot be read is 400 with a structured error in both languages', async () => {
    const cases: Array<[unknown, string]> = [
      ['{"signature": ', 'INVALID_JSON'],
      ['[1, 2]', 'VALIDATION_FAILED'],
      ['"MIIB"', 'VALIDATION_FAILED'],
      [{}, 'VALIDATION_FAILED'],
      [{ signature: diiaSignature, extra: true }, 'VALIDATION_FAILED'],
      [{ signature: diiaSignature, at: 'yesterday' }, 'VALIDATION_FAILED'],
      [{ signature: 'не base64!' }, 'INVALID_BASE64'],
      [{ signature: diiaSignature, content: '@@' }, 'INVALID_BASE64'],
      [{ signature: diiaSignature, trust: { certificates: [b64(Buffer.from('not a certificate'))] } }, 'SIGNATURE_TRUST_INVALID'],
    ];
    for (const [body, code] of cases) {
      const res = await post(hub, VERIFY, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).to.equal(400);
      expect(res.json.code).to.equal(code);
      expect(res.json.message).to.be.a('string').and.not.empty;
      expect(res.json.messageUk).to.be.a('string').and.not.empty;
      expect(violations('error.schema.json', res.json)).to.deep.equal([]);
    }
  });
});
