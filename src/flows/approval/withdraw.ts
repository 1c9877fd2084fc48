import type { z } from 'zod';
import { t } from '../../i18n/translate';
import { noticeCard } from '../views/notice-card';
import type { ActionTurn, TurnResult } from '../ports';
import { hasApproval, requesterCard } from './approval-cards';
import { recordAttempt } from './approval-audit';
import type { ApprovalDeps } from './approval-deps';
import type { approvalRefSchema } from './approval-payloads';
import { isOpenRequest } from './approval-stage';
import { publishDecision } from './publish-decision';

/**
 * "Withdraw request" on the rep's waiting card. Only the requester, known from the activity, may take
 * the request back, and only while it still waits. The withdrawal is one conditional write (the purchase
 * cancelled, the request closed as `withdrawn`) over the eTag that was read, the same write an approver's
 * decision races: exactly one of them wins, and the loser is shown the winner's outcome. Nothing is sent
 * to Partner Center. The approval card in the channel is then updated so nobody can approve it any more.
 */
export async function withdrawRequest(deps: ApprovalDeps, turn: ActionTurn, p: z.infer<typeof approvalRefSchema>): Promise<TurnResult> {
  const { actor, locale } = turn;
  const loaded = await deps.purchases.load(p.purchaseId);
  if (!loaded || !hasApproval(loaded.purchase)) {
    return { card: noticeCard(t(locale, 'approval.notFound.title'), t(locale, 'approval.notFound.text')), audience: 'clicker' };
  }
  const purchase = loaded.purchase;
  const requester = purchase.approval.requestedBy;
  if (requester.aadObjectId.toLowerCase() !== actor.aadObjectId.toLowerCase()) {
    deps.log.warn({ purchaseId: purchase.id, actor: actor.aadObjectId, verb: turn.verb }, 'refused: not the requester');
    await recordAttempt(deps, actor, purchase, 'approval.refused', 'denied', { attempted: 'withdraw', refusal: 'not_requester' });
    const text = t(locale, 'approval.withdraw.notRequester', { name: requester.name });
    return { card: noticeCard(t(locale, 'approval.withdraw.notRequesterTitle'), text), audience: 'clicker' };
  }
  if (!isOpenRequest(purchase, p.requestId)) return { card: await requesterCard(deps, purchase, t(locale, 'approval.withdraw.tooLate')), audience: 'clicker' };

  const decision = { outcome: 'withdrawn' as const, by: actor, at: deps.now().toISOString() };
  const saved = await deps.purchases.saveOrReload(
    loaded,
    { ...purchase, status: 'cancelled', approval: { ...purchase.approval, decision } },
    { action: 'approval.withdrawn', actor, details: { requestId: purchase.approval.requestId } },
  );
  if (!saved.saved) {
    // An approver (or a second click) got there first: nothing more is written but the attempt.
    await recordAttempt(deps, actor, saved.purchase, 'approval.conflict', 'conflict', { attempted: 'withdraw' });
    const now = hasApproval(saved.purchase) ? saved.purchase : purchase;
    return { card: await requesterCard(deps, now, t(locale, 'approval.withdraw.tooLate')), audience: 'clicker' };
  }
  await deps.approvals.pending.remove(purchase.id);
  const withdrawn = saved.purchase;
  if (!hasApproval(withdrawn)) throw new Error('approval vanished on save');
  return { card: await requesterCard(deps, withdrawn), after: () => publishDecision(deps, withdrawn, { skipSharedCard: false }) };
}
