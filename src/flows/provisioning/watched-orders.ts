import type { Order } from '../../partner-center/schemas';
import type { Purchase } from '../purchase/purchase';
import { isOrderSettled } from '../timing/backoff';
import { OrderWatchStore } from './watch-store';

/**
 * The purchase's orders that were still pending at the checkout, as the provisioning watch last read
 * them (from its stored watches: no Partner Center call). An order settled at the checkout does not
 * change by waiting, so its checkout answer stands and its watch is not read.
 */
export async function watchedOrders(watches: OrderWatchStore, purchase: Purchase): Promise<Order[]> {
  const pendingAtCheckout = (purchase.checkout?.result?.orders ?? []).flatMap((order) => (order.id && !isOrderSettled(order.status) ? [order.id] : []));
  const stored = await Promise.all(pendingAtCheckout.map((orderId) => watches.get(OrderWatchStore.idOf(orderId))));
  return stored.flatMap((watch) => (watch ? [watch.value.order] : []));
}
