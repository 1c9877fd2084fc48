import type { SubscriptionResource } from '../contract/resources';
import { partnerCenterError, type SandboxHttpError } from '../errors';

const HOUR_MS = 60 * 60 * 1000;

/**
 * How a subscription may change after purchase, by what it is. The sandbox reads it from the
 * subscription itself (productType, billing cycle), so a restored or seeded subscription behaves the
 * same as one bought a moment ago.
 */
export type ChangePolicy =
  /** NCE licence-based: cancel and reduce seats within 7 days (168 h) of buying them. */
  | 'nce_license'
  /** Legacy licence-based: quantity up or down at any time; ended by suspending, not by deleting. */
  | 'legacy_license'
  /** Software subscriptions: cancel within 7 days, never reduce seats. */
  | 'software'
  /** Marketplace SaaS: cancel within 24 h (monthly term) or 14 days (yearly term), never reduce seats. */
  | 'saas'
  /** Azure plan: usage-based, no seats to change. */
  | 'usage'
  /** Perpetual software and reservations: cancelled through their order, not the subscription. */
  | 'one_time';

export function changePolicyOf(subscription: Pick<SubscriptionResource, 'productType' | 'billingCycle'>): ChangePolicy {
  if (subscription.billingCycle === 'one_time') return 'one_time';
  switch (subscription.productType.id) {
    case 'OnlineServicesNCE':
      return 'nce_license';
    case 'Software':
      return 'software';
    case 'SaaS':
      return 'saas';
    case 'Azure':
      return 'usage';
    default:
      return 'legacy_license';
  }
}

/** change-the-quantity-of-a-subscription.md: seats bought (or added mid-term) can be reduced for 168 hours. */
export const SEAT_REDUCTION_WINDOW_HOURS = 168;

/**
 * new-commerce-cancellation-policy.md: licence-based and software subscriptions 7 days; marketplace
 * monthly terms 24 hours and yearly terms 14 days. Undefined: the subscription has no such window.
 */
export function cancellationWindowHours(policy: ChangePolicy, termDuration: string | undefined): number | undefined {
  switch (policy) {
    case 'nce_license':
    case 'software':
      return 7 * 24;
    case 'saas':
      return termDuration?.toUpperCase() === 'P1M' ? 24 : 14 * 24;
    default:
      return undefined;
  }
}

export function addHours(start: Date, hours: number): Date {
  return new Date(start.getTime() + hours * HOUR_MS);
}

/** A window is open up to and including its last instant: `allowedUntil` names the last allowed moment. */
export function isOpenAt(allowedUntil: string, now: Date): boolean {
  return now.getTime() <= Date.parse(allowedUntil);
}

/**
 * error-codes.md: 900117 "You have passed your {0}-day cancellation window" and 900213 the same in hours.
 * Which window reports in hours (the 24-hour marketplace one) is inferred from the two wordings.
 */
export function cancellationWindowPassed(windowHours: number): SandboxHttpError {
  return windowHours % 24 === 0 && windowHours > 24
    ? partnerCenterError(400, 900117, `You have passed your ${windowHours / 24}-day cancellation window. This subscription can no longer be cancelled.`)
    : partnerCenterError(400, 900213, `You have passed your ${windowHours}-hour cancellation window. This subscription can no longer be cancelled.`);
}

/**
 * error-codes.md: 900214 "You have passed your {0}-hour window for reducing seats" (900257 is the
 * {0}-day twin). That licence-based NCE answers with the 168-hour form is inferred.
 */
export function seatReductionWindowPassed(): SandboxHttpError {
  return partnerCenterError(400, 900214, `You have passed your ${SEAT_REDUCTION_WINDOW_HOURS}-hour window for reducing seats for this subscription.`);
}

/** change-the-quantity-of-a-subscription.md's own error example. */
export function quantityCannotDecrease(): SandboxHttpError {
  return partnerCenterError(400, 800090, 'Subscription quantity cannot be decreased.');
}
