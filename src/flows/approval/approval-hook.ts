import type { BackgroundWork } from '../../background-work';
import { needsApproval } from '../purchase/approval-policy';
import { purchaseTotals } from '../purchase/purchase-totals';
import type { ApprovalHook } from '../purchase/approval-hook';
import { hasApproval, requesterCard } from './approval-cards';
import type { ApprovalDeps } from './approval-deps';
import { resumeApproved } from './approved-checkout';
import { publishLatest } from './publish-decision';
import { refusedByPurchaseLimit } from './purchase-limit';
import { requestApproval } from './request-approval';

/** Approvals as the engine sees them (registered in src/compose-features.ts): PURCHASE_LIMIT, the approver step, their cards. */
export function approvalHook(deps: ApprovalDeps, background: BackgroundWork): ApprovalHook {
  return {
    async beforeCheckout(turn, loaded, purchase, attestation) {
      const totals = purchaseTotals(deps.kinds, purchase);
      const overLimit = await refusedByPurchaseLimit(deps.approvals, turn, purchase, totals);
      if (overLimit) return overLimit;
      return needsApproval(deps.approvals.policy, totals) ? requestApproval(deps, turn, loaded, purchase, attestation) : undefined;
    },
    requesterCard: async (purchase) => (hasApproval(purchase) ? requesterCard(deps, purchase) : undefined),
    async publish(purchase) {
      if (!hasApproval(purchase)) return false;
      await publishLatest(deps, purchase.id);
      return true;
    },
    async notifyApprovers(purchase, card) {
      const channelId = deps.approvals.policy.channelId;
      // Worked on in the approval channel itself: its people saw the result card already.
      if (!channelId || purchase.conversation.id.startsWith(channelId)) return;
      await deps.gateway
        .postToChannel(purchase.conversation, channelId, card)
        .catch((error: unknown) => deps.log.warn({ purchaseId: purchase.id, err: String(error) }, 'could not post the notice to the approval channel'));
    },
    resume: (loaded) => resumeApproved(deps, background, loaded),
  };
}
