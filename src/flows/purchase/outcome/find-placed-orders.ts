import type { Order } from '../../../partner-center/schemas';
import { callContext, type PurchaseDeps } from '../purchase-deps';
import type { Purchase } from '../purchase';

/**
 * Partner Center stamps orders with its own clock; an order of ours cannot be older than the checkout
 * that placed it, give or take the skew between the two clocks.
 */
const CLOCK_SKEW_MS = 10 * 60_000;

/**
 * The orders a purchase placed, looked up when no answer to the order call ever arrived: Partner Center
 * links an order to neither the cart nor the MS-RequestId, so the lookup matches what was bought (offer
 * and quantity of every line) by the customer since the checkout started. A cart must read `Ordered`
 * first. A legacy add-on is found through its new subscription (parentSubscriptionId = the base), whose
 * `orderId` is the base order the PATCH extended. Empty when nothing matches yet.
 */
export async function findPlacedOrders(deps: PurchaseDeps, purchase: Purchase): Promise<Order[]> {
  const customerId = purchase.customer?.id;
  const startedAt = purchase.checkout?.startedAt;
  // A seat change places no order: its own submit reads the subscription back (verdictFromReadBack).
  if (!customerId || !startedAt || purchase.kind === 'seats') return [];
  const ctx = callContext(purchase);
  const notBefore = Date.parse(startedAt) - CLOCK_SKEW_MS;
  const createdSince = (date: string | null | undefined) => !date || Date.parse(date) >= notBefore;
  if (purchase.kind === 'addon' && purchase.addOn?.choice?.family === 'legacy') {
    const base = purchase.addOn.base;
    const line = purchase.lines[0];
    if (!base?.orderId || !line) return [];
    const subscriptions = await deps.partnerCenter.listSubscriptions(ctx, customerId);
    const added = subscriptions.find((s) => sameId(s.parentSubscriptionId, base.id) && sameId(s.offerId, line.catalogItemId)
      && s.quantity === line.quantity && createdSince(s.creationDate));
    return added ? [await deps.partnerCenter.getOrder(ctx, customerId, added.orderId ?? base.orderId)] : [];
  }
  if (purchase.kind !== 'order') {
    const cart = await deps.partnerCenter.getCart(ctx, customerId, purchase.cart?.id ?? '');
    if (cart.status?.toLowerCase() !== 'ordered') return [];
  }
  const wanted = purchase.lines.map((line) => `${line.catalogItemId.toLowerCase()}×${line.quantity}`);
  const orders = (await deps.partnerCenter.listOrders(ctx, customerId)).filter((order) => createdSince(order.creationDate));
  const ours = orders.filter((order) => order.lineItems.length > 0
    && order.lineItems.every((item) => wanted.includes(`${item.offerId.toLowerCase()}×${item.quantity}`)));
  // An order of offers is one order with every line; a cart splits its lines over one order per group.
  const found = ours.flatMap((order) => order.lineItems.map((item) => `${item.offerId.toLowerCase()}×${item.quantity}`));
  return found.length === wanted.length && wanted.every((key) => found.includes(key)) ? ours : [];
}

function sameId(a: string | null | undefined, b: string): boolean {
  return (a ?? '').toLowerCase() === b.toLowerCase();
}
