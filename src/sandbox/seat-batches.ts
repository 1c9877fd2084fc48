import { randomBytes } from 'node:crypto';
import type { RefundableBatch, RefundableQuantity, SubscriptionResource } from './contract/resources';
import { addHours, isOpenAt, SEAT_REDUCTION_WINDOW_HOURS } from './rules/change-windows';
import { isoDate } from './resources/links';
import type { SandboxStore } from './store';

/** Etags are opaque and change on every update (test-and-debug.md: re-read before use). */
export function newEtag(): string {
  return `"${randomBytes(9).toString('base64url')}"`;
}

export function refundable(details: RefundableBatch[]): RefundableQuantity {
  return { totalQuantity: details.reduce((sum, batch) => sum + batch.quantity, 0), details };
}

/** Seats bought or added at `at` can be taken back for 168 hours. */
export function seatBatch(quantity: number, at: Date): RefundableBatch {
  return { quantity, allowedUntilDateTime: isoDate(addHours(at, SEAT_REDUCTION_WINDOW_HOURS)) };
}

/**
 * Takes `count` seats back from the batches still open, newest first (the seats an undo means), and
 * answers the batches left; undefined when the open batches hold fewer seats than that.
 */
export function takeBackSeats(details: RefundableBatch[], count: number, now: Date): RefundableBatch[] | undefined {
  const open = details.filter((batch) => isOpenAt(batch.allowedUntilDateTime, now));
  if (open.reduce((sum, batch) => sum + batch.quantity, 0) < count) return undefined;
  let remaining = count;
  const newestFirst = [...open].sort((a, b) => Date.parse(b.allowedUntilDateTime) - Date.parse(a.allowedUntilDateTime));
  const left = newestFirst.flatMap((batch) => {
    const taken = Math.min(batch.quantity, remaining);
    remaining -= taken;
    return batch.quantity > taken ? [{ ...batch, quantity: batch.quantity - taken }] : [];
  });
  return left.reverse();
}

/**
 * A batch leaves `refundableQuantity` once its window has closed, as the service shows only what can
 * still be reduced. Runs before every request with the sandbox clock, like provisioning.
 */
export function expireRefundableSeats(store: SandboxStore, now: Date): void {
  for (const record of store.allSubscriptions()) {
    const current = record.resource.refundableQuantity;
    if (!current || current.details.every((batch) => isOpenAt(batch.allowedUntilDateTime, now))) continue;
    const resource: SubscriptionResource = {
      ...record.resource,
      refundableQuantity: refundable(current.details.filter((batch) => isOpenAt(batch.allowedUntilDateTime, now))),
    };
    store.saveSubscription({ ...record, resource });
  }
}
