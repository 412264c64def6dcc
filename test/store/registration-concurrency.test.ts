import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { registerSubmission } from '../../src/pipeline';
import { assertValid, type DocumentCard, type DocumentSubmission } from '../../src/schemas';
import { startTestHub, submission, type TestHub } from '../support/hub';
import { createTestDatabase, type TestDatabase } from '../support/pg';

/**
 * Issue 16: registrations drawn by many writers at once, through the hub's own pipeline (its
 * signature, appeal and sender-control steps), mixing what registers in one statement shared by
 * concurrent writers (a letter with nothing else to keep) with what registers in a transaction of
 * its own (a file attached, an appeal), one journal and several, repeats among them. Whatever the
 * interleaving, every journal and year is numbered 1…n with no gap and no repeat (the README's
 * promise; Правила № 1000/5 розд. III гл. 3 п. 5, src/store/counters.ts), every registration has
 * exactly one `document.registered` event naming the number it was answered with, and a repeat
 * returns the one card. Nothing here is timed.
 */
const WRITERS = 32;

const PDF = Buffer.from('%PDF-1.4\n% a letter\n');
const attachment = { name: 'letter.pdf', mediaType: 'application/pdf', sha256: createHash('sha256').update(PDF).digest('hex'), contentBase64: PDF.toString('base64') };

/** The i-th input of the mix; `key` repeats for the inputs sent several times. */
function input(i: number, tag: string): DocumentSubmission {
  const body = (over: Record<string, unknown>) => assertValid<DocumentSubmission>('document-submission.schema.json', submission({ externalId: `${tag}-${i}`, ...over }));
  switch (i % 20) {
    case 0: // a file: the registering transaction, numbered last in the same journal as the letters
      return body({ attachments: [attachment] });
    case 1: // the same journal, another case (01-08)
      return body({ kind: 'telegram' });
    case 2:
      return body({ kind: 'higher-authority-document' });
    case 3:
      return body({ kind: 'prosecutorial-act' });
    case 4: // without a number of its own: drawn in the council's journal
      return body({ kind: 'committee-decision', outgoing: undefined });
    case 5: // 003 §157: kept, not registered, no number used
      return body({ subtype: 'copy-for-information' });
    case 6: // a citizen's appeal: the appeal step keeps its rows, so a transaction of its own
      return i % 60 === 6 ? body({ kind: 'citizen-appeal', correspondent: { name: `Петренко Олена ${i}`, address: `м. Вінниця, вул. Соборна, ${i}` }, outgoing: undefined }) : body({});
    default:
      return body({});
  }
}

type Answer = { sub: DocumentSubmission; outcome: 'created' | 'duplicate'; card: DocumentCard };

/** Registers every input with `writers` at once, in the order given (a repeat's copies spread among the others). */
async function registerAll(hub: TestHub, inputs: DocumentSubmission[], writers: number): Promise<Answer[]> {
  const answers: Answer[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (let i = next++; i < inputs.length; i = next++) {
        const sub = inputs[i] as DocumentSubmission;
        const { outcome, card } = await registerSubmission(hub.deps, sub);
        answers.push({ sub, outcome, card });
      }
    }),
  );
  return answers;
}

/** Every journal and year on file numbered 1…n, nothing twice, its counter at n. */
async function expectGapless(hub: TestHub): Promise<void> {
  const journals = await hub.db.query<{ reg_journal: string; reg_year: number; numbers: number[]; last_number: number }>(
    `SELECT d.reg_journal, d.reg_year, array_agg(d.reg_number ORDER BY d.reg_number) AS numbers, max(c.last_number) AS last_number
     FROM documents d JOIN journal_counters c ON c.journal = d.reg_journal AND c.year = d.reg_year
     WHERE d.status = 'registered' GROUP BY d.reg_journal, d.reg_year`,
  );
  expect(journals.length).to.be.greaterThan(1);
  for (const j of journals) {
    const expected = Array.from({ length: j.numbers.length }, (_, k) => k + 1);
    expect(j.numbers, `${j.reg_journal} ${j.reg_year}`).to.deep.equal(expected);
    expect(j.last_number, `${j.reg_journal} ${j.reg_year} counter`).to.equal(j.numbers.length);
  }
}

/** Each registered document: one `document.registered` event, saying the registration it was answered with. */
async function expectOneEventEach(hub: TestHub, answers: Answer[]): Promise<void> {
  const events = await hub.db.query<{ document_id: string; n: number; registration: DocumentCard['registration'] }>(
    `SELECT document_id, count(*)::int AS n, (array_agg(payload->'registration'))[1] AS registration
     FROM outbox WHERE type = 'document.registered' GROUP BY document_id`,
  );
  const byDocument = new Map(events.map((e) => [e.document_id, e]));
  const created = answers.filter((a) => a.outcome === 'created' && a.card.registration);
  expect(byDocument.size).to.equal(created.length);
  for (const a of created) {
    const event = byDocument.get(a.card.id);
    expect(event?.n, a.card.id).to.equal(1);
    expect(event?.registration).to.deep.equal(a.card.registration);
  }
}

function concurrentRegistration(label: string, n: number, open: () => Promise<{ hub: TestHub; close: () => Promise<void> }>): void {
  describe(`registration under ${WRITERS} concurrent writers, ${n.toLocaleString('en')} inputs (${label})`, function () {
    this.timeout(600_000);
    let hub: TestHub;
    let close: () => Promise<void>;
    let answers: Answer[];
    let inputs: DocumentSubmission[];

    before(async () => {
      ({ hub, close } = await open());
      // One in 25 is sent four times, its copies spread among the other inputs.
      const distinct = Array.from({ length: n }, (_, i) => input(i, label));
      inputs = [...distinct];
      distinct.forEach((sub, i) => {
        if (i % 25 === 7) for (let copy = 1; copy <= 3; copy++) inputs.splice(Math.min(inputs.length, i + copy * 97), 0, sub);
      });
      answers = await registerAll(hub, inputs, WRITERS);
    });
    after(async () => close?.());

    it('answers every input, and every input is on file once, whatever its copies', async () => {
      expect(answers).to.have.length(inputs.length);
      const byKey = new Map<string, Answer[]>();
      for (const a of answers) byKey.set(a.sub.externalId, [...(byKey.get(a.sub.externalId) ?? []), a]);
      expect(byKey.size).to.equal(n);
      for (const [key, copies] of byKey) {
        expect(copies.filter((c) => c.outcome === 'created'), key).to.have.length(1);
        expect(new Set(copies.map((c) => c.card.id)).size, key).to.equal(1);
        const created = copies.find((c) => c.outcome === 'created') as Answer;
        for (const c of copies) expect(c.card.registration, key).to.deep.equal(created.card.registration);
      }
      const [{ count }] = (await hub.db.query<{ count: number }>(`SELECT count(*)::int AS count FROM documents WHERE external_id LIKE $1`, [`${label}-%`])) as [{ count: number }];
      expect(count).to.equal(n);
    });

    it('numbers every journal and year 1…n: no gap, no repeat; what is not registered takes no number', async () => {
      await expectGapless(hub);
      const notRegistered = answers.filter((a) => a.outcome === 'created' && a.card.status === 'not-registered');
      expect(notRegistered.length).to.be.greaterThan(0);
      for (const a of notRegistered) expect(a.card.registration).to.equal(null);
    });

    it('answers each registration with what is on file, the index as the template renders it', async () => {
      const created = answers.filter((a) => a.outcome === 'created' && a.card.registration);
      const onFile = await hub.db.query<{ id: string; reg_number: number; reg_index: string; reg_case: string }>(
        'SELECT id, reg_number, reg_index, reg_case FROM documents WHERE id = ANY($1::uuid[])',
        [created.map((a) => a.card.id)],
      );
      const byId = new Map(onFile.map((r) => [r.id, r]));
      for (const a of created) {
        const row = byId.get(a.card.id);
        expect(row, a.card.id).to.deep.include({ reg_number: a.card.registration?.number, reg_index: a.card.registration?.index });
        expect(a.card.registration?.index).to.equal(`${row?.reg_case}/${row?.reg_number}`);
        expect(a.card.status).to.equal('registered');
      }
      // The files and the signatures' absence are on the card answered, as on the card read back.
      const withFile = created.find((a) => a.sub.attachments?.length) as Answer;
      expect(withFile.card.attachments).to.have.length(1);
    });

    it('announces each registration exactly once, with the number it was answered with', async () => {
      await expectOneEventEach(hub, answers);
    });

    it('a bad input among concurrent ones fails alone: the others register, the numbering stays whole', async () => {
      const batch = Array.from({ length: WRITERS }, (_, i) => input(1000 * n + i * 20 + 7, `${label}-bad`));
      batch[5] = assertValid<DocumentSubmission>('document-submission.schema.json', submission({ externalId: `${label}-bad-case`, caseIndex: '99-99' }));
      const settled = await Promise.allSettled(batch.map((sub) => registerSubmission(hub.deps, sub)));
      expect(settled.filter((s) => s.status === 'rejected')).to.have.length(1);
      expect((settled[5] as PromiseRejectedResult).reason).to.include({ code: 'UNKNOWN_CASE' });
      await expectGapless(hub);
    });
  });
}

concurrentRegistration('PostgreSQL', 5_000, async () => {
  const testDb: TestDatabase = await createTestDatabase('regconc');
  const hub = await startTestHub({ databaseUrl: testDb.url }, { scheduler: false });
  return {
    hub,
    close: async () => {
      await hub.close();
      await testDb.drop();
    },
  };
});

concurrentRegistration('embedded', 1_000, async () => {
  const hub = await startTestHub({}, { scheduler: false });
  return { hub, close: () => hub.close() };
});
