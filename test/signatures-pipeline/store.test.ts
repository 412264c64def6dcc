import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { documents } from '../../src/store';
import { forEachBackend } from '../support/backends';

forEachBackend('store: signatures and flags on the card', (getDb) => {
  async function newDocument(): Promise<string> {
    const id = await documents.insertDocumentOnce(
      getDb(),
      {
        id: randomUUID(),
        source: 'edms',
        externalId: `sig-${randomUUID()}`,
        kind: 'official-letter',
        summary: 'Лист',
        correspondent: { name: 'ТОВ «Тест»' },
        receivedAt: '2026-03-09T08:15:00Z',
        urgency: 'normal',
        payloadSha256: '0'.repeat(64),
      },
      'not-registered',
    );
    return id as string;
  }

  it('reads the signatures back in order, times as ISO UTC whatever the session time zone, with the flags', async () => {
    const db = getDb();
    const id = await newDocument();
    const signer = { commonName: 'Шевченко Т. Г.', fullName: 'Шевченко Тарас', organization: 'Виконком', title: null, edrpou: '04055555', drfo: '1234567890' };
    await db.tx(async (q) => {
      await q.query("SET LOCAL TIME ZONE 'Europe/Kyiv'");
      await documents.insertSignatures(q, id, [
        { attachment: 'a.pdf', indication: 'TOTAL-PASSED', subIndication: null, qualified: true, signer, signingTime: '2026-03-09T08:00:00.123Z', bestSignatureTime: '2026-03-10T09:00:00.000Z', report: { container: {}, signature: { index: 0 } } },
        { attachment: null, indication: 'TOTAL-FAILED', subIndication: 'FORMAT_FAILURE', qualified: false, signer: null, signingTime: null, bestSignatureTime: null, report: { container: {}, signature: null } },
      ]);
      await documents.setFlags(q, id, [{ code: 'SIGNATURE_INVALID', message: 'm', messageUk: 'п' }]);
      const card = await documents.getCard(q, id);
      expect(card?.signatures).to.deep.equal([
        { attachment: 'a.pdf', indication: 'TOTAL-PASSED', subIndication: null, qualified: true, signer, signingTime: '2026-03-09T08:00:00.123Z', bestSignatureTime: '2026-03-10T09:00:00.000Z' },
        { attachment: null, indication: 'TOTAL-FAILED', subIndication: 'FORMAT_FAILURE', qualified: false, signer: null, signingTime: null, bestSignatureTime: null },
      ]);
      expect(card?.flags).to.deep.equal([{ code: 'SIGNATURE_INVALID', message: 'm', messageUk: 'п' }]);
    });
    expect(await documents.getSignatureReports(db, id)).to.deep.equal([{ container: {}, signature: { index: 0 } }, { container: {}, signature: null }]);
    const listed = await documents.searchDocuments(db, { text: 'лист', limit: 100 });
    expect(listed.find((c) => c.id === id)?.signatures).to.have.length(2);
  });

  it('a card without signatures or flags has neither field', async () => {
    const card = await documents.getCard(getDb(), await newDocument());
    expect(card).to.not.have.any.keys('signatures', 'flags');
  });
});
