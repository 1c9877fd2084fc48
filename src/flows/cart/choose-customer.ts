import type { Actor, AdaptiveCard } from '../ports';
import type { CartPurchase, CustomerRef } from '../purchase/purchase';
import type { LoadedPurchase } from '../purchase/purchase-repository';
import type { PurchaseDeps } from '../purchase/purchase-deps';
import { currentCard } from '../purchase/current-card';
import { productStep } from './product-step';
import type { CustomerStep } from '../customer/customer-step';
import { CART_CUSTOMER_VERBS } from './views/picker-card';

/**
 * The customer (read from Partner Center by the caller) becomes the cart's and the product step opens.
 * The lines and the Partner Center cart stay only when it is the same customer again. One conditional
 * write: whoever changed the cart first wins, and the loser sees the cart as it now is.
 */
async function chooseCustomer(deps: PurchaseDeps, actor: Actor, loaded: LoadedPurchase<CartPurchase>, customer: CustomerRef): Promise<AdaptiveCard> {
  const purchase = loaded.purchase;
  const same = purchase.customer?.id === customer.id;
  const next: CartPurchase = {
    ...purchase,
    customer,
    lines: same ? purchase.lines : [],
    cart: same ? purchase.cart : undefined,
    removedLine: undefined,
    status: 'draft',
  };
  const outcome = await deps.purchases.saveOrReload(loaded, next, { action: 'customer.chosen', actor });
  return outcome.saved ? productStep(deps, outcome.purchase) : currentCard(deps, outcome.purchase);
}

/** The cart's customer step: once the customer is chosen (read from Partner Center), the product step. */
export function cartCustomerStep(deps: PurchaseDeps, actor: Actor): CustomerStep<CartPurchase> {
  return { verbs: CART_CUSTOMER_VERBS, chosen: async (loaded, { ref }) => ({ card: await chooseCustomer(deps, actor, loaded, ref) }) };
}
