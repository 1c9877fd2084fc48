import { t } from '../../i18n/translate';
import { cartExpired } from '../purchase/priced-cart';
import { noticeCard } from '../views/notice-card';
import type { PurchaseStatus } from '../purchase/purchase';
import type { ActionTurn, TurnResult } from '../ports';
import { hasApproval, sharedApprovalCard, type WithApproval } from './approval-cards';
import { recordAttempt } from './approval-audit';
import type { ApprovalDeps } from './approval-deps';
import { decisionRight } from '../purchase/approval-policy';
import type { ApprovalDecision, ApprovalOutcome } from '../purchase/approval-schema';
import { isOpenRequest } from './approval-stage';
import { orderApproved } from './approved-checkout';
import { publishDecision, publishLatest } from './publish-decision';
import { settledWithin } from '../answer-within';

type Choice = 'approve' | 'reject';

/** What an approver's click can decide; `withdrawn` is the requester's own (withdraw.ts). */
type Decided = Exclude<ApprovalOutcome, 'withdrawn'>;

const STATUS_AFTER: Record<Decided, PurchaseStatus> = {
  approved: 'approved',
  // The priced cart goes back to the rep, who can edit it or send it again.
  rejected: 'priced',
  expired: 'expired',
};

/**
 * Approve or reject. The clicker is authorised from the activity's aadObjectId; the decision is one
 * conditional write with the eTag that was read, so of two approvers (or one clicking twice) exactly one
 * decides and orders, and the other is shown the decision already taken.
 */
export async function decide(
  deps: ApprovalDeps, turn: ActionTurn, p: { purchaseId: string; requestId: string; reason?: string }, choice: Choice,
): Promise<TurnResult> {
  const { actor, locale } = turn;
  const loaded = await deps.purchases.load(p.purchaseId);
  if (!loaded || !hasApproval(loaded.purchase)) {
    return { card: noticeCard(t(locale, 'approval.notFound.title'), t(locale, 'approval.notFound.text')), audience: 'clicker' };
  }
  const purchase = loaded.purchase;
  const right = decisionRight(deps.approvals.policy, actor, purchase);
  if (right !== 'allowed') {
    deps.log.warn({ purchaseId: purchase.id, actor: actor.aadObjectId, verb: turn.verb, right }, 'refused: not allowed to decide');
    await recordAttempt(deps, actor, purchase, 'approval.refused', 'denied', { attempted: choice, refusal: right });
    const banner = t(locale, right === 'own_purchase' ? 'approval.refused.ownPurchase' : 'approval.refused.notApprover');
    return { card: await sharedApprovalCard(deps, purchase, 'everyone', locale, banner), audience: 'clicker' };
  }
  await deps.approvals.directory.remember(actor);
  if (!isOpenRequest(purchase, p.requestId)) return alreadyDecided(deps, turn, purchase, p.requestId);

  const decision = decisionFor(purchase, turn, p.reason, choice, deps.now());
  const saved = await deps.purchases.saveOrReload(
    loaded,
    { ...purchase, status: STATUS_AFTER[decision.outcome], approval: { ...purchase.approval, decision } },
    {
      action: `approval.${decision.outcome}`,
      actor,
      details: {
        requestId: purchase.approval.requestId, decision: decision.outcome, reason: decision.reason,
        approverTenantId: actor.tenantId, requesterTenantId: purchase.approval.requestedBy.tenantId,
      },
    },
  );
  if (!saved.saved) {
    // Another approver (or instance) decided first: this click is recorded and sees their decision.
    await recordAttempt(deps, actor, saved.purchase, 'approval.conflict', 'conflict', { attempted: choice });
    return alreadyDecided(deps, turn, hasApproval(saved.purchase) ? saved.purchase : purchase, p.requestId);
  }
  await deps.approvals.pending.remove(purchase.id);
  const decided = saved.purchase;
  if (!hasApproval(decided)) throw new Error('approval vanished on save');
  // Clicked on the approval card itself: the bot updates that message with the answer. Clicked elsewhere
  // (a card opened from `pending`): the answer is for the clicker, the approval card is updated here.
  const onSharedCard = turn.replyToId !== undefined && turn.replyToId === purchase.approval.card?.activityId;
  const audience = onSharedCard ? 'everyone' : 'clicker';
  const cardLocale = onSharedCard ? purchase.locale : locale;
  if (decision.outcome !== 'approved') {
    return {
      card: await sharedApprovalCard(deps, decided, 'everyone', cardLocale),
      audience,
      after: () => publishDecision(deps, decided, { skipSharedCard: onSharedCard }),
    };
  }
  const ordering = orderApproved(deps, saved.loaded, actor);
  if (await settledWithin(deps.answerBudgetMs, ordering)) {
    const final = await deps.purchases.load(purchase.id);
    const shown = final && hasApproval(final.purchase) ? final.purchase : decided;
    return { card: await sharedApprovalCard(deps, shown, 'everyone', cardLocale), audience, after: () => publishDecision(deps, shown, { skipSharedCard: onSharedCard }) };
  }
  return {
    card: await sharedApprovalCard(deps, decided, 'everyone', cardLocale),
    audience,
    after: async () => {
      await publishDecision(deps, decided, { skipSharedCard: onSharedCard });
      await ordering;
      await publishLatest(deps, purchase.id);
    },
  };
}

function decisionFor(purchase: WithApproval, turn: ActionTurn, reason: string | undefined, choice: Choice, now: Date): ApprovalDecision & { outcome: Decided } {
  // A cart past its expiry cannot be checked out (checkout-a-cart): whatever was clicked, it goes back
  // to the requester to rebuild.
  const outcome: Decided = cartExpired(purchase, now) ? 'expired' : choice === 'approve' ? 'approved' : 'rejected';
  return { outcome, by: turn.actor, at: now.toISOString(), reason: choice === 'reject' && reason ? reason : undefined };
}

/** The request as it now stands, for the clicker alone; a card of an earlier request says so. */
async function alreadyDecided(deps: ApprovalDeps, turn: ActionTurn, purchase: WithApproval, requestId: string): Promise<TurnResult> {
  const current = purchase.approval.requestId === requestId;
  const banner = t(turn.locale, !current ? 'approval.superseded' : purchase.approval.decision?.outcome === 'withdrawn' ? 'approval.withdrawnAlready' : 'approval.alreadyDecided');
  return { card: await sharedApprovalCard(deps, purchase, 'everyone', turn.locale, banner), audience: 'clicker' };
}
