import { z } from 'zod';
import { orderSchema } from '../../partner-center/schemas';
import { DocumentStore } from '../../store/document-store';
import type { VersionedStorage } from '../../store/storage';
import { conversationSchema } from '../ports';

const WATCH_STATES = ['watching', 'settled', 'gave_up'] as const;

/**
 * One placed order the bot follows until it is provisioned. Stored (not kept in memory) so a restart
 * picks the watch up again; kept after it settles, so `status <order id>` knows the order's customer.
 */
const orderWatchSchema = z.object({
  orderId: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  /** The purchase whose result card is updated when the order settles. */
  purchaseId: z.string().optional(),
  tenantId: z.string(),
  conversation: conversationSchema,
  cardActivityId: z.string().optional(),
  locale: z.string(),
  correlationId: z.string(),
  state: z.enum(WATCH_STATES),
  startedAt: z.string(),
  nextCheckAt: z.string(),
  checks: z.number().int().nonnegative(),
  /** The order as last read from Partner Center. */
  order: orderSchema,
});
export type OrderWatch = z.infer<typeof orderWatchSchema>;

/** Order ids as Partner Center issues them (12 hex, GUIDs, 33-char url-safe legacy ids). */
export const orderIdSchema = z.string().trim().regex(/^[A-Za-z0-9_-]{6,64}$/);

export class OrderWatchStore extends DocumentStore<OrderWatch> {
  constructor(storage: VersionedStorage) {
    super(storage, orderWatchSchema, 'provisioning-watch/');
  }

  /** Order ids are case-insensitive in Partner Center (GUID ids come in both cases). */
  static idOf(orderId: string): string {
    return orderId.toLowerCase();
  }
}
