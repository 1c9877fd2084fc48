import type { Purchase } from '../purchase/purchase';
import type { Actor } from '../ports';
import { purchaseTotals } from './purchase-totals';

/** APPROVER_IDS, APPROVAL_THRESHOLD and APPROVAL_CHANNEL_ID as validated by config.ts. */
export interface ApprovalPolicy {
  /** Entra object ids, lower-case: Teams sends them lower-case, admins may paste them in any case. */
  approverIds: ReadonlySet<string>;
  /** Cart total (in the cart's currency) from which a purchase needs approval; undefined = never. */
  threshold?: number;
  channelId?: string;
}

export function approvalPolicy(settings: { approverIds: readonly string[]; threshold?: number; channelId?: string }): ApprovalPolicy {
  return {
    approverIds: new Set(settings.approverIds.map((id) => id.toLowerCase())),
    threshold: settings.threshold,
    channelId: settings.channelId,
  };
}

/** Approvals are on when there is a threshold and someone to approve. */
export function approvalsEnabled(policy: ApprovalPolicy): boolean {
  return policy.threshold !== undefined && policy.approverIds.size > 0;
}

/**
 * True when any currency's total of the purchase reaches the threshold (0 = every purchase). A purchase
 * whose price Partner Center does not give (a legacy add-on) could cost anything: with approvals on, it
 * always needs an approver, who sees on the card that the price is unknown.
 */
export function needsApproval(policy: ApprovalPolicy, purchase: Purchase): boolean {
  if (!approvalsEnabled(policy)) return false;
  const threshold = policy.threshold!;
  const totals = purchaseTotals(purchase);
  return threshold === 0 || totals === undefined || totals.some((total) => total.amount >= threshold);
}

export function isApprover(policy: ApprovalPolicy, actor: Actor): boolean {
  return policy.approverIds.has(actor.aadObjectId.toLowerCase());
}

export type DecisionRight = 'allowed' | 'not_approver' | 'own_purchase';

/**
 * Who may decide, from the activity's aadObjectId only (never card data). An approver who asked for the
 * purchase may not approve it: the four-eyes rule holds even when a rep is also on the approver list.
 */
export function decisionRight(policy: ApprovalPolicy, actor: Actor, purchase: Purchase): DecisionRight {
  if (!isApprover(policy, actor)) return 'not_approver';
  const clicker = actor.aadObjectId.toLowerCase();
  const own = [purchase.owner.aadObjectId, purchase.approval?.requestedBy.aadObjectId].some((id) => id?.toLowerCase() === clicker);
  return own ? 'own_purchase' : 'allowed';
}
