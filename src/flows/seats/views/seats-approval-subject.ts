import { plainText } from '../../../cards/plain-text';
import { displayText } from '../../../cards/card-guard';
import { cardDateTime } from '../../../i18n/card-time';
import { linePriceText } from '../../../i18n/prices';
import { t } from '../../../i18n/translate';
import type { SeatsPurchase } from '../../purchase/purchase';
import { approvalTotals, customerFact, type ApprovalSubject } from '../../purchase/views/approval-subject-parts';
import { licenceLine, seatChangePrices, seatChangeTotals } from '../seat-change-money';

/**
 * A seat change as its approver sees it: the subscription, old → new licences, the licences added or
 * removed with the price of one, and what the difference costs each period and over the term; or plainly
 * that Partner Center gave no price. There is no cart to expire.
 */
export function seatsApprovalSubject(purchase: SeatsPurchase, locale: string): ApprovalSubject {
  const { change, subscription } = purchase.seats;
  const name = subscription?.name ?? '';
  const facts = [customerFact(purchase, locale), { title: t(locale, 'approval.fact.subscription'), value: plainText(name) }];
  // Renewal changes spend nothing and never wait for an approver: the subscription is all there is to name.
  if (change?.kind === 'auto_renew' || change?.kind === 'scheduled_quantity') return { facts, lines: [], totals: [] };
  if (change?.kind !== 'quantity') {
    const quantity = change?.quantity ?? subscription?.quantity ?? 0;
    const refund = purchase.seats.cancelWindow;
    const detail = refund
      ? t(locale, 'seats.cancel.refund', { refund: t(locale, `seats.refund.${refund.refund}`), date: cardDateTime(refund.until) })
      : t(locale, 'seats.cancel.quantity', { count: quantity });
    return { facts, lines: [{ title: displayText(t(locale, 'seats.approval.cancelled', { name, count: quantity })), detail: displayText(detail) }], totals: [] };
  }
  const unit = licenceLine(purchase);
  const difference = {
    title: displayText(t(locale, change.to > change.from ? 'seats.approval.added' : 'seats.approval.removed', { count: Math.abs(change.to - change.from), name })),
    detail: displayText(unit ? linePriceText(locale, unit) : t(locale, 'seats.approval.noPrice')),
  };
  return {
    facts: [...facts, { title: t(locale, 'seats.approval.licences'), value: `${change.from} → ${change.to}` }],
    lines: [difference],
    totals: approvalTotals(locale, seatChangeTotals(purchase), seatChangePrices(purchase), t(locale, 'seats.approval.totalUnknown')),
    approveLabel: t(locale, 'seats.approval.approve'),
  };
}
