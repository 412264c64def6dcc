/**
 * The domain's EarlierAppeals port over the store. `decideIntake` is synchronous, so the earlier
 * appeals under the new appeal's blocking keys are read first (one indexed lookup on
 * appeal_keys, 003 §102) and served from memory while the rules run.
 */
import type { EarlierAppeal, EarlierAppeals } from '../domain/appeals';
import type { Queryable } from '../store';
import { findEarlierByKeys } from '../store/appeals';

export class StoredArchive implements EarlierAppeals {
  private constructor(private readonly blocks: ReadonlyMap<string, readonly EarlierAppeal[]>) {}

  /** Reads every earlier appeal filed under any of the keys. */
  static async load(q: Queryable, keys: readonly string[]): Promise<StoredArchive> {
    const blocks = new Map<string, EarlierAppeal[]>(keys.map((k) => [k, []]));
    for (const { key, appeal } of await findEarlierByKeys(q, keys)) blocks.get(key)?.push(appeal);
    return new StoredArchive(blocks);
  }

  /** How many distinct earlier appeals were read. */
  get size(): number {
    return new Set([...this.blocks.values()].flat()).size;
  }

  findByKeys(keys: readonly string[]): readonly EarlierAppeal[] {
    const seen = new Set<EarlierAppeal>();
    for (const k of keys) {
      const block = this.blocks.get(k);
      // Intake asks for exactly the keys it was loaded with; anything else is a bug, not "no match".
      if (!block) throw new Error('StoredArchive: asked for a key it was not loaded with');
      for (const a of block) seen.add(a);
    }
    return [...seen];
  }
}
