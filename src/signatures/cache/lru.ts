/**
 * A bounded map that forgets what has not been used for a while (issue 16: the verifier's caches of
 * parsed names, certificates and validated chains must not grow with the number of signers seen).
 * Two generations rather than a strict LRU list: a hit in the current generation is one Map look-up
 * (a strict LRU moves the entry on every hit, which cost more than the parse it saved for a
 * name); when the current generation is full it becomes the old one and the old one is dropped, so
 * whatever was used since the last turn survives it. At most `capacity` entries are held.
 */
export class Lru<K, V> {
  private current = new Map<K, V>();
  private previous = new Map<K, V>();
  private readonly generation: number;

  constructor(readonly capacity: number) {
    if (!(capacity >= 2)) throw new RangeError('a cache needs room for two entries at least');
    this.generation = Math.floor(capacity / 2);
  }

  get size(): number {
    return this.current.size + this.previous.size;
  }

  get(key: K): V | undefined {
    const value = this.current.get(key);
    if (value !== undefined) return value;
    const old = this.previous.get(key);
    if (old !== undefined) {
      this.previous.delete(key);
      this.put(key, old);
    }
    return old;
  }

  /** The value kept for `key`, else `make()`'s, kept from now on (a `make` that throws keeps nothing). */
  memo(key: K, make: () => V): V {
    let value = this.get(key);
    if (value === undefined) {
      value = make();
      this.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.previous.delete(key);
    this.put(key, value);
  }

  delete(key: K): void {
    this.current.delete(key);
    this.previous.delete(key);
  }

  clear(): void {
    this.current.clear();
    this.previous.clear();
  }

  private put(key: K, value: V): void {
    if (!this.current.has(key) && this.current.size >= this.generation) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
  }
}
