import { z } from 'zod';
import { subscriptionSchema, type CartCheckoutResult, type Subscription } from '../../partner-center/schemas';
import {
  cancelled, verdictFromReadBack, withAutoRenew, withQuantity, withScheduledQuantity, type RequestedChange,
} from '../../partner-center/subscription-changes';
import { callContext, type PurchaseDeps } from '../purchase/purchase-deps';
import type { Gated, SeatsPurchase } from '../purchase/purchase';
import type { SeatChange } from '../purchase/seats-state';

/**
 * What a seat change stores as its outcome (the engine's checkout result has no field for it, and keeps
 * unknown keys): the subscription as Partner Center answered, or, when someone changed it between the
 * rep's card and the PATCH, the subscription as it now is (nothing was sent over it).
 */
const seatOutcomeSchema = z.union([
  z.object({ subscription: subscriptionSchema }),
  z.object({ changedMeanwhile: subscriptionSchema }),
]);
type SeatOutcome = z.infer<typeof seatOutcomeSchema>;

export function seatOutcomeOf(result: CartCheckoutResult | undefined): SeatOutcome | undefined {
  const parsed = seatOutcomeSchema.safeParse(result);
  return parsed.success ? parsed.data : undefined;
}

function requestedChange(change: SeatChange): RequestedChange {
  switch (change.kind) {
    case 'quantity': return { kind: 'quantity', from: change.from, to: change.to };
    case 'cancel': return { kind: 'cancel' };
    case 'auto_renew': return { kind: 'auto_renew', enabled: change.enabled };
    case 'scheduled_quantity': return { kind: 'scheduled_quantity', quantity: change.quantity, scheduledBefore: change.scheduledBefore };
  }
}

/** The PATCH body: the subscription as just read, with only the rep's change made. */
function patchBody(subscription: Subscription, change: SeatChange): Subscription {
  switch (change.kind) {
    case 'quantity': return withQuantity(subscription, change.to);
    case 'cancel': return cancelled(subscription);
    case 'auto_renew': return withAutoRenew(subscription, change.enabled);
    case 'scheduled_quantity': return withScheduledQuantity(subscription, change.quantity);
  }
}

/**
 * The one PATCH of a seat change, with the whole subscription read just before (If-Match its etag). The
 * read first tells what a repeat must do (the resolver after a lost answer, a resume after a restart):
 * already applied → done, nothing sent; as the rep saw it → send the same new total; changed by someone
 * else → stop and show the new state. A 412 on the PATCH is read back the same way, never resent over.
 * The PATCH keeps the MS-RequestId fixed at the gate, so Partner Center deduplicates its retries.
 */
export async function submitSeatChange(
  deps: PurchaseDeps, purchase: Gated<SeatsPurchase>, change: SeatChange, subscriptionId: string,
): Promise<CartCheckoutResult> {
  const customerId = purchase.customer.id;
  const requestId = purchase.checkout.checkoutRequestId;
  const requested = requestedChange(change);
  const read = await deps.partnerCenter.getSubscriptionForUpdate(callContext(purchase), customerId, subscriptionId);
  const before = verdictFromReadBack(requested, read.subscription);
  if (before !== 'not_applied') return outcome(before === 'applied', read.subscription);
  const update = await deps.partnerCenter.updateSubscription(callContext(purchase, requestId), customerId, patchBody(read.subscription, change), read.etag);
  if (update.outcome === 'updated') return outcome(true, update.subscription);
  const now = await deps.partnerCenter.getSubscription(callContext(purchase), customerId, subscriptionId);
  return outcome(verdictFromReadBack(requested, now) === 'applied', now);
}

function outcome(applied: boolean, subscription: Subscription): CartCheckoutResult {
  return applied ? { orders: [], subscription } : { orders: [], changedMeanwhile: subscription };
}
