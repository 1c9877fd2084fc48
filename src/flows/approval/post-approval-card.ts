import type { Post } from '../ports';
import { hasApproval, sharedApprovalCard } from './approval-cards';
import type { ApprovalDeps } from './approval-deps';

const RECORD_ATTEMPTS = 3;

/**
 * Posts the approval card proactively (APPROVAL_CHANNEL_ID, else the conversation the cart was built
 * in) and stores where it is, so any later decision can update it for everyone. If an approver decided
 * through `pending` before the card was stored, the card is brought up to date at once.
 */
export async function postApprovalCard(deps: ApprovalDeps, purchaseId: string, requestId: string): Promise<void> {
  const loaded = await deps.purchases.load(purchaseId);
  if (!loaded || !hasApproval(loaded.purchase) || loaded.purchase.approval.requestId !== requestId) return;
  const purchase = loaded.purchase;
  const card = await sharedApprovalCard(deps, purchase, 'everyone', purchase.locale);
  const channelId = deps.approvals.policy.channelId;
  let target: Post;
  try {
    target = channelId
      ? await deps.gateway.postToChannel(purchase.conversation, channelId, card)
      : { conversation: purchase.conversation, activityId: await deps.gateway.post(purchase.conversation, card) };
  } catch (error) {
    deps.log.warn({ purchaseId, err: String(error) }, 'could not post the approval card; approvers can still use pending');
    return;
  }
  await recordCard(deps, purchaseId, requestId, target);
}

async function recordCard(deps: ApprovalDeps, purchaseId: string, requestId: string, target: Post): Promise<void> {
  for (let attempt = 0; attempt < RECORD_ATTEMPTS; attempt++) {
    const loaded = await deps.purchases.load(purchaseId);
    if (!loaded || !hasApproval(loaded.purchase) || loaded.purchase.approval.requestId !== requestId) return;
    const purchase = loaded.purchase;
    if (purchase.status !== 'awaiting_approval') {
      // Decided before the card was stored: show the decision on the card just posted.
      const decided = await sharedApprovalCard(deps, purchase, 'everyone', purchase.locale);
      await deps.gateway.update(target.conversation, target.activityId, decided);
      return;
    }
    const recorded = await deps.purchases.saveOrReload(
      loaded,
      { ...purchase, approval: { ...purchase.approval, card: target } },
      { action: 'approval.cardPosted', actor: purchase.approval.requestedBy, details: { requestId, conversationId: target.conversation.id, activityId: target.activityId } },
    );
    if (recorded.saved) return;
  }
  deps.log.warn({ purchaseId }, 'could not record where the approval card was posted');
}
