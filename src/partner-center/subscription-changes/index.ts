/** Pure rules for changing a subscription a customer already has: no I/O, `now` always passed in. */
export { seatPolicyOf, type SeatPolicy } from './seat-policy';
export {
  changeOptions, openSeatBatches, type CancelOption, type ChangeOptions, type OpenSeatBatch, type ReduceOption, type Refund,
} from './change-options';
export { checkTargetQuantity, type TargetCheck } from './target-quantity';
export { cancelled, withAutoRenew, withQuantity, withScheduledQuantity } from './patch-bodies';
export { verdictFromReadBack, type ReadBackVerdict, type RequestedChange } from './read-back';
