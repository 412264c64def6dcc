import type { Queryable } from './db';

/**
 * Large byte strings kept in parts (migration 017): each part is one small query, so neither the
 * hub's heap nor, on the embedded database, its event loop carries the whole payload at once.
 */
// 64 KiB: one part is a few milliseconds of the embedded database's (synchronous) work even on a
// busy machine; 256 KiB parts took up to 0.7 s each there (bench hostile, load average 10).
export const PART_BYTES = 64 * 1024;

/** Payloads up to this size stay in their row's own column (one query, as before). */
export const INLINE_PAYLOAD_BYTES = PART_BYTES;

/** Writes the parts that are missing (a write cut short is completed by the next one). */
export async function putParts(q: Queryable, sha256: string, bytes: Buffer): Promise<void> {
  const count = Math.ceil(bytes.length / PART_BYTES);
  const have = new Set((await q.query<{ part: number }>('SELECT part FROM payload_parts WHERE sha256 = $1', [sha256])).map((r) => r.part));
  for (let part = 0; part < count; part++) {
    if (have.has(part)) continue;
    await q.query('INSERT INTO payload_parts (sha256, part, bytes) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
      sha256, part, bytes.subarray(part * PART_BYTES, (part + 1) * PART_BYTES),
    ]);
  }
}

/** The bytes back, part by part; throws if a part is missing (never answers a shortened payload). */
export async function getParts(q: Queryable, sha256: string, size: number): Promise<Buffer> {
  const out = Buffer.allocUnsafe(size);
  const count = Math.ceil(size / PART_BYTES);
  for (let part = 0; part < count; part++) {
    const [row] = await q.query<{ bytes: Buffer }>('SELECT bytes FROM payload_parts WHERE sha256 = $1 AND part = $2', [sha256, part]);
    if (!row) throw new Error(`payload ${sha256}: part ${part} of ${count} is missing`);
    row.bytes.copy(out, part * PART_BYTES);
  }
  return out;
}
