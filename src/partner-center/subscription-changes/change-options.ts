import type { Subscription } from '../schemas';
import { dateOf, isOpenAt, seatPolicyOf } from './seat-policy';

/** Seats that can still be taken back, and the last instant they can. */
export interface OpenSeatBatch {
  quantity: number;
  until: Date;
}

export type ReduceOption =
  /**
   * Down by at most `byAtMost` (to `lowestTotal`). `until` is when the first of `batches` closes, so the
   * whole amount holds until then; undefined when no window limits it (legacy licences).
   */
  | { kind: 'allowed'; byAtMost: number; lowestTotal: number; until?: Date; batches: OpenSeatBatch[] }
  /** Every batch's window has closed; `closedAt` is when the purchase's own window closed, if known. */
  | { kind: 'window_closed'; closedAt?: Date }
  /** Software, SaaS: Partner Center never lowers their seats (800090). */
  | { kind: 'not_for_this_product' }
  /** Already at one seat: fewer means cancelling. */
  | { kind: 'at_minimum' }
  | { kind: 'not_active' };

export type Refund = 'full' | 'partial';

export type CancelOption =
  | { kind: 'allowed'; until: Date; refund: Refund }
  | { kind: 'window_closed'; closedAt: Date }
  /** The subscription has no cancellation window (legacy licences, Azure plan). */
  | { kind: 'not_offered' }
  | { kind: 'not_active' };

export interface ChangeOptions {
  currentQuantity: number;
  /** Any new total above the current one; Partner Center checks the SKU's maximum (900275). */
  canIncrease: boolean;
  reduce: ReduceOption;
  cancel: CancelOption;
  /** What is still possible once the windows have closed. */
  canTurnOffAutoRenew: boolean;
  /** A lower quantity from the next term on (scheduledNextTermInstructions). */
  canScheduleLowerQuantity: boolean;
  /** When the current term ends: the renewal those two act on. */
  renewsOn?: Date;
}

const MINIMUM_SEATS = 1;

export function openSeatBatches(subscription: Subscription, now: Date): OpenSeatBatch[] {
  return (subscription.refundableQuantity?.details ?? [])
    .flatMap((batch) => {
      const until = dateOf(batch.allowedUntilDateTime);
      return until && batch.quantity > 0 && isOpenAt(until, now) ? [{ quantity: batch.quantity, until }] : [];
    })
    .sort((a, b) => a.until.getTime() - b.until.getTime());
}

function reduceOption(subscription: Subscription, now: Date): ReduceOption {
  const policy = seatPolicyOf(subscription);
  if (subscription.status !== 'active' || policy === 'no_seats') return { kind: 'not_active' };
  if (policy === 'no_reduction') return { kind: 'not_for_this_product' };
  const current = subscription.quantity;
  if (policy === 'legacy_license') {
    const byAtMost = current - MINIMUM_SEATS;
    return byAtMost > 0 ? { kind: 'allowed', byAtMost, lowestTotal: MINIMUM_SEATS, batches: [] } : { kind: 'at_minimum' };
  }
  // Going to zero seats is cancelling, which has its own window and action.
  if (current <= MINIMUM_SEATS) return { kind: 'at_minimum' };
  const batches = openSeatBatches(subscription, now);
  const byAtMost = Math.min(batches.reduce((sum, batch) => sum + batch.quantity, 0), current - MINIMUM_SEATS);
  if (byAtMost <= 0) {
    const purchaseWindow = dateOf(subscription.cancellationAllowedUntilDate);
    return purchaseWindow && !isOpenAt(purchaseWindow, now) ? { kind: 'window_closed', closedAt: purchaseWindow } : { kind: 'window_closed' };
  }
  return { kind: 'allowed', byAtMost, lowestTotal: current - byAtMost, until: batches[0]?.until, batches };
}

/** refundOptions lists each refund type until it expires; without them, a cancellation is prorated. */
function refundAt(subscription: Subscription, now: Date): Refund {
  const open = (subscription.refundOptions ?? [])
    .flatMap((option) => {
      const expiresAt = dateOf(option.expiresAt);
      return expiresAt && isOpenAt(expiresAt, now) ? [{ type: option.type.toLowerCase(), expiresAt }] : [];
    })
    .sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime());
  return open[0]?.type === 'full' ? 'full' : 'partial';
}

function cancelOption(subscription: Subscription, now: Date): CancelOption {
  if (subscription.status !== 'active') return { kind: 'not_active' };
  const until = dateOf(subscription.cancellationAllowedUntilDate);
  if (!until || seatPolicyOf(subscription) === 'legacy_license') return { kind: 'not_offered' };
  return isOpenAt(until, now) ? { kind: 'allowed', until, refund: refundAt(subscription, now) } : { kind: 'window_closed', closedAt: until };
}

/** What a rep may do with this subscription at `now`, and what not and since when. */
export function changeOptions(subscription: Subscription, now: Date): ChangeOptions {
  const policy = seatPolicyOf(subscription);
  const active = subscription.status === 'active';
  const renewsOn = dateOf(subscription.commitmentEndDate);
  return {
    currentQuantity: subscription.quantity,
    canIncrease: active && policy !== 'no_seats',
    reduce: reduceOption(subscription, now),
    cancel: cancelOption(subscription, now),
    canTurnOffAutoRenew: active && subscription.autoRenewEnabled === true,
    canScheduleLowerQuantity: active && policy === 'nce_license' && subscription.autoRenewEnabled !== false && subscription.quantity > MINIMUM_SEATS,
    ...(renewsOn ? { renewsOn } : {}),
  };
}
