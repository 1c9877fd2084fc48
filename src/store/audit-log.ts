import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DocumentStore } from './document-store';
import type { VersionedStorage } from './storage';

export const auditActorSchema = z.object({
  aadObjectId: z.string().min(1),
  tenantId: z.string().min(1),
  name: z.string().optional(),
});

/** `denied`: the actor may not do this; `conflict`: another actor changed the purchase first (lost eTag race). */
export const auditOutcomeSchema = z.enum(['succeeded', 'failed', 'denied', 'conflict']);

export const auditRecordSchema = z
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
  .refine((record) => record.purchaseId !== undefined || record.customerId !== undefined, {
    message: 'an audit record needs a purchaseId or a customerId',
  });

export type AuditRecord = z.infer<typeof auditRecordSchema>;
export type AuditEntry = Omit<AuditRecord, 'id' | 'at'>;
export type AuditOutcome = z.infer<typeof auditOutcomeSchema>;

/** A record is filed under its purchase when it has one, otherwise under its customer. */
export type AuditSubject = { purchaseId: string } | { customerId: string };

export interface AuditLogOptions {
  now?: () => Date;
}

const AUDIT_PREFIX = 'audit/';

// Module-wide, so records appended in one millisecond keep their order even across AuditLog instances.
let sequence = 0;

/**
 * Append-only: every record gets a new key and is written with create-if-absent, so nothing can
 * overwrite it. Keys are `audit/<purchase|customer>/<subject id>/<ISO time>-<sequence>-<id>`, which
 * makes key order time order.
 */
export class AuditLog {
  private readonly records: DocumentStore<AuditRecord>;
  private readonly now: () => Date;

  constructor(storage: VersionedStorage, options: AuditLogOptions = {}) {
    this.records = new DocumentStore(storage, auditRecordSchema, AUDIT_PREFIX);
    this.now = options.now ?? (() => new Date());
  }

  async append(entry: AuditEntry): Promise<AuditRecord> {
    const record = auditRecordSchema.parse({ ...entry, id: randomUUID(), at: this.now().toISOString() });
    sequence = (sequence + 1) % 1_000_000;
    const suffix = `${record.at}-${String(sequence).padStart(6, '0')}-${record.id}`;
    await this.records.create(`${subjectPath(subjectOf(record))}${suffix}`, record);
    return record;
  }

  /** The records filed under `subject`, oldest first. */
  async listFor(subject: AuditSubject): Promise<AuditRecord[]> {
    return this.valuesUnder(subjectPath(subject));
  }

  /** Every record, oldest first (records with the same time stay in key order: the sort is stable). */
  async listAll(): Promise<AuditRecord[]> {
    return (await this.valuesUnder('')).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  }

  private async valuesUnder(idPrefix: string): Promise<AuditRecord[]> {
    return (await this.records.list(idPrefix)).map((document) => document.value);
  }
}

function subjectOf(record: AuditRecord): AuditSubject {
  if (record.purchaseId !== undefined) return { purchaseId: record.purchaseId };
  if (record.customerId !== undefined) return { customerId: record.customerId };
  throw new Error('auditRecordSchema lets no record through without a purchaseId or a customerId');
}

/** Ids are URI-encoded so that one containing `/` stays one key segment. */
function subjectPath(subject: AuditSubject): string {
  return 'purchaseId' in subject
    ? `purchase/${encodeURIComponent(subject.purchaseId)}/`
    : `customer/${encodeURIComponent(subject.customerId)}/`;
}
