interface TtlCacheOptions {
  ttlMs: number;
  /** Oldest entries are dropped beyond this, so a flood of distinct keys cannot grow memory without limit. */
  maxEntries: number;
  now?: () => number;
}

/** A bounded map whose entries expire `ttlMs` after they were stored. */
export class TtlCache<V> {
  private readonly entries = new Map<string, { storedAt: number; value: V }>();
  private readonly now: () => number;

  constructor(private readonly options: TtlCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (this.now() - hit.storedAt < this.options.ttlMs) return hit.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { storedAt: this.now(), value });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
