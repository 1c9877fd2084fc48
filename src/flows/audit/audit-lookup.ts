import { z } from 'zod';
import type { AuditLog, AuditRecord } from '../../store/audit-log';

/** Customer ids are GUIDs; order ids are GUIDs, 12 hex digits or url-safe legacy ids. */
export const auditSubjectIdSchema = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/);

/**
 * The records about `id`, which may name a customer or an order (both are GUIDs, so both are asked),
 * newest first.
 */
export async function recordsAbout(audit: AuditLog, id: string): Promise<AuditRecord[]> {
  const [aboutCustomer, aboutOrder] = await Promise.all([audit.listFor({ customerId: id }), audit.listFor({ orderId: id })]);
  const byId = new Map([...aboutCustomer, ...aboutOrder].map((record) => [record.id, record]));
  // Oldest first, then reversed: the sort is stable, so records of one millisecond keep their logged order.
  return [...byId.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).reverse();
}
