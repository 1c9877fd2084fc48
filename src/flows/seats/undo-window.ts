import type { SeatsPurchase } from '../purchase/purchase';
import { seatOutcomeOf } from './submit-seat-change';

/**
 * Until when the seats a change added can be taken back: the newest batch's allowedUntilDateTime in the
 * subscription as Partner Center answered the PATCH. Kept with the purchase, so a card pressed after it
 * closed can say when it closed (Partner Center drops the batch from refundableQuantity then).
 * Undefined when the change added no seats.
 */
export function undoDeadline(purchase: SeatsPurchase): Date | undefined {
  const change = purchase.seats.change;
  const outcome = seatOutcomeOf(purchase.checkout?.result);
  if (purchase.status !== 'ordered' || change?.kind !== 'quantity' || change.to <= change.from || !outcome || !('subscription' in outcome)) return undefined;
  const ends = (outcome.subscription.refundableQuantity?.details ?? [])
    .map((batch) => Date.parse(batch.allowedUntilDateTime))
    .filter((time) => !Number.isNaN(time));
  return ends.length > 0 ? new Date(Math.max(...ends)) : undefined;
}
