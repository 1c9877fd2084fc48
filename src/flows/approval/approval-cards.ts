import type { Purchase } from '../purchase/purchase';
import type { PurchaseKinds } from '../purchase/purchase-kind';
import type { AdaptiveCard } from '../ports';
import type { ApprovalDeps } from './approval-deps';
import type { Approval } from '../purchase/approval-schema';
import { isOpenRequest } from './approval-stage';
import { approvalCard } from './views/approval-card';

export type WithApproval = Purchase & { approval: Approval };

export function hasApproval(purchase: Purchase): purchase is WithApproval {
  return purchase.approval !== undefined;
}

/**
 * The card shown in the approval channel (and its user-specific views). While the request is open it
 * carries `refresh`, so each approver's client asks the bot for their own view with the buttons; once it
 * is decided there is nothing user-specific left and everyone sees the same card.
 */
export async function sharedApprovalCard(
  deps: ApprovalDeps, purchase: WithApproval, view: 'approver' | 'everyone', locale: string, banner?: string,
): Promise<AdaptiveCard> {
  const open = isOpenRequest(purchase, purchase.approval.requestId);
  // Approvers the bot has not met yet have no known Teams id; with none known, userIds is left out so
  // Teams refreshes for every member of a chat or channel of up to 60 people (User-Specific-Views), and
  // the others can still use "Refresh card" or `pending`.
  const requester = purchase.approval.requestedBy.aadObjectId.toLowerCase();
  const deciders = [...deps.approvals.policy.approverIds].filter((id) => id !== requester);
  const userIds = open ? await deps.approvals.directory.teamsUserIds(deciders) : [];
  return approvalCard(purchase, { view, locale, now: deps.now(), kinds: deps.kinds, banner, refresh: open ? { userIds } : undefined });
}

/** The rep's own card for the request: waiting, or the decision and what they can do next. */
export function requesterCard(deps: { now: () => Date; kinds: PurchaseKinds }, purchase: WithApproval, banner?: string): AdaptiveCard {
  return approvalCard(purchase, { view: 'requester', locale: purchase.locale, now: deps.now(), kinds: deps.kinds, banner });
}
