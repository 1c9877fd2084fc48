import type { PartnerCenterReader } from '../../../partner-center';
import type { Order, Subscription } from '../../../partner-center/schemas';
import type { Purchase } from '../purchase';
import { callContext } from '../purchase-deps';
import { resultKindOf } from '../views/result-kinds';

/**
 * The subscriptions a placed purchase created, as Partner Center has them now. Their ids are on the
 * order's line items only once the order is provisioned (checkout-a-cart.md), so an order stored without
 * them is read again; `latest` are orders read since (the provisioning watch). A line whose subscription
 * does not exist yet is left out: there is nothing to take back until it does.
 */
export async function newSubscriptionsOf(reader: PartnerCenterReader, purchase: Purchase, latest: Order[] = []): Promise<Subscription[]> {
  const customerId = purchase.customer?.id;
  if (purchase.status !== 'ordered' || !customerId) return [];
  const ctx = callContext(purchase);
  const fresh = new Map(latest.flatMap((order) => (order.id ? [[order.id.toLowerCase(), order] as const] : [])));
  const orders = await Promise.all((purchase.checkout?.result?.orders ?? []).map(async (stored) => {
    const order = fresh.get(stored.id?.toLowerCase() ?? '') ?? stored;
    const complete = order.lineItems.every((line) => line.subscriptionId);
    return complete || !order.id ? order : reader.getOrder(ctx, customerId, order.id);
  }));
  const ownLine = resultKindOf(purchase).ownsLine;
  const ids = orders.flatMap((order) => order.lineItems.filter((line) => ownLine(line)).flatMap((line) => (line.subscriptionId ? [line.subscriptionId] : [])));
  return Promise.all([...new Set(ids)].map((id) => reader.getSubscription(ctx, customerId, id)));
}
