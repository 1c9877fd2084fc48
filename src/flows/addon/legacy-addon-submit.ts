import type { CartCheckoutResult, OrderInput } from '../../partner-center/schemas';
import { callContext, type PurchaseDeps } from '../purchase/purchase-deps';
import type { AddOnPurchase, Gated } from '../purchase/purchase';

/**
 * The PATCH New-PartnerCustomerOrder sends for its AddOn parameter set (seed example 2,
 * purchase-an-add-on-to-a-subscription.md): the base subscription's order, with one line naming the
 * add-on offer and `parentSubscriptionId`. POST would answer 2000 ("ParentSubscriptionId is not
 * supported for this request"). Pure, so the same body goes out on every retry.
 */
function legacyAddOnRequest(purchase: AddOnPurchase): { orderId: string; body: OrderInput } {
  const base = purchase.addOn.base;
  const line = purchase.lines[0];
  if (!base?.orderId || !line || !purchase.customer) throw new Error(`add-on purchase ${purchase.id} has no base order or line`);
  return {
    orderId: base.orderId,
    body: {
      referenceCustomerId: purchase.customer.id,
      lineItems: [
        { lineItemNumber: 0, offerId: line.catalogItemId, friendlyName: line.friendlyName, quantity: line.quantity, parentSubscriptionId: base.id },
      ],
    },
  };
}

/** Sends it with the MS-RequestId fixed at the gate, so a retry after a timeout is deduplicated (headers.md). */
export async function submitLegacyAddOn(deps: PurchaseDeps, purchase: Gated<AddOnPurchase>): Promise<CartCheckoutResult> {
  const { orderId, body } = legacyAddOnRequest(purchase);
  const order = await deps.partnerCenter.addAddOnToOrder(callContext(purchase, purchase.checkout.checkoutRequestId), purchase.customer.id, orderId, body);
  return { orders: [order] };
}
