import { RecentDocuments, REMEMBERED_DOCUMENTS } from './recent-documents';
import type { JsonObject, Versioned } from './storage';

interface Checked<T> {
  eTag: string;
  /** What the schema made of the stored content; absent when the stored content is that value (our own write). */
  parsed?: T;
}

/**
 * Which stored content this process has already checked with a schema, by key and eTag. Every write gets
 * a new eTag (memory and embedded storage a random one, Azure Blob its own), so a read that comes back with
 * a remembered eTag holds exactly the content that was checked and the schema need not run again: a
 * purchase is read on every click. Content seen for the first time (read from disk after a start, or a blob
 * another instance wrote) is parsed as before.
 */
export class CheckedDocuments<T> {
  private readonly known = new RecentDocuments<Checked<T>>(REMEMBERED_DOCUMENTS);

  constructor(private readonly parse: (value: JsonObject) => T) {}

  /** `stored` as the schema makes it. Backends return a fresh copy on every read; what this returns is the caller's too. */
  read(key: string, stored: Versioned<JsonObject>): T {
    const known = this.known.get(key);
    if (known?.eTag === stored.eTag) return known.parsed === undefined ? (stored.value as T) : structuredClone(known.parsed);
    const parsed = this.parse(stored.value);
    this.known.remember(key, { eTag: stored.eTag, parsed: structuredClone(parsed) });
    return parsed;
  }

  /** `eTag` is that of a write whose value is the schema's own output: a read of it returns that value as stored. */
  wrote(key: string, eTag: string): void {
    this.known.remember(key, { eTag });
  }
}
