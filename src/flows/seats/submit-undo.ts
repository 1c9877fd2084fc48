import { z } from 'zod';
import type { CartCheckoutResult } from '../../partner-center/schemas';
import { cancelled, verdictFromReadBack } from '../../partner-center/subscription-changes';
import { placementOutcome } from '../purchase/checkout-outcome';
import { toFailure } from '../purchase/failure';
import { failureSchema, type Gated, type SeatsPurchase } from '../purchase/purchase';
import { callContext, type PurchaseDeps } from '../purchase/purchase-deps';

type UndoLine = NonNullable<SeatsPurchase['seats']['undoLines']>[number];

/**
 * What became of each subscription an undo cancels: cancelled (now, or already by an earlier attempt),
 * refused by Partner Center (with its code and correlation id), or changed by someone else in between
 * (nothing was sent over it). Stored as the undo's outcome, as a seat change stores its subscription.
 */
const cancellationSchema = z.object({
  subscriptionId: z.string(),
  outcome: z.enum(['cancelled', 'refused', 'changed_meanwhile']),
  status: z.string().optional(),
  failure: failureSchema.optional(),
});
type Cancellation = z.infer<typeof cancellationSchema>;
const undoOutcomeSchema = z.object({ cancellations: z.array(cancellationSchema) });

export function undoOutcomeOf(result: CartCheckoutResult | undefined): Cancellation[] | undefined {
  const parsed = undoOutcomeSchema.safeParse(result);
  return parsed.success ? parsed.data.cancellations : undefined;
}

/**
 * Cancels the subscriptions of an undo one by one (`status: "deleted"`, the whole subscription as just
 * read, If-Match its etag), each under its own MS-RequestId. Every line is read first, so a repeat (the
 * resolver after a lost answer, a resume after a restart) finds what is already cancelled and sends
 * nothing for it. A refusal is kept for its line and the others still go; an answer that never came
 * stops the run (the engine's unknown outcome), to be repeated the same way.
 */
export async function submitUndo(deps: PurchaseDeps, purchase: Gated<SeatsPurchase>, lines: readonly UndoLine[]): Promise<CartCheckoutResult> {
  const cancellations: Cancellation[] = [];
  for (const line of lines) cancellations.push(await cancelLine(deps, purchase, line));
  return { orders: [], cancellations };
}

async function cancelLine(deps: PurchaseDeps, purchase: Gated<SeatsPurchase>, line: UndoLine): Promise<Cancellation> {
  const customerId = purchase.customer.id;
  const { subscriptionId } = line;
  try {
    const read = await deps.partnerCenter.getSubscriptionForUpdate(callContext(purchase), customerId, subscriptionId);
    if (verdictFromReadBack({ kind: 'cancel' }, read.subscription) === 'applied') return { subscriptionId, outcome: 'cancelled' };
    // More or fewer seats than the rep was shown: cancelling now would end what they did not confirm.
    if (read.subscription.quantity !== line.quantity) return { subscriptionId, outcome: 'changed_meanwhile', status: read.subscription.status };
    const update = await deps.partnerCenter.updateSubscription(callContext(purchase, line.requestId), customerId, cancelled(read.subscription), read.etag);
    if (update.outcome === 'updated') return { subscriptionId, outcome: 'cancelled' };
    const now = await deps.partnerCenter.getSubscription(callContext(purchase), customerId, subscriptionId);
    return verdictFromReadBack({ kind: 'cancel' }, now) === 'applied'
      ? { subscriptionId, outcome: 'cancelled' }
      : { subscriptionId, outcome: 'changed_meanwhile', status: now.status };
  } catch (error) {
    if (placementOutcome(error) === 'unknown') throw error;
    return { subscriptionId, outcome: 'refused', failure: toFailure(error) };
  }
}
