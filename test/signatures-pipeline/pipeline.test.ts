import { expect } from 'chai';
import { rmSync } from 'node:fs';
import { acceptInput } from '../../src/pipeline';
import { violations } from '../../src/schemas';
import { ownSample, TEST_ENV } from '../../connectors/sev-ovv/test-support';
import { signCms } from '../signatures/support/cms';
import { pki } from '../signatures/support/fixture';
import { ManualClock } from '../support/clock';
import { startTestHub, submission , type TestHub } from '../support/hub';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { DOCUMENT_PDF, attachment, detached, get, post, signedSubmission, writeTrustFiles } from './support';

const DAY = 24 * 3600_000;

/**
 * The shipped policy (reference-data/signature-policy.json) on a hub whose trust is the test PKI's
 * root, loaded from TRUST_FILES / CRL_FILES at start, and whose clock is the PKI's "now".
 */
describe('signatures in the pipeline: verified before registration, kept on the card (real PostgreSQL)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let hub: TestHub;
  let trustDir: string;
  let clock: ManualClock;

  before(async () => {
    const p = pki();
    const trust = writeTrustFiles();
    trustDir = trust.dir;
    clock = new ManualClock(p.now.toISOString());
    testDb = await createTestDatabase('sigpipe');
    hub = await startTestHub(
      { databaseUrl: testDb.url, trustFiles: [trust.root], crlFiles: trust.crls, signaturePolicyFile: undefined },
      { clock },
    );
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
    rmSync(trustDir, { recursive: true, force: true });
  });
  afterEach(() => clock.set(pki().now.toISOString()));

  it('a higher-authority document with a valid qualified detached signature over its attachment registers; the card shows the signer', async () => {
    const res = await post(hub, '/api/v1/documents', signedSubmission({ kind: 'higher-authority-document', externalId: 'ova-1' }, DOCUMENT_PDF, pki().signerEc));
    expect(res.status, JSON.stringify(res.json)).to.equal(201);
    expect(res.json.status).to.equal('registered');
    expect(res.json.registration).to.include({ journal: 'higher-authority' });
    expect(res.json.signatures).to.deep.equal([
      {
        attachment: 'наказ.pdf',
        indication: 'TOTAL-PASSED',
        subIndication: null,
        qualified: true,
        signer: {
          commonName: 'Шевченко Тарас Григорович',
          fullName: 'Шевченко Тарас Григорович',
          organization: 'Виконавчий комітет Тестової міської ради',
          title: 'Головний спеціаліст загального відділу',
          edrpou: '04055555',
          drfo: '1234567890',
        },
        signingTime: new Date(pki().now.getTime() - 60_000).toISOString(),
        bestSignatureTime: pki().now.toISOString(),
      },
    ]);
    expect(res.json).to.not.have.property('flags');
    expect(violations('document-card.schema.json', res.json)).to.deep.equal([]);
    const card = await get(hub, `/api/v1/documents/${res.json.id}`);
    expect(card.json).to.deep.equal(res.json);
    // the full report is kept with the document
    const [row] = await hub.db.query<{ report: any }>('SELECT report FROM document_signatures WHERE document_id = $1', [res.json.id]);
    expect(row?.report.signature.chain).to.have.length(3);
    expect(row?.report.container.validationTime).to.equal(pki().now.toISOString());
  });

  it('a repeat delivery keeps the first verdict: the same card, even after the certificate has expired', async () => {
    const body = signedSubmission({ kind: 'higher-authority-document', externalId: 'ova-repeat' }, DOCUMENT_PDF, pki().signerEc);
    const first = await post(hub, '/api/v1/documents', body);
    expect(first.status).to.equal(201);
    clock.set(new Date(pki().signerEc.notAfter.getTime() + DAY).toISOString());
    const again = await post(hub, '/api/v1/documents', body);
    expect(again.status).to.equal(200);
    expect(again.json.id).to.equal(first.json.id);
    expect(again.json.signatures[0].qualified).to.equal(true);
  });

  it('the same document with its attachment changed after signing (sha256 matching the new bytes) is quarantined SIGNATURE_POLICY_FAILED with the report', async () => {
    const changed = Buffer.from(DOCUMENT_PDF.toString('utf8').replace('2214', '2215'), 'utf8');
    const res = await post(hub, '/api/v1/documents', signedSubmission({ kind: 'higher-authority-document', externalId: 'ova-tampered' }, DOCUMENT_PDF, pki().signerEc, changed));
    expect(res.status).to.equal(422);
    expect(res.json).to.include({ code: 'SIGNATURE_POLICY_FAILED' });
    expect(res.json.messageUk).to.contain('кваліфікованим електронним підписом');
    const list = await get(hub, '/api/v1/quarantine?code=SIGNATURE_POLICY_FAILED');
    const item = list.json.items.find((i: any) => i.id === res.json.quarantineId);
    expect(item).to.include({ code: 'SIGNATURE_POLICY_FAILED', source: 'edms', externalId: 'ova-tampered' });
    expect(item.details).to.include({ rule: 'higher-authority-and-prosecutorial' });
    expect(item.details.basis).to.contain('2155-VIII');
    expect(item.details.problems).to.deep.equal(['SIGNATURE_INVALID']);
    const report = item.details.signatures[0];
    expect(report.attachment).to.equal('наказ.pdf');
    expect(report.report).to.include({ indication: 'TOTAL-FAILED', subIndication: 'HASH_FAILURE' });
    expect(report.report.signatures[0].signer.edrpou).to.equal('04055555');
    expect(violations('signature-verify-response.schema.json', report.report)).to.deep.equal([]);
    const docs = await hub.db.query("SELECT 1 FROM documents WHERE external_id = 'ova-tampered'");
    expect(docs).to.have.length(0);
  });

  it('a prosecutorial act with no signature is quarantined SIGNATURE_REQUIRED', async () => {
    const res = await post(hub, '/api/v1/documents', submission({ kind: 'prosecutorial-act', subtype: 'submission', externalId: 'act-unsigned' }));
    expect(res.status).to.equal(422);
    expect(res.json).to.include({ code: 'SIGNATURE_REQUIRED' });
    expect(res.json.message).to.contain('qualified e-signature');
    expect(res.json.details).to.deep.include({ rule: 'higher-authority-and-prosecutorial', problems: ['SIGNATURE_MISSING'], signatures: [] });
    const item = await get(hub, `/api/v1/quarantine/${res.json.quarantineId}`);
    expect(item.json.code).to.equal('SIGNATURE_REQUIRED');
  });

  it('a prosecutorial act signed by a revoked certificate is quarantined (REVOKED from CRL_FILES)', async () => {
    const res = await post(hub, '/api/v1/documents', signedSubmission({ kind: 'prosecutorial-act', externalId: 'act-revoked' }, DOCUMENT_PDF, pki().revoked));
    expect(res.status).to.equal(422);
    expect(res.json.code).to.equal('SIGNATURE_POLICY_FAILED');
    expect(res.json.details.signatures[0].report).to.include({ indication: 'TOTAL-FAILED', subIndication: 'REVOKED' });
  });

  it('an official letter with a valid but not qualified signature registers, flagged SIGNATURE_NOT_QUALIFIED', async () => {
    const res = await post(hub, '/api/v1/documents', signedSubmission({ externalId: 'letter-nq' }, DOCUMENT_PDF, pki().notQualified));
    expect(res.status).to.equal(201);
    expect(res.json.status).to.equal('registered');
    expect(res.json.signatures[0]).to.include({ indication: 'TOTAL-PASSED', qualified: false });
    expect(res.json.flags).to.deep.equal([
      { code: 'SIGNATURE_NOT_QUALIFIED', message: 'A signature is valid but is not a qualified e-signature (КЕП)', messageUk: 'Підпис чинний, але не є кваліфікованим електронним підписом (КЕП)' },
    ]);
    expect((await get(hub, `/api/v1/documents/${res.json.id}`)).json.flags).to.deep.equal(res.json.flags);
  });

  it('an official letter with an untrusted signature registers, flagged SIGNATURE_INDETERMINATE (NO_CERTIFICATE_CHAIN_FOUND)', async () => {
    const p = pki();
    const res = await post(hub, '/api/v1/documents', signedSubmission({ externalId: 'letter-untrusted' }, DOCUMENT_PDF, p.untrusted, DOCUMENT_PDF));
    expect(res.status).to.equal(201);
    expect(res.json.signatures[0]).to.include({ indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND', qualified: false });
    expect(res.json.signatures[0].signer.commonName).to.equal('Недовірений Підписувач');
    expect(res.json.flags.map((f: any) => f.code)).to.deep.equal(['SIGNATURE_INDETERMINATE']);
  });

  it('an official letter whose signature is garbage registers, flagged SIGNATURE_INVALID (FORMAT_FAILURE, no signer)', async () => {
    const res = await post(hub, '/api/v1/documents', submission({ externalId: 'letter-garbage', signatures: [{ cms: Buffer.from('not a signature').toString('base64') }] }));
    expect(res.status).to.equal(201);
    expect(res.json.signatures).to.deep.equal([
      { attachment: null, indication: 'TOTAL-FAILED', subIndication: 'FORMAT_FAILURE', qualified: false, signer: null, signingTime: null, bestSignatureTime: null },
    ]);
    expect(res.json.flags.map((f: any) => f.code)).to.deep.equal(['SIGNATURE_INVALID']);
  });

  it('a letter without signatures registers with neither signatures nor flags on its card', async () => {
    const res = await post(hub, '/api/v1/documents', submission({ externalId: 'letter-plain' }));
    expect(res.status).to.equal(201);
    expect(res.json).to.not.have.any.keys('signatures', 'flags');
  });

  it('an attached-content signature (no attachment named) is verified over the content it carries', async () => {
    const p = pki();
    const cms = signCms({ content: DOCUMENT_PDF, signer: p.signerP384, certificates: [p.signerP384, p.qca], detached: false });
    const res = await post(hub, '/api/v1/documents', submission({ kind: 'mayor-order', externalId: 'order-attached', signatures: [{ cms: cms.toString('base64') }] }));
    expect(res.status).to.equal(201);
    expect(res.json.signatures[0]).to.include({ attachment: null, indication: 'TOTAL-PASSED', qualified: true });
    expect(res.json.signatures[0].signer).to.include({ edrpou: '33333333', drfo: '2222222222' });
    expect(res.json).to.not.have.property('flags');
  });

  it('the inter-agency exchange (source sev-ovv) needs a qualified signature whatever the kind', async () => {
    const p = pki();
    const good = await post(hub, '/api/v1/documents', signedSubmission({ source: 'sev-ovv', externalId: 'sev-good' }, DOCUMENT_PDF, p.signerRsa));
    expect(good.status).to.equal(201);
    expect(good.json.signatures[0]).to.include({ indication: 'TOTAL-PASSED', qualified: true });
    const weak = await post(hub, '/api/v1/documents', signedSubmission({ source: 'sev-ovv', externalId: 'sev-nq' }, DOCUMENT_PDF, p.notQualified));
    expect(weak.status).to.equal(422);
    expect(weak.json.code).to.equal('SIGNATURE_POLICY_FAILED');
    expect(weak.json.details).to.deep.include({ rule: 'inter-agency-exchange', problems: ['SIGNATURE_NOT_QUALIFIED'] });
  });

  it('the СЕВ ОВВ sample, whose SignData is a placeholder, is not registered: SIGNATURE_POLICY_FAILED (FORMAT_FAILURE)', async () => {
    const saved = Object.fromEntries(Object.keys(TEST_ENV).map((k) => [k, process.env[k]]));
    Object.assign(process.env, TEST_ENV);
    try {
      const result = await acceptInput(hub.deps, {
        channel: 'amqp', format: 'sev-ovv.xml', payload: ownSample('do-vykonannia.xml'), routingKey: 'sev-ovv.xml', receivedAt: clock.now(), traceId: 't',
      });
      expect(result.status).to.equal('rejected');
      if (result.status !== 'rejected') return;
      expect(result.error.code).to.equal('SIGNATURE_POLICY_FAILED');
      const details = result.error.details as any;
      expect(details.rule).to.equal('higher-authority-and-prosecutorial');
      expect(details.signatures[0].attachment).to.equal('Доручення 01-14-2214.txt');
      expect(details.signatures[0].report).to.include({ indication: 'TOTAL-FAILED', subIndication: 'FORMAT_FAILURE' });
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
    }
  });

  it('a signature that names an attachment the document does not have is refused SIGNATURE_ATTACHMENT_UNKNOWN', async () => {
    const res = await post(hub, '/api/v1/documents', submission({
      externalId: 'letter-wrong-name',
      attachments: [attachment('лист.pdf', DOCUMENT_PDF)],
      signatures: [{ cms: detached(DOCUMENT_PDF, pki().signerEc), attachment: 'інший.pdf' }],
    }));
    expect(res.status).to.equal(400);
    expect(res.json).to.include({ code: 'SIGNATURE_ATTACHMENT_UNKNOWN' });
    expect(res.json.details).to.deep.equal({ signature: 0, attachment: 'інший.pdf' });
    expect(res.json.quarantineId).to.be.a('string');
  });

  it('a signature that is not base64 is refused INVALID_BASE64 naming the field', async () => {
    const res = await post(hub, '/api/v1/documents', submission({ externalId: 'letter-bad-b64', signatures: [{ cms: '@@@' }] }));
    expect(res.status).to.equal(400);
    expect(res.json).to.deep.include({ code: 'INVALID_BASE64', details: { field: '/signatures/0/cms' } });
  });
});
