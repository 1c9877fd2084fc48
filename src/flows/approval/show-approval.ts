import type { z } from 'zod';
import { t } from '../../i18n/translate';
import { noticeCard } from '../views/notice-card';
import type { ActionTurn, TurnResult } from '../ports';
import { hasApproval, sharedApprovalCard } from './approval-cards';
import type { ApprovalDeps } from './approval-deps';
import type { approvalRefSchema } from './approval-payloads';
import { decisionRight } from '../purchase/approval-policy';

/**
 * `approval.show`: the card's refresh (automatic or "Refresh card") and "Open" on the `pending` list.
 * Approvers other than the requester get the decision controls, everyone else the status. The answer
 * goes to the asking client only and never updates the message: a message update makes every client
 * refresh again, which would loop (docs/platform-notes.md, "Universal Actions (`Action.Execute`) and card refresh").
 */
export async function showApproval(deps: ApprovalDeps, turn: ActionTurn, p: z.infer<typeof approvalRefSchema>): Promise<TurnResult> {
  const loaded = await deps.purchases.load(p.purchaseId);
  if (!loaded || !hasApproval(loaded.purchase)) {
    return { card: noticeCard(t(turn.locale, 'approval.notFound.title'), t(turn.locale, 'approval.notFound.text')), audience: 'clicker' };
  }
  const purchase = loaded.purchase;
  const approver = decisionRight(deps.approvals.policy, turn.actor, purchase) === 'allowed';
  if (approver) await deps.approvals.directory.remember(turn.actor);
  const banner = purchase.approval.requestId === p.requestId ? undefined : t(turn.locale, 'approval.superseded');
  return { card: await sharedApprovalCard(deps, purchase, approver ? 'approver' : 'everyone', turn.locale, banner), audience: 'clicker' };
}
