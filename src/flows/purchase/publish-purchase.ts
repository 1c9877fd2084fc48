import { replaceOrPost } from '../replace-or-post';
import { currentCard } from './current-card';
import type { Purchase } from './purchase';
import type { PurchaseDeps } from './purchase-deps';

/** Shows a purchase that moved on in the background where people see it: the approval cards, or the rep's card. */
export async function publishPurchase(deps: PurchaseDeps, purchase: Purchase): Promise<void> {
  if (await deps.approvalHook?.publish(purchase)) return;
  await replaceOrPost(deps.gateway, purchase.conversation, purchase.cardActivityId, await currentCard(deps, purchase));
}
