import { t } from '../../i18n/translate';
import type { AdaptiveCard } from '../ports';
import { submitCart } from '../purchase/cart-submission';
import { placedCartOrders } from '../purchase/outcome/find-placed-orders';
import { pricedCartTotals } from '../purchase/purchase-totals';
import type { CartPurchase } from '../purchase/purchase';
import type { PurchaseDeps } from '../purchase/purchase-deps';
import type { PurchaseKindHandler } from '../purchase/purchase-kind';
import { submittedPurchaseCard } from '../purchase/submitted-purchase-card';
import { noticeCard } from '../views/notice-card';
import { lineEditorCard } from './line-editor';
import { productStep } from './product-step';
import { draftCard } from './views/draft-card';
import { customerPickerCard } from './views/picker-card';
import { reviewCard } from './views/review-card';

/** The cart: lines built product by product, priced as a Partner Center cart and checked out as one. */
export const cartKind: PurchaseKindHandler<CartPurchase> = {
  currentCard: cartCurrentCard,
  submission: (purchase) => {
    const cartId = purchase.cart?.id;
    return cartId ? (deps, resuming) => submitCart(deps, purchase, cartId, resuming) : undefined;
  },
  findPlacedOrders: placedCartOrders,
  // The review with Partner Center's prices is where the rep ticks the attestation and places the order.
  confirmationCard: reviewCard,
  cancelledAction: 'cart.cancelled',
  totals: pricedCartTotals,
};

async function cartCurrentCard(deps: PurchaseDeps, purchase: CartPurchase): Promise<AdaptiveCard> {
  const submitted = await submittedPurchaseCard(deps, purchase);
  if (submitted) return submitted;
  const locale = purchase.locale;
  if (purchase.status === 'cancelled') return noticeCard(t(locale, 'cancelled.title'), t(locale, 'cancelled.text'));
  if (purchase.status === 'priced') return reviewCard(purchase);
  // A restart or a stale click: the rep's recent customers are not at hand here, the search is.
  if (!purchase.customer) return customerPickerCard(purchase, []);
  if (purchase.editing) return lineEditorCard(deps, purchase, purchase.editing.productId, purchase.editing.lineId);
  // A customer and no line yet: the rep is picking the first product (what "Select customer" showed).
  if (purchase.lines.length === 0) return productStep(deps, purchase);
  return draftCard(purchase);
}
