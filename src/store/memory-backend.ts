import { jsonObjectSchema, newETag, shouldWrite, type BackendWrite, type StorageBackend } from './backend';
import type { JsonObject, Versioned } from './storage';

interface MemoryEntry {
  eTag: string;
  json: string;
}

/**
 * For tests. Values are kept as JSON text, so nothing is shared with callers and values behave as
 * they would on disk or in a blob (a `Date` comes back as a string). Every operation completes in one
 * synchronous step, which makes check-then-write atomic without a lock, for a whole commit too.
 */
export class MemoryBackend implements StorageBackend {
  private readonly entries = new Map<string, MemoryEntry>();

  async get(key: string): Promise<Versioned<JsonObject> | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    return { value: jsonObjectSchema.parse(JSON.parse(entry.json)), eTag: entry.eTag };
  }

  async commit(writes: readonly BackendWrite[]): Promise<(string | undefined)[]> {
    const going = writes.map(({ key, condition }) => shouldWrite(key, condition, this.entries.get(key)?.eTag));
    return writes.map(({ key, value }, index) => {
      if (!going[index]) return undefined;
      const eTag = newETag();
      this.entries.set(key, { eTag, json: JSON.stringify(value) });
      return eTag;
    });
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async list(prefix: string): Promise<string[]> {
    return [...this.entries.keys()].filter((key) => key.startsWith(prefix));
  }

  describe(): string {
    return 'memory (not durable, for tests)';
  }
}
