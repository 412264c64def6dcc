import { expect } from 'chai';
import { rmSync } from 'node:fs';
import { parseStringPromise } from 'xml2js';
import { pki } from '../../../test/signatures/support/fixture';
import { detached, post, writeTrustFiles } from '../../../test/signatures-pipeline/support';
import { ManualClock } from '../../../test/support/clock';
import { withEnv } from '../../../test/support/env';
import { startTestHub, type TestHub } from '../../../test/support/hub';
import { xsdProblems } from '../../../test/support/xsd';
import { PgliteThreadDb } from '../../../src/store/pglite-thread';
import { TEST_ENV } from '../test-support';
import { importParticipants } from './participants';
import { messageBody } from './store';
import { OTHER, outgoingBody, PEER } from './test-support';

/**
 * The council's document out on the embedded database (`npm start` with no configuration): each
 * message is put together by the database from its markup and the files kept (insertMessage), as
 * on PostgreSQL, and read back by the delivery a few megabytes at a time (issue 18).
 */
describe('СЕВ ОВВ outgoing on the embedded database: the messages put together by the database carry the files exactly (issue 18)', function () {
  this.timeout(120_000);
  let hub: TestHub;
  let trustDir: string;
  let restoreEnv: () => void = () => undefined;

  before(async () => {
    restoreEnv = withEnv(TEST_ENV);
    const trust = writeTrustFiles();
    trustDir = trust.dir;
    hub = await startTestHub({ trustFiles: [trust.root], crlFiles: trust.crls }, { clock: new ManualClock(pki().now.toISOString()) });
    await importParticipants(hub.db, [PEER, OTHER], pki().now);
  });
  after(async () => {
    await hub?.close();
    rmSync(trustDir, { recursive: true, force: true });
    restoreEnv();
  });

  it('two files to two participants: XSD-valid messages, each file in its place, read back whole', async () => {
    expect(hub.db).to.be.instanceOf(PgliteThreadDb);
    const files = [Buffer.alloc(300_001, 'лист '), Buffer.from('%PDF-1.4\nдодаток\n')];
    const res = await post(hub, '/api/v1/outgoing', outgoingBody({
      addressees: [PEER.edrpou, OTHER.edrpou],
      attachments: files.map((f, i) => ({ name: `файл-${i}.pdf`, mediaType: 'application/pdf', contentBase64: f.toString('base64') })),
      signatures: files.map((f, i) => ({ attachment: `файл-${i}.pdf`, cms: detached(f, pki().signerEc) })),
    }));
    expect(res.status, JSON.stringify(res.json)).to.equal(201);
    for (const m of res.json.messages as Array<{ msgId: string }>) {
      const body = (await messageBody(hub.db, m.msgId))!.body;
      expect(await xsdProblems(body)).to.equal(null);
      const doc = (await parseStringPromise(body.toString('utf8'))).Header.Document[0];
      expect(doc.DocTransfer.map((d: { _: string; $: { description: string } }) => [d.$.description, Buffer.from(d._, 'base64').toString('hex')]))
        .to.deep.equal(files.map((f, i) => [`файл-${i}.pdf`, f.toString('hex')]));
    }
  });
});
