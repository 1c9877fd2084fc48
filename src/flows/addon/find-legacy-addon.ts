import type { Order } from '../../partner-center/schemas';
import { createdSinceCheckout } from '../purchase/outcome/find-placed-orders';
import type { AddOnPurchase, Gated } from '../purchase/purchase';
import { callContext, type PurchaseDeps } from '../purchase/purchase-deps';

/**
 * The order a legacy add-on's PATCH extended, looked up when its answer never arrived: found through the
 * new subscription (parentSubscriptionId = the base), whose `orderId` is the base order. Empty when
 * nothing matches yet.
 */
export async function findLegacyAddOnOrder(deps: PurchaseDeps, purchase: Gated<AddOnPurchase>): Promise<Order[]> {
  const base = purchase.addOn.base;
  const line = purchase.lines[0];
  if (!base?.orderId || !line) return [];
  const ctx = callContext(purchase);
  const customerId = purchase.customer.id;
  const createdSince = createdSinceCheckout(purchase);
  const subscriptions = await deps.partnerCenter.listSubscriptions(ctx, customerId);
  const added = subscriptions.find((s) => sameId(s.parentSubscriptionId, base.id) && sameId(s.offerId, line.catalogItemId)
    && s.quantity === line.quantity && createdSince(s.creationDate));
  return added ? [await deps.partnerCenter.getOrder(ctx, customerId, added.orderId ?? base.orderId)] : [];
}

function sameId(a: string | null | undefined, b: string): boolean {
  return (a ?? '').toLowerCase() === b.toLowerCase();
}
