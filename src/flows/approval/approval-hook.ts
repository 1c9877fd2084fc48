import type { BackgroundWork } from '../../background-work';
import { needsApproval } from '../purchase/approval-policy';
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
      const overLimit = await refusedByPurchaseLimit(deps.approvals, turn, purchase);
      if (overLimit) return overLimit;
      return needsApproval(deps.approvals.policy, purchase) ? requestApproval(deps, turn, loaded, purchase, attestation) : undefined;
    },
    requesterCard: (purchase) => (hasApproval(purchase) ? requesterCard(deps, purchase) : undefined),
    async publish(purchase) {
      if (!hasApproval(purchase)) return false;
      await publishLatest(deps, purchase.id);
      return true;
    },
    resume: (loaded) => resumeApproved(deps, background, loaded),
  };
}
