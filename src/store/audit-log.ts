import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AuditIndex, type FilingSubject } from './audit-index';
import { DocumentStore } from './document-store';
import { mapBounded } from './map-bounded';
import type { StorageWrite, VersionedStorage } from './storage';

const auditActorSchema = z.object({
  aadObjectId: z.string().min(1),
  tenantId: z.string().min(1),
  name: z.string().optional(),
});

/** `denied`: the actor may not do this; `conflict`: another actor changed the purchase first (lost eTag race). */
const auditOutcomeSchema = z.enum(['succeeded', 'failed', 'denied', 'conflict']);

/** Someone the bot does not serve tried to use it: about no purchase or customer, filed under its actor. */
export const ACCESS_REFUSED = 'access.refused';

const auditRecordSchema = z
  .object({
    id: z.string().min(1),
    at: z.iso.datetime(),
    actor: auditActorSchema,
    action: z.string().min(1),
    purchaseId: z.string().min(1).optional(),
    customerId: z.string().min(1).optional(),
    cartId: z.string().min(1).optional(),
    orderIds: z.array(z.string().min(1)).optional(),
    outcome: auditOutcomeSchema,
    correlationId: z.string().optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((record) => record.purchaseId !== undefined || record.customerId !== undefined || record.action === ACCESS_REFUSED, {
    message: 'an audit record needs a purchaseId or a customerId (only a refused access has neither)',
  });

export type AuditRecord = z.infer<typeof auditRecordSchema>;
/** A record to file. The log files any action name; the bot's own writers take theirs from one table (src/flows/audit-actions.ts). */
export type AuditEntry<Action extends string = string> = Omit<AuditRecord, 'id' | 'at' | 'action'> & { action: Action };
export type AuditOutcome = z.infer<typeof auditOutcomeSchema>;

/**
 * What records are asked for: a purchase (its trail), a customer (records about the customer and the
 * whole trail of every purchase made for them) or an order (the whole trail of the purchase that placed
 * it, and records about the order filed under its customer).
 */
export type AuditSubject = FilingSubject | { orderId: string };

interface AuditLogOptions {
  now?: () => Date;
}

const AUDIT_PREFIX = 'audit/';
/** A customer with hundreds of purchases must not open hundreds of listings at once. */
const PARALLEL_LISTINGS = 8;

// Module-wide, so records appended in one millisecond keep their order even across AuditLog instances.
let sequence = 0;

/**
 * Append-only: every record gets a new key and is written with create-if-absent, so nothing can
 * overwrite it. Keys are `audit/<purchase|customer>/<subject id>/<ISO time>-<sequence>-<id>`, which
 * makes key order time order; an AuditIndex finds the subjects that hold a customer's or an order's records.
 */
export class AuditLog<Action extends string = string> {
  private readonly records: DocumentStore<AuditRecord>;
  private readonly index: AuditIndex;
  private readonly now: () => Date;

  constructor(
    private readonly storage: VersionedStorage,
    options: AuditLogOptions = {},
  ) {
    this.records = new DocumentStore(storage, auditRecordSchema, AUDIT_PREFIX);
    this.index = new AuditIndex(storage);
    this.now = options.now ?? (() => new Date());
  }

  /** The record with its index entries, in one commit (see `writesFor`). */
  async append(entry: AuditEntry<Action>): Promise<AuditRecord> {
    const { record, writes } = this.writesFor(entry);
    await this.storage.commit(writes);
    return record;
  }

  /**
   * The writes that file `entry`, for a `commit` together with the change it records (a purchase and
   * its record in one durable write). Index entries come first: where a backend writes them one after
   * another (Blob), a crash in between leaves an entry without a record, never a record nobody finds.
   */
  writesFor(entry: AuditEntry<Action>): { record: AuditRecord; writes: StorageWrite[] } {
    // Checked once, by the record's own write below; a record that fails the schema throws there, before any write.
    const unchecked: AuditRecord = { ...entry, id: randomUUID(), at: this.now().toISOString() };
    const filing = filingOf(unchecked);
    const indexWrites =
      'actorId' in filing
        ? []
        : [
            ...(unchecked.customerId === undefined ? [] : [this.index.entryWrite('customer', unchecked.customerId, filing)]),
            ...(unchecked.orderIds ?? []).map((orderId) => this.index.entryWrite('order', orderId, filing)),
          ];
    sequence = (sequence + 1) % 1_000_000;
    const suffix = `${unchecked.at}-${String(sequence).padStart(6, '0')}-${unchecked.id}`;
    const recordWrite = this.records.writeFor('create', `${subjectPath(filing)}${suffix}`, unchecked);
    return { record: recordWrite.value, writes: [...uniqueByKey(indexWrites), recordWrite] };
  }

  /** The records about `subject` (see AuditSubject), oldest first. */
  async listFor(subject: AuditSubject): Promise<AuditRecord[]> {
    if ('purchaseId' in subject) return this.valuesUnder(subjectPath(subject));
    if ('customerId' in subject) return this.merged(await this.index.subjectsFor('customer', subject.customerId));
    const filings = await this.index.subjectsFor('order', subject.orderId);
    const orderId = subject.orderId.toLowerCase();
    const aboutOrder = (record: AuditRecord) => (record.orderIds ?? []).some((id) => id.toLowerCase() === orderId);
    const records = await this.merged(filings);
    // A customer's own records cover all their orders; a purchase's trail is wanted whole.
    return records.filter((record) => record.purchaseId !== undefined || aboutOrder(record));
  }

  /** Every record, oldest first (records with the same time stay in key order: the sort is stable). */
  async listAll(): Promise<AuditRecord[]> {
    return (await this.valuesUnder('')).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  }

  private async valuesUnder(idPrefix: string): Promise<AuditRecord[]> {
    return (await this.records.list(idPrefix)).map((document) => document.value);
  }

  private async merged(filings: FilingSubject[]): Promise<AuditRecord[]> {
    const lists = await mapBounded(filings, PARALLEL_LISTINGS, (filing) => this.valuesUnder(subjectPath(filing)));
    return lists.flat().sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  }
}

/** Two order ids differing only in case share one index entry, and a commit writes each key once. */
function uniqueByKey(writes: StorageWrite[]): StorageWrite[] {
  return [...new Map(writes.map((write) => [write.key, write])).values()];
}

/** Where a record is filed: its subject, or for a refused access (no subject) its actor. */
type Filing = FilingSubject | { actorId: string };

function filingOf(record: AuditRecord): Filing {
  if (record.purchaseId !== undefined) return { purchaseId: record.purchaseId };
  if (record.customerId !== undefined) return { customerId: record.customerId };
  return { actorId: record.actor.aadObjectId };
}

/** Ids are URI-encoded so that one containing `/` stays one key segment. */
function subjectPath(subject: Filing): string {
  if ('purchaseId' in subject) return `purchase/${encodeURIComponent(subject.purchaseId)}/`;
  if ('customerId' in subject) return `customer/${encodeURIComponent(subject.customerId)}/`;
  return `actor/${encodeURIComponent(subject.actorId)}/`;
}
