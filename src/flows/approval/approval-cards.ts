import type { Purchase } from '../purchase/purchase';
import type { AdaptiveCard } from '../ports';
import type { ApprovalDeps } from './approval-deps';
import type { Approval } from '../purchase/approval-schema';
import { isOpenRequest } from './approval-stage';
import { approvalCard } from './views/approval-card';
import { kindOf } from '../purchase/purchase-kind';

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
  const userIds = open ? await deps.approvals.directory.teamsUserIds(decidersOf(deps, purchase)) : [];
  return approvalCard(purchase, { view, locale, now: deps.now(), kinds: deps.kinds, banner, refresh: open ? { userIds } : undefined });
}

/**
 * The rep's own card for the request: while it waits, who can approve it and "Withdraw request"; once
 * decided, the decision and what they can do next.
 */
export async function requesterCard(deps: ApprovalDeps, purchase: WithApproval, banner?: string): Promise<AdaptiveCard> {
  const locale = purchase.locale;
  const approvers = isOpenRequest(purchase, purchase.approval.requestId) ? await deps.approvals.directory.names(decidersOf(deps, purchase)) : undefined;
  const next = kindOf(deps.kinds, purchase).afterApproval(purchase.approval.decision?.outcome, locale);
  return approvalCard(purchase, { view: 'requester', locale, now: deps.now(), kinds: deps.kinds, banner, approvers, next });
}

/** The approvers who may decide this request: everyone on APPROVER_IDS but the requester (four eyes). */
function decidersOf(deps: ApprovalDeps, purchase: WithApproval): string[] {
  const requester = purchase.approval.requestedBy.aadObjectId.toLowerCase();
  return [...deps.approvals.policy.approverIds].filter((id) => id !== requester);
}
