/**
 * A Map with a size limit that forgets its oldest entries first. The evaluator's caches (parsed
 * policy texts, compiled patterns, split ARNs) are keyed by strings a long editing session keeps
 * producing; a bound keeps memory flat, and evicting one old entry at a time (rather than
 * clearing everything) keeps a working set that fits from being thrown away all at once.
 */
export class BoundedCache<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly limit: number) {}

  /** The cached value, or undefined. */
  get(key: K): V | undefined {
    return this.map.get(key);
  }

  /**
   * The cached value for `key`, or the value `make` computes for it, kept for next time. Pass a
   * function defined once (not a fresh closure), so a lookup that hits allocates nothing.
   */
  through(key: K, make: (key: K) => V): V {
    let value = this.map.get(key);
    if (value === undefined) {
      value = make(key);
      this.set(key, value);
    }
    return value;
  }

  /** Stores a value, evicting the oldest entry when full. */
  set(key: K, value: V): void {
    if (this.map.size >= this.limit && !this.map.has(key)) {
      const oldest = this.map.keys().next();
      if (oldest.done !== true) this.map.delete(oldest.value);
    }
    this.map.set(key, value);
  }
}
