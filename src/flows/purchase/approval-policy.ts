import { amountFor, type AmountsByCurrency } from '../../amounts-by-currency';
import type { Purchase } from './purchase';
import type { Actor } from '../ports';
import type { CurrencyTotal } from './priced-cart';

/** APPROVER_IDS, APPROVAL_THRESHOLD, APPROVAL_CHANNEL_ID and PURCHASE_LIMIT as validated by config.ts. */
export interface ApprovalPolicy {
  /** Entra object ids, lower-case: Teams sends them lower-case, admins may paste them in any case. */
  approverIds: ReadonlySet<string>;
  /** Total (per currency) from which a purchase needs approval; undefined = never. */
  threshold?: AmountsByCurrency;
  channelId?: string;
  /** Total (per currency) above which a purchase is refused outright; undefined = no limit. */
  purchaseLimit?: AmountsByCurrency;
}

export interface ApprovalPolicySettings {
  approverIds: readonly string[];
  threshold?: AmountsByCurrency;
  channelId?: string;
  purchaseLimit?: AmountsByCurrency;
}

export function approvalPolicy(settings: ApprovalPolicySettings): ApprovalPolicy {
  return {
    approverIds: new Set(settings.approverIds.map((id) => id.toLowerCase())),
    threshold: settings.threshold,
    channelId: settings.channelId,
    purchaseLimit: settings.purchaseLimit,
  };
}

/** Approvals are on when there is a threshold and someone to approve. */
export function approvalsEnabled(policy: ApprovalPolicy): boolean {
  return policy.threshold !== undefined && policy.approverIds.size > 0;
}

/** A purchase's totals as its kind says them (purchaseTotals); undefined when Partner Center gave no price. */
type Totals = CurrencyTotal[] | undefined;

/**
 * True when any currency's total of the purchase reaches its threshold (0 = every purchase), or is in a
 * currency no threshold is set for. A purchase whose total is unknown (a line without a price, a legacy
 * add-on, an order) could cost anything: with approvals on, it always needs an approver, who sees on the
 * card that the price is unknown.
 */
export function needsApproval(policy: ApprovalPolicy, totals: Totals): boolean {
  const threshold = policy.threshold;
  if (threshold === undefined || !approvalsEnabled(policy)) return false;
  if (totals === undefined) return true;
  return totals.some((total) => {
    const applies = amountFor(threshold, total.currency);
    return applies === undefined || total.amount >= applies;
  });
}

/** The threshold the approval record keeps: the one of the purchase's (first) currency, 0 when none applies. */
export function thresholdFor(policy: ApprovalPolicy, totals: Totals): number {
  const currency = totals?.[0]?.currency;
  return (policy.threshold && currency ? amountFor(policy.threshold, currency) : policy.threshold?.anyCurrency) ?? 0;
}

export type LimitExceeded =
  | { kind: 'over'; currency: string; amount: number; limit: number }
  | { kind: 'no_limit'; currency: string }
  | { kind: 'unknown_total' };

/**
 * Why PURCHASE_LIMIT refuses the purchase, or undefined when it is within it. A currency the limit does
 * not name is refused (it cannot be compared); an unknown total is refused unless approvals are on, in
 * which case an approver decides (needsApproval sends every unknown total to one).
 */
export function purchaseLimitExceeded(policy: ApprovalPolicy, totals: Totals): LimitExceeded | undefined {
  if (!policy.purchaseLimit) return undefined;
  if (totals === undefined) return approvalsEnabled(policy) ? undefined : { kind: 'unknown_total' };
  for (const total of totals) {
    const limit = amountFor(policy.purchaseLimit, total.currency);
    if (limit === undefined) return { kind: 'no_limit', currency: total.currency };
    if (total.amount > limit) return { kind: 'over', currency: total.currency, amount: total.amount, limit };
  }
  return undefined;
}

export function isApprover(policy: ApprovalPolicy, actor: Actor): boolean {
  return policy.approverIds.has(actor.aadObjectId.toLowerCase());
}

type DecisionRight = 'allowed' | 'not_approver' | 'own_purchase';

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
