import { hasApproval } from '../approval/approval-cards';
import type { ApprovalDeps } from '../approval/approval-deps';
import { publishLatest } from '../approval/publish-decision';
import { currentCard } from '../cart/current-card';
import type { Purchase } from '../purchase/purchase';
import { replaceOrPost } from '../replace-or-post';

/** Shows a purchase that moved on in the background where people see it: the approval cards, or the rep's card. */
export async function publishPurchase(deps: ApprovalDeps, purchase: Purchase): Promise<void> {
  if (hasApproval(purchase)) return publishLatest(deps, purchase.id);
  await replaceOrPost(deps.gateway, purchase.conversation, purchase.cardActivityId, await currentCard(deps, purchase));
}
