import { t } from '../../i18n/translate';
import { noticeCard } from '../views/notice-card';
import type { CommandTurn, TurnResult } from '../ports';
import { hasApproval, type WithApproval } from './approval-cards';
import type { ApprovalDeps } from './approval-deps';
import { approvalsEnabled, decisionRight, isApprover } from '../purchase/approval-policy';
import { isOpenRequest } from './approval-stage';
import { latestPurchaseOf } from '../purchase/conversation-purchase';
import { currentCard } from '../purchase/current-card';
import { pendingCard } from './views/pending-card';

/** `pending`: what waits for the approver who asks; a rep sees their own request of this conversation, or why nothing waits. */
export async function listPending(deps: ApprovalDeps, turn: CommandTurn): Promise<TurnResult> {
  const { policy } = deps.approvals;
  const locale = turn.locale;
  if (!approvalsEnabled(policy)) return { card: noticeCard(t(locale, 'pending.off.title'), t(locale, 'pending.off.text')) };
  if (!isApprover(policy, turn.actor)) {
    // A rep's own request: their purchase of this conversation, found by the one open-purchase rule.
    const mine = (await latestPurchaseOf(deps, turn.conversation.id, turn.actor))?.purchase;
    if (mine?.status === 'awaiting_approval') return { card: await currentCard(deps, mine) };
    return { card: noticeCard(t(locale, 'pending.notApprover.title'), t(locale, 'pending.notApprover.text')) };
  }
  await deps.approvals.directory.remember(turn.actor);
  const waiting: WithApproval[] = [];
  for (const id of await deps.approvals.pending.purchaseIds()) {
    const purchase = (await deps.purchases.load(id))?.purchase;
    if (!purchase || !hasApproval(purchase) || !isOpenRequest(purchase, purchase.approval.requestId)) continue;
    if (decisionRight(policy, turn.actor, purchase) === 'allowed') waiting.push(purchase);
  }
  return { card: pendingCard(locale, waiting, deps.kinds) };
}
