import { plainText } from '../../../cards/plain-text';
import { displayText } from '../../../cards/card-guard';
import { renderCard } from '../../../cards/render-card';
import { cardDateTime, cardDate } from '../../../i18n/card-time';
import { cartCommitments, cartCommitmentTexts, linePriceText, termText } from '../../../i18n/prices';
import { money } from '../../../i18n/money';
import { t, tLabel } from '../../../i18n/translate';
import type { Subscription } from '../../../partner-center/schemas';
import { changeOptions, type ChangeOptions } from '../../../partner-center/subscription-changes';
import { refOf } from '../../views/actions';
import type { CardAction } from '../../card-verb';
import { billingLabel } from '../../views/format';
import type { CustomerStepVerbs } from '../../customer/customer-step-card';
import type { SeatsPurchase } from '../../purchase/purchase';
import type { SeatChange, SeatSubscription } from '../../purchase/seats-state';
import type { AdaptiveCard } from '../../ports';
import { stepCard } from '../../views/step-card';
import { parseQuantity } from '../../quantity';
import { sharedVerbs } from '../../purchase/shared-verbs';
import { seatsVerbs } from '../seats-verbs';
import { licenceLine, seatDifferenceLine } from '../seat-change-money';

export const SEATS_CUSTOMER_VERBS: CustomerStepVerbs = { title: 'seats.customer.title', pick: seatsVerbs.pickCustomer, search: seatsVerbs.searchCustomer, cancel: seatsVerbs.cancel };

const dropAction = (purchase: SeatsPurchase) => seatsVerbs.cancel.action(t(purchase.locale, 'common.cancel'), refOf(purchase), 'destructive');
const backAction = (purchase: SeatsPurchase) => sharedVerbs.seatsBack.action(t(purchase.locale, 'common.back'), refOf(purchase));

/** "1-year term, billed monthly" in one line, for a subscription button. */
function termAndBilling(locale: string, s: { termDuration?: string | null; billingCycle?: SeatSubscription['billingCycle'] | null }): string {
  const billing = s.billingCycle ? billingLabel(locale, s.billingCycle) : '';
  return [s.termDuration ? termText(locale, s.termDuration) : '', billing].filter(Boolean).join(', ');
}

/** Step 2: the customer's active licence subscriptions, with their totals, terms and billing. */
export function seatSubscriptionsCard(purchase: SeatsPurchase, subscriptions: Subscription[], error?: string): AdaptiveCard {
  const locale = purchase.locale;
  const ref = refOf(purchase);
  return stepCard({
    title: t(locale, 'seats.subscription.title'),
    subtitle: plainText(purchase.customer?.name ?? ''),
    error,
    listLabel: t(locale, 'seats.subscription.label'),
    choices: subscriptions.map((s) => seatsVerbs.pickSubscription.action(
      tLabel(locale, 'seats.subscription.choice', { name: s.friendlyName ?? s.offerName ?? s.id, count: s.quantity, term: termAndBilling(locale, s) }),
      { ...ref, subscriptionId: s.id },
    )),
    emptyText: t(locale, 'seats.subscription.none'),
    actions: [backAction(purchase), dropAction(purchase)],
  });
}

/** The reduce and cancel windows in words: what is still open and until when, or when it closed. */
function windowFacts(locale: string, options: ChangeOptions): string[] {
  const facts: string[] = [];
  const reduce = options.reduce;
  if (reduce.kind === 'allowed') {
    facts.push(reduce.until
      ? t(locale, 'seats.quantity.reduceUntil', { count: reduce.byAtMost, date: cardDateTime(reduce.until.toISOString()) })
      : t(locale, 'seats.quantity.reduceAnyTime', { count: reduce.byAtMost }));
  } else if (reduce.kind === 'window_closed') {
    facts.push(reduce.closedAt ? t(locale, 'seats.quantity.reduceClosed', { date: cardDateTime(reduce.closedAt.toISOString()) }) : t(locale, 'seats.quantity.reduceClosedUndated'));
  } else if (reduce.kind === 'not_for_this_product') {
    facts.push(t(locale, 'seats.quantity.reduceNever'));
  }
  const cancel = options.cancel;
  if (cancel.kind === 'allowed') {
    facts.push(t(locale, 'seats.quantity.cancelUntil', { date: cardDateTime(cancel.until.toISOString()), refund: t(locale, `seats.refund.${cancel.refund}`) }));
  } else if (cancel.kind === 'window_closed') {
    facts.push(t(locale, 'seats.quantity.cancelClosed', { date: cardDateTime(cancel.closedAt.toISOString()) }));
  }
  return facts;
}

interface QuantityState {
  quantity?: string;
  error?: string;
  /** What is still possible when the reduction asked for is not. */
  hint?: string;
  /** The same as buttons: auto-renew off, and the total typed as the quantity from the renewal on. */
  renewal?: { autoRenewOff: boolean; lowerTo?: number };
}

/** Step 3: the subscription as it is now, its windows, and the new total (prefilled with the current one). */
export function seatQuantityCard(purchase: SeatsPurchase, subscription: Subscription, now: Date, state: QuantityState = {}): AdaptiveCard {
  const locale = purchase.locale;
  const ref = refOf(purchase);
  const options = changeOptions(subscription, now);
  const facts = [
    t(locale, 'seats.quantity.current', { count: subscription.quantity }),
    t(locale, 'seats.quantity.term', { term: termText(locale, subscription.termDuration), billing: billingLabel(locale, subscription.billingCycle ?? 'monthly') }),
  ];
  if (subscription.commitmentEndDate) facts.push(t(locale, 'seats.quantity.renews', { date: cardDate(subscription.commitmentEndDate) }));
  facts.push(...windowFacts(locale, options));
  if (state.hint) facts.push(state.hint);
  const actions: CardAction[] = [seatsVerbs.review.action(t(locale, 'seats.quantity.review'), ref, 'positive')];
  if (options.cancel.kind === 'allowed') actions.push(seatsVerbs.cancelSubscription.action(t(locale, 'seats.quantity.cancelSubscription'), ref, 'destructive'));
  // What the renewal still allows, each on its own row under the reason: a phone has no room for them beside the others.
  const renewalActions: CardAction[] = [];
  if (state.renewal?.lowerTo !== undefined) {
    const lowerTo = state.renewal.lowerTo;
    renewalActions.push(seatsVerbs.lowerAtRenewal.action(tLabel(locale, 'seats.renewal.lowerTo', { count: lowerTo }), { ...ref, renewalQuantity: lowerTo }));
  }
  if (state.renewal?.autoRenewOff) renewalActions.push(seatsVerbs.autoRenewOff.action(t(locale, 'seats.renewal.autoRenewOff'), ref));
  actions.push(backAction(purchase), dropAction(purchase));
  return changeCard({
    title: plainText(subscription.friendlyName ?? subscription.offerName ?? subscription.id),
    subtitle: plainText(purchase.customer?.name ?? ''),
    facts,
    error: state.error,
    quantity: { label: t(locale, 'seats.quantity.label'), range: t(locale, 'seats.quantity.range'), value: parseQuantity(state.quantity) ?? subscription.quantity },
    secondaryActions: renewalActions,
    actions,
  });
}

/** Step 4: old → new, what it adds or removes, then "Change seats". */
export function seatReviewCard(purchase: SeatsPurchase): AdaptiveCard {
  const locale = purchase.locale;
  const subscription = purchase.seats.subscription;
  const change = purchase.seats.change;
  const name = subscription?.name ?? '';
  if (change?.kind === 'cancel') return cancelReviewCard(purchase, name, change.quantity);
  if (change?.kind === 'auto_renew' || change?.kind === 'scheduled_quantity') return renewalReviewCard(purchase, name, change);
  const from = change?.from ?? 0;
  const to = change?.to ?? 0;
  const facts = [
    t(locale, 'seats.review.fromTo', { from, to }),
    to > from ? t(locale, 'seats.review.adds', { count: to - from }) : t(locale, 'seats.review.removes', { count: from - to }),
    ...priceFacts(purchase, to - from),
  ];
  if (to > from) facts.push(t(locale, 'seats.review.undoFor'));
  return changeCard({
    title: displayText(t(locale, 'seats.review.title', { name: plainText(name) })),
    subtitle: plainText(purchase.customer?.name ?? ''),
    facts,
    actions: [seatsVerbs.change.action(t(locale, 'seats.review.change'), refOf(purchase), 'positive'), backAction(purchase), dropAction(purchase)],
  });
}

/**
 * The price of one licence per period and what the change adds (each period and over a term) or takes
 * off each period, at the price Partner Center quoted; or that it gave none.
 */
function priceFacts(purchase: SeatsPurchase, delta: number): string[] {
  const locale = purchase.locale;
  const unit = licenceLine(purchase);
  const difference = seatDifferenceLine(purchase);
  if (!unit || !difference) return [t(locale, 'seats.review.priceUnavailable')];
  const perLicence = t(locale, 'seats.review.unitPrice', { price: linePriceText(locale, unit) });
  if (delta > 0) {
    const amounts = cartCommitmentTexts(locale, [difference]).join(' · ');
    return [perLicence, t(locale, 'seats.review.addsCost', { count: delta, amounts }), t(locale, 'seats.review.priceNote')];
  }
  const less = cartCommitments([difference]).flatMap(({ currency, dueEachPeriod }) =>
    dueEachPeriod.map(({ billingCycle, amount }) => t(locale, `seats.review.less.${billingCycle}`, { amount: money(locale, amount, currency) })));
  return [perLicence, ...less];
}

/** The cancellation's confirmation: customer, product, quantity and refund, named before anything is sent. */
function cancelReviewCard(purchase: SeatsPurchase, name: string, quantity: number): AdaptiveCard {
  const locale = purchase.locale;
  const cancel = purchase.seats.cancelWindow;
  const facts = [
    t(locale, 'seats.cancel.customer', { customer: plainText(purchase.customer?.name ?? '') }),
    t(locale, 'seats.cancel.quantity', { count: quantity }),
  ];
  if (cancel) facts.push(t(locale, 'seats.cancel.refund', { refund: t(locale, `seats.refund.${cancel.refund}`), date: cardDateTime(cancel.until) }));
  return changeCard({
    title: displayText(t(locale, 'seats.cancel.title', { name: plainText(name) })),
    subtitle: plainText(purchase.customer?.name ?? ''),
    facts,
    actions: [seatsVerbs.change.action(t(locale, 'seats.cancel.confirm'), refOf(purchase), 'destructive'), backAction(purchase), dropAction(purchase)],
  });
}

/**
 * The confirmation of a change at renewal (auto-renew off, fewer licences from the next term): what the
 * customer keeps until then and what happens on the renewal date, named before anything is sent.
 */
function renewalReviewCard(purchase: SeatsPurchase, name: string, change: Extract<SeatChange, { kind: 'auto_renew' | 'scheduled_quantity' }>): AdaptiveCard {
  const locale = purchase.locale;
  const subscription = purchase.seats.subscription;
  const date = cardDate(subscription?.commitmentEndDate);
  const quantity = subscription?.quantity ?? 0;
  const customer = t(locale, 'seats.cancel.customer', { customer: plainText(purchase.customer?.name ?? '') });
  const view = change.kind === 'auto_renew'
    ? {
        title: t(locale, 'seats.autoRenew.title', { name: plainText(name) }),
        facts: [customer, t(locale, 'seats.autoRenew.ends', { date }), t(locale, 'seats.autoRenew.keeps', { count: quantity })],
        confirm: seatsVerbs.change.action(t(locale, 'seats.autoRenew.confirm'), refOf(purchase), 'destructive'),
      }
    : {
        title: t(locale, 'seats.schedule.title', { name: plainText(name) }),
        facts: [
          customer,
          t(locale, 'seats.schedule.fromTo', { from: change.from, to: change.quantity, date }),
          t(locale, 'seats.schedule.keeps', { count: change.from }),
          ...(change.scheduledBefore === undefined ? [] : [t(locale, 'seats.schedule.replaces', { count: change.scheduledBefore })]),
        ],
        confirm: seatsVerbs.change.action(t(locale, 'seats.schedule.confirm'), refOf(purchase), 'positive'),
      };
  return changeCard({
    title: displayText(view.title),
    subtitle: plainText(purchase.customer?.name ?? ''),
    facts: view.facts,
    actions: [view.confirm, backAction(purchase), dropAction(purchase)],
  });
}

interface ChangeView {
  title: string;
  subtitle: string;
  facts: string[];
  error?: string;
  quantity?: { label: string; range: string; value: number };
  /** Buttons shown one per row under the facts and the error (before the new total). */
  secondaryActions?: CardAction[];
  actions: CardAction[];
}

/** The one template of the seat cards: facts (which may hold card times), an optional new total, buttons. */
export function changeCard(view: ChangeView): AdaptiveCard {
  return renderCard('seats-change', {
    title: view.title,
    subtitle: view.subtitle,
    facts: view.facts.map((text) => ({ text: displayText(text) })),
    error: displayText(view.error ?? ''),
    showQuantity: view.quantity !== undefined,
    quantityLabel: view.quantity?.label ?? '',
    quantityRange: view.quantity?.range ?? '',
    quantity: view.quantity?.value ?? 1,
    quantityError: '',
    secondaryActions: view.secondaryActions ?? [],
    actions: view.actions,
  });
}
