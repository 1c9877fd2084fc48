import type { BackgroundWork } from '../../background-work';
import { isConflict } from '../cart/cart-deps';
import { withCheckoutGate } from '../cart/checkout-handlers';
import { completeCheckout } from '../cart/checkout-run';
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
  try {
    await deps.purchases.save(
      approved,
      withCheckoutGate(deps, purchase, purchase.approval.requestedBy, purchase.approval.attestation),
      { action: 'checkout.started', actor: approver, details: { cartId: purchase.cart?.id, approvalRequestId: purchase.approval.requestId } },
    );
  } catch (error) {
    // Another instance (a restart's resume) moved it on first and runs the checkout itself.
    if (isConflict(error)) return;
    deps.log.error({ purchaseId: purchase.id, err: String(error) }, 'could not start the approved checkout');
    return;
  }
  await completeCheckout(deps, purchase.id, approver);
}

/**
 * After a crash between the approval and the move to checking_out, the purchase waits in `approved`:
 * it is ordered at start-up, then everyone sees the outcome. `unfinishedIds`: the repository's
 * listUnfinishedIds(). Returns how many were picked up.
 */
export async function resumeApprovedCheckouts(deps: ApprovalDeps, background: BackgroundWork, unfinishedIds: string[]): Promise<number> {
  let resumed = 0;
  for (const id of unfinishedIds) {
    const loaded = await deps.purchases.load(id);
    const decision = loaded?.purchase.approval?.decision;
    if (!loaded || loaded.purchase.status !== 'approved' || !decision) continue;
    resumed += 1;
    background.run(async () => {
      await orderApproved(deps, loaded, decision.by);
      await publishLatest(deps, id);
    });
  }
  return resumed;
}
