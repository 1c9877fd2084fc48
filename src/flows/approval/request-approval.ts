import { waitingForApproval } from '../purchase/checkout-handlers';
import { currentCard } from '../purchase/current-card';
import { partnerCenterCart, type Purchase } from '../purchase/purchase';
import type { LoadedPurchase } from '../purchase/purchase-repository';
import type { ActionTurn, TurnResult } from '../ports';
import { hasApproval, requesterCard } from './approval-cards';
import type { ApprovalDeps } from './approval-deps';
import { thresholdFor } from '../purchase/approval-policy';
import type { Approval } from '../purchase/approval-schema';
import { postApprovalCard } from './post-approval-card';
import { purchaseTotals } from '../purchase/purchase-totals';

/**
 * "Place order" (or an add-on's "Buy") on a purchase that needs an approver: one conditional write over
 * `loaded` stores `purchase` as submitPurchase hands it over (an add-on with its quantity, the card it was
 * sent from) in awaiting_approval with the rep's attestation, the rep's card turns into "waiting for
 * approval", and the approval card is posted after Teams has its answer (docs/architecture.md, rule 6). Nothing is sent
 * to Partner Center.
 */
export async function requestApproval(
  deps: ApprovalDeps, turn: ActionTurn, loaded: LoadedPurchase, purchase: Purchase, attestation: Approval['attestation'],
): Promise<TurnResult> {
  const requestedAt = deps.now().toISOString();
  const totals = purchaseTotals(deps.kinds, purchase);
  const approval: Approval = {
    requestId: deps.newId(), requestedBy: turn.actor, requestedAt, attestation, threshold: thresholdFor(deps.approvals.policy, totals),
  };
  await deps.approvals.pending.add(purchase.id, requestedAt);
  const saved = await deps.purchases.saveOrReload(loaded, { ...purchase, status: 'awaiting_approval', approval }, {
    action: 'approval.requested',
    actor: turn.actor,
    details: { requestId: approval.requestId, totals: totals ?? 'unknown', threshold: approval.threshold, attestation, cartId: partnerCenterCart(purchase)?.id },
  });
  if (!saved.saved) return (await waitingForApproval(deps, turn, purchase.id)) ?? { card: await currentCard(deps, saved.purchase) };
  const waiting = saved.purchase;
  if (!hasApproval(waiting)) throw new Error('approval vanished on save');
  return { card: await requesterCard(deps, waiting), after: () => postApprovalCard(deps, waiting.id, approval.requestId) };
}
