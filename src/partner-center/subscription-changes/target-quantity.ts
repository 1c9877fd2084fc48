import type { Subscription } from '../schemas';
import { changeOptions, type ReduceOption } from './change-options';

/**
 * A new total the rep typed, checked before anything is sent: a target, not a delta, so the same
 * request repeated cannot add twice.
 */
export type TargetCheck =
  | { kind: 'unchanged' }
  | { kind: 'increase'; by: number }
  /** `until`: the last instant this reduction stays possible (the first open batch's end), if limited. */
  | { kind: 'decrease'; by: number; until?: Date }
  /** Fewer seats are possible, but not this many fewer: `lowestTotal` is as far as it goes, until `until`. */
  | { kind: 'below_refundable'; lowestTotal: number; until?: Date }
  | { kind: 'cannot_increase' }
  | { kind: 'cannot_reduce'; reason: Exclude<ReduceOption, { kind: 'allowed' }> }
  | { kind: 'not_a_seat_count' };

export function checkTargetQuantity(subscription: Subscription, target: number, now: Date): TargetCheck {
  if (!Number.isSafeInteger(target) || target < 1) return { kind: 'not_a_seat_count' };
  const options = changeOptions(subscription, now);
  const difference = target - subscription.quantity;
  if (difference === 0) return { kind: 'unchanged' };
  if (difference > 0) return options.canIncrease ? { kind: 'increase', by: difference } : { kind: 'cannot_increase' };
  const { reduce } = options;
  if (reduce.kind !== 'allowed') return { kind: 'cannot_reduce', reason: reduce };
  const until = reduce.until ? { until: reduce.until } : {};
  return -difference <= reduce.byAtMost
    ? { kind: 'decrease', by: -difference, ...until }
    : { kind: 'below_refundable', lowestTotal: reduce.lowestTotal, ...until };
}
