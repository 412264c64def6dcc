/**
 * The control log's link drawn by the database (migration 024, issue 16): the hub gives the
 * canonical JSON around prevHash and seq (linkMaterial), the database takes the chain's lock, reads
 * the head and hashes. What it writes must be exactly what `dilovod audit verify` recomputes in
 * JavaScript (entryHash), whatever the entry holds, and concurrent appends must never fork.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { appendAudit, verifyAuditLog } from '../../src/audit';
import { canonicalJson, entryHash, GENESIS_HASH, linkMaterial, type AuditRecord } from '../../src/domain/audit';
import { readAuditBatch } from '../../src/store/audit';
import { forEachBackend } from '../support/backends';

/**
 * What staff and systems put in an entry: any Unicode text (Cyrillic, quotes, backslashes, control
 * characters, emoji), but not NUL, which neither text nor jsonb can hold (PostgreSQL refuses it, as
 * it always did), and JSON the way jsonb keeps it (safe integers; jsonb rewrites other numbers).
 */
const text = fc.oneof(
  fc.string({ unit: 'grapheme' }).map((s) => s.replace(/\u0000/g, '')),
  fc.constantFrom('Звернення «Про ремонт»', 'a"b\\c\u0001\u001f', '😀 ґєії', '</x>', ''),
);
const json: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null), fc.boolean(), fc.integer(), text,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(text, tie('value'), { maxKeys: 4 }),
  ),
})).value;
const record = fc.record({
  at: fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }).map((t) => new Date(t).toISOString()),
  actor: text,
  action: text,
  documentId: fc.option(fc.uuid(), { nil: null }),
  before: json,
  after: json,
  reason: fc.option(text, { nil: null }),
  via: fc.option(fc.record({ method: text, principalKind: fc.constantFrom('person' as const, 'system' as const), clientAddress: text }), { nil: undefined }),
}) as fc.Arbitrary<AuditRecord>;

describe('control log link material (pure)', () => {
  it('the pieces around prevHash and seq are the canonical JSON entryHash hashes, for any entry', () => {
    fc.assert(
      fc.property(record, fc.integer({ min: 1, max: 2 ** 40 }), fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }), (rec, seq, prevHash) => {
        const m = linkMaterial(rec);
        const whole = canonicalJson({ seq, prevHash, ...rec, at: new Date(rec.at).toISOString() });
        expect(m.head + JSON.stringify(prevHash) + m.middle + String(seq) + m.tail).to.equal(whole);
      }),
      { numRuns: 2000 },
    );
  });
});

forEachBackend('control log link drawn by the database', (getDb, backend) => {
  it('every entry the database hashes is the hash verify recomputes, whatever it holds', async () => {
    const db = getDb();
    const samples = fc.sample(record, 60);
    for (const rec of samples) await db.tx((q) => appendAudit(q, rec));
    const entries = await readAuditBatch(db, 0, 1000);
    expect(entries).to.have.length(samples.length);
    let prev = GENESIS_HASH;
    for (const e of entries) {
      const { seq, prevHash, hash, ...rec } = e;
      expect(prevHash).to.equal(prev);
      expect(hash, `entry ${seq}`).to.equal(entryHash(prevHash, seq, rec));
      prev = hash;
    }
    expect(await verifyAuditLog(db)).to.include({ ok: true, checked: samples.length });
  });

  it('an append under REPEATABLE READ is refused, not forked (the head must be read after the lock)', async () => {
    const db = getDb();
    const before = (await readAuditBatch(db, 0, 10_000)).length;
    let error: Error | undefined;
    try {
      await db.tx(async (q) => {
        await q.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
        await appendAudit(q, { at: new Date().toISOString(), actor: 'clerk-1', action: 'control.extended', documentId: null, before: null, after: null, reason: null });
      });
    } catch (err) {
      error = err as Error;
    }
    expect(error?.message).to.match(/READ COMMITTED only/);
    expect(await readAuditBatch(db, 0, 10_000)).to.have.length(before);
  });

  if (backend === 'postgres') {
    it('concurrent appends from many connections make one chain, never two entries on one head', async () => {
      const db = getDb();
      const before = (await readAuditBatch(db, 0, 10_000)).length;
      const doc = randomUUID();
      await Promise.all(Array.from({ length: 80 }, (_, i) => db.tx(async (q) => {
        await appendAudit(q, { at: new Date().toISOString(), actor: `clerk-${i % 7}`, action: 'control.extended', documentId: doc, before: null, after: { i }, reason: null });
        // Work after the entry keeps the lock held while others wait on it.
        await q.query('SELECT pg_sleep(0.002)');
      })));
      const verdict = await verifyAuditLog(db);
      expect(verdict).to.include({ ok: true, checked: before + 80 });
    });
  }
});
