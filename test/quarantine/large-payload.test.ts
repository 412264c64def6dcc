import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { getQuarantined, putInQuarantine } from '../../src/store/quarantine';
import { PART_BYTES } from '../../src/store/payload-parts';
import { forEachBackend } from '../support/backends';

/**
 * Issue 14: a large rejected input is kept whole, byte for byte, without ever being one 96 MB hex
 * parameter: in 64 KiB parts keyed by its hash (migration 017). The same bytes again land on the
 * same row and are not stored twice; a part gone missing is an error, never a shortened payload.
 */
forEachBackend('quarantine: large payloads kept in parts', (db) => {
  const item = (payload: Buffer) => ({ code: 'SEV_OVV_MALFORMED_XML', reason: 'r', reasonUk: 'п', channel: 'http' as const, payload, receivedAt: new Date('2026-03-05T10:00:00Z') });

  it('a payload over one part is kept in parts and read back exactly; a small one stays in its row', async () => {
    const large = randomBytes(5 * PART_BYTES + 17);
    const id = await putInQuarantine(db(), item(large));
    const [row] = await db().query<{ inline: boolean; size: string }>('SELECT payload IS NOT NULL AS inline, payload_size::text AS size FROM quarantine WHERE id = $1', [id]);
    expect(row).to.deep.equal({ inline: false, size: String(large.length) });
    const parts = await db().query<{ n: number }>('SELECT count(*)::int AS n FROM payload_parts WHERE sha256 = (SELECT payload_sha256 FROM quarantine WHERE id = $1)', [id]);
    expect(parts[0]!.n).to.equal(6);
    expect((await getQuarantined(db(), id))!.payload.equals(large)).to.equal(true);

    const small = randomBytes(1000);
    const smallId = await putInQuarantine(db(), item(small));
    const [smallRow] = await db().query<{ inline: boolean }>('SELECT payload IS NOT NULL AS inline FROM quarantine WHERE id = $1', [smallId]);
    expect(smallRow!.inline).to.equal(true);
    expect((await getQuarantined(db(), smallId))!.payload.equals(small)).to.equal(true);
  });

  it('the same bytes again: the same row, attempts + 1, the parts not stored twice', async () => {
    const large = randomBytes(2 * PART_BYTES + 1);
    const first = await putInQuarantine(db(), item(large));
    const again = await putInQuarantine(db(), item(large));
    expect(again).to.equal(first);
    const [row] = await db().query<{ attempts: number; parts: number }>(
      'SELECT attempts, (SELECT count(*)::int FROM payload_parts p WHERE p.sha256 = q.payload_sha256) AS parts FROM quarantine q WHERE id = $1', [first]);
    expect(row).to.deep.equal({ attempts: 2, parts: 3 });
  });

  it('a write cut short is completed by the next attempt; a part gone missing is an error, not a shorter payload', async () => {
    const large = randomBytes(3 * PART_BYTES);
    const id = await putInQuarantine(db(), item(large));
    const [{ sha }] = (await db().query<{ sha: string }>('SELECT payload_sha256 AS sha FROM quarantine WHERE id = $1', [id])) as [{ sha: string }];
    await db().query('DELETE FROM payload_parts WHERE sha256 = $1 AND part = 1', [sha]);
    const err = await getQuarantined(db(), id).then(() => null, (e: Error) => e);
    expect(err?.message).to.match(/part 1 of 3 is missing/);
    await putInQuarantine(db(), item(large));
    expect((await getQuarantined(db(), id))!.payload.equals(large)).to.equal(true);
  });
});
