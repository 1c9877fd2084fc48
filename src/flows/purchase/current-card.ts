import type { AdaptiveCard } from '../ports';
import type { Purchase } from './purchase';
import type { PurchaseDeps } from './purchase-deps';
import { kindOf } from './purchase-kind';

/**
 * The card that shows a purchase as it stands. Used after a restart, for stale clicks and for "back":
 * the rep always carries on from the stored state, never from what an old card claims. A purchase
 * waiting for an approver shows the approval hook's card; every other one its kind's.
 */
export async function currentCard(deps: PurchaseDeps, purchase: Purchase): Promise<AdaptiveCard> {
  const waiting = purchase.status === 'awaiting_approval' ? await deps.approvalHook?.requesterCard(purchase) : undefined;
  return waiting ?? kindOf(deps.kinds, purchase).currentCard(deps);
}
