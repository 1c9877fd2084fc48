import { createHash } from 'node:crypto';
import { z } from 'zod';
import { DocumentStore } from './document-store';
import type { StorageWrite, VersionedStorage } from './storage';

/** Where records are filed: under their purchase, or under their customer when they have no purchase. */
export type FilingSubject = { purchaseId: string } | { customerId: string };

const filingSubjectSchema = z.union([
  z.strictObject({ purchaseId: z.string().min(1) }),
  z.strictObject({ customerId: z.string().min(1) }),
]);

type IndexedBy = 'customer' | 'order';

/** Outside `audit/`, so listing every audit record never meets an index entry. */
const INDEX_PREFIX = 'audit-index/';

/**
 * Finds where the records about a customer or an order are filed, without scanning the whole log. One
 * entry per (customer or order, filing subject), keyed `audit-index/<customer|order>/<id>/<subject>`,
 * created only if absent and never changed or deleted, so concurrent writers on other instances agree.
 * Partner Center ids are GUIDs, which compare without regard to case, so ids are lower-cased in keys.
 */
export class AuditIndex {
  private readonly entries: DocumentStore<FilingSubject>;

  constructor(storage: VersionedStorage) {
    this.entries = new DocumentStore(storage, filingSubjectSchema, INDEX_PREFIX);
  }

  /** The entry as a write for a `commit`; one that exists already is left as it is. */
  entryWrite(by: IndexedBy, id: string, subject: FilingSubject): StorageWrite {
    return this.entries.writeFor('ensure', `${lookupPath(by, id)}${subjectSegment(subject)}`, subject);
  }

  async subjectsFor(by: IndexedBy, id: string): Promise<FilingSubject[]> {
    return (await this.entries.list(lookupPath(by, id))).map((entry) => entry.value);
  }
}

function lookupPath(by: IndexedBy, id: string): string {
  return `${by}/${segment(id.toLowerCase())}/`;
}

function subjectSegment(subject: FilingSubject): string {
  return 'purchaseId' in subject ? `purchase/${segment(subject.purchaseId)}` : `customer/${segment(subject.customerId)}`;
}

/** Keys are limited to 1024 characters (storage-keys.ts); `#` never occurs in an encoded id, so hashes stay apart. */
const MAX_SEGMENT_LENGTH = 200;

function segment(id: string): string {
  const encoded = encodeURIComponent(id);
  return encoded.length <= MAX_SEGMENT_LENGTH ? encoded : `#${createHash('sha256').update(id).digest('hex')}`;
}
