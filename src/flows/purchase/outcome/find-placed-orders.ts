import type { Order } from '../../../partner-center/schemas';
import { callContext, type PurchaseDeps } from '../purchase-deps';
import type { AddOnPurchase, CartPurchase, Gated } from '../purchase';

/**
 * Partner Center stamps orders with its own clock; an order of ours cannot be older than the checkout
 * that placed it, give or take the skew between the two clocks.
 */
const CLOCK_SKEW_MS = 10 * 60_000;

/** Whether something Partner Center created at `date` may belong to the checkout of `purchase`. */
export function createdSinceCheckout(purchase: Gated): (date: string | null | undefined) => boolean {
  const notBefore = Date.parse(purchase.checkout.startedAt) - CLOCK_SKEW_MS;
  return (date) => !date || Date.parse(date) >= notBefore;
}

/**
 * The orders a purchase placed, looked up when no answer to the order call ever arrived: Partner Center
 * links an order to neither the cart nor the MS-RequestId, so the lookup matches what was bought (offer
 * and quantity of every line) by the customer since the checkout started. Empty when nothing matches yet.
 */
export async function ordersMatchingLines(deps: PurchaseDeps, purchase: Gated): Promise<Order[]> {
  const customerId = purchase.customer.id;
  const createdSince = createdSinceCheckout(purchase);
  const wanted = purchase.lines.map((line) => `${line.catalogItemId.toLowerCase()}×${line.quantity}`);
  const orders = (await deps.partnerCenter.listOrders(callContext(purchase), customerId)).filter((order) => createdSince(order.creationDate));
  const ours = orders.filter((order) => order.lineItems.length > 0
    && order.lineItems.every((item) => wanted.includes(`${item.offerId.toLowerCase()}×${item.quantity}`)));
  // An order of offers is one order with every line; a cart splits its lines over one order per group.
  const found = ours.flatMap((order) => order.lineItems.map((item) => `${item.offerId.toLowerCase()}×${item.quantity}`));
  return found.length === wanted.length && wanted.every((key) => found.includes(key)) ? ours : [];
}

/** ordersMatchingLines for a purchase checked out as a Partner Center cart: the cart must read `Ordered` first. */
export async function placedCartOrders(deps: PurchaseDeps, purchase: Gated<CartPurchase | AddOnPurchase>): Promise<Order[]> {
  const cart = await deps.partnerCenter.getCart(callContext(purchase), purchase.customer.id, purchase.cart?.id ?? '');
  if (cart.status?.toLowerCase() !== 'ordered') return [];
  return ordersMatchingLines(deps, purchase);
}
