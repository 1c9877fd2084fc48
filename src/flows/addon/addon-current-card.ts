import { t } from '../../i18n/translate';
import type { CartDeps } from '../cart/cart-deps';
import { callContext } from '../cart/cart-deps';
import { noticeCard } from '../cart/views/notice-card';
import { progressCard } from '../cart/views/progress-card';
import { resultCard } from '../cart/views/result-card';
import type { Purchase } from '../purchase/purchase';
import type { AdaptiveCard } from '../ports';
import { addOnBases, addOnOptions } from './addon-options';
import { addOnConfirmCard, addOnStepCard, customerStepCard, subscriptionStepCard } from './views/addon-cards';

/** The card for an add-on purchase as stored: after a restart, a stale click or "Back". */
export async function addOnCurrentCard(deps: CartDeps, purchase: Purchase): Promise<AdaptiveCard> {
  const locale = purchase.locale;
  switch (purchase.status) {
    case 'ordered':
    case 'failed':
      return resultCard(purchase);
    case 'cancelled':
    case 'expired':
      return noticeCard(t(locale, 'addon.cancelled.title'), t(locale, 'addon.cancelled.text'));
    case 'checking_out':
    case 'approved':
    case 'awaiting_approval':
      return progressCard(t(locale, 'checkout.title'), purchase.customer?.name ?? '', t(locale, 'checkout.text', { customer: purchase.customer?.name ?? '' }));
    case 'draft':
    case 'priced':
      return stepCardFor(deps, purchase);
  }
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
