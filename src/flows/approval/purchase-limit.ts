import { describeAmounts } from '../../amounts-by-currency';
import { t } from '../../i18n/translate';
import { noticeCard } from '../views/notice-card';
import { money } from '../views/format';
import { partnerCenterCart, type Purchase } from '../purchase/purchase';
import type { CurrencyTotal } from '../purchase/priced-cart';
import type { ActionTurn, TurnResult } from '../ports';
import type { ApprovalSettings } from './approval-deps';
import { purchaseLimitExceeded, type LimitExceeded } from '../purchase/approval-policy';

/**
 * PURCHASE_LIMIT, checked where a purchase leaves the rep's hands (before an approval or the checkout):
 * a purchase above it is refused outright with the reason, nothing is sent to Partner Center, and the
 * refusal is filed in the purchase's audit trail. The purchase stays as it was, so the rep can shrink it.
 */
export async function refusedByPurchaseLimit(
  approvals: ApprovalSettings, turn: ActionTurn, purchase: Purchase, totals: CurrencyTotal[] | undefined,
): Promise<TurnResult | undefined> {
  const exceeded = purchaseLimitExceeded(approvals.policy, totals);
  const limit = approvals.policy.purchaseLimit;
  if (!exceeded || !limit) return undefined;
  await approvals.audit.append({
    actor: { aadObjectId: turn.actor.aadObjectId, tenantId: turn.actor.tenantId || 'unknown', name: turn.actor.name || undefined },
    action: 'purchase.overLimit', purchaseId: purchase.id, customerId: purchase.customer?.id, cartId: partnerCenterCart(purchase)?.id ?? undefined,
    outcome: 'denied', correlationId: purchase.correlationId,
    details: { ...exceeded, purchaseLimit: describeAmounts(limit) },
  });
  return { card: noticeCard(t(turn.locale, 'limit.refused.title'), reason(turn.locale, exceeded)), audience: 'clicker' };
}

function reason(locale: string, exceeded: LimitExceeded): string {
  switch (exceeded.kind) {
    case 'over':
      return t(locale, 'limit.refused.over', { amount: money(locale, exceeded.amount, exceeded.currency), limit: money(locale, exceeded.limit, exceeded.currency) });
    case 'no_limit':
      return t(locale, 'limit.refused.noLimit', { currency: exceeded.currency });
    case 'unknown_total':
      return t(locale, 'limit.refused.unknownTotal');
  }
}
