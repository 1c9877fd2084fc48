import type { Subscription } from '../schemas';

/**
 * How Partner Center lets a subscription change after purchase (new-commerce-cancellation-policy.md,
 * change-the-quantity-of-a-subscription.md), told from the subscription as read.
 */
export type SeatPolicy =
  /** NCE licence-based: seats reducible while their batch's window is open, cancel until cancellationAllowedUntilDate. */
  | 'nce_license'
  /** Legacy licence-based: seats up or down at any time, no cancellation window. */
  | 'legacy_license'
  /** Software subscriptions and marketplace SaaS: cancel inside the window, never fewer seats. */
  | 'no_reduction'
  /** Azure plan, reservations, perpetual software: no seats to change here. */
  | 'no_seats';

export function seatPolicyOf(subscription: Subscription): SeatPolicy {
  if (subscription.billingCycle === 'one_time' || subscription.billingType === 'usage') return 'no_seats';
  switch (subscription.productType?.id) {
    case 'OnlineServicesNCE':
      return 'nce_license';
    case 'Software':
    case 'SaaS':
      return 'no_reduction';
    case 'Azure':
      return 'no_seats';
    default:
      return 'legacy_license';
  }
}

/** A window is open up to and including the instant Partner Center names as its end. */
export function isOpenAt(until: Date, now: Date): boolean {
  return now.getTime() <= until.getTime();
}

/** Partner Center dates parse leniently; one it sends unreadable counts as absent. */
export function dateOf(value: string | null | undefined): Date | undefined {
  if (!value) return undefined;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : new Date(parsed);
}
