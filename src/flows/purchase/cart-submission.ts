import type { CartCheckoutResult } from '../../partner-center/schemas';
import { buildCartRequest } from './cart-request';
import { placementOutcome } from './checkout-outcome';
import type { AddOnPurchase, CartPurchase, Gated } from './purchase';
import { callContext, type PurchaseDeps } from './purchase-deps';
import { errorLogFields } from '../../partner-center';

/**
 * The submission of a purchase priced as a Partner Center cart (a cart, a new-commerce add-on): PUT the
 * cart with the attestation, then check it out, both under the MS-RequestIds fixed at the gate.
 */
export async function submitCart(deps: PurchaseDeps, purchase: Gated<CartPurchase | AddOnPurchase>, cartId: string, resuming: boolean): Promise<CartCheckoutResult> {
  const checkout = purchase.checkout;
  const customerId = purchase.customer.id;
  // A checkout resumed after a restart may find its cart already ordered: then no PUT (it would fail 800065).
  // When that read fails the PUT goes ahead: its own failure (800065 included) decides the outcome.
  const current = resuming ? await deps.partnerCenter.getCart(callContext(purchase), customerId, cartId).catch((error: unknown) => {
    deps.log.warn({ ...errorLogFields(error), purchaseId: purchase.id }, 'could not re-read the cart of a resumed checkout');
    return undefined;
  }) : undefined;
  if (current?.status?.toLowerCase() !== 'ordered') {
    await deps.partnerCenter.updateCart(callContext(purchase, checkout.updateRequestId), customerId, cartId, buildCartRequest(purchase.lines, checkout.attestation));
  }
  const checkoutContext = callContext(purchase, checkout.checkoutRequestId);
  try {
    return await deps.partnerCenter.checkoutCart(checkoutContext, customerId, cartId);
  } catch (error) {
    // After a timeout or outage the order may still have been placed: re-read the cart, and if it was
    // ordered, checkout returns the stored result instead of ordering again.
    if (placementOutcome(error) !== 'unknown') throw error;
    const cart = await deps.partnerCenter.getCart(callContext(purchase), customerId, cartId);
    if (cart.status?.toLowerCase() !== 'ordered') throw error;
    return deps.partnerCenter.checkoutCart(checkoutContext, customerId, cartId);
  }
}
