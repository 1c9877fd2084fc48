import { t } from '../../i18n/translate';
import { callContext, type CartDeps } from '../cart/cart-deps';
import { submittedPurchaseCard } from '../cart/submitted-purchase-card';
import { noticeCard } from '../cart/views/notice-card';
import type { Purchase } from '../purchase/purchase';
import type { AdaptiveCard } from '../ports';
import { addOnBases, addOnOptions } from './addon-options';
import { addOnConfirmCard, addOnStepCard, customerStepCard, subscriptionStepCard } from './views/addon-cards';

/**
 * The card for an add-on purchase as stored: after a restart, a stale click or "Back". A request waiting
 * for an approver never gets here: currentCard shows the requester's approval card first.
 */
export async function addOnCurrentCard(deps: CartDeps, purchase: Purchase): Promise<AdaptiveCard> {
  const submitted = submittedPurchaseCard(purchase);
  if (submitted) return submitted;
  if (purchase.status === 'cancelled' || purchase.status === 'expired') {
    return noticeCard(t(purchase.locale, 'addon.cancelled.title'), t(purchase.locale, 'addon.cancelled.text'));
  }
  return stepCardFor(deps, purchase);
}

async function stepCardFor(deps: CartDeps, purchase: Purchase): Promise<AdaptiveCard> {
  const state = purchase.addOn;
  const customer = purchase.customer;
  if (!state || state.step === 'customer' || !customer) return customerStepCard(purchase, { recent: [], results: [], query: '' });
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
