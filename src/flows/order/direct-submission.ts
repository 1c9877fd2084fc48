import type { CartCheckoutResult } from '../../partner-center/schemas';
import { submitLegacyAddOn } from '../addon/legacy-addon-submit';
import { callContext, type CartDeps } from '../cart/cart-deps';
import type { Purchase } from '../purchase/purchase';
import { buildOrderRequest } from './order-request';

export type DirectSubmission = (deps: CartDeps, purchase: Purchase) => Promise<CartCheckoutResult>;

/**
 * Purchases that skip the cart API: orders (POST /orders) and legacy add-ons (PATCH the base order).
 * Their Partner Center answer is one Order, stored as a one-order checkout result so that the result
 * card, the announcement and the provisioning watch treat every path alike. Undefined: a cart checkout.
 */
export function directSubmission(purchase: Purchase): DirectSubmission | undefined {
  if (purchase.kind === 'order') return submitOrder;
  if (purchase.kind === 'addon' && purchase.addOn?.choice?.family === 'legacy') return submitLegacyAddOn;
  return undefined;
}

/** The MS-RequestId was fixed at the gate: a retry after a timeout or a crash cannot order twice. */
async function submitOrder(deps: CartDeps, purchase: Purchase): Promise<CartCheckoutResult> {
  const checkout = purchase.checkout!;
  const order = await deps.partnerCenter.createOrder(
    callContext(purchase, checkout.checkoutRequestId), purchase.customer!.id, buildOrderRequest(purchase, checkout.attestation),
  );
  return { orders: [order] };
}
