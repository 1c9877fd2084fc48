import { plainText } from '../../../cards/plain-text';
import { displayText } from '../../../cards/card-guard';
import { renderCard } from '../../../cards/render-card';
import { t, tLabel } from '../../../i18n/translate';
import { lineErrorText } from '../../../partner-center';
import type { Subscription } from '../../../partner-center/schemas';
import { refOf } from '../../views/actions';
import { billingLabel, dateOnly, termLabel } from '../../views/format';
import { linePriceText } from '../../../i18n/prices';
import { pricedLines } from '../../purchase/priced-lines';
import type { AddOnPurchase } from '../../purchase/purchase';
import type { AdaptiveCard } from '../../ports';
import type { AddOnOption } from '../addon-options';
import type { CustomerStepVerbs } from '../../customer/customer-step-card';
import { stepCard } from '../../views/step-card';
import { sharedVerbs } from '../../purchase/shared-verbs';
import { addOnVerbs } from '../addon-verbs';
import { parseQuantity } from '../../quantity';

const cancelAction = (purchase: AddOnPurchase) => addOnVerbs.cancel.action(t(purchase.locale, 'common.cancel'), refOf(purchase), 'destructive');
const backAction = (purchase: AddOnPurchase) => sharedVerbs.addonBack.action(t(purchase.locale, 'common.back'), refOf(purchase));

/** Step 1 is the shared customer step (customer-step-card.ts) with the add-on's verbs. */
export const ADDON_CUSTOMER_VERBS: CustomerStepVerbs = { title: 'addon.customer.title', pick: addOnVerbs.pickCustomer, search: addOnVerbs.searchCustomer, cancel: addOnVerbs.cancel };

/** Step 2: the customer's active subscriptions that sell add-ons. */
export function subscriptionStepCard(purchase: AddOnPurchase, subscriptions: Subscription[], error?: string): AdaptiveCard {
  const locale = purchase.locale;
  const ref = refOf(purchase);
  return stepCard({
    title: t(locale, 'addon.subscription.title'),
    subtitle: plainText(purchase.customer?.name ?? ''),
    error,
    listLabel: t(locale, 'addon.subscription.label'),
    choices: subscriptions.map((s) =>
      addOnVerbs.pickSubscription.action(
        tLabel(locale, 'addon.subscription.choice', { name: s.friendlyName ?? s.offerName ?? s.id, count: s.quantity }),
        { ...ref, subscriptionId: s.id },
      ),
    ),
    emptyText: t(locale, 'addon.subscription.none'),
    actions: [backAction(purchase), cancelAction(purchase)],
  });
}

/** Step 3: the add-ons the subscription's offer allows. */
export function addOnStepCard(purchase: AddOnPurchase, options: AddOnOption[], error?: string): AdaptiveCard {
  const locale = purchase.locale;
  const ref = refOf(purchase);
  return stepCard({
    title: t(locale, 'addon.choice.title'),
    subtitle: t(locale, 'addon.choice.subtitle', { customer: purchase.customer?.name ?? '', base: purchase.addOn?.base?.name ?? '' }),
    error,
    listLabel: t(locale, 'addon.choice.label'),
    choices: options.map((o) => addOnVerbs.pickAddOn.action(displayText(o.choice.name), { ...ref, addOnId: o.choice.id })),
    emptyText: t(locale, 'addon.choice.none'),
    actions: [backAction(purchase), cancelAction(purchase)],
  });
}

interface ConfirmState {
  /** Partner Center has just priced the cart again for this quantity: the rep checks it and taps Buy again. */
  repricedFor?: number;
  quantity?: string;
  quantityError?: string;
  attestationError?: string;
}

/** Step 4: quantity, the attestation and Buy — the last two taps. */
export function addOnConfirmCard(purchase: AddOnPurchase, state: ConfirmState = {}): AdaptiveCard {
  const locale = purchase.locale;
  const ref = refOf(purchase);
  const line = purchase.lines[0];
  const choice = purchase.addOn?.choice;
  const base = purchase.addOn?.base;
  const cartLine = purchase.cart?.lineItems[0];
  const lineError = cartLine?.error;
  const facts = [
    t(locale, 'addon.confirm.base', { base: base?.name ?? '', count: base?.quantity ?? 0 }),
    line?.termDuration
      ? t(locale, 'addon.confirm.term', { term: termLabel(locale, line.termDuration), billing: billingLabel(locale, line.billingCycle) })
      : t(locale, 'addon.confirm.billing', { billing: billingLabel(locale, line?.billingCycle ?? 'monthly') }),
  ];
  if (line?.customTermEndDate) facts.push(t(locale, 'addon.confirm.coterm', { date: dateOnly(locale, line.customTermEndDate) }));
  // The price per licence with its period, the term and what the quantity costs over it.
  const price = pricedLines(purchase)[0]?.price;
  facts.push(price ? linePriceText(locale, price) : t(locale, choice?.family === 'legacy' ? 'addon.confirm.priceLegacy' : 'addon.confirm.priceUnknown'));
  if (state.repricedFor !== undefined) facts.push(t(locale, 'addon.confirm.repriced', { quantity: state.repricedFor }));
  const canBuy = !lineError && line !== undefined && choice !== undefined;
  const error = lineError
    ? t(locale, 'review.lineError', { code: lineError.errorCode, text: lineErrorText(locale, lineError) })
    : '';
  const actions = canBuy ? [addOnVerbs.buy.action(t(locale, 'addon.confirm.buy'), ref, 'positive')] : [];
  actions.push(backAction(purchase), cancelAction(purchase));
  return renderCard('addon-confirm', {
    title: displayText(t(locale, 'addon.confirm.title', { addOn: choice?.name ?? '' })),
    subtitle: plainText(purchase.customer?.name ?? ''),
    facts: facts.map((text) => ({ text: displayText(text) })),
    error,
    canBuy,
    quantityLabel: t(locale, 'addon.confirm.quantity', { min: choice?.minQuantity ?? 1, max: choice?.maxQuantity ?? 1 }),
    quantityRange: t(locale, 'line.quantityRange', { min: choice?.minQuantity ?? 1, max: choice?.maxQuantity ?? 1 }),
    minQuantity: choice?.minQuantity ?? 1,
    maxQuantity: choice?.maxQuantity ?? 1,
    // Input.Number takes a number: what the rep typed is kept only when it is one.
    quantity: parseQuantity(state.quantity) ?? line?.quantity ?? choice?.minQuantity ?? 1,
    quantityError: state.quantityError ?? '',
    attestationLabel: t(locale, 'confirm.attestationLabel'),
    attestationText: t(locale, 'confirm.attestationText'),
    attestationError: state.attestationError ?? '',
    actions,
  });
}
