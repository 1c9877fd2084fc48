import type { Subscription } from '../../partner-center/schemas';
import { seatPolicyOf } from '../../partner-center/subscription-changes';
import type { SeatSubscription } from '../purchase/seats-state';

/** What `seats` lists: active subscriptions counted in licences (not Azure plans, reservations or one-time software). */
export function seatSubscriptions(subscriptions: Subscription[]): Subscription[] {
  return subscriptions.filter((s) => s.status === 'active' && seatPolicyOf(s) !== 'no_seats');
}

export function seatSubscriptionOf(subscription: Subscription): SeatSubscription {
  return {
    id: subscription.id,
    name: subscription.friendlyName ?? subscription.offerName ?? subscription.offerId,
    offerId: subscription.offerId,
    quantity: subscription.quantity,
    termDuration: subscription.termDuration ?? undefined,
    billingCycle: subscription.billingCycle ?? undefined,
    commitmentEndDate: subscription.commitmentEndDate ?? undefined,
  };
}
