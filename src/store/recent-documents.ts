/** Purchases are a few KB each, and a sales floor has thousands of them open. */
export const REMEMBERED_DOCUMENTS = 500;

/**
 * A document as it is stored, with its eTag: JSON already checked when it was read, or made by a write.
 * Kept as text, each read parses a fresh copy for its caller: for a purchase of a few KB that takes about
 * half the time and memory of a structuredClone, and the write has made the text anyway.
 */
export interface StoredText {
  eTag: string;
  text: string;
}

/**
 * The stored form of the documents read most recently, by name, least recently used first. The embedded
 * store trusts an entry only for a DATA_DIR it alone writes to (every write goes through it, so an entry is
 * never older than the file); Azure Blob only after a conditional read says the ETag is still current.
 */
export class RecentDocuments<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly maxEntries: number) {}

  get(name: string): T | undefined {
    const hit = this.entries.get(name);
    if (hit === undefined) return undefined;
    this.entries.delete(name);
    this.entries.set(name, hit);
    return hit;
  }

  remember(name: string, document: T): void {
    this.entries.delete(name);
    this.entries.set(name, document);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** A write replaces what is remembered, and adds nothing that was not read (audit records are written once, never read on a click). */
  replace(name: string, document: T | undefined): void {
    if (!this.entries.has(name)) return;
    if (document === undefined) this.entries.delete(name);
    else this.entries.set(name, document);
  }
}
