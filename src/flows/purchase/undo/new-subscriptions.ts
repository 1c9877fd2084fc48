import type { PartnerCenterReader } from '../../../partner-center';
import type { Order, Subscription } from '../../../partner-center/schemas';
import type { Purchase } from '../purchase';
import { placedOrders } from '../placed-orders';
import { callContext } from '../purchase-deps';
import { resultKindOf } from '../views/result-kinds';

/**
 * The subscriptions a placed purchase created, as Partner Center has them now: each order's
 * subscriptions (`GET …/subscriptions?order_id=`), one read per order: every order of the purchase, or
 * only those of `orders`. They exist only once the order is provisioned (checkout-a-cart.md); before that there
 * is nothing to take back. Only the purchase's own lines count (a legacy add-on's order is its base
 * subscription's).
 */
export async function newSubscriptionsOf(
  reader: PartnerCenterReader, purchase: Purchase, orders: readonly Order[] = placedOrders(purchase),
): Promise<Subscription[]> {
  const customerId = purchase.customer?.id;
  if (purchase.status !== 'ordered' || !customerId) return [];
  const ctx = callContext(purchase);
  const orderIds = orders.flatMap((order) => (order.id ? [order.id] : []));
  const perOrder = await Promise.all(orderIds.map((orderId) => reader.listSubscriptionsByOrder(ctx, customerId, orderId)));
  const owns = resultKindOf(purchase).ownsLine;
  return perOrder.flat().filter((subscription) => owns(subscription));
}
