import { t } from '../../i18n/translate';
import { callContext, type PurchaseDeps } from '../purchase/purchase-deps';
import { submittedPurchaseCard } from '../purchase/submitted-purchase-card';
import { noticeCard } from '../views/notice-card';
import type { AddOnPurchase } from '../purchase/purchase';
import type { AdaptiveCard } from '../ports';
import { submitCart } from '../purchase/cart-submission';
import type { PurchaseKindHandler } from '../purchase/purchase-kind';
import { placedCartOrders } from '../purchase/outcome/find-placed-orders';
import { addOnTotals } from '../purchase/purchase-totals';
import { addOnApprovalSubject } from './views/addon-approval-subject';
import { submitLegacyAddOn } from './legacy-addon-submit';
import { findLegacyAddOnOrder } from './find-legacy-addon';
import { addOnBases, addOnOptions } from './addon-options';
import { ADDON_CUSTOMER_VERBS, addOnConfirmCard, addOnStepCard, subscriptionStepCard } from './views/addon-cards';
import { customerStepCard } from '../customer/customer-step-card';
import { addOnAfterApproval } from './addon-after-approval';

/**
 * The quick add-on: a legacy add-on is bought by PATCHing its base subscription's order; a new-commerce
 * one is priced and checked out as a one-line Partner Center cart.
 */
export const addOnKind: PurchaseKindHandler<AddOnPurchase> = {
  currentCard: addOnCurrentCard,
  submission: (purchase) => {
    if (isLegacy(purchase)) return (deps) => submitLegacyAddOn(deps, purchase);
    const cartId = purchase.cart?.id;
    return cartId ? (deps, resuming) => submitCart(deps, purchase, cartId, resuming) : undefined;
  },
  findPlacedOrders: (deps, purchase) => (isLegacy(purchase) ? findLegacyAddOnOrder(deps, purchase) : placedCartOrders(deps, purchase)),
  cancelledAction: 'addon.cancelled',
  totals: addOnTotals,
  approvalSubject: addOnApprovalSubject,
  afterApproval: addOnAfterApproval,
};

function isLegacy(purchase: AddOnPurchase): boolean {
  return purchase.addOn.choice?.family === 'legacy';
}

/**
 * The card for an add-on purchase as stored: after a restart, a stale click or "Back". A request waiting
 * for an approver never gets here: currentCard shows the requester's approval card first.
 */
export async function addOnCurrentCard(deps: PurchaseDeps, purchase: AddOnPurchase): Promise<AdaptiveCard> {
  const submitted = await submittedPurchaseCard(deps, purchase);
  if (submitted) return submitted;
  if (purchase.status === 'cancelled' || purchase.status === 'expired') {
    return noticeCard(t(purchase.locale, 'addon.cancelled.title'), t(purchase.locale, 'addon.cancelled.text'));
  }
  return stepCardFor(deps, purchase);
}

async function stepCardFor(deps: PurchaseDeps, purchase: AddOnPurchase): Promise<AdaptiveCard> {
  const state = purchase.addOn;
  const customer = purchase.customer;
  if (!state || state.step === 'customer' || !customer) return customerStepCard(purchase, { recent: [], results: [], query: '' }, ADDON_CUSTOMER_VERBS);
  const ctx = callContext(purchase);
  if (state.step === 'subscription' || !state.base) {
    return subscriptionStepCard(purchase, addOnBases(await deps.catalog.listSubscriptions(ctx, customer.id)));
  }
  if (state.step === 'addon' || !state.choice) {
    const partnerCustomer = await deps.catalog.getCustomer(ctx, customer.id);
    return addOnStepCard(purchase, await addOnOptions(deps.catalog, ctx, partnerCustomer, state.base));
  }
  return addOnConfirmCard(purchase);
}
