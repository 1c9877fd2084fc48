import { plainText } from '../../../cards/plain-text';
import { displayText } from '../../../cards/card-guard';
import { renderCard } from '../../../cards/render-card';
import type { MessageKey } from '../../../i18n/catalogs';
import { t, tLabel } from '../../../i18n/translate';
import { lineErrorText } from '../../../partner-center';
import type { Subscription } from '../../../partner-center/schemas';
import { action, refOf, type CardAction } from '../../cart/views/actions';
import { billingLabel, dateOnly, money, termLabel } from '../../cart/views/format';
import type { CustomerRef, Purchase } from '../../purchase/purchase';
import type { AdaptiveCard, SearchResult } from '../../ports';
import type { AddOnOption } from '../addon-options';

/** Buttons per list: a phone shows about this many without scrolling, and Teams caps card size. */
const MAX_CHOICES = 8;

interface StepView {
  title: string;
  subtitle: string;
  error?: string;
  listLabel: string;
  choices: CardAction[];
  emptyText: string;
  search?: { label: string; placeholder: string; value: string; action: CardAction };
  actions: CardAction[];
}

function stepCard(view: StepView): AdaptiveCard {
  return renderCard('addon-step', {
    ...view,
    title: displayText(view.title),
    subtitle: displayText(view.subtitle),
    error: view.error ?? '',
    choices: view.choices.slice(0, MAX_CHOICES),
    showSearch: view.search !== undefined,
    search: view.search ?? { label: '', placeholder: '', value: '', action: action('', '', {}) },
  });
}

const cancelAction = (purchase: Purchase) => action(t(purchase.locale, 'common.cancel'), 'addon.cancel', refOf(purchase), 'destructive');
const backAction = (purchase: Purchase) => action(t(purchase.locale, 'common.back'), 'addon.back', refOf(purchase));

export interface CustomerStepVerbs {
  title: MessageKey;
  pick: string;
  search: string;
  cancel: string;
}

const ADDON_CUSTOMER_VERBS: CustomerStepVerbs = { title: 'addon.customer.title', pick: 'addon.pickCustomer', search: 'addon.searchCustomer', cancel: 'addon.cancel' };

/**
 * Step 1: recent customers as one-tap buttons, then search results, with the search box below. The order
 * flow uses the same card with its own verbs.
 */
export function customerStepCard(
  purchase: Purchase, state: { recent: CustomerRef[]; results: SearchResult[]; query: string; error?: string },
  verbs: CustomerStepVerbs = ADDON_CUSTOMER_VERBS,
): AdaptiveCard {
  const locale = purchase.locale;
  const ref = refOf(purchase);
  const pick = (title: string, customerId: string) => action(title, verbs.pick, { ...ref, customerId });
  const searching = state.query !== '';
  return stepCard({
    title: t(locale, verbs.title),
    subtitle: t(locale, searching ? 'addon.customer.results' : 'addon.customer.hint'),
    error: state.error,
    listLabel: t(locale, searching ? 'addon.customer.found' : 'addon.customer.recent'),
    choices: searching ? state.results.map((r) => pick(displayText(r.title), r.value)) : state.recent.map((c) => pick(displayText(c.name), c.id)),
    emptyText: searching ? t(locale, 'addon.customer.none', { query: state.query }) : '',
    search: {
      label: t(locale, 'addon.customer.searchLabel'),
      placeholder: t(locale, 'addon.customer.placeholder'),
      value: displayText(state.query),
      action: action(t(locale, 'common.search'), verbs.search, ref),
    },
    actions: [action(t(locale, 'common.cancel'), verbs.cancel, ref, 'destructive')],
  });
}

/** Step 2: the customer's active subscriptions that sell add-ons. */
export function subscriptionStepCard(purchase: Purchase, subscriptions: Subscription[], error?: string): AdaptiveCard {
  const locale = purchase.locale;
  const ref = refOf(purchase);
  return stepCard({
    title: t(locale, 'addon.subscription.title'),
    subtitle: plainText(purchase.customer?.name ?? ''),
    error,
    listLabel: t(locale, 'addon.subscription.label'),
    choices: subscriptions.map((s) =>
      action(
        tLabel(locale, 'addon.subscription.choice', { name: s.friendlyName ?? s.offerName ?? s.id, count: s.quantity }),
        'addon.pickSubscription',
        { ...ref, subscriptionId: s.id },
      ),
    ),
    emptyText: t(locale, 'addon.subscription.none'),
    actions: [backAction(purchase), cancelAction(purchase)],
  });
}

/** Step 3: the add-ons the subscription's offer allows. */
export function addOnStepCard(purchase: Purchase, options: AddOnOption[], error?: string): AdaptiveCard {
  const locale = purchase.locale;
  const ref = refOf(purchase);
  return stepCard({
    title: t(locale, 'addon.choice.title'),
    subtitle: t(locale, 'addon.choice.subtitle', { customer: purchase.customer?.name ?? '', base: purchase.addOn?.base?.name ?? '' }),
    error,
    listLabel: t(locale, 'addon.choice.label'),
    choices: options.map((o) => action(displayText(o.choice.name), 'addon.pickAddOn', { ...ref, addOnId: o.choice.id })),
    emptyText: t(locale, 'addon.choice.none'),
    actions: [backAction(purchase), cancelAction(purchase)],
  });
}

export interface ConfirmState {
  /** Partner Center has just priced the cart again for this quantity: the rep checks it and taps Buy again. */
  repricedFor?: number;
  quantity?: string;
  quantityError?: string;
  attestationError?: string;
}

/** Step 4: quantity, the attestation and Buy — the last two taps. */
export function addOnConfirmCard(purchase: Purchase, state: ConfirmState = {}): AdaptiveCard {
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
  const unit = cartLine?.pricing?.price ?? cartLine?.pricing?.listPrice;
  facts.push(
    unit === undefined || unit === null
      ? t(locale, choice?.family === 'legacy' ? 'addon.confirm.priceLegacy' : 'addon.confirm.priceUnknown')
      : t(locale, 'addon.confirm.price', { price: money(locale, unit, cartLine?.currencyCode ?? 'USD') }),
  );
  const total = cartLine?.pricing?.extendedPrice;
  if (typeof total === 'number' && cartLine) {
    facts.push(t(locale, 'addon.confirm.total', { quantity: cartLine.quantity, total: money(locale, total, cartLine.currencyCode ?? 'USD') }));
  }
  if (state.repricedFor !== undefined) facts.push(t(locale, 'addon.confirm.repriced', { quantity: state.repricedFor }));
  const canBuy = !lineError && line !== undefined && choice !== undefined;
  const error = lineError
    ? t(locale, 'review.lineError', { code: lineError.errorCode, text: lineErrorText(locale, lineError) })
    : '';
  const actions = canBuy ? [action(t(locale, 'addon.confirm.buy'), 'addon.buy', ref, 'positive')] : [];
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
    quantity: numberOr(state.quantity, line?.quantity ?? choice?.minQuantity ?? 1),
    quantityError: state.quantityError ?? '',
    attestationLabel: t(locale, 'confirm.attestationLabel'),
    attestationText: t(locale, 'confirm.attestationText'),
    attestationError: state.attestationError ?? '',
    actions,
  });
}

function numberOr(typed: string | undefined, fallback: number): number {
  return typed !== undefined && /^\d{1,9}$/.test(typed) ? Number(typed) : fallback;
}
