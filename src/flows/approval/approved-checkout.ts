import type { BackgroundWork } from '../../background-work';
import { partnerCenterCart } from '../purchase/purchase';
import { errorLogFields } from '../../partner-center';
import { withCheckoutGate } from '../purchase/checkout-handlers';
import { completeCheckout } from '../purchase/checkout-run';
import type { LoadedPurchase } from '../purchase/purchase-repository';
import type { Actor } from '../ports';
import { hasApproval } from './approval-cards';
import type { ApprovalDeps } from './approval-deps';
import { publishLatest } from './publish-decision';

/**
 * Orders an approved purchase: the move to checking_out (with the attestation the rep gave and fixed
 * MS-RequestIds) and then the cart's own checkout. Only the approver who won the decision write gets
 * here, so Partner Center sees one checkout. Never rejects.
 */
export async function orderApproved(deps: ApprovalDeps, approved: LoadedPurchase, approver: Actor): Promise<void> {
  const purchase = approved.purchase;
  if (purchase.status !== 'approved' || !hasApproval(purchase)) return;
  let gated;
  try {
    gated = await deps.purchases.saveOrReload(
      approved,
      withCheckoutGate(deps, purchase, purchase.approval.requestedBy, purchase.approval.attestation),
      { action: 'checkout.started', actor: approver, details: { cartId: partnerCenterCart(purchase)?.id, approvalRequestId: purchase.approval.requestId } },
    );
  } catch (error) {
    deps.log.error({ ...errorLogFields(error), purchaseId: purchase.id }, 'could not start the approved checkout');
    return;
  }
  // Another instance (a restart's resume) moved it on first and runs the checkout itself.
  if (!gated.saved) return;
  await completeCheckout(deps, purchase.id, approver);
}

/**
 * After a crash between the approval and the move to checking_out, the purchase waits in `approved`:
 * the start-up scan (resume-unfinished.ts) hands it here; it is ordered in the background, then everyone
 * sees the outcome. Returns whether it was taken on.
 */
export function resumeApproved(deps: ApprovalDeps, background: BackgroundWork, loaded: LoadedPurchase): boolean {
  const decision = loaded.purchase.approval?.decision;
  if (loaded.purchase.status !== 'approved' || !decision) return false;
  background.run(async () => {
    await orderApproved(deps, loaded, decision.by);
    await publishLatest(deps, loaded.purchase.id);
  });
  return true;
}
