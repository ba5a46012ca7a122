/**
 * A least-recently-used cache keyed by text, bounded by entry count and by the total length of
 * its keys. Used for validation results: the extension re-validates a whole project on every
 * edit of one of its documents, and the other documents' texts have not changed.
 */
export class TextCache<V> {
  /** Insertion order is recency order: a hit moves its entry to the end. */
  private readonly entries = new Map<string, V>();
  private chars = 0;

  /**
   * @param maxEntries most entries kept.
   * @param maxChars most key characters kept in total; a longer key is not cached at all.
   */
  constructor(
    private readonly maxEntries: number,
    private readonly maxChars: number,
  ) {}

  /** The value of `key`, now the most recently used; `undefined` when not cached. */
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Stores `value` under `key`, dropping the least recently used entries beyond the bounds. */
  set(key: string, value: V): void {
    if (this.entries.delete(key)) this.chars -= key.length;
    if (key.length > this.maxChars || this.maxEntries <= 0) return;
    this.entries.set(key, value);
    this.chars += key.length;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.chars <= this.maxChars) break;
      this.entries.delete(oldest);
      this.chars -= oldest.length;
    }
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }

  /** Number of entries, for tests. */
  get size(): number {
    return this.entries.size;
  }
}
