import type { z } from 'zod';
import { cardDateTime } from '../../i18n/card-time';
import { t } from '../../i18n/translate';
import type { Subscription } from '../../partner-center/schemas';
import { changeOptions, checkTargetQuantity, type TargetCheck } from '../../partner-center/subscription-changes';
import { submitPurchase } from '../purchase/checkout-handlers';
import { saveAndShow } from '../purchase/save-and-show';
import type { SeatsPurchase } from '../purchase/purchase';
import type { ActionTurn, TurnResult } from '../ports';
import type { CustomerStepDeps } from '../customer/customer-deps';
import type { purchaseRefSchema } from '../purchase/payloads';
import { openSeats } from './access';
import { openWithSubscription } from './open-with-subscription';
import { seatsCurrentCard } from './seats-kind';
import { seatSubscriptionOf } from './seat-subscriptions';
import type { seatsQuantityPayload } from './payloads';
import type { SeatPriceQuotes } from './seat-price-quotes';
import { seatQuantityCard, seatReviewCard } from './views/seats-cards';

type Ref = z.infer<typeof purchaseRefSchema>;

/**
 * "Review" with the new total: checked against Partner Center's windows before anything is stored or
 * sent, and priced (one licence of the subscription's offer, SeatPriceQuotes).
 */
export async function reviewSeats(
  deps: CustomerStepDeps, quotes: SeatPriceQuotes, turn: ActionTurn, p: z.infer<typeof seatsQuantityPayload>,
): Promise<TurnResult> {
  const opened = await openWithSubscription(deps, turn, p);
  if ('result' in opened) return opened.result;
  const { loaded, subscription } = opened;
  const now = deps.now();
  const target = /^\d{1,9}$/.test(p.quantity) ? Number(p.quantity) : NaN;
  const check = checkTargetQuantity(subscription, target, now);
  if (check.kind !== 'increase' && check.kind !== 'decrease') {
    const { error, hint } = refusal(turn.locale, check, subscription, now);
    const renewal = hint === undefined ? undefined : renewalButtons(subscription, target, now);
    return { card: seatQuantityCard(loaded.purchase, subscription, now, { quantity: p.quantity, error, hint, renewal }), audience: 'clicker' };
  }
  const picked = seatSubscriptionOf(subscription);
  const next: SeatsPurchase = {
    ...loaded.purchase, status: 'priced',
    seats: { step: 'review', subscription: picked, change: { kind: 'quantity', from: subscription.quantity, to: target }, price: await quotes.priceOf(loaded.purchase, picked) },
  };
  return saveAndShow(deps, turn, loaded, next, 'seats.reviewed', (saved) => seatReviewCard(saved));
}

/** Why a new total cannot be sent, in words with the date, and what is still possible instead. */
function refusal(locale: string, check: TargetCheck, subscription: Subscription, now: Date): { error: string; hint?: string } {
  const options = changeOptions(subscription, now);
  const renewal = options.renewsOn && (options.canTurnOffAutoRenew || options.canScheduleLowerQuantity)
    ? t(locale, 'seats.refused.instead', { date: cardDateTime(options.renewsOn.toISOString()) })
    : undefined;
  switch (check.kind) {
    case 'not_a_seat_count':
      return { error: t(locale, 'seats.quantity.range') };
    case 'unchanged':
      return { error: t(locale, 'seats.quantity.unchanged') };
    case 'cannot_increase':
      return { error: t(locale, 'seats.refused.cannotIncrease') };
    case 'below_refundable':
      return {
        error: t(locale, 'seats.refused.belowRefundable', { count: check.lowestTotal, date: cardDateTime(check.until?.toISOString()) }),
        hint: renewal,
      };
    case 'cannot_reduce': {
      const reason = check.reason;
      if (reason.kind === 'window_closed') {
        const error = reason.closedAt
          ? t(locale, 'seats.refused.windowClosed', { date: cardDateTime(reason.closedAt.toISOString()) })
          : t(locale, 'seats.refused.windowClosedUndated');
        return { error, hint: renewal };
      }
      if (reason.kind === 'not_for_this_product') return { error: t(locale, 'seats.refused.notForProduct'), hint: renewal };
      return { error: t(locale, reason.kind === 'at_minimum' ? 'seats.refused.atMinimum' : 'seats.refused.notActive') };
    }
    default:
      return { error: '' };
  }
}

/** What the renewal still allows, as buttons: auto-renew off, and the total the rep typed from the next term on. */
function renewalButtons(subscription: Subscription, target: number, now: Date): { autoRenewOff: boolean; lowerTo?: number } {
  const options = changeOptions(subscription, now);
  const lower = options.canScheduleLowerQuantity && Number.isSafeInteger(target) && target >= 1 && target < subscription.quantity;
  return { autoRenewOff: options.canTurnOffAutoRenew, ...(lower ? { lowerTo: target } : {}) };
}

/** "Cancel subscription": the confirmation naming customer, product, quantity and refund, if the window is open. */
export async function reviewCancellation(deps: CustomerStepDeps, turn: ActionTurn, p: Ref): Promise<TurnResult> {
  const opened = await openWithSubscription(deps, turn, p);
  if ('result' in opened) return opened.result;
  const { loaded, subscription } = opened;
  const now = deps.now();
  const cancel = changeOptions(subscription, now).cancel;
  if (cancel.kind !== 'allowed') {
    const error = cancel.kind === 'window_closed'
      ? t(turn.locale, 'seats.cancel.closed', { date: cardDateTime(cancel.closedAt.toISOString()) })
      : t(turn.locale, 'seats.refused.notActive');
    return { card: seatQuantityCard(loaded.purchase, subscription, now, { error }), audience: 'clicker' };
  }
  const next: SeatsPurchase = {
    ...loaded.purchase, status: 'priced',
    seats: {
      step: 'review', subscription: seatSubscriptionOf(subscription), change: { kind: 'cancel', quantity: subscription.quantity },
      cancelWindow: { until: cancel.until.toISOString(), refund: cancel.refund },
    },
  };
  return saveAndShow(deps, turn, loaded, next, 'seats.cancelReviewed', (saved) => seatReviewCard(saved));
}

/**
 * "Change seats" / "Cancel subscription" on the review: the engine's submitPurchase (approval above the
 * threshold, PURCHASE_LIMIT, the one gate, the audit trail). No partner-of-record attestation: Partner
 * Center asks for it on a cart's checkout, not on a subscription PATCH.
 */
export async function changeSeats(deps: CustomerStepDeps, turn: ActionTurn, p: Ref): Promise<TurnResult> {
  const access = await openSeats(deps, turn, p, ['priced']);
  if (!access.ok) return access.result;
  const { loaded } = access;
  const purchase = loaded.purchase;
  const change = purchase.seats.change;
  if (!change || !purchase.seats.subscription) return { card: await seatsCurrentCard(deps, purchase) };
  return submitPurchase(deps, turn, loaded, purchase, { partnerOfRecord: false, lines: false }, {
    subscriptionId: purchase.seats.subscription.id, change,
  });
}
