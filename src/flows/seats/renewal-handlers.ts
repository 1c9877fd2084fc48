import type { z } from 'zod';
import { t } from '../../i18n/translate';
import { changeOptions } from '../../partner-center/subscription-changes';
import { saveAndShow } from '../purchase/save-and-show';
import type { SeatsPurchase } from '../purchase/purchase';
import type { SeatChange } from '../purchase/seats-state';
import type { ActionTurn, TurnResult } from '../ports';
import type { CustomerStepDeps } from '../customer/customer-deps';
import type { purchaseRefSchema } from '../purchase/payloads';
import { openWithSubscription } from './open-with-subscription';
import { seatSubscriptionOf } from './seat-subscriptions';
import type { seatsRenewalQuantityPayload } from './payloads';
import { seatQuantityCard, seatReviewCard } from './views/seats-cards';

/**
 * "Turn auto-renew off" / "Lower to N at renewal" on a refused reduction: checked again against the
 * subscription as Partner Center has it now (never the card), then stored as the change to confirm. The
 * confirmation's button is "Change seats"'s verb, so it goes through the engine like any seat change.
 */
async function reviewRenewalChange(
  deps: CustomerStepDeps, turn: ActionTurn, ref: z.infer<typeof purchaseRefSchema>, quantity: number | undefined,
): Promise<TurnResult> {
  const opened = await openWithSubscription(deps, turn, ref);
  if ('result' in opened) return opened.result;
  const { loaded, subscription } = opened;
  const now = deps.now();
  const options = changeOptions(subscription, now);
  const change: SeatChange | undefined = quantity === undefined
    ? (options.canTurnOffAutoRenew ? { kind: 'auto_renew', enabled: false } : undefined)
    : (options.canScheduleLowerQuantity && quantity < subscription.quantity
      ? { kind: 'scheduled_quantity', from: subscription.quantity, quantity, scheduledBefore: subscription.scheduledNextTermInstructions?.quantity }
      : undefined);
  if (!change || !options.renewsOn) {
    return { card: seatQuantityCard(loaded.purchase, subscription, now, { error: t(turn.locale, 'seats.renewal.notPossible') }), audience: 'clicker' };
  }
  const next: SeatsPurchase = { ...loaded.purchase, status: 'priced', seats: { step: 'review', subscription: seatSubscriptionOf(subscription), change } };
  const action = change.kind === 'auto_renew' ? 'seats.autoRenewOffReviewed' : 'seats.lowerAtRenewalReviewed';
  return saveAndShow(deps, turn, loaded, next, action, (saved) => seatReviewCard(saved));
}

export function reviewAutoRenewOff(deps: CustomerStepDeps, turn: ActionTurn, p: z.infer<typeof purchaseRefSchema>): Promise<TurnResult> {
  return reviewRenewalChange(deps, turn, p, undefined);
}

export function reviewLowerAtRenewal(deps: CustomerStepDeps, turn: ActionTurn, p: z.infer<typeof seatsRenewalQuantityPayload>): Promise<TurnResult> {
  return reviewRenewalChange(deps, turn, p, p.renewalQuantity);
}
