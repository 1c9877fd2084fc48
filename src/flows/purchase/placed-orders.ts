import type { Order } from '../../partner-center/schemas';
import type { Purchase } from './purchase';

/**
 * A placed purchase's orders as the checkout answered, each replaced by a later read of the same order
 * in `latest` (the last of them wins). Order ids compare without regard to case (GUID ids come in both).
 */
export function placedOrders(purchase: Purchase, latest: readonly Order[] = []): Order[] {
  const fresh = new Map(latest.flatMap((order) => (order.id ? [[order.id.toLowerCase(), order] as const] : [])));
  return (purchase.checkout?.result?.orders ?? []).map((order) => fresh.get(order.id?.toLowerCase() ?? '') ?? order);
}
