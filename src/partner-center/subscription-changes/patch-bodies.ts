import type { ScheduledNextTermInstructions, Subscription } from '../schemas';

/**
 * The bodies updateSubscription sends: the whole subscription as just read, with only the change
 * made (change-the-quantity-of-a-subscription.md, cancel-an-azure-marketplace-subscription.md).
 */

/** `target` is the new total, never a delta: a repeated request asks for the same state again. */
export function withQuantity(subscription: Subscription, target: number): Subscription {
  return { ...subscription, quantity: target };
}

export function cancelled(subscription: Subscription): Subscription {
  return { ...subscription, status: 'deleted' };
}

export function withAutoRenew(subscription: Subscription, enabled: boolean): Subscription {
  return { ...subscription, autoRenewEnabled: enabled };
}

/**
 * Fewer (or more) seats from the next term on, everything else renewing as it is: an existing
 * schedule keeps its product, otherwise the subscription's own (offerId is `product:sku:availability`).
 */
export function withScheduledQuantity(subscription: Subscription, quantity: number): Subscription {
  const [productId = '', skuId = '', availabilityId = ''] = subscription.offerId.split(':');
  const product: ScheduledNextTermInstructions['product'] = subscription.scheduledNextTermInstructions?.product ?? {
    productId,
    skuId,
    availabilityId,
    billingCycle: subscription.billingCycle ?? 'monthly',
    termDuration: subscription.termDuration ?? 'P1Y',
  };
  return { ...subscription, scheduledNextTermInstructions: { ...subscription.scheduledNextTermInstructions, product, quantity } };
}
