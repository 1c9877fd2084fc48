import type { Subscription } from '../../../partner-center/schemas';
import { changeOptions, type Refund } from '../../../partner-center/subscription-changes';

/** One subscription an Undo would cancel, as the confirmation names it. */
export interface UndoLine {
  subscriptionId: string;
  name: string;
  quantity: number;
  until: Date;
  refund: Refund;
}

/**
 * What Undo can do for a purchase now: cancel the subscriptions whose cancellation window
 * (`cancellationAllowedUntilDate`) is open, until the first of them closes; or, when none is open any
 * more, when the last one closed (Partner Center keeps the date on the subscription, so a card pressed
 * late can say it); or nothing, when no subscription it made has such a window (legacy licences,
 * Azure plans) or all are already cancelled.
 */
export type UndoOffer =
  | { kind: 'open'; until: Date; lines: UndoLine[] }
  | { kind: 'closed'; closedAt: Date }
  | { kind: 'none' };

export function undoOfferOf(subscriptions: Subscription[], now: Date): UndoOffer {
  const lines: UndoLine[] = [];
  const closed: Date[] = [];
  for (const subscription of subscriptions) {
    const cancel = changeOptions(subscription, now).cancel;
    if (cancel.kind === 'allowed') {
      lines.push({ subscriptionId: subscription.id, name: subscription.friendlyName ?? subscription.offerName ?? subscription.offerId, quantity: subscription.quantity, until: cancel.until, refund: cancel.refund });
    } else if (cancel.kind === 'window_closed') {
      closed.push(cancel.closedAt);
    }
  }
  if (lines.length > 0) return { kind: 'open', until: new Date(Math.min(...lines.map((line) => line.until.getTime()))), lines };
  return closed.length > 0 ? { kind: 'closed', closedAt: new Date(Math.max(...closed.map((date) => date.getTime()))) } : { kind: 'none' };
}
